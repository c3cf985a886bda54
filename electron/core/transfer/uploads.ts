import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { Sqlite } from '../db/query'
import { AppError } from '../errors'

/** Largest transfer file taken (bytes): a 200,000-guest hotel writes a few hundred megabytes. */
export const maxTransferUploadBytes = 2 * 1024 * 1024 * 1024

/**
 * Uploaded files by id, in this process. An operation names an upload by id, never by path, so
 * no caller can make core read a file of its choosing. Registered by the hub's upload route
 * (`PUT /api/uploads/transfer`), by a desktop host after its open-file dialog, and by tests.
 */
const uploads = new Map<string, string>()

/** Where uploads of this store are kept: `<data folder>/uploads`. */
export function uploadsFolder(sqlite: Sqlite): string {
  const name = sqlite.name
  return name && name !== ':memory:' && path.isAbsolute(name) ? path.join(path.dirname(name), 'uploads') : path.join(os.tmpdir(), `zhike-uploads-${process.pid}`)
}

/** Makes an existing file available to `transfer.check` / `transfer.import` under a new id. */
export function registerUpload(file: string): string {
  const id = crypto.randomUUID()
  uploads.set(id, file)
  return id
}

/** The file of an upload; NOT_FOUND when the id is unknown (the hub was restarted, or it was imported already). */
export function uploadedFile(id: string): string {
  const file = uploads.get(id)
  if (!file || !fs.existsSync(file)) {
    throw new AppError('NOT_FOUND', 'That uploaded file is no longer here (the hub restarted, or it was already imported). Choose the file again.', { uploadId: id })
  }
  return file
}

/** Forgets an upload and deletes its file (after a successful import). */
export function discardUpload(id: string): void {
  const file = uploads.get(id)
  uploads.delete(id)
  if (file && path.basename(path.dirname(file)) === 'uploads') fs.rmSync(file, { force: true })
}

/**
 * Streams a request body to `<uploads>/<id>.json` (through `<id>.part`, renamed when complete),
 * refusing more than `maxBytes` with PAYLOAD_TOO_LARGE; answers the new upload's id and size.
 * A failed or cut-off upload leaves no file.
 */
export async function saveUpload(sqlite: Sqlite, body: Readable, maxBytes = maxTransferUploadBytes): Promise<{ uploadId: string; bytes: number }> {
  const folder = uploadsFolder(sqlite)
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
  const id = crypto.randomUUID()
  const part = path.join(folder, `${id}.part`)
  const file = path.join(folder, `${id}.json`)
  let bytes = 0
  const cap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length
      if (bytes > maxBytes) done(new AppError('PAYLOAD_TOO_LARGE', `A transfer file may be at most ${maxBytes} bytes.`, { maxBytes }))
      else done(null, chunk)
    },
  })
  try {
    await pipeline(body, cap, fs.createWriteStream(part, { mode: 0o600 }))
    fs.renameSync(part, file)
  } catch (error) {
    fs.rmSync(part, { force: true })
    if (error instanceof AppError) throw error
    throw new AppError('VALIDATION', 'The upload was cut off before the whole file arrived. Try again.')
  }
  uploads.set(id, file)
  return { uploadId: id, bytes }
}
