import { z } from 'zod'
import { actorOf, type OperationContext } from '../context'
import { AppError } from '../errors'
import { today } from '../hotel-clock'
import { operation } from '../operation'
import { roleAllows } from '../staff/roles'
import { exportPermissions, paramsSchema } from './export-kinds'
import { exportJobsOf } from './export-jobs'
import { exportKinds, type ExportKind } from './export-writers'
import { GuestListFormat } from './guest-list.format'
import { countGuestList, iterateGuestList, vocabularyLabels } from './guest-list.repository'
import { guestListRequest } from './guest-list.schemas'

const jobId = z.object({ jobId: z.string().uuid('Use the jobId export.start answered.') }).strict()

/** The store's export jobs, with the worker the host built (every operation that starts an export uses this). */
export function jobsOf(ctx: OperationContext) {
  const built = ctx.services.exportWorker
  return exportJobsOf({
    sqlite: ctx.sqlite,
    clock: ctx.clock,
    nativeBinding: ctx.services.nativeBinding,
    ...(built ? { workerEntry: () => ({ file: built, script: null }) } : {}),
  })
}

export const exportOperations = {
  'export.start': operation({
    kind: 'mutation',
    permission: 'guest.export',
    summary:
      'Starts a long export in the background (a worker thread) and answers at once with {jobId} and the job (ExportJobView: state queued|running, done/total, fileName). kind: "guest-list.csv" | "guest-list.xlsx" (params: {filter, columns, lang} as guestList.preview) or any kind in exportWriters. Follow it with export.status; a finished file is downloaded from GET /api/exports/<jobId>/file. Errors: VALIDATION (params, naming the field), FORBIDDEN, EXPORT_FAILED (details.context no_folder: a store in memory has no folder to export to). A write that fails later (disk full, no permission, the exports path is not a folder) makes the job "failed" with EXPORT_FAILED and details.context disk_full|no_permission|not_a_folder|write_failed; nothing incomplete is left under the file name. The finished export is written to the audit log.',
    input: z
      .object({
        kind: z.enum(exportKinds as [ExportKind, ...ExportKind[]]),
        params: z.record(z.string(), z.unknown()).default({}),
      })
      .strict(),
    handler: (ctx, input) => {
      const actor = actorOf(ctx)
      const extra = exportPermissions[input.kind]
      if (extra && !roleAllows(actor.role, extra)) throw new AppError('FORBIDDEN', `Your role (${actor.role}) may not do this (${extra}).`)
      const parsed = paramsSchema(input.kind).safeParse(input.params)
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: ['params', ...i.path].join('.'), message: i.message }))
        throw new AppError('VALIDATION', `${issues[0]?.path}: ${issues[0]?.message}`, { issues })
      }
      const job = jobsOf(ctx).start(actor, input.kind, parsed.data, today(ctx))
      return { jobId: job.jobId, job }
    },
  }),
  'export.status': operation({
    kind: 'query',
    permission: 'guest.export',
    summary:
      'One export job of the caller (an administrator: anyone\'s): {jobId, kind, state: queued|running|done|failed|cancelled, done, total (guests; total 0 = not counted yet), guests, bytes, fileName, downloadPath (when done), error (EXPORT_FAILED with details.context), details (a contact list: matched, leftOut {restricted, noConsent, noContact}), startedAt, finishedAt}. NOT_FOUND for a job that is not theirs or forgotten (jobs are kept in memory until the store closes).',
    input: jobId,
    handler: (ctx, input) => jobsOf(ctx).status(actorOf(ctx), input.jobId),
  }),
  'export.cancel': operation({
    kind: 'query',
    permission: 'guest.export',
    summary:
      'Cancels one of the caller\'s export jobs: a queued job is cancelled at once, a running one within a moment (its partial file is removed; export.status then says "cancelled"). A finished job is answered as it is. NOT_FOUND for another\'s job. Writes nothing to the store.',
    input: jobId,
    handler: (ctx, input) => jobsOf(ctx).cancel(actorOf(ctx), input.jobId),
  }),
  'export.list': operation({
    kind: 'query',
    permission: 'guest.export',
    summary: 'The caller\'s recent export jobs, newest first (an administrator sees everyone\'s), at most `limit` (default 20): ExportJobView[] as export.status.',
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    handler: (ctx, input) => jobsOf(ctx).list(actorOf(ctx), input.limit),
  }),
  'guestList.preview': operation({
    kind: 'query',
    permission: 'guest.export',
    summary:
      'Previews a guest list with the same {filter, columns, lang} an export takes: {matched (guests the filter finds), listed (guests the file will hold), leftOut {restricted, noConsent, noContact} (a contact list: who is left out and why; zeros otherwise), header (column titles in lang), rows (the first `limit` rows, default 20, cells as the file will show them before the CSV formula guard)}. filter: preferences [{category, code?, value?, strengths?}] (an interest: category "interest", code "hobby", value "calligraphy"), vip [0-3], nationalities ["CN"], lastStayFrom/lastStayTo (YYYY-MM-DD, the latest arrival of a stay in house or checked out), consent any|given|withdrawn|not_asked, contactList. columns: nativeName, romanName, salutation, phone, email, nationality, languages, vip, lastStay, stays, company, homeCity, marketingConsent, or "preferences:<category>".',
    input: guestListRequest.extend({ limit: z.number().int().min(0).max(100).default(20) }),
    handler: (ctx, input) => {
      const categories = [...new Set(input.columns.filter((c) => c.startsWith('preferences:')).map((c) => c.slice('preferences:'.length)))]
      const format = new GuestListFormat(input.columns, input.lang, vocabularyLabels(ctx.sqlite, categories))
      const counts = countGuestList(ctx.sqlite, input.filter)
      const rows: (string | number)[][] = []
      for (const row of iterateGuestList(ctx.sqlite, input.filter, input.columns, input.limit)) rows.push(format.cells(row))
      return { ...counts, header: format.header, rows }
    },
  }),
}
