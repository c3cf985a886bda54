import { DateTime, IANAZone } from 'luxon'
import { cached, invalidate } from './db/store-cache'
import type { Sqlite } from './db/query'
import { addDays } from './clock'
import { getSetting, putSetting } from './setup/setting.repository'

/*
 * The hotel's own clock. A hotel works in its own time zone (an IANA name, such as
 * 'Asia/Shanghai'), whatever zone the computer running the store is set to, and by *business
 * date*: the date changes when the night audit closes the day, not at midnight. A guest at the
 * desk at 03:12 on a one-night stay 11-30 → 12-01 is still in business date 11-30 until the
 * audit runs.
 *
 * Settings: hotel.timeZone, hotel.nightAuditTime ('HH:MM', hotel time), hotel.businessDate
 * (YYYY-MM-DD, written by the night audit). Before the first audit, the business date is the
 * hotel's calendar date of (now − the audit time): before the audit time, still yesterday.
 */

export const timeZoneKey = 'hotel.timeZone'
export const nightAuditTimeKey = 'hotel.nightAuditTime'
export const businessDateKey = 'hotel.businessDate'
export const defaultNightAuditTime = '04:00'
const cacheKey = 'hotel.clock'

export interface HotelClockSettings {
  /** IANA time zone name. */
  timeZone: string
  /** 'HH:MM', hotel local time. */
  nightAuditTime: string
  /** The business date the night audit last opened; null before the first audit. */
  storedBusinessDate: string | null
}

/** True for an IANA zone name luxon (and so the ICU data of Node and Chromium) knows. */
export function isTimeZone(name: string): boolean {
  return typeof name === 'string' && name.length > 0 && name.length <= 64 && IANAZone.isValidZone(name)
}

/** True for a 24-hour 'HH:MM' time. */
export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
}

/** The zone of the machine, used until a manager sets the hotel's. */
export function machineTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return zone && isTimeZone(zone) ? zone : 'UTC'
}

/** The hotel's clock settings, read once per store and forgotten when written. A damaged setting falls back to the default. */
export function hotelClockSettings(sqlite: Sqlite): HotelClockSettings {
  return cached(sqlite, cacheKey, () => {
    const zone = getSetting(sqlite, timeZoneKey)
    const audit = getSetting(sqlite, nightAuditTimeKey)
    const business = getSetting(sqlite, businessDateKey)
    return {
      timeZone: zone && isTimeZone(zone) ? zone : machineTimeZone(),
      nightAuditTime: audit && isClockTime(audit) ? audit : defaultNightAuditTime,
      storedBusinessDate: business && /^\d{4}-\d{2}-\d{2}$/.test(business) ? business : null,
    }
  })
}

/** Writes one clock setting (validated by the caller) and forgets the cached settings. */
export function putClockSetting(sqlite: Sqlite, key: typeof timeZoneKey | typeof nightAuditTimeKey | typeof businessDateKey, value: string): void {
  putSetting(sqlite, key, value)
  invalidate(sqlite, cacheKey)
}

/** The hotel's wall-clock date and time of an instant: { date: 'YYYY-MM-DD', time: 'HH:MM' }. */
export function hotelWallClock(at: Date, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(at, { zone: timeZone })
  return { date: local.toISODate()!, time: local.toFormat('HH:mm') }
}

/**
 * The instant of a hotel wall-clock time on a date. On the spring-forward night a time that does
 * not exist (02:30) is taken as the first minute after the gap; on the fall-back night an
 * ambiguous time is its first occurrence, so a daily trigger fires once, never twice or not at all.
 */
export function hotelInstant(date: string, time: string, timeZone: string): Date {
  // The scheduler asks for the same few hundred (rule time, date) pairs on every tick; luxon's
  // zone arithmetic costs ~0.3 ms each, so answers are kept (a bounded cache; zones do not change
  // their rules while the app runs).
  const key = `${timeZone}|${date}|${time}`
  const known = instantCache.get(key)
  if (known !== undefined) return new Date(known)
  const at = computeHotelInstant(date, time, timeZone)
  if (instantCache.size >= 20_000) instantCache.clear()
  instantCache.set(key, at.getTime())
  return at
}

const instantCache = new Map<string, number>()

function computeHotelInstant(date: string, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number)
  const [year, month, day] = date.split('-').map(Number)
  const local = DateTime.fromObject({ year, month, day, hour, minute }, { zone: timeZone })
  if (local.hour !== hour || local.minute !== minute) {
    // Inside a spring-forward gap (luxon moved it on by the gap): the first minute after the gap.
    return local.startOf('hour').toJSDate()
  }
  // On the fall-back night the same wall time comes twice: take the first.
  const hourBefore = local.minus({ hours: 1 })
  if (hourBefore.hour === hour && hourBefore.minute === minute && hourBefore.day === day) return hourBefore.toJSDate()
  return local.toJSDate()
}

/** The business date an audit-less clock would show at `at`: the hotel date of (now − audit time). */
export function calendarBusinessDate(at: Date, settings: Pick<HotelClockSettings, 'timeZone' | 'nightAuditTime'>): string {
  const wall = hotelWallClock(at, settings.timeZone)
  return wall.time < settings.nightAuditTime ? addDays(wall.date, -1) : wall.date
}

/**
 * The hotel's business date (YYYY-MM-DD) at `at`: the date the night audit last opened; before
 * any audit, the calendar business date. Every "today" in core is this.
 */
export function businessDateOf(sqlite: Sqlite, at: Date): string {
  const settings = hotelClockSettings(sqlite)
  return settings.storedBusinessDate ?? calendarBusinessDate(at, settings)
}

/** The instant the next automatic night audit is due: the audit time on the day after the business date. */
export function nightAuditDueAt(sqlite: Sqlite, at: Date): Date {
  const settings = hotelClockSettings(sqlite)
  return hotelInstant(addDays(businessDateOf(sqlite, at), 1), settings.nightAuditTime, settings.timeZone)
}

/** "Today" for an operation: the hotel's business date. */
export function today(ctx: { sqlite: Sqlite; clock: { now(): Date } }): string {
  return businessDateOf(ctx.sqlite, ctx.clock.now())
}
