import type { Core } from '../core'
import { inTransaction } from '../db/transaction'
import { AppError } from '../errors'
import { businessDateKey, calendarBusinessDate, hotelClockSettings, nightAuditDueAt, putClockSetting } from '../hotel-clock'
import type { NightAuditReport } from '../night-audit/night-audit.report'
import { automaticAuditor, runNightAudit } from '../night-audit/night-audit.service'
import { escalateDuePrompts, flagOverduePrompts } from '../promises/escalation.service'
import type { Sqlite } from '../db/query'
import { getSetting, putSetting } from '../setup/setting.repository'
import { fireSlot, type PlannedFiring } from './fire-slot'
import { claimFiring, pruneClaims, timedRulesAt, unclaimedStaysForSlot } from './scheduler.repository'
import { systemContext, type SchedulerCore } from './system-context'
import { isStorePaused, trackStoreWork } from '../backup/store-pause'
import { startDueDailyBackup } from '../backup/backup.service'
import { dueSlots, dueTimeRanges, fireKey, lateMinutesOf, lookbackDays, type DueSlot, type TimedRule } from './timed-firings'

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
  /** Told how long (ms) each stretch of the tick held the thread (the planning read, each write transaction): for the benchmark. */
  sliceObserver?: (msHeld: number) => void
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

/** A transaction of the scheduler holds the store for about this long before requests get a turn. */
const sliceMs = 5

/** One tick at `now` (default: the core's clock). Never throws for the work's own failures: they are logged. */
export function schedulerTick(core: SchedulerCore & Pick<Core, 'clock'>, now: Date = core.clock.now(), options: TickOptions = {}): Promise<TickReport> {
  // While a backup is restored there is no tick; the restore waits for a tick in progress (backup/store-pause.ts).
  if (isStorePaused(core.sqlite)) return Promise.resolve({ audits: [], fired: 0, escalated: 0, overdue: 0, complete: false })
  return trackStoreWork(core.sqlite, tick(core, now, options))
}

async function tick(core: SchedulerCore & Pick<Core, 'clock'>, now: Date, options: TickOptions): Promise<TickReport> {
  const intervalMs = options.intervalMs ?? schedulerIntervalMs()
  const batchSize = Math.max(1, Math.min(200, options.batchSize ?? 200))
  const maxBatches = options.maxBatches ?? 25
  const log = options.log ?? (() => {})
  const observe = options.sliceObserver
  const held = <T>(work: () => T): T => {
    if (!observe) return work()
    const t = performance.now()
    try {
      return work()
    } finally {
      observe(performance.now() - t)
    }
  }
  const report: TickReport = { audits: [], fired: 0, escalated: 0, overdue: 0, complete: true }

  report.audits = await runDueAudits(core, now, intervalMs, log)
  const firings = await fireDueRules(core, now, { intervalMs, batchSize, maxBatches, log, held })
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
      // Each transaction holds the store about sliceMs at most, then requests go first.
      const until = performance.now() + sliceMs
      const slice = guarded(log, 'escalation', () => held(() => inTransaction(core.sqlite, () => work(ctx, now, batchSize, until))))
      if (!slice) break
      count(slice.changed)
      if (slice.done) break
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

/**
 * What is due between `from` and `now`: the timed rules whose time of day falls in the window
 * (read by time from the store, not all rules), their slots (dueSlots), and for each slot the
 * stays it fires for that no process has claimed yet (one query each). Read only.
 */
export function planDueFirings(sqlite: Sqlite, from: Date, now: Date): { slots: DueSlot[]; planned: PlannedFiring[] } {
  const { timeZone, nightAuditTime } = hotelClockSettings(sqlite)
  const ranges = dueTimeRanges(from, now, timeZone)
  const rules = ranges.length === 0 ? [] : timedRulesAt(sqlite, ranges)
  if (rules.length === 0) return { slots: [], planned: [] }
  const byId = new Map(rules.map((r) => [r.id, r]))
  const slots = dueSlots(
    rules.map((r) => ({ id: r.id, trigger: r.trigger as TimedRule['trigger'], offsetDays: r.offsetDays, atTime: r.atTime! })),
    from,
    now,
    timeZone,
    nightAuditTime,
  )
  const planned: PlannedFiring[] = []
  for (const slot of slots) {
    const rule = byId.get(slot.ruleId)!
    for (const stay of unclaimedStaysForSlot(sqlite, slot, { category: rule.category, code: rule.code })) {
      planned.push({ key: fireKey(slot.ruleId, stay.id, slot.keyDate), slot, rule, stayId: stay.id })
    }
  }
  return { slots, planned }
}

async function fireDueRules(
  core: SchedulerCore,
  now: Date,
  options: { intervalMs: number; batchSize: number; maxBatches: number; log: (line: string) => void; held: <T>(work: () => T) => T },
): Promise<{ fired: number; complete: boolean }> {
  const stored = Date.parse(getSetting(core.sqlite, lastTickKey) ?? '')
  // No tick before (a new store) or a clock set back: only what is due within one interval.
  const from = Number.isFinite(stored) && stored <= now.getTime() ? new Date(stored) : new Date(now.getTime() - options.intervalMs)
  const { planned } = options.held(() => planDueFirings(core.sqlite, from, now))
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
        options.held(() => inTransaction(core.sqlite, () => {
          let claimed = 0
          for (let taken = 0; next < planned.length && taken < options.batchSize && performance.now() - started < sliceMs; taken++) {
            const firing = planned[next++]
            const late = lateMinutesOf(firing.slot.dueAt, now, options.intervalMs)
            if (!claimFiring(core.sqlite, firing.key, firing.slot.dueAt.toISOString(), now.toISOString(), late)) continue
            claimed++
            fireSlot(ctx, firing, late)
          }
          return claimed
        })),
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
        // The daily backup (backup/backup.service.ts): claimed once per business date, run in the background.
        .then(() => {
          if (!stopped) startDueDailyBackup(core, core.clock.now(), (line) => log(line))
        })
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
