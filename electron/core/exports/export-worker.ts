// The export worker's entry: runs one export job in a worker thread (export-jobs.ts starts it),
// so a long export never holds the main thread the hub serves requests on.
import fs from 'node:fs'
import { finished } from 'node:stream/promises'
import { parentPort, workerData } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { exportWriters, type ExportKind, type ExportRequest } from './export-writers'
import { failureCauseOf, type ExportFailureCause } from './export-files'

/** What export-jobs.ts hands the worker. */
export interface ExportWorkerData {
  storeFile: string
  nativeBinding?: string
  folder: string
  partFile: string
  finalFile: string
  request: ExportRequest
  /** Int32 flag: 1 once the job is cancelled (read with Atomics, no event-loop turn needed). */
  cancel: SharedArrayBuffer
}

/** What the worker tells export-jobs.ts. */
export type ExportWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; guests: number; bytes: number; details?: Record<string, unknown> }
  | { type: 'cancelled' }
  | { type: 'failed'; cause: ExportFailureCause; message: string }

const data = workerData as ExportWorkerData
const post = (message: ExportWorkerMessage) => parentPort?.postMessage(message)
const flag = new Int32Array(data.cancel)
const cancelled = () => Atomics.load(flag, 0) === 1

function removePart(fd: number | null): void {
  if (fd !== null) {
    try {
      fs.closeSync(fd)
    } catch {
      // already closed
    }
  }
  try {
    fs.rmSync(data.partFile, { force: true })
  } catch {
    // nothing to remove
  }
}

async function run(): Promise<void> {
  let fd: number | null = null
  let sqlite: BetterSqlite3.Database | null = null
  let phase: 'file' | 'store' = 'file'
  try {
    fs.mkdirSync(data.folder, { recursive: true, mode: 0o700 })
    if (!fs.statSync(data.folder).isDirectory()) throw Object.assign(new Error(`${data.folder} is not a folder`), { code: 'ENOTDIR' })
    fd = fs.openSync(data.partFile, 'wx', 0o600)
    phase = 'store'
    sqlite = new BetterSqlite3(data.storeFile, { readonly: true, fileMustExist: true, ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}) })
    sqlite.pragma('busy_timeout = 5000')
    // One read transaction: the whole file is one consistent snapshot (WAL) while the hub writes.
    sqlite.exec('BEGIN')
    phase = 'file'
    const stream = fs.createWriteStream(data.partFile, { fd, autoClose: false })
    let streamError: Error | null = null
    stream.on('error', (error) => (streamError ??= error))
    let lastPost = 0
    const writer = await exportWriters[data.request.kind as ExportKind]()
    const result = await writer(sqlite, data.request, {
      stream,
      progress(done, total) {
        const now = Date.now()
        if (done < total && now - lastPost < 100) return
        lastPost = now
        post({ type: 'progress', done, total })
      },
      cancelled,
    })
    if (!stream.writableEnded) stream.end()
    await finished(stream)
    if (streamError) throw streamError
    sqlite.exec('COMMIT')
    if (cancelled()) {
      removePart(fd)
      post({ type: 'cancelled' })
      return
    }
    fs.fsyncSync(fd)
    const bytes = fs.fstatSync(fd).size
    fs.closeSync(fd)
    fd = null
    fs.renameSync(data.partFile, data.finalFile)
    try {
      // The rename itself survives a power cut only once the folder is synced (not possible on Windows).
      const dirFd = fs.openSync(data.folder, 'r')
      fs.fsyncSync(dirFd)
      fs.closeSync(dirFd)
    } catch {
      // best effort
    }
    post({ type: 'done', guests: result.guests, bytes, ...(result.details ? { details: result.details } : {}) })
  } catch (error) {
    removePart(fd)
    if (cancelled()) {
      post({ type: 'cancelled' })
      return
    }
    const cause = phase === 'file' ? failureCauseOf(error) : 'write_failed'
    post({ type: 'failed', cause, message: error instanceof Error ? error.message : String(error) })
  } finally {
    try {
      sqlite?.close()
    } catch {
      // closing a read-only connection cannot lose anything
    }
  }
}

void run()
