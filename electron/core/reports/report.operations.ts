import { operation } from '../operation'
import { reportRangeInput, reportWindow } from './report-range'
import { promiseReport } from './promise-report'
import { promptsIssuedBetween } from './promise-report.repository'

export { maxReportDays } from './report-range'

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
    input: reportRangeInput,
    handler(ctx, input) {
      const { now, timeZone, start, end, dateOf } = reportWindow(ctx, input)
      const prompts = promptsIssuedBetween(ctx.sqlite, start, end, input.department)
      const report = promiseReport(prompts, { from: input.from, to: input.to, now, dateOf })
      return { from: input.from, to: input.to, department: input.department ?? null, timeZone, generatedAt: now.toISOString(), ...report }
    },
  }),
}
