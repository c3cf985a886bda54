import { z } from 'zod'
import { addDays } from '../clock'
import { calendarBusinessDate, hotelClockSettings, hotelInstant } from '../hotel-clock'
import { operation } from '../operation'
import { findDepartment } from '../departments/department.repository'
import { AppError } from '../errors'
import { promiseReport } from './promise-report'
import { promptsIssuedBetween } from './promise-report.repository'

/** The longest range one report covers, in days (a year, leap day included). */
export const maxReportDays = 366
const minReportDate = '1900-01-01'
const maxReportDate = '2999-12-31'

const isoDate = (field: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${field} date as YYYY-MM-DD, such as 2026-12-01.`)
    .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || addDays(d, 0) === d, `The ${field} date is not a real date.`)
    // Business dates of a hotel in use; a year such as 9999 would put the day after past what dates can hold.
    .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= minReportDate && d <= maxReportDate), `Give a ${field} date between ${minReportDate} and ${maxReportDate}.`)

/** Days from `from` to `to`, both counted. */
const daysCovered = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

export const reportOperations = {
  /**
   * Managers and administrators (`report.read`): how well the departments kept their promises,
   * over business dates `from`..`to` (YYYY-MM-DD, both included, at most 366 days), optionally for
   * one department (its outlets included). A prompt belongs to the business date of its issue
   * (created_at): a business date runs from the night audit time (hotel time zone) to the next, so
   * work issued at 01:00 before a 04:00 audit counts on the day before.
   *
   * Answers `{ from, to, timeZone, generatedAt (ISO), totals, byDepartment[], byRule[], byDay[],
   * declineReasons[], worst[] }`: every figure set (`PromiseFigures`, reports/promise-report.ts) has
   * issued, cancelled, ackJudged/ackWithin/ackWithinPct, doneJudged/doneWithin/doneWithinPct
   * (percent, one decimal, null when nothing could be judged), declined, and ackMinutes/doneMinutes
   * `{ median, p90 }` in minutes from issue. `worst`: the 10 prompts most late, with department,
   * rule, room, the promise broken ('acknowledge' | 'done') and lateMinutes.
   * Errors: VALIDATION (a date that is not YYYY-MM-DD or not real, from after to, more than 366 days;
   * 'department' for a department the hotel does not have).
   */
  'report.promises': operation({
    kind: 'query',
    summary: 'Managers: prompts issued, acknowledged and done within promise, declines, times and the worst offenders, over a range of business dates.',
    permission: 'report.read',
    input: z
      .object({
        from: isoDate('from'),
        to: isoDate('to'),
        department: z.string().trim().min(1).max(40).optional(),
      })
      .superRefine((input, ctx) => {
        if (input.from > input.to) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: `The range ends (${input.to}) before it starts (${input.from}); choose a "to" date on or after the "from" date.` })
        } else if (daysCovered(input.from, input.to) > maxReportDays) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: `A report covers at most ${maxReportDays} days; this range covers ${daysCovered(input.from, input.to)}.` })
        }
      }),
    handler(ctx, input) {
      if (input.department !== undefined && !findDepartment(ctx.sqlite, input.department)) {
        const message = `There is no department "${input.department}".`
        throw new AppError('VALIDATION', `department: ${message}`, { issues: [{ path: 'department', message }] })
      }
      const now = ctx.clock.now()
      // A business date runs from one night audit time to the next (a prompt made at 01:00 before
      // the 04:00 audit belongs to the day before, as on the desk's screens).
      const settings = hotelClockSettings(ctx.sqlite)
      const { timeZone, nightAuditTime } = settings
      const start = hotelInstant(input.from, nightAuditTime, timeZone).toISOString()
      const end = hotelInstant(addDays(input.to, 1), nightAuditTime, timeZone).toISOString()
      const prompts = promptsIssuedBetween(ctx.sqlite, start, end, input.department)
      const report = promiseReport(prompts, { from: input.from, to: input.to, now, dateOf: (iso) => calendarBusinessDate(new Date(iso), settings) })
      return { from: input.from, to: input.to, department: input.department ?? null, timeZone, generatedAt: now.toISOString(), ...report }
    },
  }),
}
