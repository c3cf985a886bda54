import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { migrations as ourMigrations } from '../db/migrations'
import type { Sqlite } from '../db/query'
import { AppError } from '../errors'
import { activeAdminCount, appliedMigrationNames, guestCount, integrityCheckWorkerScript, integrityProblems, useRollbackJournal } from './backup.repository'

/*
 * Is this file a backup Zhike can restore? In order, cheapest first: an SQLite file at all
 * (the 16-byte header), whole (the header's page count × page size fits in the file), a Zhike
 * store (its migration table), not from a newer Zhike (no migration we do not know), one an
 * administrator can sign in to, and sound (PRAGMA integrity_check). Each refusal says what is
 * wrong; the file is only ever read, and only through SQLite (which reads a -wal beside it).
 * A restore never copies a backup's bytes: it copies it through SQLite (`copyThroughSqlite`) and
 * checks that copy, so what is restored is what was checked.
 */

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1')

/** What a backup holds, once it passed the checks. */
export interface BackupFacts {
  bytes: number
  /** Migrations it has applied that this Zhike also has, and how many this Zhike has. */
  migrations: { applied: number; ours: number }
  /** True when it predates some of our migrations: restoring it brings it up to date. */
  older: boolean
  guests: number | null
  /** Active administrators with a PIN (at least 1: a backup nobody could sign in to is refused). */
  admins: number
}

/** Why a file cannot be restored (`details.reason` of BACKUP_INVALID). */
export type InvalidReason = 'not_database' | 'truncated' | 'not_zhike' | 'damaged' | 'unreadable' | 'live_store' | 'no_admin'

function invalid(file: string, reason: InvalidReason, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('BACKUP_INVALID', message, { file, reason, ...extra, issues: [{ path: 'file', message }] })
}

/** Opens a file read-only with the store's native binding. */
export function openReadOnly(file: string, nativeBinding?: string): Sqlite {
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
}

/** The header checks (no SQLite connection): an SQLite database, not cut short. Throws BACKUP_INVALID. */
export function checkHeader(file: string, shown: string = file): { bytes: number; pageSize: number } {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    throw invalid(shown, 'unreadable', `Zhike cannot read ${shown} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  try {
    const bytes = fs.fstatSync(fd).size
    const header = Buffer.alloc(100)
    const read = fs.readSync(fd, header, 0, 100, 0)
    if (read < 100 || !header.subarray(0, 16).equals(sqliteMagic)) {
      throw invalid(shown, 'not_database', `${shown} is not a Zhike backup: it is not an SQLite database at all. Choose a file Zhike's backup wrote (zhike-….db).`)
    }
    const rawPageSize = header.readUInt16BE(16)
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
    const pageCount = header.readUInt32BE(28)
    // The page count in the header is valid when its "version-valid-for" matches the change counter.
    const countValid = header.readUInt32BE(92) === header.readUInt32BE(24)
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0 || bytes % pageSize !== 0 || (countValid && pageCount > 0 && bytes < pageCount * pageSize)) {
      throw invalid(shown, 'truncated', `${shown} is cut short (${bytes} bytes where ${countValid ? pageCount * pageSize : 'whole pages'} were expected): the backup was not copied completely. Choose another backup.`, { bytes })
    }
    return { bytes, pageSize }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * The checks before a restore, short of integrity_check: header, a Zhike store, not newer than
 * this Zhike, an administrator could sign in to it. Throws BACKUP_INVALID (`no_admin`: restoring
 * it would leave nobody able to sign in, and open first-time setup to anyone at the machine) or
 * BACKUP_TOO_NEW (details.unknown lists the migrations we do not have). `shown` names the file in
 * messages (a staged copy is named as the backup it came from).
 */
export function inspectBackup(file: string, nativeBinding?: string, shown: string = file): BackupFacts {
  const { bytes } = checkHeader(file, shown)
  let db: Sqlite | null = null
  try {
    db = openReadOnly(file, nativeBinding)
    const applied = appliedMigrationNames(db)
    if (applied === null) throw invalid(shown, 'not_zhike', `${shown} is an SQLite database, but not one Zhike wrote (it has no migration table). Choose a Zhike backup.`)
    const known = new Set(ourMigrations.map((m) => m.name))
    const unknown = applied.filter((name) => !known.has(name))
    if (unknown.length > 0) {
      throw new AppError(
        'BACKUP_TOO_NEW',
        `${shown} was written by a newer Zhike (it has ${unknown.join(', ')}, which this Zhike does not know). Update Zhike first, then restore it; nothing was changed.`,
        { file: shown, unknown, issues: [{ path: 'file', message: 'This backup was written by a newer Zhike. Update Zhike first.' }] },
      )
    }
    const admins = activeAdminCount(db)
    if (admins === 0) {
      throw invalid(shown, 'no_admin', `${shown} has no active administrator: nobody could sign in after restoring it (and anyone at this computer could set the hotel up anew). Choose another backup; nothing was changed.`)
    }
    return { bytes, migrations: { applied: applied.length, ours: known.size }, older: applied.length < known.size, guests: guestCount(db), admins }
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as { code?: string }).code ?? ''
    if (code === 'SQLITE_NOTADB') throw invalid(shown, 'not_database', `${shown} is not a Zhike backup: it is not an SQLite database at all.`)
    throw invalid(shown, 'damaged', `${shown} cannot be read as a backup (${code || (error as Error).message}). Choose another backup.`)
  } finally {
    db?.close()
  }
}

/** The same file (also through a link), as far as this machine can tell. */
function sameFile(a: string, b: string): boolean {
  const real = (f: string) => {
    try {
      return fs.realpathSync.native(f)
    } catch {
      return path.resolve(f)
    }
  }
  const fold = (f: string) => (process.platform === 'win32' || process.platform === 'darwin' ? f.toLowerCase() : f)
  if (fold(real(a)) === fold(real(b))) return true
  try {
    const sa = fs.statSync(a, { bigint: true })
    const sb = fs.statSync(b, { bigint: true })
    return sa.ino !== 0n && sa.dev === sb.dev && sa.ino === sb.ino
  } catch {
    return false
  }
}

/**
 * Refuses the live store's own files as a backup (`storeFile`, its -wal, -shm or -journal, by
 * their real path or a link to them): its data is partly in its write-ahead log and it changes
 * while it is read, so "restoring" it could only lose data. Throws BACKUP_INVALID 'live_store'.
 */
export function refuseLiveStore(file: string, storeFile: string, shown: string = file): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (!sameFile(file, storeFile + suffix)) continue
    throw invalid(shown, 'live_store', `${shown} is the hotel's live data itself${suffix ? ` (its ${suffix.slice(1)} file)` : ''}, not a backup: restoring it would lose data. Choose a backup file; nothing was changed.`)
  }
}

/**
 * Copies a backup into `target` (which must not exist) through SQLite's backup API from a
 * read-only connection: what is copied is what SQLite reads, so a -wal beside the backup is
 * included, exactly as the checks saw it (a raw file copy would leave it behind). The copy is
 * made a file of its own (rollback journal). `onProgress` gets pages copied and in all. Throws
 * BACKUP_INVALID when the file cannot be read.
 */
/**
 * Makes a fresh copy a file of its own: its header still says WAL (page 1 came from a store in WAL
 * mode), so it is reopened once and switched to a rollback journal; no -wal or -shm is left beside it.
 */
export function makeSelfContained(file: string, nativeBinding?: string): void {
  const copy: Sqlite = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
  try {
    useRollbackJournal(copy)
  } finally {
    copy.close()
  }
}

export async function copyThroughSqlite(file: string, target: string, options: { nativeBinding?: string; shown?: string; onProgress?: (done: number, total: number) => void } = {}): Promise<void> {
  const shown = options.shown ?? file
  let source: Sqlite | null = null
  try {
    source = openReadOnly(file, options.nativeBinding)
    await source.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages)
        return 2000
      },
    })
    makeSelfContained(target, options.nativeBinding)
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as { code?: string }).code ?? ''
    if (code === 'SQLITE_NOTADB') throw invalid(shown, 'not_database', `${shown} is not a Zhike backup: it is not an SQLite database at all.`)
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_READONLY') throw invalid(shown, 'unreadable', `Zhike cannot read ${shown} (${code}).`)
    throw invalid(shown, 'damaged', `${shown} could not be copied (${code || (error as Error).message}). Choose another backup.`)
  } finally {
    source?.close()
  }
}

/** PRAGMA integrity_check on a file (read-only). Throws BACKUP_INVALID ('damaged') naming the first problems. */
export function checkIntegrity(file: string, nativeBinding?: string, shown: string = file): void {
  let db: Sqlite | null = null
  let problems: string[]
  try {
    db = openReadOnly(file, nativeBinding)
    problems = integrityProblems(db)
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    throw invalid(shown, 'damaged', `${shown} is damaged (${code || (error as Error).message}). Choose another backup.`)
  } finally {
    db?.close()
  }
  if (problems.length > 0) throw damagedBy(shown, problems)
}

function damagedBy(file: string, problems: string[]): AppError {
  return invalid(file, 'damaged', `${file} is damaged (${problems.slice(0, 3).join('; ')}). Choose another backup.`, { problems: problems.slice(0, 20) })
}

/** Where better-sqlite3's entry is, for the worker to require (null: cannot tell; check on this thread). */
function sqliteModule(): string | null {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3')
  } catch {
    return null
  }
}

/**
 * As `checkIntegrity`, in a worker thread, so the hub keeps answering while every page of a
 * large file is read. Where a worker cannot load better-sqlite3 (it falls back) the check runs
 * on this thread.
 */
export async function checkIntegrityOffThread(file: string, nativeBinding?: string, shown: string = file): Promise<void> {
  const module = sqliteModule()
  if (!module) return checkIntegrity(file, nativeBinding, shown)
  const answer = await new Promise<{ kind: string; problems?: string[]; code?: string; message?: string }>((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(integrityCheckWorkerScript, { eval: true, workerData: { module, file, nativeBinding } })
    } catch (error) {
      resolve({ kind: 'unavailable', message: String(error) })
      return
    }
    let answered = false
    worker.once('message', (message) => {
      answered = true
      resolve(message)
    })
    worker.once('error', (error) => {
      if (!answered) resolve({ kind: 'unavailable', message: error.message })
    })
    worker.once('exit', () => {
      if (!answered) resolve({ kind: 'unavailable', message: 'the worker stopped' })
    })
  })
  if (answer.kind === 'unavailable') return checkIntegrity(file, nativeBinding, shown)
  if (answer.kind === 'error') throw invalid(shown, 'damaged', `${shown} is damaged (${answer.code || answer.message}). Choose another backup.`)
  if (answer.problems && answer.problems.length > 0) throw damagedBy(shown, answer.problems)
}
