/*
 * Pure formatters for hotel times (test/unit/hotel-time.test.ts): every date and time a screen
 * shows is said in words, in the UI language, at the hotel's clock (its time zone from
 * hotel.clock), never the device's. No React, no API: the hooks are in hotel-time.ts.
 */

/** Hotel English reads the day before the month ("1 Dec 2026"), as on a registration card. */
export function hotelLocale(language: string): string {
  return language === 'en' ? 'en-GB' : language
}

/** "14:05" in the hotel's zone. Falls back to the device's zone only while the clock is loading. */
export function formatHotelTime(iso: string, language: string, timeZone: string | undefined): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return iso
  return new Intl.DateTimeFormat(hotelLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at)
}

/** The hotel-local calendar date of an instant, 'YYYY-MM-DD'. */
export function hotelDateOf(iso: string, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).formatToParts(Date.parse(iso))
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')}`
}

/** "14:05" on the hotel's today, "3 Dec 14:05" on another day: in the hotel's zone. */
export function formatHotelWhen(iso: string, language: string, timeZone: string | undefined, now = new Date()): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return iso
  if (hotelDateOf(iso, timeZone) === hotelDateOf(now.toISOString(), timeZone)) return formatHotelTime(iso, language, timeZone)
  return new Intl.DateTimeFormat(hotelLocale(language), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at)
}

/** An instant in full, for a title or a history row: "23 Nov 2026, 14:05" / "2026年11月23日 14:05", in the hotel's zone. */
export function formatHotelDateTime(iso: string, language: string, timeZone: string | undefined): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return iso
  return new Intl.DateTimeFormat(hotelLocale(language), { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone }).format(at)
}

/** The hotel-local day of an instant in words: "23 Nov 2026" / "2026年11月23日". */
export function formatHotelDay(iso: string, language: string, timeZone: string | undefined): string {
  if (Number.isNaN(Date.parse(iso))) return iso
  return formatHotelDate(hotelDateOf(iso, timeZone), language)
}

/** A calendar date 'YYYY-MM-DD' (a business date, an arrival) in words: "1 Dec 2026" / "2026年12月1日". */
export function formatHotelDate(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number)
  if (!y || !m || !d) return date
  return new Intl.DateTimeFormat(hotelLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}

/** A calendar date 'YYYY-MM-DD' moved by whole days (no time zone involved). */
export function addDaysTo(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/**
 * The hotel's day `offset` days from its business date ("tomorrow" is 1), from hotel.clock's
 * answer; null while the clock is not known yet. Screens wait for it rather than take "today"
 * from the device, whose date differs from the hotel's before the night audit or in another zone.
 */
export function businessDayFrom(clock: { businessDate: string } | undefined | null, offset = 0): string | null {
  return clock ? addDaysTo(clock.businessDate, offset) : null
}
