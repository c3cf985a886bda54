import type { Core } from '../core'
import { inTransaction } from '../db/transaction'
import { AppError } from '../errors'
import { businessDateKey, calendarBusinessDate, hotelClockSettings, nightAuditDueAt, putClockSetting } from '../hotel-clock'
import type { NightAuditReport } from '../night-audit/night-audit.report'
import { automaticAuditor, runNightAudit } from '../night-audit/night-audit.service'
import { escalateDuePrompts, flagOverduePrompts } from '../promises/escalation.service'
import type { RuleFacts } from '../prompts/prompt-generation'
import { activeRulesFor } from '../rules/rule.repository'
import { getSetting, putSetting } from '../setup/setting.repository'
import { fireSlot, type PlannedFiring } from './fire-slot'
import { claimFiring, isClaimed, pruneClaims, staysForSlot } from './scheduler.repository'
import { systemContext, type SchedulerCore } from './system-context'
import { dueSlots, fireKey, lateMinutesOf, lookbackDays, type TimedRule } from './timed-firings'

/*
 * The scheduler: timed work nobody asks for, in the process that owns the store (the hub, or
 * the desktop's core host), never inside a request. Each tick, in order: automatic night audits
 * due, timed rule firings due, escalations, overdue flags. Every piece of work is claimed or
 * guarded in the store (scheduled_fire, night_audit, a prompt's level), so a second process or a
 * restart never does it twice. Transactions hold at most `batchSize` items, and the tick yields
 * to the event loop between them, so requests are never kept waiting long.
 */

/** When the scheduler last looked (ISO instant): firings due since then are due now. */
export const lastTickKey = 'scheduler.lastTickAt'

export interface TickOptions {
  /** The tick interval: a firing later than this is marked late. */
  intervalMs?: number
  batchSize?: number
  /** Batches per kind of work in one tick; the rest waits for the next tick. */
  maxBatches?: number
  log?: (line: string) => void
}

export interface TickReport {
  audits: NightAuditReport[]
  /** Timed firings claimed (each fires a rule for one stay). */
  fired: number
  escalated: number
  overdue: number
  /** False when a bound stopped the tick before all due work was done (the next tick goes on). */
  complete: boolean
}

/** How often the scheduler ticks: 30 s, or ZHIKE_SCHEDULER_INTERVAL_MS (at least 200 ms). */
export function schedulerIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ZHIKE_SCHEDULER_INTERVAL_MS)
  return Number.isFinite(n) && n >= 200 ? n : 30_000
}

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve))

/** One tick at `now` (default: the core's clock). Never throws for the work's own failures: they are logged. */
/** A transaction of the scheduler holds the store for about this long before requests get a turn. */
const sliceMs = 10

export async function schedulerTick(core: SchedulerCore & Pick<Core, 'clock'>, now: Date = core.clock.now(), options: TickOptions = {}): Promise<TickReport> {
  const intervalMs = options.intervalMs ?? schedulerIntervalMs()
  const batchSize = Math.max(1, Math.min(200, options.batchSize ?? 200))
  const maxBatches = options.maxBatches ?? 25
  const log = options.log ?? (() => {})
  const report: TickReport = { audits: [], fired: 0, escalated: 0, overdue: 0, complete: true }

  report.audits = await runDueAudits(core, now, intervalMs, log)
  const firings = await fireDueRules(core, now, { intervalMs, batchSize, maxBatches, log })
  report.fired = firings.fired
  report.complete = firings.complete

  const ctx = systemContext(core, null, now)
  for (const [work, count] of [
    [escalateDuePrompts, (n: number) => (report.escalated += n)],
    [flagOverduePrompts, (n: number) => (report.overdue += n)],
  ] as const) {
    for (let batch = 0; ; batch++) {
      if (batch >= maxBatches) {
        report.complete = false
        break
      }
      const changed = guarded(log, 'escalation', () => inTransaction(core.sqlite, () => work(ctx, now, batchSize))) ?? 0
      count(changed)
      if (changed < batchSize) break
      await yieldToRequests()
    }
  }
  return report
}

function guarded<T>(log: (line: string) => void, what: string, work: () => T): T | undefined {
  try {
    return work()
  } catch (error) {
    log(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    return undefined
  }
}

/**
 * Automatic night audits due: one per business date, several when the app was closed for days
 * (each marked late). The first tick of a store that never had an audit fixes today's business
 * date, so the audit at the set time has a date to close.
 */
async function runDueAudits(core: SchedulerCore, now: Date, intervalMs: number, log: (line: string) => void): Promise<NightAuditReport[]> {
  const reports: NightAuditReport[] = []
  if (hotelClockSettings(core.sqlite).storedBusinessDate === null) {
    guarded(log, 'business date', () =>
      inTransaction(core.sqlite, () => {
        if (getSetting(core.sqlite, businessDateKey)) return
        putClockSetting(core.sqlite, businessDateKey, calendarBusinessDate(now, hotelClockSettings(core.sqlite)))
      }),
    )
  }
  for (let i = 0; i < lookbackDays * 3; i++) {
    const dueAt = nightAuditDueAt(core.sqlite, now)
    if (dueAt > now) break
    try {
      const audit = inTransaction(core.sqlite, () => runNightAudit(systemContext(core, automaticAuditor, now), { automatic: true, lateMinutes: lateMinutesOf(dueAt, now, intervalMs) }))
      reports.push(audit)
      log(`night audit closed ${audit.businessDate}${audit.lateMinutes ? ` (${audit.lateMinutes} min late)` : ''}`)
    } catch (error) {
      log(`night audit failed: ${error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      break
    }
    await yieldToRequests()
  }
  if (reports.length > 0) {
    // Claims older than the lookback can never be planned again.
    guarded(log, 'pruning claims', () => inTransaction(core.sqlite, () => pruneClaims(core.sqlite, new Date(now.getTime() - 2 * lookbackDays * 86_400_000).toISOString())))
  }
  return reports
}

/** The active timed rules: pre-arrival with days and a time, daily and post-stay with a time. */
export function timedRules(core: Pick<SchedulerCore, 'sqlite'>): Map<number, { facts: RuleFacts; timing: TimedRule }> {
  const rules = new Map<number, { facts: RuleFacts; timing: TimedRule }>()
  for (const trigger of ['pre_arrival', 'daily', 'post_stay'] as const) {
    for (const facts of activeRulesFor(core.sqlite, trigger)) {
      if (!facts.atTime || !/^([01]\d|2[0-3]):[0-5]\d$/.test(facts.atTime)) continue
      if (trigger === 'pre_arrival' && facts.offsetDays === null) continue
      rules.set(facts.id, { facts, timing: { id: facts.id, trigger, offsetDays: facts.offsetDays, atTime: facts.atTime } })
    }
  }
  return rules
}

async function fireDueRules(
  core: SchedulerCore,
  now: Date,
  options: { intervalMs: number; batchSize: number; maxBatches: number; log: (line: string) => void },
): Promise<{ fired: number; complete: boolean }> {
  const stored = Date.parse(getSetting(core.sqlite, lastTickKey) ?? '')
  // No tick before (a new store) or a clock set back: only what is due within one interval.
  const from = Number.isFinite(stored) && stored <= now.getTime() ? new Date(stored) : new Date(now.getTime() - options.intervalMs)
  const rules = timedRules(core)
  const { timeZone, nightAuditTime } = hotelClockSettings(core.sqlite)
  const slots = rules.size === 0 ? [] : dueSlots([...rules.values()].map((r) => r.timing), from, now, timeZone, nightAuditTime)
  const planned: PlannedFiring[] = []
  const stays = new Map<string, ReturnType<typeof staysForSlot>>()
  for (const slot of slots) {
    const rule = rules.get(slot.ruleId)!
    const match = { category: rule.facts.category, code: rule.facts.code }
    const cacheKey = `${slot.trigger}:${slot.stayDate}:${match.category}:${match.code}`
    if (!stays.has(cacheKey)) stays.set(cacheKey, staysForSlot(core.sqlite, slot.trigger, slot.stayDate, match))
    for (const stay of stays.get(cacheKey)!) {
      const key = fireKey(slot.ruleId, stay.id, slot.keyDate)
      if (!isClaimed(core.sqlite, key)) planned.push({ key, slot, rule: rule.facts, stayId: stay.id })
    }
  }
  // Planning read only; let waiting requests in before writing.
  if (planned.length > 0) await yieldToRequests()
  let fired = 0
  // Each transaction takes at most batchSize firings and about sliceMs of work, then requests go first.
  for (let next = 0, batch = 0; next < planned.length; batch++) {
    if (batch >= options.maxBatches) return { fired, complete: false }
    const ctx = systemContext(core, null, now)
    const started = performance.now()
    fired +=
      guarded(options.log, 'timed rules', () =>
        inTransaction(core.sqlite, () => {
          let claimed = 0
          for (let taken = 0; next < planned.length && taken < options.batchSize && performance.now() - started < sliceMs; taken++) {
            const firing = planned[next++]
            const late = lateMinutesOf(firing.slot.dueAt, now, options.intervalMs)
            if (!claimFiring(core.sqlite, firing.key, firing.slot.dueAt.toISOString(), now.toISOString(), late)) continue
            claimed++
            fireSlot(ctx, firing, late)
          }
          return claimed
        }),
      ) ?? 0
    await yieldToRequests()
  }
  guarded(options.log, 'scheduler clock', () => inTransaction(core.sqlite, () => putSetting(core.sqlite, lastTickKey, now.toISOString())))
  return { fired, complete: true }
}

/**
 * Ticks every `intervalMs` from a timer (a setTimeout chain: a tick never overlaps the last),
 * the first soon after start so missed work fires at once, marked late. Returns `stop`, which
 * resolves once a tick in progress has finished.
 */
export function startScheduler(core: SchedulerCore & Pick<Core, 'clock'>, options: { intervalMs?: number; log?: (line: string) => void } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? schedulerIntervalMs()
  const log = options.log ?? (() => {})
  let stopped = false
  let running: Promise<unknown> | null = null
  let timer: NodeJS.Timeout | null = null
  const schedule = (delay: number) => {
    if (stopped) return
    timer = setTimeout(() => {
      running = schedulerTick(core, core.clock.now(), { intervalMs, log })
        .catch((error: unknown) => log(`tick failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
        .finally(() => {
          running = null
          schedule(intervalMs)
        })
    }, delay)
    timer.unref?.()
  }
  schedule(Math.min(intervalMs, 1000))
  return async () => {
    stopped = true
    if (timer) clearTimeout(timer)
    await running
  }
}
