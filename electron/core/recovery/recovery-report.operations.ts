import { hotelCurrency } from './currency'
import { today } from '../hotel-clock'
import { operation } from '../operation'
import { reportRangeInput, reportWindow } from '../reports/report-range'
import { recoveryReport } from './recovery-report'
import {
  casesRaisedBetween,
  compensationsBetween,
  recoveryOfCohort,
  satisfactionBetween,
  staysArrivingBetween,
  staysDepartingBetween,
} from './recovery-report.repository'

export const recoveryReportOperations = {
  /**
   * Managers and administrators (`report.read`): complaints and their recovery over business
   * dates `from`..`to` (YYYY-MM-DD, both included, at most 366 days), optionally for one
   * department (its outlets included). A case belongs to the business date of its raised_at: a
   * business date runs from the night audit time (hotel time zone) to the next.
   *
   * Answers `{ from, to, department, timeZone, currency (ISO 4217), generatedAt,
   * totals: { cases, complaints, incidents, open, resolved (resolved or closed),
   *   firstResponseWithinPct, resolutionWithinPct (percent, one decimal, null when none could be
   *   judged), compensationMinor },
   * byCategory: {category, cases}[] (all six categories), byDepartment: {department, name:{en,zh}, cases}[],
   * byPeriod: {period (the Monday of each week touching the range), byCategory: Record<category, number>}[],
   * responseTimes: { firstResponseMinutes, resolutionMinutes: {median, p90} (minutes from
   *   raised_at, one decimal, null with none), firstResponsePromiseMinutes, resolutionPromiseMinutes
   *   (median promised minutes), firstResponse, resolution: {judged, within} },
   * compensation: { totalMinor, byKind: {kind, count, totalMinor}[] } (minor unit of `currency`,
   *   fen for CNY: compensation steps done and not skipped, of the cases in the range),
   * returnRates: { recovered, all, neverComplained: {guests, returned, pct} },
   * satisfaction: { byPeriod: {period, average, count}[], average, count } }`.
   *
   * Return rates: the cohort is every guest with a stay (not cancelled, no-show or withdrawn)
   * departing in the range; a guest returned when another such stay of theirs arrives on or after
   * the earliest of those departures, by today's business date. `recovered`: cohort guests with
   * a recovered case (resolved or closed with the solution step done; of the department when
   * given) on a stay departing in the range; `neverComplained`: cohort guests with no recovery
   * case of any kind, ever. Satisfaction: records answered (or, without an answer date,
   * recorded) in the range; the latest record of a stay counts. Not narrowed by department.
   * Errors: VALIDATION (a date not YYYY-MM-DD or not real, from after to, more than 366 days;
   * 'department' for a department the hotel does not have).
   */
  'report.recovery': operation({
    kind: 'query',
    summary: 'Managers: complaints by category, department and week, first response and resolution against the promise, compensation, return rates of recovered guests, and the satisfaction trend, over a range of business dates.',
    permission: 'report.read',
    input: reportRangeInput,
    handler(ctx, input) {
      const { now, timeZone, start, end, dateOf } = reportWindow(ctx, input)
      const cases = casesRaisedBetween(ctx.sqlite, start, end, input.department)
      const compensations = compensationsBetween(ctx.sqlite, start, end)
      const cohort = staysDepartingBetween(ctx.sqlite, input.from, input.to, start, end, dateOf)
      const guestIds = [...new Set(cohort.map((s) => s.guestId))]
      const laterStays = staysArrivingBetween(ctx.sqlite, guestIds, input.from, today(ctx))
      const { recoveredStayIds, guestsWithCases } = recoveryOfCohort(ctx.sqlite, cohort.map((s) => s.stayId), guestIds, input.department)
      const satisfaction = satisfactionBetween(ctx.sqlite, input.from, input.to, start, end, dateOf)
      const report = recoveryReport(
        { cases, compensations, cohort, laterStays, recoveredStayIds, guestsWithCases, satisfaction },
        { from: input.from, to: input.to, now, dateOf },
      )
      return {
        from: input.from,
        to: input.to,
        department: input.department ?? null,
        timeZone,
        currency: hotelCurrency(ctx.sqlite),
        generatedAt: now.toISOString(),
        ...report,
      }
    },
  }),
}
