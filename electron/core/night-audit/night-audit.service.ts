import { recordAudit } from '../audit/audit.repository'
import { addDays } from '../clock'
import type { Actor, OperationContext } from '../context'
import { AppError } from '../errors'
import { businessDateKey, businessDateOf, hotelClockSettings, hotelWallClock, putClockSetting } from '../hotel-clock'
import { stayWithdrawn } from '../stays/stay-changes'
import { hotelMode } from '../stays/stay.service'
import { findStay } from '../stays/stay.repository'
import { countCarriedOverPrompts, insertNightAudit, listDueOutNotCheckedOut, listNoShows, nightAuditExists } from './night-audit.repository'
import type { NightAuditReport } from './night-audit.report'

/**
 * Who the automatic audit acts as. It is nobody on the staff: stay events and the audit log it
 * writes name no one (staff id null). WARNING: never pass this actor to the dispatcher.
 */
export const automaticAuditor: Actor = { staffId: null as unknown as number, code: 'night-audit', name: 'Night audit', role: 'admin', department: '' }

/** The earliest hotel time a manager may close today's business date by hand. */
export const earliestManualAudit = '20:00'

/**
 * Closes the current business date, inside the caller's transaction: lists the stays due out
 * that have not left, marks reservations that did not arrive as no-shows (standalone; beside a
 * PMS only lists them, the PMS owns stays), counts the task prompts carried over, records the
 * audit and opens the next business date. Emits `night_audit.completed`.
 * Throws NIGHT_AUDIT_EARLY when the business date is already ahead of the hotel's calendar date
 * (today's audit has run), CONFLICT when the date was closed already (by another process).
 */
export function runNightAudit(ctx: OperationContext, options: { automatic: boolean; lateMinutes: number | null }): NightAuditReport {
  const now = ctx.clock.now()
  const settings = hotelClockSettings(ctx.sqlite)
  const closing = businessDateOf(ctx.sqlite, now)
  const wall = hotelWallClock(now, settings.timeZone)
  const hotelDate = wall.date
  // By hand, a business day closes from the evening on (20:00, or the audit time if that is
  // earlier in the evening), never in the middle of the day with arrivals still to come.
  const earliest = settings.nightAuditTime >= '12:00' && settings.nightAuditTime < earliestManualAudit ? settings.nightAuditTime : earliestManualAudit
  if (!options.automatic && closing === hotelDate && wall.time < earliest) {
    throw new AppError('NIGHT_AUDIT_EARLY', `Business date ${closing} can be closed from ${earliest} hotel time; it is ${wall.time}.`, {
      businessDate: closing,
      hotelDate,
      earliest,
      time: wall.time,
      context: 'evening',
    })
  }
  if (closing > hotelDate) {
    throw new AppError('NIGHT_AUDIT_EARLY', `Business date ${closing} is already ahead of the hotel's date (${hotelDate}): today's night audit has run.`, {
      businessDate: closing,
      hotelDate,
    })
  }
  if (nightAuditExists(ctx.sqlite, closing)) {
    throw new AppError('CONFLICT', `Business date ${closing} was closed already.`, { businessDate: closing })
  }
  const standalone = hotelMode(ctx) === 'standalone'
  const dueOutNotCheckedOut = listDueOutNotCheckedOut(ctx.sqlite, closing)
  const noShows = listNoShows(ctx.sqlite, closing)
  if (standalone) {
    for (const line of noShows) {
      const stay = findStay(ctx.sqlite, line.stayId)
      if (stay) stayWithdrawn(ctx, stay, 'no_show', 'desk')
    }
  }
  const newBusinessDate = addDays(closing, 1)
  const report: NightAuditReport = {
    businessDate: closing,
    newBusinessDate,
    runAt: now.toISOString(),
    automatic: options.automatic,
    by: options.automatic ? null : (ctx.actor?.name ?? null),
    lateMinutes: options.automatic ? options.lateMinutes : null,
    dueOutNotCheckedOut,
    noShows,
    noShowsMarked: standalone,
    promptsCarriedOver: countCarriedOverPrompts(ctx.sqlite),
  }
  insertNightAudit(ctx.sqlite, {
    business_date: closing,
    run_at: report.runAt,
    staff_id: options.automatic ? null : (ctx.actor?.staffId ?? null),
    late_minutes: report.lateMinutes,
    report: JSON.stringify(report),
  })
  putClockSetting(ctx.sqlite, businessDateKey, newBusinessDate)
  recordAudit(ctx.sqlite, {
    at: report.runAt,
    staffId: options.automatic ? null : (ctx.actor?.staffId ?? null),
    action: 'nightAudit.run',
    entity: 'night_audit',
    detail: { businessDate: closing, newBusinessDate, automatic: options.automatic, lateMinutes: report.lateMinutes, noShows: noShows.length },
  })
  ctx.emit('night_audit.completed', {
    businessDate: closing,
    newBusinessDate,
    automatic: options.automatic,
    lateMinutes: report.lateMinutes,
    dueOut: dueOutNotCheckedOut.length,
    noShows: noShows.length,
    promptsCarriedOver: report.promptsCarriedOver.reduce((n, d) => n + d.open + d.acknowledged, 0),
  })
  return report
}

/** A stored report, or null if its JSON is damaged. */
export function parseReport(json: string): NightAuditReport | null {
  try {
    return JSON.parse(json) as NightAuditReport
  } catch {
    return null
  }
}
