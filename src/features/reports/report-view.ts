import type { OutputOf } from '../../../electron/core/api'

/** The promise report as report.promises answers it. */
export type PromiseReport = OutputOf<'report.promises'>
export type ReportFigures = PromiseReport['totals']

/** A business date 'YYYY-MM-DD' as words: "1 Dec 2026" / "2026年12月1日". */
export function formatHotelDay(date: string, language: string, style: 'medium' | 'short' = 'medium'): string {
  const [y, m, d] = date.split('-').map(Number)
  if (!y || !m || !d) return date
  const options: Intl.DateTimeFormatOptions = style === 'short' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'medium', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(language, options).format(Date.UTC(y, m - 1, d))
}

/** An instant as the hotel's date and time, in the hotel's zone. */
export function formatHotelMoment(iso: string, language: string, timeZone: string): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return iso
  return new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: timeZone || undefined }).format(at)
}
