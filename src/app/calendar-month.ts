/*
 * A month's calendar in the app's language, for date fields that must not follow the browser's
 * locale (a native date input does). Dates are 'YYYY-MM-DD' business dates; weeks start on Monday.
 */

/** The dates of a month's calendar, in weeks of seven from Monday; days of the neighbouring months are null. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1))
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const lead = (first.getUTCDay() + 6) % 7
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)]
  for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
  while (cells.length % 7 !== 0) cells.push(null)
  const weeks: (string | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}

/** Monday to Sunday, short, in `language` ("Mon" … / "周一" …). */
export function weekdayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' })
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i))) // 2024-01-01 was a Monday
}

/** "December 2026" / "2026年12月". */
export function monthTitle(year: number, month: number, language: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1))
}

/** A date in words for a day button's name: "Tuesday, 1 December 2026" / "2026年12月1日星期二". */
export function dayInWords(date: string, language: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}

/** The month `delta` months from year/month. */
export function shiftMonth(year: number, month: number, delta: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + delta
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}
