import fs from 'node:fs'
import { migrations } from '../db/migrations'
import type { Sqlite } from '../db/query'
import { clearStoreCaches } from '../db/store-cache'
import { inTransaction } from '../db/transaction'
import { AppError } from '../errors'
import { rebuildGuestIndex } from '../guests/guest-index.repository'
import { LineSplitter, TransferReader, type StoreSpec, type TransferReport } from './transfer-format'
import {
  clearExportedTables,
  deferForeignKeys,
  rememberStaff,
  refollowStaff,
  restoreSequences,
  rowInserter,
  settingIsLocal,
  storeHasGuests,
  storeSpec,
} from './transfer.repository'
import { noPinHash } from './transfer-tables'

const readBytes = 1024 * 1024

/**
 * Reads a file line by line, synchronously, one megabyte at a time (inside a transaction: no
 * await there). A line longer than `maxLineBytes` stops the reading: `onTooLong(lineNumber)`.
 */
export function readLinesSync(file: string, onLine: (line: string) => void, onTooLong: (line: number) => void): void {
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(readBytes)
    const splitter = new LineSplitter(onLine, onTooLong)
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, readBytes, null)
      if (n === 0) break
      if (!splitter.push(buffer.subarray(0, n))) return
    }
    splitter.end()
  } finally {
    fs.closeSync(fd)
  }
}

/** Reads a file line by line without blocking the thread; stops as `readLinesSync` does at a line that is too long. */
export async function readLinesAsync(file: string, onLine: (line: string) => void, onTooLong: (line: number) => void): Promise<void> {
  const splitter = new LineSplitter(onLine, onTooLong)
  for await (const chunk of fs.createReadStream(file, { highWaterMark: readBytes })) {
    if (!splitter.push(chunk as Buffer)) return
  }
  splitter.end()
}

/** What the envelope check needs: this code's migrations (no store). */
function envelopeSpec(): StoreSpec {
  return { migrations: migrations.map((m) => m.name), tables: [], omitted: {} }
}

/**
 * The quick check, before the store is touched and without blocking the thread: is this a
 * Zhike export, of a schema this Zhike knows, complete (trailer present, every table's rows
 * there) and unchanged (checksum)? Rows are counted, not checked (that needs the store).
 */
export async function checkTransferEnvelope(file: string): Promise<TransferReport> {
  const reader = new TransferReader(envelopeSpec(), { envelopeOnly: true })
  await readLinesAsync(
    file,
    (line) => reader.line(line),
    (line) => reader.lineTooLong(line),
  )
  return reader.report()
}

export interface ImportOptions {
  /** false: check only (a dry run), the store is not changed. */
  write: boolean
  /** Staff code of whoever imports: the file must hold them as an active administrator, or they could not sign in afterwards. */
  importerCode?: string
}

export interface ImportResult {
  report: TransferReport
  /** Rows written per table (empty on a dry run). */
  written: Record<string, number>
}

/**
 * Reads the file once, checking every row against this store's schema and, when `write`,
 * inserting as it goes. Must run inside one transaction (the operation's): the exported tables
 * are emptied first, then filled from the file; if anything is wrong the caller's transaction
 * must roll back (this throws `TRANSFER_FILE` with the report, so it does). After the rows,
 * the search index is rebuilt through the same code that indexes guests as they are written.
 */
export function importTransferFile(sqlite: Sqlite, file: string, options: ImportOptions): ImportResult {
  const spec = storeSpec(sqlite)
  const reader = new TransferReader(spec)
  const written: Record<string, number> = {}
  const admins = new Set<string>()
  let inserter: { table: string; run: (values: unknown[]) => void } | null = null
  if (options.write) {
    const present = storeHasGuests(sqlite)
    if (present.guests > 0 || present.stays > 0) throw notEmpty(present)
  }
  const memory = options.write ? rememberStaff(sqlite) : null
  if (options.write) {
    deferForeignKeys(sqlite)
    clearExportedTables(sqlite, spec.tables.map((t) => t.name))
  }
  readLinesSync(file, (line) => {
    const event = reader.line(line)
    if (event.kind === 'section' && options.write) {
      const { table, columns } = event.section
      const extra = table === 'staff' ? ['pin_hash'] : []
      const statement = rowInserter(sqlite, table, [...columns, ...extra])
      const codeAt = columns.indexOf('code')
      written[table] = 0
      inserter = {
        table,
        run: (values) => {
          if (table === 'setting' && settingIsLocal(values[columns.indexOf('key')])) return
          const row = table === 'staff' ? [...values, memory!.pinHashByCode.get(String(values[codeAt])) ?? noPinHash] : values
          statement.run(row)
          written[table] += 1
        },
      }
    }
    if (event.kind !== 'row') return
    if (event.table === 'staff') {
      const role = event.values[event.columns.indexOf('role')]
      const active = event.values[event.columns.indexOf('active')]
      if (role === 'admin' && active !== 0) admins.add(String(event.values[event.columns.indexOf('code')]))
    }
    if (!inserter || inserter.table !== event.table) return
    try {
      inserter.run(event.values)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      if (!/constraint/i.test(message)) throw error
      reader.storeRefused({
        table: event.table,
        row: event.row,
        line: 0,
        field: '',
        code: 'duplicate',
        message: `Row ${event.row} of ${event.table} repeats a value that must be unique (${message.replace(/^.*constraint failed: /i, '')}).`,
      })
    }
  }, (line) => reader.lineTooLong(line))
  const report = reader.report()
  if (report.ok && options.importerCode !== undefined && !admins.has(options.importerCode)) {
    report.ok = false
    report.problems.push({
      code: 'no_admin',
      table: 'staff',
      message: `The file has no active administrator with your staff code (${options.importerCode}), so no one could sign in after the import. Set up the empty store with the code of an administrator the file holds, then import.`,
    })
  }
  if (!report.ok) {
    if (options.write) throw fileRefused(report)
    return { report, written }
  }
  if (options.write) {
    restoreSequences(sqlite, reader.fileHeader?.sequences ?? {})
    refollowStaff(sqlite, memory!)
    clearStoreCaches(sqlite)
    rebuildGuestIndex(sqlite)
  }
  return { report, written }
}

/**
 * Imports a file into a store without guests in one transaction of its own (benchmarks, tools):
 * the same path `transfer.import` takes, without its envelope pre-check, session or audit row.
 * Throws `TRANSFER_FILE` / `TRANSFER_STORE_NOT_EMPTY`; nothing is written then.
 */
export function importFullExport(sqlite: Sqlite, file: string): ImportResult {
  return inTransaction(sqlite, () => importTransferFile(sqlite, file, { write: true }))
}

/** The refusal for a store that already has guests. */
export function notEmpty(present: { guests: number; stays: number }): AppError {
  return new AppError(
    'TRANSFER_STORE_NOT_EMPTY',
    `This store already has ${present.guests} guests and ${present.stays} stays; an import goes only into a store without guests. Start Zhike with a new, empty data folder, set it up with an administrator's code that the file holds, and import there.`,
    present,
  )
}

/** The refusal for a file with errors: the report lists what is wrong. */
export function fileRefused(report: TransferReport): AppError {
  const first = report.problems[0]?.message ?? report.rows[0]?.message ?? 'The file has errors.'
  const more = report.problems.length + report.rowIssueCount - 1
  return new AppError('TRANSFER_FILE', `Nothing was imported. ${first}${more > 0 ? ` (and ${more} more)` : ''}`, { report })
}
