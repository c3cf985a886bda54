/*
 * The recovery report, pure: from the cases, compensations, stays and satisfaction records of a
 * range of business dates to the figures a manager reads (report.recovery). No store, no clock:
 * the caller passes the rows, "now" and a function giving an instant's business date.
 *
 * The rules (docs/architecture.md "Complaints and recovery" and the screen's help say the same):
 * - a case belongs to the business date of its raised_at (night audit to night audit);
 * - weeks start on Monday; every week touching the range is listed, empty ones too;
 * - first response within promise: responded (first_responded_at) by first_response_due_at. A case
 *   still not responded to after its promise counts as broken; one still inside it is not judged;
 * - resolution within promise: resolved (resolved_at) by resolution_due_at, judged the same way;
 * - times are minutes from raised_at; medians and p90 interpolate between ranks (one decimal);
 * - compensation given: compensation steps done (not skipped) of the cases in the range, in the
 *   minor unit of the hotel currency (fen for CNY);
 * - return rates: the cohort is every guest with a stay (not cancelled, no-show or withdrawn)
 *   departing in the range. A guest *returned* when they have another stay (any status but
 *   cancelled or no-show, not withdrawn) arriving on or after the earliest of those departures and
 *   no later than today. `recovered`: cohort guests with a recovered case (resolved or closed with
 *   the solution step done) on one of those departing stays; `neverComplained`: cohort guests with
 *   no recovery case of any kind (complaint or incident), on any stay, ever; `all`: everyone;
 * - satisfaction: records dated in the range (the date the guest answered when the file gave one,
 *   else the business date it was recorded); several records of one stay: the latest counts.
 */
import { percentile, rate } from '../reports/promise-report'
import { caseCategories, type CaseCategory } from './recovery.types'

export interface CaseFacts {
  id: number
  guestId: number
  stayId: number
  kind: string
  category: string
  department: string
  departmentName: { en: string; zh: string }
  raisedAt: string
  status: string
  /** Resolved or closed with the solution step done. */
  recovered: boolean
  firstResponseDueAt: string
  firstRespondedAt: string | null
  resolutionDueAt: string
  resolvedAt: string | null
}

export interface CompensationFacts {
  caseId: number
  kind: string
  minor: number
}

/** A stay of the return-rate cohort: a guest's stay departing in the range. */
export interface CohortStay {
  guestId: number
  stayId: number
  departure: string
}

/** A stay that may be a return: not cancelled, no-show or withdrawn, arrived by today. */
export interface LaterStay {
  guestId: number
  stayId: number
  arrival: string
}

export interface SatisfactionFacts {
  id: number
  stayId: number
  score: number
  /** The business date the record belongs to (YYYY-MM-DD). */
  date: string
  recordedAt: string
}

export interface ReturnRate {
  guests: number
  returned: number
  /** Percent, one decimal; null with no guests. */
  pct: number | null
}

const minute = 60_000
const ms = (iso: string) => Date.parse(iso)
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10)
const twoDecimals = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100)

/** The Monday on or before a date (YYYY-MM-DD): the week a date is counted in. */
export function weekOf(date: string): string {
  const at = Date.parse(`${date}T00:00:00Z`)
  const weekday = (new Date(at).getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  return new Date(at - weekday * 86_400_000).toISOString().slice(0, 10)
}

/** Every week (its Monday) touching `from`..`to`, in order. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = []
  const last = Date.parse(`${weekOf(to)}T00:00:00Z`)
  for (let at = Date.parse(`${weekOf(from)}T00:00:00Z`), i = 0; at <= last && i < 60; at += 7 * 86_400_000, i++) out.push(new Date(at).toISOString().slice(0, 10))
  return out
}

/** Median and p90 of minutes, one decimal; nulls with no data. */
export function minutesSummary(values: readonly number[]): { median: number | null; p90: number | null } {
  return { median: oneDecimal(percentile(values, 0.5)), p90: oneDecimal(percentile(values, 0.9)) }
}

/**
 * Within-promise share of one promise over cases at `now`: a case done by its due instant is
 * within; done after, or still not done past due, is broken; still inside its promise: not judged.
 */
export function withinPromise(items: readonly { dueAt: string; doneAt: string | null }[], now: Date): { judged: number; within: number; pct: number | null } {
  let judged = 0
  let within = 0
  for (const item of items) {
    if (item.doneAt) {
      judged++
      if (ms(item.doneAt) <= ms(item.dueAt)) within++
    } else if (ms(item.dueAt) < now.getTime()) judged++
  }
  return { judged, within, pct: rate(within, judged) }
}

/** The three return rates (see the module comment for the cohorts). */
export function returnRates(
  cohort: readonly CohortStay[],
  laterStays: readonly LaterStay[],
  casesOf: { recoveredStayIds: ReadonlySet<number>; guestsWithCases: ReadonlySet<number> },
): { recovered: ReturnRate; all: ReturnRate; neverComplained: ReturnRate } {
  // Each guest once, from the earliest of their departures in the range.
  const guests = new Map<number, { departure: string; stayIds: Set<number>; recovered: boolean }>()
  for (const s of cohort) {
    const g = guests.get(s.guestId) ?? { departure: s.departure, stayIds: new Set<number>(), recovered: false }
    if (s.departure < g.departure) g.departure = s.departure
    g.stayIds.add(s.stayId)
    if (casesOf.recoveredStayIds.has(s.stayId)) g.recovered = true
    guests.set(s.guestId, g)
  }
  const later = new Map<number, LaterStay[]>()
  for (const s of laterStays) later.set(s.guestId, [...(later.get(s.guestId) ?? []), s])
  const tally = { recovered: { guests: 0, returned: 0 }, all: { guests: 0, returned: 0 }, neverComplained: { guests: 0, returned: 0 } }
  for (const [guestId, g] of guests) {
    // Another stay, arriving on or after the first departure (a stay of the cohort itself counts when it came later).
    const earliest = cohort.find((s) => s.guestId === guestId && s.departure === g.departure)!.stayId
    const returned = (later.get(guestId) ?? []).some((s) => s.stayId !== earliest && s.arrival >= g.departure)
    const groups = [tally.all, ...(g.recovered ? [tally.recovered] : []), ...(!casesOf.guestsWithCases.has(guestId) ? [tally.neverComplained] : [])]
    for (const group of groups) {
      group.guests++
      if (returned) group.returned++
    }
  }
  const done = (t: { guests: number; returned: number }): ReturnRate => ({ ...t, pct: rate(t.returned, t.guests) })
  return { recovered: done(tally.recovered), all: done(tally.all), neverComplained: done(tally.neverComplained) }
}

/** The satisfaction trend: the latest record of each stay, averaged by week and over the range (two decimals). */
export function satisfactionTrend(records: readonly SatisfactionFacts[], weeks: readonly string[]) {
  const latest = new Map<number, SatisfactionFacts>()
  for (const r of records) {
    const prior = latest.get(r.stayId)
    if (!prior || r.recordedAt > prior.recordedAt || (r.recordedAt === prior.recordedAt && r.id > prior.id)) latest.set(r.stayId, r)
  }
  const kept = [...latest.values()]
  const average = (list: readonly SatisfactionFacts[]) => (list.length === 0 ? null : twoDecimals(list.reduce((sum, r) => sum + r.score, 0) / list.length))
  const byWeek = new Map<string, SatisfactionFacts[]>()
  for (const r of kept) byWeek.set(weekOf(r.date), [...(byWeek.get(weekOf(r.date)) ?? []), r])
  return {
    byPeriod: weeks.map((period) => ({ period, average: average(byWeek.get(period) ?? []), count: (byWeek.get(period) ?? []).length })),
    average: average(kept),
    count: kept.length,
  }
}

export interface RecoveryReportInput {
  cases: readonly CaseFacts[]
  compensations: readonly CompensationFacts[]
  cohort: readonly CohortStay[]
  laterStays: readonly LaterStay[]
  /** Stay ids with a recovered case (department filter applied), and guests with any case ever. */
  recoveredStayIds: ReadonlySet<number>
  guestsWithCases: ReadonlySet<number>
  satisfaction: readonly SatisfactionFacts[]
}

/** The whole report's figures (report.recovery adds from, to, currency). */
export function recoveryReport(input: RecoveryReportInput, options: { from: string; to: string; now: Date; dateOf: (iso: string) => string }) {
  const { cases } = input
  const { now } = options
  const weeks = weeksBetween(options.from, options.to)
  const firstResponse = withinPromise(cases.map((c) => ({ dueAt: c.firstResponseDueAt, doneAt: c.firstRespondedAt })), now)
  const resolution = withinPromise(cases.map((c) => ({ dueAt: c.resolutionDueAt, doneAt: c.resolvedAt })), now)
  const caseIds = new Set(cases.map((c) => c.id))
  const compensations = input.compensations.filter((c) => caseIds.has(c.caseId))
  const compensationMinor = compensations.reduce((sum, c) => sum + c.minor, 0)
  const kinds = new Map<string, { kind: string; count: number; totalMinor: number }>()
  for (const c of compensations) {
    const k = kinds.get(c.kind) ?? { kind: c.kind, count: 0, totalMinor: 0 }
    k.count++
    k.totalMinor += c.minor
    kinds.set(c.kind, k)
  }
  const departments = new Map<string, { department: string; name: { en: string; zh: string }; cases: number }>()
  for (const c of cases) {
    const d = departments.get(c.department) ?? { department: c.department, name: c.departmentName, cases: 0 }
    d.cases++
    departments.set(c.department, d)
  }
  const emptyCategories = () => Object.fromEntries(caseCategories.map((k) => [k, 0])) as Record<CaseCategory, number>
  const periods = new Map(weeks.map((w) => [w, emptyCategories()]))
  for (const c of cases) {
    const row = periods.get(weekOf(options.dateOf(c.raisedAt)))
    if (row && c.category in row) row[c.category as CaseCategory]++
  }
  const minutesFrom = (list: readonly CaseFacts[], at: (c: CaseFacts) => string | null) =>
    list.flatMap((c) => {
      const done = at(c)
      return done ? [(ms(done) - ms(c.raisedAt)) / minute] : []
    })
  return {
    totals: {
      cases: cases.length,
      complaints: cases.filter((c) => c.kind === 'complaint').length,
      incidents: cases.filter((c) => c.kind === 'incident').length,
      open: cases.filter((c) => c.status === 'open').length,
      /** Resolved or closed. */
      resolved: cases.filter((c) => c.status === 'resolved' || c.status === 'closed').length,
      firstResponseWithinPct: firstResponse.pct,
      resolutionWithinPct: resolution.pct,
      compensationMinor,
    },
    byCategory: caseCategories.map((category) => ({ category, cases: cases.filter((c) => c.category === category).length })),
    byDepartment: [...departments.values()].sort((a, b) => b.cases - a.cases || a.department.localeCompare(b.department)),
    byPeriod: weeks.map((period) => ({ period, byCategory: periods.get(period)! })),
    responseTimes: {
      firstResponseMinutes: minutesSummary(minutesFrom(cases, (c) => c.firstRespondedAt)),
      resolutionMinutes: minutesSummary(minutesFrom(cases, (c) => c.resolvedAt)),
      /** The promise as the cases were given it: the median of their promised minutes. */
      firstResponsePromiseMinutes: oneDecimal(percentile(cases.map((c) => (ms(c.firstResponseDueAt) - ms(c.raisedAt)) / minute), 0.5)),
      resolutionPromiseMinutes: oneDecimal(percentile(cases.map((c) => (ms(c.resolutionDueAt) - ms(c.raisedAt)) / minute), 0.5)),
      firstResponse: { judged: firstResponse.judged, within: firstResponse.within },
      resolution: { judged: resolution.judged, within: resolution.within },
    },
    compensation: { totalMinor: compensationMinor, byKind: [...kinds.values()].sort((a, b) => b.totalMinor - a.totalMinor || a.kind.localeCompare(b.kind)) },
    returnRates: returnRates(input.cohort, input.laterStays, { recoveredStayIds: input.recoveredStayIds, guestsWithCases: input.guestsWithCases }),
    satisfaction: satisfactionTrend(input.satisfaction, weeks),
  }
}
