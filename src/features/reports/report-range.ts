/*
 * The promise report's range and numbers as the screen shows them: pure, so they are unit-tested.
 * Dates are business dates 'YYYY-MM-DD'; core checks the same rules (report.promises).
 */

export const maxReportDays = 366

const datePattern = /^\d{4}-\d{2}-\d{2}$/

/** The date `days` after `date` (negative: before). */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealDate(date: string): boolean {
  return datePattern.test(date) && shiftDate(date, 0) === date
}

/** The last `days` business dates up to and including `businessDate`. */
export function lastDays(businessDate: string, days: number): { from: string; to: string } {
  return { from: shiftDate(businessDate, -(days - 1)), to: businessDate }
}

/** Days from `from` to `to`, both counted. */
export function daysCovered(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}

/** What is wrong with a range, as a message key under reports.range; null when it can be asked for. */
export function rangeProblem(from: string, to: string): 'fromInvalid' | 'toInvalid' | 'order' | 'tooLong' | null {
  if (!isRealDate(from)) return 'fromInvalid'
  if (!isRealDate(to)) return 'toInvalid'
  if (from > to) return 'order'
  if (daysCovered(from, to) > maxReportDays) return 'tooLong'
  return null
}

/** "66.7%" / "66.7%" in the UI language; an em dash when nothing could be judged. */
export function formatPercent(value: number | null, language: string): string {
  if (value === null) return '—'
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100)
}

/** Minutes with at most one decimal; an em dash when there are none. */
export function formatMinutes(value: number | null, language: string): string {
  if (value === null) return '—'
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value)
}

/** A late prompt's lateness in words-ready parts: under two hours in minutes, then hours and minutes, then days and hours. */
export function lateParts(minutes: number): { unit: 'minutes' | 'hours' | 'days'; major: number; minor: number } {
  if (minutes < 120) return { unit: 'minutes', major: minutes, minor: 0 }
  if (minutes < 48 * 60) return { unit: 'hours', major: Math.floor(minutes / 60), minor: minutes % 60 }
  return { unit: 'days', major: Math.floor(minutes / 1440), minor: Math.floor((minutes % 1440) / 60) }
}

/** A rule's template as a short name: placeholders kept ({guest}), cut at `max` characters. */
export function ruleName(template: string, max = 80): string {
  const text = template.replace(/\s+/g, ' ').trim()
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}
