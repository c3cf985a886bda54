import { z } from 'zod'
import { actorOf } from '../context'
import { businessDateOf, hotelClockSettings, nightAuditDueAt } from '../hotel-clock'
import { operation } from '../operation'
import { hotelMode } from '../stays/stay.service'
import { countDueOutNotCheckedOut, countNoShows, listNightAudits } from './night-audit.repository'
import { parseReport, runNightAudit } from './night-audit.service'
import type { NightAuditReport } from './night-audit.report'

function recentReports(ctx: { sqlite: Parameters<typeof listNightAudits>[0] }, limit: number): NightAuditReport[] {
  return listNightAudits(ctx.sqlite, limit).flatMap((row) => {
    const report = parseReport(row.report)
    return report ? [report] : []
  })
}

export const nightAuditOperations = {
  /**
   * Managers close the business date now (the night audit by hand). Answers the NightAuditReport
   * (night-audit/night-audit.report.ts): `{ businessDate (closed), newBusinessDate, runAt, automatic: false,
   * by, lateMinutes: null, dueOutNotCheckedOut: AuditStayLine[], noShows: AuditStayLine[], noShowsMarked,
   * promptsCarriedOver: { department, open, acknowledged }[] }`. In standalone mode the no-shows are
   * marked no-show; beside a PMS they are only listed. Errors: NIGHT_AUDIT_EARLY when the business
   * date is already ahead of the hotel's calendar date (today's audit has run); CONFLICT when another
   * process closed it first.
   */
  'nightAudit.run': operation({
    kind: 'mutation',
    summary: 'Managers: run the night audit now and open the next business date.',
    permission: 'hotel.write',
    input: z.object({}),
    handler(ctx) {
      actorOf(ctx)
      return runNightAudit(ctx, { automatic: false, lateMinutes: null })
    },
  }),

  /** Managers: the most recent night-audit reports, newest first (`limit` 1–60, default 14). */
  'nightAudit.list': operation({
    kind: 'query',
    summary: 'Managers: the recent night-audit reports.',
    permission: 'hotel.write',
    input: z.object({ limit: z.number().int().min(1).max(60).default(14) }),
    handler: (ctx, input) => recentReports(ctx, input.limit),
  }),

  /**
   * Any staff member: `{ businessDate, nightAuditTime 'HH:MM', timeZone, nextAutomaticAudit (ISO instant),
   * lastReport: NightAuditReport | null, ifRunNow: { noShows, dueOut, noShowsMarked } }`.
   * `ifRunNow` says what closing the business date now would do, so the confirmation can say it:
   * `noShows` — reservations arriving on or before the business date (today's arrivals and any left
   * over) that have not checked in and would become no-shows; `dueOut` — in-house stays due out on or
   * before it that have not checked out (listed, not checked out); `noShowsMarked` — true when the
   * hotel runs standalone and the no-shows are marked no-show, false beside a PMS (only listed).
   * Counts are whole stays, at the moment of asking.
   */
  'nightAudit.status': operation({
    kind: 'query',
    summary: 'The business date, when the next automatic night audit runs, and the last report.',
    permission: 'hotel.read',
    input: z.object({}),
    handler(ctx) {
      const now = ctx.clock.now()
      const settings = hotelClockSettings(ctx.sqlite)
      const businessDate = businessDateOf(ctx.sqlite, now)
      return {
        businessDate,
        nightAuditTime: settings.nightAuditTime,
        timeZone: settings.timeZone,
        nextAutomaticAudit: nightAuditDueAt(ctx.sqlite, now).toISOString(),
        lastReport: recentReports(ctx, 1)[0] ?? null,
        ifRunNow: {
          noShows: countNoShows(ctx.sqlite, businessDate),
          dueOut: countDueOutNotCheckedOut(ctx.sqlite, businessDate),
          noShowsMarked: hotelMode(ctx) === 'standalone',
        },
      }
    },
  }),
}
