import { z } from 'zod'
import { addDays } from '../clock'
import { hotelInstant } from '../hotel-clock'

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'That date does not exist.')

/** An action as stored: an operation's name ('guest.card') or a written action ('session.signIn', 'export'). */
const actionName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,79}$/, 'Pick an action from the list.')

/**
 * What the audit log is searched by (all optional, ANDed): one guest, one staff member, any of a
 * few actions, and a range of the hotel's local calendar dates (`from` and `to` inclusive, in the
 * hotel's time zone). `to` before `from` is refused, naming `to`.
 */
export const auditFilter = z
  .object({
    guestId: z.number().int().positive().optional(),
    staffId: z.number().int().positive().optional(),
    actions: z.array(actionName).max(50).optional(),
    from: localDate.optional(),
    to: localDate.optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.to < f.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last date is before the first: swap them or change one.' })
  })
export type AuditFilter = z.output<typeof auditFilter>

/** The parameters of the `audit-log.csv` export kind: the filter, the file's language, and the hotel's zone for its times. */
export const auditExportParams = z
  .object({
    filter: auditFilter.default({}),
    lang: z.enum(['en', 'zh-CN']).default('en'),
    timeZone: z.string().min(1).max(64),
  })
  .strict()
export type AuditExportParams = z.output<typeof auditExportParams>

/** A filter as the repository reads it: dates turned into ISO instants, `atFrom` inclusive, `atBefore` exclusive. */
export interface ResolvedAuditFilter {
  guestId?: number
  staffId?: number
  actions?: string[]
  atFrom?: string
  atBefore?: string
}

/** Turns the hotel's local dates into instants (a day starts at 00:00 hotel time; `to` runs to the next day's start). */
export function resolveAuditFilter(filter: AuditFilter, timeZone: string): ResolvedAuditFilter {
  return {
    ...(filter.guestId ? { guestId: filter.guestId } : {}),
    ...(filter.staffId ? { staffId: filter.staffId } : {}),
    ...(filter.actions && filter.actions.length > 0 ? { actions: filter.actions } : {}),
    ...(filter.from ? { atFrom: hotelInstant(filter.from, '00:00', timeZone).toISOString() } : {}),
    ...(filter.to ? { atBefore: hotelInstant(addDays(filter.to, 1), '00:00', timeZone).toISOString() } : {}),
  }
}
