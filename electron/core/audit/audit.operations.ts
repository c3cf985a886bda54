import { z } from 'zod'
import { operations } from '../api'
import { actorOf, type OperationContext } from '../context'
import { AppError } from '../errors'
import { exportJobsOf } from '../exports/export-jobs'
import { hotelClockSettings, today } from '../hotel-clock'
import { operation } from '../operation'
import { recordAudit } from './audit.repository'
import { auditActionLabelKey, knownAuditActions, type AuditedOperation } from './audit-actions'
import { auditStaffChoices, guestExists, searchAuditLog, staffExists } from './audit-search.repository'
import { auditFilter, resolveAuditFilter, type AuditFilter } from './audit.schemas'
import { auditEntryView } from './audit-view'

/** The most rows one page of `audit.search` answers. */
export const auditPageLimit = 200

function knownActions(): string[] {
  // Read when called, not at load: api.ts imports this file.
  return knownAuditActions(operations as unknown as Record<string, AuditedOperation>)
}

/** Refuses a filter naming a guest, staff member or action that does not exist, naming the field. */
function checkFilter(ctx: OperationContext, filter: AuditFilter): void {
  const issues: { path: string; message: string }[] = []
  if (filter.guestId !== undefined && !guestExists(ctx.sqlite, filter.guestId)) issues.push({ path: 'filter.guestId', message: `There is no guest with id ${filter.guestId}: pick the guest again.` })
  if (filter.staffId !== undefined && !staffExists(ctx.sqlite, filter.staffId)) issues.push({ path: 'filter.staffId', message: `There is no staff member with id ${filter.staffId}: pick one from the list.` })
  if (filter.actions) {
    const known = new Set(knownActions())
    filter.actions.forEach((action, i) => {
      if (!known.has(action)) issues.push({ path: `filter.actions.${i}`, message: `"${action}" is not an action the audit log holds: pick one from audit.filters.` })
    })
  }
  if (issues.length > 0) throw new AppError('VALIDATION', `${issues[0].path}: ${issues[0].message}`, { issues })
}

/** The filter as the log keeps it in its own rows: ids, codes and dates only (never a name). */
function filterDetail(filter: AuditFilter): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined))
}

export const auditOperations = {
  'audit.filters': operation({
    kind: 'query',
    permission: 'audit.read',
    summary:
      'What the audit log can be filtered by: actions [{action, labelKey}] (every action the log can hold, sorted: operation names core audits, and the actions written by name such as "session.signIn" or "export"; labelKey is the i18n key of its words, e.g. "auditLog.actions.guest_card") and staff [{id, name, code, active (0|1)}] (everyone, the deactivated too, by name). Managers and administrators (audit.read).',
    input: z.object({}).strict(),
    handler: (ctx) => ({
      actions: knownActions().map((action) => ({ action, labelKey: auditActionLabelKey(action) })),
      staff: auditStaffChoices(ctx.sqlite),
    }),
  }),
  'audit.search': operation({
    kind: 'query',
    permission: 'audit.read',
    summary:
      'Searches the audit log, newest first. filter (all optional, ANDed): guestId (rows naming that guest, including reads that listed them among many), staffId, actions (any of these; see audit.filters), from/to (the hotel\'s local calendar dates YYYY-MM-DD, inclusive, in the hotel\'s time zone). Paging: before (answer rows with id below it: the previous page\'s nextBefore), limit 1–200 (default 50). Answers {rows: [{id, at (ISO UTC), staff {id, name, code} | null, terminal (address, "desktop", or null for rows before issue 12), action, labelKey, guest {id, name, romanName, state active|merged|anonymised|missing|hidden, mergedInto} | null, entity, entityId, detail (parsed JSON)}], nextBefore (null on the last page)}. The search itself is written to the audit log (action "audit.search", with the filter). Errors: VALIDATION with details.issues (filter.to before filter.from; filter.guestId / filter.staffId that do not exist; filter.actions.N not an action the log holds), FORBIDDEN for roles without audit.read.',
    input: z
      .object({
        filter: auditFilter.default({}),
        before: z.number().int().positive().optional(),
        limit: z.number().int().min(1).max(auditPageLimit).default(50),
      })
      .strict(),
    handler: (ctx, input) => {
      const actor = actorOf(ctx)
      checkFilter(ctx, input.filter)
      const resolved = resolveAuditFilter(input.filter, hotelClockSettings(ctx.sqlite).timeZone)
      const found = searchAuditLog(ctx.sqlite, resolved, input.before ?? null, input.limit + 1)
      const page = found.slice(0, input.limit)
      const rows = page.map((row) => auditEntryView(row, actor.role))
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actor.staffId,
        action: 'audit.search',
        guestId: input.filter.guestId ?? null,
        entity: 'audit',
        detail: { filter: filterDetail(input.filter), before: input.before ?? null, rows: rows.length },
      })
      return { rows, nextBefore: found.length > input.limit ? page[page.length - 1].id : null }
    },
  }),
  'audit.export': operation({
    kind: 'mutation',
    permission: 'audit.read',
    summary:
      'Exports the audit log rows matching filter (as audit.search, every page) to a CSV file in the background: UTF-8 with a byte-order mark, CRLF, a header row in lang (en | zh-CN), times in the hotel\'s zone and in UTC, cells that a spreadsheet would run as a formula (= + - @) get a leading apostrophe. Answers {jobId, job} as export.start (kind "audit-log.csv"); follow it with export.status and download from job.downloadPath. Written to the audit log ("audit.export" with the filter; "export" when the file is finished). Errors: VALIDATION as audit.search, FORBIDDEN, EXPORT_FAILED (details.context no_folder for a store in memory).',
    input: z.object({ filter: auditFilter.default({}), lang: z.enum(['en', 'zh-CN']).default('en') }).strict(),
    handler: (ctx, input) => {
      const actor = actorOf(ctx)
      checkFilter(ctx, input.filter)
      const built = ctx.services.exportWorker
      const jobs = exportJobsOf({
        sqlite: ctx.sqlite,
        clock: ctx.clock,
        nativeBinding: ctx.services.nativeBinding,
        ...(built ? { workerEntry: () => ({ file: built, script: null }) } : {}),
      })
      const params = { filter: input.filter, lang: input.lang, timeZone: hotelClockSettings(ctx.sqlite).timeZone }
      const job = jobs.start(actor, 'audit-log.csv', params, today(ctx))
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actor.staffId,
        action: 'audit.export',
        guestId: input.filter.guestId ?? null,
        entity: 'audit',
        detail: { filter: filterDetail(input.filter), jobId: job.jobId },
      })
      return { jobId: job.jobId, job }
    },
  }),
}
