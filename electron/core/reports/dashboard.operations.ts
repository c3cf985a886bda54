import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { addDays } from '../clock'
import { hotelClockSettings, hotelInstant, today } from '../hotel-clock'
import type { Sqlite } from '../db/query'
import { operation } from '../operation'
import { categoryOrder } from '../vocabulary/base-vocabulary'
import { arrivalSummary, daysCovered, monthBuckets, observationSummary, repeatFigures, topPreferences, weekBuckets, type PreferenceCount } from './dashboard'
import { activePreferenceCounts, arrivalPreferences, arrivalsBetween, observationCounts, repeatGuestCounts, unfulfilledByGuest, unfulfilledGuestCount } from './dashboard.repository'
import { maxReportDays, reportDate } from './report-range'

/** The period the dashboard shows when none is asked for: the last 90 business dates. */
export const defaultDashboardDays = 90
/** Arrivals ahead: the business date and the six after it. */
export const arrivalDays = 7
/**
 * Checked-out stays are looked for by arrival up to this many days before the months shown (see
 * repeatGuestCounts): a longer look back read a year more of stays (2.5× the time on the bench
 * hotel) for the rare stay of over two months.
 */
const longestStayDays = 62

/**
 * Top preferences are read at most every 10 minutes per store: counting them is one pass over
 * every preference (2,000,000 on the bench hotel; no index covers category, code and strength),
 * seconds on a busy machine, while they change slowly. The answer says when they were counted.
 */
export const preferenceCountsMaxAgeMs = 10 * 60_000
const preferenceCounts = new WeakMap<Sqlite, { at: number; counts: PreferenceCount[] }>()

function currentPreferenceCounts(sqlite: Sqlite, now: Date): { at: number; counts: PreferenceCount[] } {
  const known = preferenceCounts.get(sqlite)
  const age = known ? now.getTime() - known.at : Infinity
  if (known && age >= 0 && age < preferenceCountsMaxAgeMs) return known
  const fresh = { at: now.getTime(), counts: activePreferenceCounts(sqlite) }
  preferenceCounts.set(sqlite, fresh)
  return fresh
}

export const dashboardOperations = {
  /**
   * Managers and administrators (`report.read`): the hotel at a glance, over a period of business
   * dates `from`..`to` (both included, at most 366 days; both or neither: by default the last 90
   * days up to the business date). Answers:
   * - `repeat`: `period` and `byMonth[]` (the 12 calendar months ending with `to`'s, key 'YYYY-MM'),
   *   each `{ key, guests, repeatGuests, ratePct }`: guests with a night in house (a stay in house or
   *   checked out overlapping it) and of them those with two or more stays by its end (their second
   *   stay ever arrived before it ended); `ratePct` percent, one decimal, null with no guests;
   * - `preferences`: per category (vocabulary order), the 5 codes most held by active preferences,
   *   each `{ code, total, required, preferred, avoid, never }`, and the category's `total`;
   *   counted at most every 10 minutes (`preferencesCountedAt`, ISO);
   * - `observations`: recorded in the Monday weeks touching the period (hotel-local dates of
   *   `created_at`): `totals`, `byDepartment[]`, `byWeek[]` (every week; `departments` counts
   *   per department code), each with recorded, becamePreference (accepted + merged), accepted,
   *   merged, rejected, open and conversionPct (became preference ÷ reviewed);
   * - `unfulfilled`: `{ guests (how many had any), top[] }`, the 10 guests with most prompts issued
   *   in the period that were declined, or are tasks still not done past their due time, each with
   *   guestId, names, vip, declined, overdue, total, lastAt (ISO);
   * - `arrivals`: stays arriving on the business date and the 6 after (reserved, or in house having
   *   arrived): `total`, `vips`, `withAlerts` (the guest card's alerts: access needs, food
   *   allergies, anything "never"), `byDay[]` `{ date, total, withAlerts, vip: [level 0..3 counts] }`,
   *   `byVip[]` `{ vip, total, withAlerts }`, `alertGuests[]` (at most 100, soonest first, with their
   *   alerts) and `alertGuestsLeftOut`.
   * Also `{ from, to, businessDate, timeZone, generatedAt }`.
   * Errors: VALIDATION (a date not YYYY-MM-DD or not real, only one of from/to, from after to, more than 366 days).
   */
  'report.dashboard': operation({
    kind: 'query',
    summary: 'Managers: repeat-guest rate, top preferences, observations turned into preferences, guests with unfulfilled needs and the next 7 days of arrivals.',
    permission: 'report.read',
    audit: readsGuestsInAnswer,
    input: z
      .object({ from: reportDate('from').optional(), to: reportDate('to').optional() })
      .superRefine((input, ctx) => {
        if ((input.from === undefined) !== (input.to === undefined)) {
          ctx.addIssue({ code: 'custom', path: [input.from === undefined ? 'from' : 'to'], message: 'Give both a "from" and a "to" date, or neither for the last 90 days.' })
        } else if (input.from && input.to && input.from > input.to) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: `The period ends (${input.to}) before it starts (${input.from}); choose a "to" date on or after the "from" date.` })
        } else if (input.from && input.to && daysCovered(input.from, input.to) > maxReportDays) {
          ctx.addIssue({ code: 'custom', path: ['to'], message: `A period covers at most ${maxReportDays} days; this one covers ${daysCovered(input.from, input.to)}.` })
        }
      }),
    handler(ctx, input) {
      const now = ctx.clock.now()
      const businessDate = today(ctx)
      const to = input.to ?? businessDate
      const from = input.from ?? addDays(to, -(defaultDashboardDays - 1))
      const { timeZone } = hotelClockSettings(ctx.sqlite)
      const instant = (date: string) => hotelInstant(date, '00:00', timeZone).toISOString()

      const period = { key: 'period', first: from, past: addDays(to, 1) }
      const months = monthBuckets(to, 12)
      const earliest = months[0].first < from ? months[0].first : from
      const repeatCounts = repeatGuestCounts(ctx.sqlite, [period, ...months], addDays(earliest, -longestStayDays))
      const [periodFigure, ...byMonth] = repeatFigures([period, ...months], repeatCounts)

      const weeks = weekBuckets(from, to)
      const observations = observationSummary(weeks, observationCounts(ctx.sqlite, weeks.map((w) => ({ key: w.key, first: instant(w.first), past: instant(w.past) }))))

      const [fromInstant, pastInstant, nowIso] = [instant(from), instant(addDays(to, 1)), now.toISOString()]
      const unfulfilled = { guests: unfulfilledGuestCount(ctx.sqlite, fromInstant, pastInstant, nowIso), top: unfulfilledByGuest(ctx.sqlite, fromInstant, pastInstant, nowIso, 10) }

      const lastArrival = addDays(businessDate, arrivalDays - 1)
      const arrivals = arrivalSummary(businessDate, arrivalDays, arrivalsBetween(ctx.sqlite, businessDate, lastArrival), arrivalPreferences(ctx.sqlite, businessDate, lastArrival))

      const preferenceCount = currentPreferenceCounts(ctx.sqlite, now)
      return {
        from,
        to,
        businessDate,
        timeZone,
        generatedAt: now.toISOString(),
        repeat: { period: periodFigure, byMonth },
        preferences: topPreferences(preferenceCount.counts, categoryOrder),
        preferencesCountedAt: new Date(preferenceCount.at).toISOString(),
        observations,
        unfulfilled,
        arrivals,
      }
    },
  }),
}
