/*
 * Promise reports, pure: from the prompts of a date range to the figures a manager reads. No store,
 * no clock: the caller passes the rows, "now" and a function giving an instant's business date.
 *
 * The rules (the screen's help text says the same):
 * - a prompt done or declined without an acknowledgement counts as acknowledged at that moment;
 * - acknowledged within promise: acknowledged by escalate_at. A prompt still unacknowledged after
 *   its promise counts as broken; one still inside its promise is not judged yet;
 * - done within promise: tasks only (standing instructions are never overdue), done by due_at.
 *   A task still not done after due_at counts as broken; declined tasks are left out of this rate
 *   and reported with their reasons;
 * - cancelled prompts (stay withdrawn, guest left before anyone acted) are counted, never rated;
 * - times are minutes from issue (created_at); medians and p90 interpolate between ranks.
 */

export interface PromptFacts {
  id: number
  createdAt: string
  escalateAt: string
  dueAt: string
  acknowledgedAt: string | null
  doneAt: string | null
  declinedAt: string | null
  declineReason: string | null
  status: string
  kind: string
  ruleId: number
  ruleKey: string
  ruleText: { en: string; zh: string }
  department: string
  departmentName: { en: string; zh: string }
  room: string | null
}

export interface PromiseFigures {
  issued: number
  cancelled: number
  /** Acknowledged (or acted on) within / after the promise, or still unacknowledged past it. */
  ackJudged: number
  ackWithin: number
  /** Percent, one decimal; null when nothing could be judged yet. */
  ackWithinPct: number | null
  /** Tasks done, or still not done past due; declined left out. */
  doneJudged: number
  doneWithin: number
  doneWithinPct: number | null
  declined: number
  /** Minutes from issue to acknowledgement: median and 90th percentile, one decimal; null with no data. */
  ackMinutes: { median: number | null; p90: number | null }
  /** Minutes from issue to done (tasks). */
  doneMinutes: { median: number | null; p90: number | null }
}

export interface WorstPrompt {
  id: number
  department: string
  departmentName: { en: string; zh: string }
  ruleKey: string
  ruleText: { en: string; zh: string }
  room: string | null
  createdAt: string
  /** The promise broken worst: to acknowledge, or to be done. */
  promise: 'acknowledge' | 'done'
  /** Whole minutes past that promise (to now, when still not kept). */
  lateMinutes: number
  /** True when the promise is still not kept at the time of the report. */
  stillOpen: boolean
  status: string
}

export interface DeclineReason {
  reason: string
  count: number
  departments: string[]
}

const minute = 60_000
const ms = (iso: string) => Date.parse(iso)

/** The linear-interpolation percentile (p in 0..1) of unsorted values; null for none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, p))
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low)
}

const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)

/** A share in percent with one decimal; null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : oneDecimal((part / whole) * 100)
}

/** When the prompt was acknowledged, counting a done or decline without an acknowledgement as one. */
export function acknowledgedAt(p: PromptFacts): string | null {
  return p.acknowledgedAt ?? p.doneAt ?? p.declinedAt
}

const isTask = (p: PromptFacts) => p.kind !== 'standing'

/** The figures of a group of prompts at instant `now`. */
export function promiseFigures(prompts: readonly PromptFacts[], now: Date): PromiseFigures {
  const at = now.getTime()
  let cancelled = 0
  let ackJudged = 0
  let ackWithin = 0
  let doneJudged = 0
  let doneWithin = 0
  let declined = 0
  const ackTimes: number[] = []
  const doneTimes: number[] = []
  for (const p of prompts) {
    if (p.status === 'cancelled') {
      cancelled++
      continue
    }
    const created = ms(p.createdAt)
    const ack = acknowledgedAt(p)
    if (ack) {
      ackJudged++
      if (ms(ack) <= ms(p.escalateAt)) ackWithin++
      ackTimes.push((ms(ack) - created) / minute)
    } else if (ms(p.escalateAt) < at) {
      ackJudged++
    }
    if (p.declinedAt) declined++
    if (!isTask(p) || p.declinedAt) continue
    if (p.doneAt) {
      doneJudged++
      if (ms(p.doneAt) <= ms(p.dueAt)) doneWithin++
      doneTimes.push((ms(p.doneAt) - created) / minute)
    } else if (ms(p.dueAt) < at) {
      doneJudged++
    }
  }
  return {
    issued: prompts.length,
    cancelled,
    ackJudged,
    ackWithin,
    ackWithinPct: rate(ackWithin, ackJudged),
    doneJudged,
    doneWithin,
    doneWithinPct: rate(doneWithin, doneJudged),
    declined,
    ackMinutes: { median: oneDecimal(percentile(ackTimes, 0.5)), p90: oneDecimal(percentile(ackTimes, 0.9)) },
    doneMinutes: { median: oneDecimal(percentile(doneTimes, 0.5)), p90: oneDecimal(percentile(doneTimes, 0.9)) },
  }
}

/** How late a prompt is against its worst-broken promise at `now`; null when every promise was kept (or it was cancelled). */
export function lateness(p: PromptFacts, now: Date): Pick<WorstPrompt, 'promise' | 'lateMinutes' | 'stillOpen'> | null {
  if (p.status === 'cancelled') return null
  const at = now.getTime()
  const ack = acknowledgedAt(p)
  const ackLate = ((ack ? ms(ack) : at) - ms(p.escalateAt)) / minute
  let best: Pick<WorstPrompt, 'promise' | 'lateMinutes' | 'stillOpen'> | null =
    ackLate >= 1 ? { promise: 'acknowledge', lateMinutes: Math.floor(ackLate), stillOpen: !ack } : null
  if (isTask(p) && !p.declinedAt) {
    const doneLate = ((p.doneAt ? ms(p.doneAt) : at) - ms(p.dueAt)) / minute
    if (doneLate >= 1 && (!best || doneLate >= best.lateMinutes)) best = { promise: 'done', lateMinutes: Math.floor(doneLate), stillOpen: !p.doneAt }
  }
  return best
}

/** The `limit` prompts most late, latest first (ties: the older prompt first). */
export function worstOffenders(prompts: readonly PromptFacts[], now: Date, limit = 10): WorstPrompt[] {
  const late: WorstPrompt[] = []
  for (const p of prompts) {
    const l = lateness(p, now)
    if (!l) continue
    late.push({
      id: p.id,
      department: p.department,
      departmentName: p.departmentName,
      ruleKey: p.ruleKey,
      ruleText: p.ruleText,
      room: p.room,
      createdAt: p.createdAt,
      status: p.status,
      ...l,
    })
  }
  return late.sort((a, b) => b.lateMinutes - a.lateMinutes || a.createdAt.localeCompare(b.createdAt) || a.id - b.id).slice(0, limit)
}

/** Decline reasons, the same words (case and spacing aside) counted together, most frequent first. */
export function declineReasons(prompts: readonly PromptFacts[]): DeclineReason[] {
  const groups = new Map<string, DeclineReason>()
  for (const p of prompts) {
    if (!p.declinedAt || p.status === 'cancelled') continue
    const reason = (p.declineReason ?? '').trim().replace(/\s+/g, ' ')
    const key = reason.toLocaleLowerCase()
    const group = groups.get(key) ?? { reason, count: 0, departments: [] }
    group.count++
    if (!group.departments.includes(p.department)) group.departments.push(p.department)
    groups.set(key, group)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
}

function groupBy<K>(prompts: readonly PromptFacts[], key: (p: PromptFacts) => K): Map<K, PromptFacts[]> {
  const groups = new Map<K, PromptFacts[]>()
  for (const p of prompts) {
    const k = key(p)
    const list = groups.get(k)
    if (list) list.push(p)
    else groups.set(k, [p])
  }
  return groups
}

/** Every date from `from` to `to`, inclusive (YYYY-MM-DD). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = []
  // Counted in days, not compared as text: past 9999-12-31 an ISO date reads "+010000-…", which
  // sorts before "9999" and would never end the loop.
  const start = Date.parse(`${from}T00:00:00Z`)
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000)
  for (let i = 0; i <= days && i <= 400 * 366; i++) out.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10))
  return out
}

/** The whole report: totals, per department, per rule, per day (every day of the range, empty ones too), decline reasons, worst offenders. */
export function promiseReport(prompts: readonly PromptFacts[], options: { from: string; to: string; now: Date; dateOf: (iso: string) => string; worst?: number }) {
  const { now } = options
  const byDepartment = [...groupBy(prompts, (p) => p.department)].map(([department, list]) => ({
    department,
    name: list[0].departmentName,
    ...promiseFigures(list, now),
  }))
  byDepartment.sort((a, b) => b.issued - a.issued || a.department.localeCompare(b.department))
  const byRule = [...groupBy(prompts, (p) => p.ruleId)].map(([ruleId, list]) => ({
    ruleId,
    ruleKey: list[0].ruleKey,
    text: list[0].ruleText,
    department: list[0].department,
    departmentName: list[0].departmentName,
    ...promiseFigures(list, now),
  }))
  byRule.sort((a, b) => b.issued - a.issued || a.ruleKey.localeCompare(b.ruleKey))
  const days = groupBy(prompts, (p) => options.dateOf(p.createdAt))
  const byDay = datesBetween(options.from, options.to).map((date) => ({ date, ...promiseFigures(days.get(date) ?? [], now) }))
  return {
    totals: promiseFigures(prompts, now),
    byDepartment,
    byRule,
    byDay,
    declineReasons: declineReasons(prompts),
    worst: worstOffenders(prompts, now, options.worst ?? 10),
  }
}
