import type { OutputOf } from '../../../electron/core/api'
import { lastDays } from '../reports/report-range'

/** The dashboard as report.dashboard answers it. */
export type Dashboard = OutputOf<'report.dashboard'>

/** The quick periods the picker offers, in days up to the business date. */
export const periodPresets = [30, 90, 365] as const
export type PeriodPreset = (typeof periodPresets)[number]

/** The period of a preset ending on the business date. */
export function presetPeriod(businessDate: string, days: PeriodPreset): { from: string; to: string } {
  return lastDays(businessDate, days)
}

/** "Nov 2026" / "2026年11月" for a month key 'YYYY-MM'. */
export function formatMonth(key: string, language: string): string {
  const [y, m] = key.split('-').map(Number)
  if (!y || !m) return key
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1))
}

/** Stable chart series names for department codes (recharts keys must be plain identifiers). */
export function departmentSeriesKey(code: string): string {
  return `d_${code.replace(/[^A-Za-z0-9_]/g, '_')}`
}

const palette = ['blue.7', 'teal.8', 'orange.8', 'grape.7', 'cyan.8', 'red.8', 'indigo.7', 'lime.9', 'pink.7', 'gray.7']

/** A colour per series, repeating after ten. */
export function seriesColor(index: number): string {
  return palette[index % palette.length]
}

/** Chart rows of observations per week, one column per department (the departments most active first). */
export function observationWeekRows(dashboard: Pick<Dashboard, 'observations'>, weekLabel: (week: string) => string) {
  const departments = dashboard.observations.byDepartment.map((d) => d.department)
  return dashboard.observations.byWeek.map((w) => {
    const row: Record<string, string | number> = { week: weekLabel(w.week) }
    for (const d of departments) row[departmentSeriesKey(d)] = w.departments[d] ?? 0
    return row
  })
}

/** True when the dashboard has nothing at all to show: a new hotel. */
export function isEmptyHotel(dashboard: Dashboard): boolean {
  return (
    dashboard.repeat.byMonth.every((m) => m.guests === 0) &&
    dashboard.preferences.length === 0 &&
    dashboard.observations.totals.recorded === 0 &&
    dashboard.unfulfilled.guests === 0 &&
    dashboard.arrivals.total === 0
  )
}
