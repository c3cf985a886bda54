import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { afterCommit } from '../db/transaction'
import { operation } from '../operation'
import type { TransferReport } from './transfer-format'
import { checkTransferEnvelope, fileRefused, importTransferFile, notEmpty } from './transfer-import'
import { staffIdByCode, storeHasGuests } from './transfer.repository'
import { discardUpload, uploadedFile } from './uploads'

const uploadInput = z
  .object({
    /** The id `PUT /api/uploads/transfer` answered (or a desktop host registered). */
    uploadId: z.uuid(),
  })
  .strict()

/** Reads the uploaded file's envelope (header, schema version, completeness, checksum) without blocking: before the store is touched. */
async function prepareUpload(input: { uploadId: string }): Promise<{ file: string; envelope: TransferReport }> {
  const file = uploadedFile(input.uploadId)
  return { file, envelope: await checkTransferEnvelope(file) }
}

export const transferOperations = {
  'transfer.check': operation({
    kind: 'query',
    input: uploadInput,
    permission: 'store.transfer',
    summary:
      'Dry run of a full import (administrators): checks the uploaded export file as the import would — format, schema version (a newer one is refused), completeness, checksum, then every row against this store (types, required fields, references within the file, duplicate keys) — and changes nothing. Answers { report: { ok, problems: [{code, message, table?, line?}], rows: [{table, row, line, field, code, message}] (first 200), rowIssueCount, tables: [{name, rows}], guests, exportedAt, schema }, store: { guests, stays } } (the store must have 0 of both to import). Errors: NOT_FOUND (upload unknown: choose the file again).',
    prepare: prepareUpload,
    handler: (ctx, _input, prepared) => {
      const actor = actorOf(ctx)
      const store = storeHasGuests(ctx.sqlite)
      if (!prepared.envelope.ok) return { report: prepared.envelope, store }
      const { report } = importTransferFile(ctx.sqlite, prepared.file, { write: false, importerCode: actor.code })
      return { report, store }
    },
  }),

  'transfer.import': operation({
    kind: 'mutation',
    input: uploadInput,
    permission: 'store.transfer',
    summary:
      "Imports a full export into this store, which must have no guests or stays (administrators). In one transaction: the hotel's set-up (departments, staff, rooms, vocabulary, settings but this machine's own, rules) is replaced by the file's and every guest, stay, preference, observation, prompt and their history is inserted with the file's ids; staff keep this store's PIN for the same staff code, others have none until one is set; then the search index is rebuilt. Audited. Answers { guests, rows: { <table>: count }, exportedAt }. Errors: TRANSFER_STORE_NOT_EMPTY (details: guests, stays); TRANSFER_FILE (details.report as transfer.check's: nothing imported); NOT_FOUND (upload unknown).",
    prepare: prepareUpload,
    handler: (ctx, input, prepared) => {
      const actor = actorOf(ctx)
      const store = storeHasGuests(ctx.sqlite)
      if (store.guests > 0 || store.stays > 0) throw notEmpty(store)
      if (!prepared.envelope.ok) throw fileRefused(prepared.envelope)
      const { report, written } = importTransferFile(ctx.sqlite, prepared.file, { write: true, importerCode: actor.code })
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: staffIdByCode(ctx.sqlite, actor.code),
        action: 'transfer.import',
        entity: 'store',
        detail: { guests: report.guests, rows: written, exportedAt: report.exportedAt, schema: report.schema.at(-1) ?? null },
      })
      afterCommit(ctx.sqlite, () => discardUpload(input.uploadId))
      return { guests: report.guests, rows: written, exportedAt: report.exportedAt }
    },
  }),
}
