import type { ExportWriter } from '../exports/export-writers'
import { guestAccessRecord } from './guest-access-export.repository'

/** The access export's parameters (export-kinds.ts checks them): the guest, and the language the file is named in. */
export interface GuestAccessParams {
  guestId: number
  lang?: 'en' | 'zh-CN'
}

/**
 * Writes one guest's access export (kind 'guest-access.json'): a small JSON document,
 * {format: 'zhike.guest-access', version: 1, exportedAt, businessDate, guestId, ...guestAccessRecord}.
 * Fails (the job says EXPORT_FAILED) for an unknown guest.
 */
export const writeGuestAccessJson: ExportWriter = async (sqlite, request, out) => {
  const { guestId } = request.params as unknown as GuestAccessParams
  const record = guestAccessRecord(sqlite, guestId)
  if (!record) throw new Error(`No guest with id ${guestId}.`)
  const text = JSON.stringify({ format: 'zhike.guest-access', version: 1, exportedAt: request.startedAt, businessDate: request.businessDate, guestId, ...record }, null, 2)
  out.progress(0, 1)
  if (!out.stream.write(`${text}\n`)) await new Promise((resolve) => out.stream.once('drain', resolve))
  out.progress(1, 1)
  return { guests: 1 }
}
