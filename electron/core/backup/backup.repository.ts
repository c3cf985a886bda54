import { qb, run, statement, type Sqlite } from '../db/query'

/*
 * The SQL backups need: on the live store (claims, sessions, the event sequence) and on other
 * connections (a backup file being checked, a copy being restored).
 */

/** Names of the migrations a store (any connection) has applied; null when it has no migration table (not a Zhike store). */
export function appliedMigrationNames(db: Sqlite): string[] | null {
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").get()
  if (!table) return null
  return (db.prepare('SELECT name FROM schema_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name)
}

/** How many guest profiles a store holds (null when it has no guest table). */
export function guestCount(db: Sqlite): number | null {
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'guest'").get()
  if (!table) return null
  return Number((db.prepare('SELECT count(*) AS n FROM guest').get() as { n: number }).n)
}

/**
 * How many administrators could sign in to a store (any connection): active staff with the
 * admin role and a PIN. 0 when it has no staff table (or not the columns of one).
 */
export function activeAdminCount(db: Sqlite): number {
  const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'staff'").get()
  if (!table) return 0
  const columns = new Set((db.prepare("SELECT name FROM pragma_table_info('staff')").all() as { name: string }[]).map((c) => c.name))
  if (!['role', 'active', 'pin_hash'].every((c) => columns.has(c))) return 0
  return Number((db.prepare("SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1 AND coalesce(pin_hash, '') <> ''").get() as { n: number }).n)
}

/** PRAGMA integrity_check: the problems found (empty when the file is sound). */
export function integrityProblems(db: Sqlite, max = 20): string[] {
  const rows = db.pragma(`integrity_check(${Math.max(1, Math.floor(max))})`) as { integrity_check: string }[]
  return rows.map((r) => r.integrity_check).filter((r) => r !== 'ok')
}

/**
 * PRAGMA integrity_check in a worker thread (it reads every page: seconds per few hundred MB,
 * which must not hold the hub's thread). Plain CommonJS for `new Worker(script, { eval: true })`;
 * workerData: { module: the better-sqlite3 entry to require, file, nativeBinding? }. Posts
 * { kind: 'done', problems } or { kind: 'error', code, message }, or { kind: 'unavailable' }
 * when better-sqlite3 cannot be loaded there (the caller then checks on its own thread).
 */
export const integrityCheckWorkerScript = `(() => {
  const { parentPort, workerData } = require('node:worker_threads')
  let Database
  try {
    Database = require(workerData.module)
  } catch (error) {
    parentPort.postMessage({ kind: 'unavailable', message: String(error && error.message) })
    return
  }
  let db
  try {
    db = new Database(workerData.file, Object.assign({ readonly: true, fileMustExist: true }, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}))
    const rows = db.pragma('integrity_check(20)')
    parentPort.postMessage({ kind: 'done', problems: rows.map((r) => r.integrity_check).filter((r) => r !== 'ok') })
  } catch (error) {
    parentPort.postMessage({ kind: 'error', code: error && error.code, message: String(error && error.message) })
  } finally {
    if (db) db.close()
  }
})()`

/** Makes a copy a self-contained file (rollback journal, no -wal/-shm beside it). */
export function useRollbackJournal(db: Sqlite): void {
  db.pragma('journal_mode = DELETE')
}

/** Writes a consistent copy of `db` (what it reads, its -wal included) into `target`, a file that must not exist. */
export function vacuumCopy(db: Sqlite, target: string): void {
  db.prepare('VACUUM INTO ?').run(target)
}

export function pageSizeOf(db: Sqlite): number {
  return Number(db.pragma('page_size', { simple: true }))
}

/** Moves what the write-ahead log holds into the file and empties it (after a restore wrote the whole store through it). */
export function checkpointTruncate(db: Sqlite): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
}

/** Gives back a daily backup's claim (the backup failed), so a later tick may try again. */
export function releaseBackupClaim(sqlite: Sqlite, key: string): void {
  run(sqlite, qb.deleteFrom('scheduled_fire').where('key', '=', key))
}

/** `staffId` when that staff row exists with that code (a restored store may not know who restored it), else null. */
export function sameStaffId(sqlite: Sqlite, staffId: number, code: string): number | null {
  const row = statement(sqlite, 'SELECT id FROM staff WHERE id = ? AND code = ?').get(staffId, code) as { id: number } | undefined
  return row ? row.id : null
}

/** Ends every signed-in session (a restore replaced the staff and their sessions). Answers how many ended. */
export function endAllSessions(sqlite: Sqlite): number {
  return run(sqlite, qb.deleteFrom('staff_session')).changes
}

/**
 * Keeps event ids increasing across a restore: the restored log's sequence is raised to at least
 * `latest` (the id the live store had reached), so a terminal's Last-Event-ID never names an id
 * that is given out again.
 */
export function raiseEventSequence(sqlite: Sqlite, latest: number): void {
  const row = statement(sqlite, "SELECT seq FROM sqlite_sequence WHERE name = 'core_event'").get() as { seq: number } | undefined
  if (!row) statement(sqlite, "INSERT INTO sqlite_sequence (name, seq) VALUES ('core_event', ?)").run(latest)
  else if (Number(row.seq) < latest) statement(sqlite, "UPDATE sqlite_sequence SET seq = ? WHERE name = 'core_event'").run(latest)
}
