import type { Translate } from './room-reason'

/*
 * Pure wording for the desk's check-out and undo (test/unit/desk-words.test.ts): how early a
 * check-out is, by the hotel's business date, and how long an undo stays open.
 */

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000
}

/** Nights between the business date and the departure: 0 when the guest is due out today (or late). */
export function nightsEarly(departure: string, businessDate: string): number {
  const nights = Math.round(dayNumber(departure) - dayNumber(businessDate))
  return Number.isFinite(nights) && nights > 0 ? nights : 0
}

/** "4 Dec" / "12月4日": a stay date as the desk reads it (dates have no time zone; read as UTC). */
export function shortDate(iso: string, language: string): string {
  const at = new Date(`${iso}T00:00:00Z`)
  if (Number.isNaN(at.getTime())) return iso
  // Hotel English reads day before month ("4 Dec"), as on a registration card.
  const locale = language === 'en' ? 'en-GB' : language
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(at)
}

/** The question the check-out asks: early ("Due out on 4 Dec — check out 3 nights early?") or due today. */
export function checkOutQuestion(stay: { departure: string; room: string | null }, businessDate: string, language: string, t: Translate): string {
  const nights = nightsEarly(stay.departure, businessDate)
  if (nights > 0) return t('desk.checkOut.early', { date: shortDate(stay.departure, language), count: nights })
  return t('desk.checkOut.dueToday', { room: stay.room ?? '' })
}

/** Whole minutes left to undo (rounded up), 0 once the window has closed. */
export function minutesLeft(until: string, nowMs: number): number {
  const left = Date.parse(until) - nowMs
  return Number.isFinite(left) && left > 0 ? Math.ceil(left / 60_000) : 0
}
