import { createHash } from 'node:crypto'
import type { Writable } from 'node:stream'
import type { Sqlite } from '../db/query'
import type { ExportOutput, ExportRequest, ExportWriterResult } from '../exports/export-writers'
import { headerLine, rowLine, sectionLine, trailerLine, transferFormat, transferFormatVersion, type TransferHeader } from './transfer-format'
import { appliedMigrations, beginReadSnapshot, countExportRows, exportColumns, exportRows, sequences, storeTableNames } from './transfer.repository'
import { exportedTables } from './transfer-tables'

/** Bytes gathered before one write to the stream (fewer, larger writes; back-pressure honoured). */
const chunkBytes = 256 * 1024

async function write(stream: Writable, text: string): Promise<void> {
  if (stream.write(text)) return
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain)
      stream.off('error', done)
      stream.off('close', onClose)
      if (error) reject(error)
      else resolve()
    }
    const onDrain = () => done()
    const onClose = () => done(new Error('The export file was closed before it was written.'))
    stream.once('drain', onDrain)
    stream.once('error', done)
    stream.once('close', onClose)
  })
}

export interface FullExportOptions {
  /** The instant written in the header (ISO); defaults to now. */
  exportedAt?: string
  progress?: (done: number, total: number) => void
  cancelled?: () => boolean
}

/**
 * Writes the whole store as one transfer file (format in `transfer-format.ts`): every table of
 * `exportedTables`, row by row from one read transaction (the job machinery's, or one begun
 * here when called directly), staff without PIN hashes, no sessions, no search index. Never
 * holds more than one chunk (256 KiB) of the file in memory. Progress counts rows. Resolves with
 * the number of guests written; stops early (returning what it wrote) once `cancelled()`.
 * Does not end the stream.
 */
export async function writeFullExport(sqlite: Sqlite, stream: Writable, options: FullExportOptions = {}): Promise<{ guests: number; rows: number; cancelled: boolean }> {
  const endSnapshot = beginReadSnapshot(sqlite)
  try {
    const present = new Set(storeTableNames(sqlite))
    const tables = exportedTables.filter((t) => present.has(t))
    const counts = tables.map((name) => ({ name, rows: countExportRows(sqlite, name) }))
    const total = counts.reduce((sum, t) => sum + t.rows, 0)
    const header: TransferHeader = {
      format: transferFormat,
      formatVersion: transferFormatVersion,
      schema: appliedMigrations(sqlite),
      exportedAt: options.exportedAt ?? new Date().toISOString(),
      tables: counts,
      sequences: sequences(sqlite),
    }
    const hash = createHash('sha256')
    let pending = ''
    const emit = async (text: string, force = false) => {
      pending += text
      if (pending.length >= chunkBytes || (force && pending.length > 0)) {
        hash.update(pending)
        const out = pending
        pending = ''
        await write(stream, out)
      }
    }
    await emit(headerLine(header))
    let done = 0
    let guests = 0
    for (const { name, rows } of counts) {
      const columns = exportColumns(sqlite, name)
      await emit(sectionLine({ table: name, columns, rows }))
      let written = 0
      for (const row of exportRows(sqlite, name, columns)) {
        await emit(rowLine(row))
        written += 1
        done += 1
        if (done % 5000 === 0) {
          options.progress?.(done, total)
          if (options.cancelled?.()) return { guests, rows: done, cancelled: true }
        }
      }
      // Rows written while counting changed nothing: both are read in one transaction.
      if (written !== rows) throw new Error(`Export of ${name}: counted ${rows} rows, read ${written}.`)
      if (name === 'guest') guests = written
    }
    await emit('', true)
    await write(stream, trailerLine(hash.digest('hex'), done))
    options.progress?.(total, total)
    return { guests, rows: done, cancelled: false }
  } finally {
    endSnapshot()
  }
}

/** The export job's writer for kind 'full.json' (registered in `exports/export-writers.ts`). */
export async function writeFullJson(sqlite: Sqlite, request: ExportRequest, out: ExportOutput): Promise<ExportWriterResult> {
  const result = await writeFullExport(sqlite, out.stream, { exportedAt: request.startedAt, progress: out.progress, cancelled: out.cancelled })
  return { guests: result.guests, details: { rows: result.rows } }
}
