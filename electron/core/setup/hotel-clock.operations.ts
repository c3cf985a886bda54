import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { businessDateKey, businessDateOf, calendarBusinessDate, hotelClockSettings, hotelWallClock, isClockTime, isTimeZone, nightAuditDueAt, nightAuditTimeKey, putClockSetting, timeZoneKey } from '../hotel-clock'
import { operation } from '../operation'

/** What every screen needs to show hotel times: the zone, the audit time, the business date and the hotel's wall clock now. */
function clockView(ctx: Parameters<Parameters<typeof operation>[0]['handler']>[0]) {
  const now = ctx.clock.now()
  const settings = hotelClockSettings(ctx.sqlite)
  const wall = hotelWallClock(now, settings.timeZone)
  return {
    timeZone: settings.timeZone,
    nightAuditTime: settings.nightAuditTime,
    businessDate: businessDateOf(ctx.sqlite, now),
    hotelDate: wall.date,
    hotelTime: wall.time,
    now: now.toISOString(),
    nextNightAudit: nightAuditDueAt(ctx.sqlite, now).toISOString(),
  }
}

export const hotelClockOperations = {
  /**
   * The hotel's clock, for any signed-in staff member (`hotel.read`):
   * `{ timeZone (IANA), nightAuditTime 'HH:MM', businessDate 'YYYY-MM-DD', hotelDate, hotelTime, now (ISO instant), nextNightAudit (ISO instant) }`.
   * Screens format every time in `timeZone`, never the device's zone.
   */
  'hotel.clock': operation({
    kind: 'query',
    summary: 'The hotel’s clock: its time zone, night-audit time, business date and wall-clock time now.',
    permission: 'hotel.read',
    input: z.object({}),
    handler: (ctx) => clockView(ctx),
  }),

  /**
   * Managers set the hotel's time zone (an IANA name such as 'Asia/Shanghai') and the night-audit
   * time ('HH:MM', hotel time), either or both. Errors: VALIDATION naming the field (the stored
   * settings are kept). Audited. Answers the clock as `hotel.clock` does.
   */
  'hotel.setClock': operation({
    kind: 'mutation',
    summary: 'Managers: set the hotel’s time zone and the time of the night audit.',
    permission: 'hotel.write',
    input: z.object({
      timeZone: z
        .string()
        .trim()
        .refine(isTimeZone, 'Choose a time zone from the list, such as Asia/Shanghai.')
        // Stored as the platform spells it ('asia/shanghai' → 'Asia/Shanghai'), so lists match it.
        .transform((zone) => Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone)
        .optional(),
      nightAuditTime: z.string().trim().refine(isClockTime, 'Give the time as HH:MM on a 24-hour clock, such as 04:00.').optional(),
    }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const before = hotelClockSettings(ctx.sqlite)
      if (input.timeZone !== undefined) putClockSetting(ctx.sqlite, timeZoneKey, input.timeZone)
      if (input.nightAuditTime !== undefined) putClockSetting(ctx.sqlite, nightAuditTimeKey, input.nightAuditTime)
      // A change of zone never runs an audit for a day that is not over: when the new zone alone
      // makes the next one due at once, the business date moves to the new clock's and the next
      // audit comes at the set time. A change of the audit time alone in the same zone moves
      // nothing: past midnight the open business date is over, and its audit (no-shows, report)
      // still runs, now or at the next tick, rather than being skipped.
      const now = ctx.clock.now()
      const stored = before.storedBusinessDate
      const after = hotelClockSettings(ctx.sqlite)
      const zoneChanged = after.timeZone !== before.timeZone
      if (zoneChanged && stored !== null && stored >= calendarBusinessDate(now, before) && calendarBusinessDate(now, after) > stored) {
        putClockSetting(ctx.sqlite, businessDateKey, calendarBusinessDate(now, after))
      } else if (!zoneChanged && stored === null && calendarBusinessDate(now, after) > calendarBusinessDate(now, before)) {
        // No audit has pinned the date yet (the scheduler pins it at start): hold today's, so the
        // new time alone does not open the next business date with the last one never audited.
        putClockSetting(ctx.sqlite, businessDateKey, calendarBusinessDate(now, before))
      }
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actor.staffId,
        action: 'hotel.setClock',
        entity: 'setting',
        detail: { from: { timeZone: before.timeZone, nightAuditTime: before.nightAuditTime }, to: input },
      })
      return clockView(ctx)
    },
  }),
}
