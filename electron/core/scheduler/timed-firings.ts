import { addDays } from '../clock'
import { hotelInstant, hotelWallClock } from '../hotel-clock'

/*
 * What timed rules fall due between two instants: pure, so the DST nights can be tested on
 * their own. Each slot names the hotel date its stays are matched on; the scheduler claims one
 * key per rule, stay and date, so a slot planned twice (two ticks, two processes, a restart)
 * fires once.
 */

export interface TimedRule {
  id: number
  trigger: 'pre_arrival' | 'daily' | 'post_stay'
  /** pre_arrival: days before arrival; post_stay: days after departure (null: 0). */
  offsetDays: number | null
  /** 'HH:MM' hotel time. */
  atTime: string
}

export interface DueSlot {
  ruleId: number
  trigger: TimedRule['trigger']
  /** When it falls due (the hotel time on the hotel date `firingDate`). */
  dueAt: Date
  firingDate: string
  /**
   * The stay date matched: pre_arrival, the arrival date; post_stay, the departure date; daily,
   * the business date the firing belongs to (in house that night).
   */
  stayDate: string
  /** The date in the claim key: the business date for daily, the firing date otherwise. */
  keyDate: string
}

/** Missed firings older than this are not fired any more (an app closed for weeks). */
export const lookbackDays = 14

/**
 * The business date a daily firing at `atTime` on hotel date `date` belongs to: before the audit
 * time it is still the previous business day.
 */
export function businessDateOfFiring(date: string, atTime: string, nightAuditTime: string): string {
  return atTime < nightAuditTime ? addDays(date, -1) : date
}

/** The slots of `rules` falling due in (from, to], in the hotel's zone. */
export function dueSlots(rules: readonly TimedRule[], from: Date, to: Date, timeZone: string, nightAuditTime: string): DueSlot[] {
  const floor = new Date(Math.max(from.getTime(), to.getTime() - lookbackDays * 86_400_000))
  if (floor >= to) return []
  const first = addDays(hotelWallClock(floor, timeZone).date, -1)
  const last = addDays(hotelWallClock(to, timeZone).date, 1)
  const slots: DueSlot[] = []
  for (let date = first; date <= last; date = addDays(date, 1)) {
    for (const rule of rules) {
      const dueAt = hotelInstant(date, rule.atTime, timeZone)
      if (dueAt <= floor || dueAt > to) continue
      const offset = rule.offsetDays ?? 0
      if (rule.trigger === 'daily') {
        const business = businessDateOfFiring(date, rule.atTime, nightAuditTime)
        slots.push({ ruleId: rule.id, trigger: rule.trigger, dueAt, firingDate: date, stayDate: business, keyDate: business })
      } else {
        const stayDate = addDays(date, rule.trigger === 'pre_arrival' ? offset : -offset)
        slots.push({ ruleId: rule.id, trigger: rule.trigger, dueAt, firingDate: date, stayDate, keyDate: date })
      }
    }
  }
  return slots.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.ruleId - b.ruleId)
}

const minuteOfDay = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/**
 * The times of day ('HH:MM', both ends inclusive) a timed rule may have and fall due in
 * (from, to], on any hotel date the window touches: a few ranges, so the scheduler reads from
 * the store only the rules it may fire rather than every rule on every tick. A superset:
 * dueSlots then decides exactly. On one date a later wall time is never an earlier instant
 * (a time in the spring-forward gap is the first minute after it; an ambiguous fall-back time
 * its first occurrence), so each date gives one range, found by bisection (about 22 zone
 * conversions per date, cached). Sorted and merged; [] when nothing can be due.
 */
export function dueTimeRanges(from: Date, to: Date, timeZone: string): [string, string][] {
  const floor = new Date(Math.max(from.getTime(), to.getTime() - lookbackDays * 86_400_000))
  if (floor >= to) return []
  const first = addDays(hotelWallClock(floor, timeZone).date, -1)
  const last = addDays(hotelWallClock(to, timeZone).date, 1)
  const at = (date: string, m: number) => hotelInstant(date, minuteOfDay(m), timeZone).getTime()
  const ranges: [number, number][] = []
  for (let date = first; date <= last; date = addDays(date, 1)) {
    // A date wholly before or after the window (the usual case for its neighbours) costs two looks.
    if (at(date, 1439) <= floor.getTime() || at(date, 0) > to.getTime()) continue
    // lo: the first minute whose instant is after the floor; hi: the last minute whose instant is not after `to`.
    let lo = 0
    let hi = 1440
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (at(date, mid) > floor.getTime()) hi = mid
      else lo = mid + 1
    }
    let a = -1
    let b = 1439
    while (a < b) {
      const mid = (a + b + 1) >> 1
      if (at(date, mid) <= to.getTime()) a = mid
      else b = mid - 1
    }
    if (lo <= a) ranges.push([lo, a])
  }
  ranges.sort((x, y) => x[0] - y[0])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const prev = merged[merged.length - 1]
    if (prev && r[0] <= prev[1] + 1) prev[1] = Math.max(prev[1], r[1])
    else merged.push([...r])
  }
  return merged.map(([a, b]) => [minuteOfDay(a), minuteOfDay(b)])
}

/** The claim key of one firing: `rule:<id>:stay:<id>:<date>`. */
export function fireKey(ruleId: number, stayId: number, date: string): string {
  return `rule:${ruleId}:stay:${stayId}:${date}`
}

/** Minutes late, or null when it fired within one tick of its time. */
export function lateMinutesOf(dueAt: Date, firedAt: Date, tickMs: number): number | null {
  const late = firedAt.getTime() - dueAt.getTime()
  return late > tickMs ? Math.max(1, Math.round(late / 60_000)) : null
}
