import type { Writable } from 'node:stream'
import type { Sqlite } from '../db/query'
import type { Role } from '../staff/roles'

/**
 * The registry of export writers: every long export (guest lists to CSV/XLSX, the full JSON
 * export of `electron/core/transfer/`) is one entry here, and the export-job machinery
 * (`export-jobs.ts`) runs it in a worker thread, off the main thread.
 *
 * To plug a new export in, add ONE line to `exportWriters` below: the kind and how to load its
 * writer (a dynamic import, so a worker loads only what its kind needs: a CSV worker never loads
 * Kysely, ~0.25 s of a job's start), e.g.
 *   'full.json': () => import('../transfer/full-export').then((m) => m.writeFullJson),
 * The kind's suffix after the last dot is the file's extension and decides its content type
 * (`.csv`, `.xlsx`, `.json`: see `export-files.ts`). A kind with no parameter schema in
 * `export-kinds.ts` takes no parameters (`params: {}`); add one there if yours needs some.
 * Who may start it: `guest.export` (managers, administrators), or `exportPermissions` there.
 *
 * Contract for a writer (keep it; the job machinery relies on it):
 * - `sqlite` is a READ-ONLY better-sqlite3 handle opened by the worker on the store file. The job
 *   wraps the writer in one read transaction (BEGIN … COMMIT), so everything it reads is one
 *   consistent snapshot while the hub keeps serving (WAL). Do not write; do not BEGIN yourself.
 * - `request.params` is what the caller passed to `export.start` as `params`, already validated
 *   by the kind's schema in `export-kinds.ts` (so the writer may cast it to its own type).
 * - Write bytes ONLY to `out.stream` (the job writes it to `<name>.part`, fsyncs, renames; on an
 *   error or a cancel it removes the .part). Respect back-pressure: await 'drain' when
 *   `write()` returns false (see `writeChunk` in `guest-list.writer.ts`). Do not end the stream:
 *   the job ends it after the writer resolves.
 * - Call `out.progress(done, total)` now and then (units are the writer's: guests, rows; at most
 *   a few times a second is plenty), and check `out.cancelled()` in loops: when it is true, stop
 *   and return (or throw): the job then reports 'cancelled' and removes the file.
 * - Stream: never build an array of every guest (100,000 guests: CSV ≤ 2 s, XLSX ≤ 10 s).
 * - Resolve with `{ guests }`: how many guests went into the file (the audit log records it),
 *   plus optional `details` (small, JSON-serialisable: counts of guests left out and why…), which
 *   `export.status` returns and the audit log keeps.
 * - A writer can be called directly (benchmarks, tests) with any sqlite handle and a
 *   `fs.createWriteStream(path)`.
 */
export type ExportWriter = (sqlite: Sqlite, request: ExportRequest, out: ExportOutput) => Promise<ExportWriterResult>

/** What a writer is asked to export. */
export interface ExportRequest {
  /** The export's kind, a key of `exportWriters` ('guest-list.csv', 'full.json'…). */
  kind: string
  /** The kind's parameters (validated by its schema in `export-kinds.ts`). */
  params: Record<string, unknown>
  /** Who asked: writers may leave out what this role may not see. */
  requestedBy: { staffId: number; role: Role }
  /** When the job was started, ISO 8601 UTC (from the core's clock). */
  startedAt: string
  /** The hotel's business date when the job was started, 'YYYY-MM-DD'. */
  businessDate: string
}

/** Where a writer writes, and how it talks to the job. */
export interface ExportOutput {
  stream: Writable
  /** Reports progress: `done` of `total` (the writer's unit; total 0 = unknown yet). */
  progress(done: number, total: number): void
  /** True once the user cancelled the job: stop writing and return. */
  cancelled(): boolean
}

export interface ExportWriterResult {
  /** Guests written to the file. */
  guests: number
  /** Small, JSON-serialisable facts for the screen and the audit log (e.g. left-out counts). */
  details?: Record<string, unknown>
}

/** The registry: one line per export kind (the suffix after the last dot is the file extension), each loading its writer. */
export const exportWriters = {
  'guest-list.csv': () => import('./guest-list.writer').then((m) => m.writeGuestListCsv),
  'guest-list.xlsx': () => import('./guest-list.writer').then((m) => m.writeGuestListXlsx),
  'full.json': () => import('../transfer/full-export').then((m) => m.writeFullJson),
  'audit-log.csv': () => import('../audit/audit-log.writer').then((m) => m.writeAuditLogCsv),
  'guest-access.json': () => import('../privacy/guest-access-export.writer').then((m) => m.writeGuestAccessJson),
} satisfies Record<string, () => Promise<ExportWriter>>

/** Every export kind the job machinery knows. */
export type ExportKind = keyof typeof exportWriters
export const exportKinds = Object.keys(exportWriters) as ExportKind[]
