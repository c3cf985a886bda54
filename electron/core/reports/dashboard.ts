/*
 * The manager's dashboard, pure: calendar buckets (months, Monday weeks), shares, and the shaping
 * of the repository's aggregates into what the screen draws. No store, no clock.
 */
import { addDays } from '../clock'
import { isAlert } from '../guests/guest.card'
import { rate } from './promise-report'

export { rate }

/** A calendar bucket of business dates: `first` included, `past` (the day after the last) excluded. */
export interface DateBucket {
  key: string
  first: string
  past: string
}

/** The first day of the month of `date` (YYYY-MM-DD). */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`
}

/** The first day of the month `months` after the month of `date` (negative: before). */
export function shiftMonth(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`
}

/** The `count` calendar months ending with the month of `date`, oldest first; key 'YYYY-MM'. */
export function monthBuckets(date: string, count: number): DateBucket[] {
  const out: DateBucket[] = []
  for (let i = count - 1; i >= 0; i--) {
    const first = shiftMonth(date, -i)
    out.push({ key: first.slice(0, 7), first, past: shiftMonth(first, 1) })
  }
  return out
}

/** The Monday on or before `date` (weeks run Monday to Sunday, as ISO 8601 and Chinese calendars have them). */
export function weekStart(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(date, -((day + 6) % 7))
}

/** The Monday weeks that touch `from`..`to` (both included), oldest first; key = the Monday. */
export function weekBuckets(from: string, to: string): DateBucket[] {
  const out: DateBucket[] = []
  for (let first = weekStart(from); first <= to && out.length < 60; first = addDays(first, 7)) out.push({ key: first, first, past: addDays(first, 7) })
  return out
}

/** Days from `from` to `to`, both counted. */
export function daysCovered(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

// ——— Repeat guests ———

export interface RepeatCount {
  key: string
  /** Guests with a night (in house or checked out) in the bucket. */
  guests: number
  /** Of them, guests whose second stay (ever) arrived before the bucket ended. */
  repeatGuests: number
}

export interface RepeatFigure extends RepeatCount {
  /** Percent, one decimal; null with no guests. */
  ratePct: number | null
}

/** Every bucket in order, with its share; a bucket nobody stayed in reads 0 of 0 (rate null). */
export function repeatFigures(buckets: readonly DateBucket[], counts: readonly RepeatCount[]): RepeatFigure[] {
  const byKey = new Map(counts.map((c) => [c.key, c]))
  return buckets.map((b) => {
    const c = byKey.get(b.key)
    const guests = c?.guests ?? 0
    const repeatGuests = c?.repeatGuests ?? 0
    return { key: b.key, guests, repeatGuests, ratePct: rate(repeatGuests, guests) }
  })
}

// ——— Top preferences ———

export interface PreferenceCount {
  category: string
  code: string
  required: number
  preferred: number
  avoid: number
  never: number
}

export interface TopCode extends PreferenceCount {
  total: number
}

/**
 * The `perCategory` most common codes of each category (active preferences), most held first
 * (ties by code); categories in `categoryOrder` first, then the rest by name.
 */
export function topPreferences(counts: readonly PreferenceCount[], categoryOrder: readonly string[], perCategory = 5): { category: string; total: number; codes: TopCode[] }[] {
  const groups = new Map<string, TopCode[]>()
  for (const c of counts) {
    const total = c.required + c.preferred + c.avoid + c.never
    if (total === 0) continue
    const list = groups.get(c.category) ?? []
    list.push({ ...c, total })
    groups.set(c.category, list)
  }
  const rank = (category: string) => {
    const i = categoryOrder.indexOf(category)
    return i === -1 ? categoryOrder.length : i
  }
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([category, list]) => ({
      category,
      total: list.reduce((sum, c) => sum + c.total, 0),
      codes: list.sort((a, b) => b.total - a.total || a.code.localeCompare(b.code)).slice(0, perCategory),
    }))
}

// ——— Observations ———

export interface ObservationCount {
  week: string
  department: string
  accepted: number
  merged: number
  rejected: number
  open: number
}

export interface ObservationFigures {
  recorded: number
  /** Accepted as a new preference, or merged into one the guest had: it became a preference. */
  becamePreference: number
  accepted: number
  merged: number
  rejected: number
  open: number
  /** Of those reviewed (not open), the share that became preferences. Percent, one decimal. */
  conversionPct: number | null
}

function observationFigures(list: readonly ObservationCount[]): ObservationFigures {
  const sum = (pick: (c: ObservationCount) => number) => list.reduce((s, c) => s + pick(c), 0)
  const accepted = sum((c) => c.accepted)
  const merged = sum((c) => c.merged)
  const rejected = sum((c) => c.rejected)
  const open = sum((c) => c.open)
  const becamePreference = accepted + merged
  return { recorded: becamePreference + rejected + open, becamePreference, accepted, merged, rejected, open, conversionPct: rate(becamePreference, becamePreference + rejected) }
}

/** Totals, per department (most recorded first), per week (every week, empty ones too), and per department and week. */
export function observationSummary(weeks: readonly DateBucket[], counts: readonly ObservationCount[]) {
  const departments = [...new Set(counts.map((c) => c.department))]
  const byDepartment = departments
    .map((department) => ({ department, ...observationFigures(counts.filter((c) => c.department === department)) }))
    .sort((a, b) => b.recorded - a.recorded || a.department.localeCompare(b.department))
  const byWeek = weeks.map((w) => {
    const list = counts.filter((c) => c.week === w.key)
    return {
      week: w.key,
      ...observationFigures(list),
      departments: Object.fromEntries(byDepartment.map((d) => [d.department, list.filter((c) => c.department === d.department).reduce((s, c) => s + c.accepted + c.merged + c.rejected + c.open, 0)])),
    }
  })
  return { totals: observationFigures(counts), byDepartment, byWeek }
}

// ——— Arrivals ———

export interface ArrivalPreference {
  stayId: number
  category: string
  code: string
  value: string
  strength: string
}

export interface ArrivalFact {
  stayId: number
  guestId: number
  arrival: string
  vip: number
  nativeName: string
  romanName: string | null
}

export const vipLevels = [0, 1, 2, 3] as const

/**
 * The arrivals of `days` business dates from `firstDay`: per day and per VIP level, how many and
 * how many with an alert (the guest card's alerts: access needs, food allergies, anything "never",
 * among the preferences that apply to the stay), and the arrivals with alerts, soonest first.
 */
export function arrivalSummary(firstDay: string, days: number, arrivals: readonly ArrivalFact[], preferences: readonly ArrivalPreference[], listLimit = 100) {
  const alertsOf = new Map<number, ArrivalPreference[]>()
  for (const p of preferences) {
    if (!isAlert(p)) continue
    const list = alertsOf.get(p.stayId) ?? []
    list.push(p)
    alertsOf.set(p.stayId, list)
  }
  const hasAlert = (a: ArrivalFact) => alertsOf.has(a.stayId)
  const level = (vip: number) => Math.min(3, Math.max(0, vip))
  const byDay = Array.from({ length: days }, (_, i) => {
    const date = addDays(firstDay, i)
    const list = arrivals.filter((a) => a.arrival === date)
    return {
      date,
      total: list.length,
      withAlerts: list.filter(hasAlert).length,
      vip: vipLevels.map((v) => list.filter((a) => level(a.vip) === v).length),
    }
  })
  const byVip = vipLevels.map((vip) => {
    const list = arrivals.filter((a) => level(a.vip) === vip)
    return { vip, total: list.length, withAlerts: list.filter(hasAlert).length }
  })
  const flagged = arrivals
    .filter(hasAlert)
    .sort((a, b) => a.arrival.localeCompare(b.arrival) || b.vip - a.vip || a.stayId - b.stayId)
  return {
    from: firstDay,
    to: addDays(firstDay, days - 1),
    total: arrivals.length,
    withAlerts: flagged.length,
    vips: arrivals.filter((a) => a.vip > 0).length,
    byDay,
    byVip,
    alertGuests: flagged.slice(0, listLimit).map((a) => ({
      ...a,
      alerts: alertsOf.get(a.stayId)!.map(({ category, code, value, strength }) => ({ category, code, value, strength })),
    })),
    alertGuestsLeftOut: Math.max(0, flagged.length - listLimit),
  }
}
