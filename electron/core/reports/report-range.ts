import { z } from 'zod'
import { addDays } from '../clock'
import type { OperationContext } from '../context'
import { findDepartment } from '../departments/department.repository'
import { AppError } from '../errors'
import { calendarBusinessDate, hotelClockSettings, hotelInstant } from '../hotel-clock'

/** The longest range one report covers, in days (a year, leap day included). */
export const maxReportDays = 366
const minReportDate = '1900-01-01'
const maxReportDate = '2999-12-31'

/**
 * A business date in a report's input: YYYY-MM-DD, a real date, between 1900-01-01 and
 * 2999-12-31 (a year such as 9999 would put the day after past what dates can hold). `field`
 * names it in the message ("from", "to").
 */
export const reportDate = (field: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${field} date as YYYY-MM-DD, such as 2026-12-01.`)
    .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || addDays(d, 0) === d, `The ${field} date is not a real date.`)
    .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= minReportDate && d <= maxReportDate), `Give a ${field} date between ${minReportDate} and ${maxReportDate}.`)

/** Days from `from` to `to` (YYYY-MM-DD), both counted. */
export const daysCovered = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

/**
 * The input of a report over business dates: `{ from, to, department? }` (no other field),
 * `to` on or after `from`, at most `maxReportDays` days. Refusals name `from`, `to` or
 * `department`.
 */
export const reportRangeInput = z
  .object({
    from: reportDate('from'),
    to: reportDate('to'),
    department: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.from > input.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `The range ends (${input.to}) before it starts (${input.from}); choose a "to" date on or after the "from" date.` })
    } else if (daysCovered(input.from, input.to) > maxReportDays) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `A report covers at most ${maxReportDays} days; this range covers ${daysCovered(input.from, input.to)}.` })
    }
  })

/** What a report reads over a range: the instants it spans and how an instant falls on a business date. */
export interface ReportWindow {
  now: Date
  timeZone: string
  /** ISO instants: the night audit time of `from`, and of the day after `to` (excluded). */
  start: string
  end: string
  /** The business date (YYYY-MM-DD) an ISO instant belongs to. */
  dateOf: (iso: string) => string
}

/**
 * The instants a range of business dates spans: a business date runs from the night audit time
 * (hotel time zone) to the next, so work at 01:00 before a 04:00 audit counts on the day before,
 * as on the desk's screens. Throws VALIDATION naming `department` for one the hotel does not have.
 */
export function reportWindow(ctx: OperationContext, input: { from: string; to: string; department?: string }): ReportWindow {
  if (input.department !== undefined && !findDepartment(ctx.sqlite, input.department)) {
    const message = `There is no department "${input.department}".`
    throw new AppError('VALIDATION', `department: ${message}`, { issues: [{ path: 'department', message }] })
  }
  const settings = hotelClockSettings(ctx.sqlite)
  const { timeZone, nightAuditTime } = settings
  return {
    now: ctx.clock.now(),
    timeZone,
    start: hotelInstant(input.from, nightAuditTime, timeZone).toISOString(),
    end: hotelInstant(addDays(input.to, 1), nightAuditTime, timeZone).toISOString(),
    dateOf: (iso) => calendarBusinessDate(new Date(iso), settings),
  }
}
