import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { AppError } from '../errors'
import { jobsOf } from '../exports/export.operations'
import { findGuest } from '../guests/guest.repository'
import { today } from '../hotel-clock'
import { operation } from '../operation'
import { blockingStays, personIds } from './erasure.repository'
import { eraseGuest, erasureReasons } from './erasure.service'
import { retentionPreview, retentionYears, runRetention, setRetentionYears } from './retention.service'

const guestId = z.number().int().positive()
const years = z.number().int('Whole years only.').min(1, 'At least 1 year.').max(30, 'At most 30 years.')

/** Erasure, retention and the right of access (issue 12; PIPL Arts. 45, 47; GDPR Arts. 15, 17). */
export const privacyOperations = {
  'guest.erase': operation({
    kind: 'mutation',
    permission: 'guest.erase',
    summary:
      'Erases (anonymises) a guest and every profile merged into it, keeping the statistics. Cleared: names (native, roman; the name becomes "#<id>"), phone, email, birth date, document, notes, company, home city, occupation, salutation, PMS profile id, membership number, restriction note; the search index, name tokens, duplicate match keys and candidates; preference notes and free-text values, observation texts, prompt texts, decline reasons, stays\' company/remarks/membership, companion names, recovery cases’ descriptions, their steps’ notes, promise texts and out-of-order reasons, satisfaction comments, the change history\'s old and new values (but VIP, nationality, gender, languages, consent, preference category/code/strength), merge snapshots, and any event payload, PMS import report, night-audit report or other table that contains their identifiers. Kept: the guest row (id, anonymised_at, VIP, nationality, gender, languages, consent), stays (dates, rooms, statuses), preferences (category, code, strength), recovery cases (kind, category, severity, department, dates, compensation figures; a case still open is closed and its open promise, follow-up and first-response prompts withdrawn) and satisfaction scores. Afterwards nothing finds them by their old name, phone, email or document (search, duplicates, PMS matching) and they cannot be merged. input: {guestId, reason: guest_request|purpose_fulfilled|consent_withdrawn|unlawful|other} (a code: the audit row holds ids, the reason and counts only). Answers {guestId, anonymisedAt, profiles, stays, preferences, observations, prompts, changes, merges, otherRows}. Errors: ERASE_IN_HOUSE (in house, as main guest or companion; details {stayId, room, arrival, departure}), ERASE_RESERVED (a reservation still to come; same details), GUEST_ANONYMISED (already erased), NOT_FOUND (unknown, or merged away: details.mergedInto). Files already exported (guest lists, access exports) and backups are not reached.',
    input: z.object({ guestId, reason: z.enum(erasureReasons, { message: 'Choose why the guest is erased.' }) }).strict(),
    handler: (ctx, input) => eraseGuest(ctx, input.guestId, input.reason),
  }),

  'guest.privacyStatus': operation({
    kind: 'query',
    permission: 'guest.read',
    summary:
      'Whether a guest was anonymised and whether they may be erased now: {guestId, anonymisedAt (ISO or null), erasable, blockedBy: null | {code: ERASE_IN_HOUSE|ERASE_RESERVED, stayId, room, arrival, departure}}. No personal data. NOT_FOUND for an unknown guest.',
    input: z.object({ guestId }).strict(),
    handler(ctx, input) {
      const guest = findGuest(ctx.sqlite, input.guestId)
      if (!guest) throw new AppError('NOT_FOUND', `No guest with id ${input.guestId}.`, { entity: 'guest', id: input.guestId })
      const blocking = guest.anonymised_at ? undefined : blockingStays(ctx.sqlite, personIds(ctx.sqlite, guest.id))[0]
      return {
        guestId: guest.id,
        anonymisedAt: guest.anonymised_at,
        erasable: !guest.anonymised_at && guest.merged_into === null && !blocking,
        blockedBy: blocking
          ? { code: blocking.status === 'in_house' ? ('ERASE_IN_HOUSE' as const) : ('ERASE_RESERVED' as const), stayId: blocking.stayId, room: blocking.room, arrival: blocking.arrival, departure: blocking.departure }
          : null,
      }
    },
  }),

  'guest.accessExport': operation({
    kind: 'mutation',
    permission: 'guest.privacy',
    summary:
      'The right of access: starts a JSON file of everything about one guest (profile with the whole document number, merged profiles, preferences, stays with companions and events, observations, prompts, recovery cases with their six steps, satisfaction scores, change history, merges, audit rows about them, and rows of other tables keyed by guest such as consent records). Runs as an export job (kind guest-access.json): answers {jobId, job} at once; follow it with guest.accessExportStatus and download the file from job.downloadPath (hub) or through the desktop\'s save dialog. The printable card is guest.printCard. Audited (guest.accessExport). input {guestId, lang en|zh-CN (the file name)}. Errors: NOT_FOUND, EXPORT_FAILED (details.context no_folder for a store in memory).',
    input: z.object({ guestId, lang: z.enum(['en', 'zh-CN']).default('en') }).strict(),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const guest = findGuest(ctx.sqlite, input.guestId)
      if (!guest) throw new AppError('NOT_FOUND', `No guest with id ${input.guestId}.`, { entity: 'guest', id: input.guestId })
      const job = jobsOf(ctx).start(actor, 'guest-access.json', { guestId: guest.id, lang: input.lang }, today(ctx))
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'guest.accessExport', guestId: guest.id, entity: 'guest', entityId: guest.id, detail: { jobId: job.jobId } })
      return { jobId: job.jobId, job }
    },
  }),

  'guest.accessExportStatus': operation({
    kind: 'query',
    permission: 'guest.privacy',
    summary: 'One of the caller\'s access exports, as export.status answers it (state queued|running|done|failed, fileName, downloadPath when done). NOT_FOUND for another\'s job.',
    input: z.object({ jobId: z.string().uuid('Use the jobId guest.accessExport answered.') }).strict(),
    handler: (ctx, input) => jobsOf(ctx).status(actorOf(ctx), input.jobId),
  }),

  'privacy.retention': operation({
    kind: 'query',
    permission: 'privacy.retention',
    summary: 'The retention period: {years: 1–30, or null when off}. Guests inactive for more than that many years are anonymised by privacy.retentionRun.',
    input: z.object({}).strict(),
    handler: (ctx) => ({ years: retentionYears(ctx.sqlite) }),
  }),

  'privacy.setRetention': operation({
    kind: 'mutation',
    permission: 'privacy.retention',
    summary: 'Sets the retention period: {years: whole years 1–30, or null to turn it off}. Nothing is anonymised until privacy.retentionRun. Audited. Answers {years, changed}.',
    input: z.object({ years: years.nullable() }).strict(),
    handler(ctx, input) {
      const changed = setRetentionYears(ctx.sqlite, input.years)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action: 'privacy.setRetention', entity: 'setting', detail: { years: input.years, changed } })
      return { years: input.years, changed }
    },
  }),

  'privacy.retentionPreview': operation({
    kind: 'mutation', // it shows guests' names to the manager, and that read is logged
    permission: 'privacy.retention',
    summary:
      'Who the retention period would anonymise today (business date): guests with no stay departing and no profile change within the period, not in house, no reservation to come. {years, businessDate, cutoff (YYYY-MM-DD; inactive since before it), count, guests: [{guestId, nativeName, romanName, lastDeparture (YYYY-MM-DD or null), lastChange (ISO)}]} (one page, longest inactive first). input {years? (preview another period than the saved one; null: off), limit 1–100 (20), offset}. Audited (count only).',
    input: z.object({ years: years.nullable().optional(), limit: z.number().int().min(1).max(100).default(20), offset: z.number().int().min(0).default(0) }).strict(),
    handler(ctx, input) {
      const preview = retentionPreview(ctx, input)
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actorOf(ctx).staffId,
        action: 'privacy.retentionPreview',
        entity: 'guest',
        detail: { years: preview.years, cutoff: preview.cutoff, count: preview.count, shown: preview.guests.map((g) => g.guestId) },
      })
      return preview
    },
  }),

  'privacy.retentionRun': operation({
    kind: 'mutation',
    permission: 'privacy.retention',
    summary:
      'Anonymises (as guest.erase, reason "retention") every guest the saved retention period reaches today, as privacy.retentionPreview lists them. input {expected: the count the preview showed and the manager confirmed}. Answers {anonymised, cutoff, years}. Errors: RETENTION_CHANGED (details {expected, found}: preview again), VALIDATION (retention is off). Audited (period, cutoff, count).',
    input: z.object({ expected: z.number().int().min(0) }).strict(),
    handler: (ctx, input) => runRetention(ctx, input.expected),
  }),
}
