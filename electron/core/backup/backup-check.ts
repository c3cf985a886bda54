import fs from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import BetterSqlite3 from 'better-sqlite3'
import { migrations as ourMigrations } from '../db/migrations'
import type { Sqlite } from '../db/query'
import { AppError } from '../errors'
import { appliedMigrationNames, guestCount, integrityCheckWorkerScript, integrityProblems } from './backup.repository'

/*
 * Is this file a backup Zhike can restore? In order, cheapest first: an SQLite file at all
 * (the 16-byte header), whole (the header's page count × page size fits in the file), a Zhike
 * store (its migration table), not from a newer Zhike (no migration we do not know), and sound
 * (PRAGMA integrity_check). Each refusal says what is wrong; the file is only ever read.
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
}

function invalid(file: string, reason: 'not_database' | 'truncated' | 'not_zhike' | 'damaged' | 'unreadable', message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError('BACKUP_INVALID', message, { file, reason, ...extra, issues: [{ path: 'file', message }] })
}

/** Opens a file read-only with the store's native binding. */
export function openReadOnly(file: string, nativeBinding?: string): Sqlite {
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) })
}

/** The header checks (no SQLite connection): an SQLite database, not cut short. Throws BACKUP_INVALID. */
export function checkHeader(file: string): { bytes: number; pageSize: number } {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    throw invalid(file, 'unreadable', `Zhike cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  try {
    const bytes = fs.fstatSync(fd).size
    const header = Buffer.alloc(100)
    const read = fs.readSync(fd, header, 0, 100, 0)
    if (read < 100 || !header.subarray(0, 16).equals(sqliteMagic)) {
      throw invalid(file, 'not_database', `${file} is not a Zhike backup: it is not an SQLite database at all. Choose a file Zhike's backup wrote (zhike-….db).`)
    }
    const rawPageSize = header.readUInt16BE(16)
    const pageSize = rawPageSize === 1 ? 65536 : rawPageSize
    const pageCount = header.readUInt32BE(28)
    // The page count in the header is valid when its "version-valid-for" matches the change counter.
    const countValid = header.readUInt32BE(92) === header.readUInt32BE(24)
    if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0 || bytes % pageSize !== 0 || (countValid && pageCount > 0 && bytes < pageCount * pageSize)) {
      throw invalid(file, 'truncated', `${file} is cut short (${bytes} bytes where ${countValid ? pageCount * pageSize : 'whole pages'} were expected): the backup was not copied completely. Choose another backup.`, { bytes })
    }
    return { bytes, pageSize }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * The checks before a restore, short of integrity_check: header, a Zhike store, not newer than
 * this Zhike. Throws BACKUP_INVALID or BACKUP_TOO_NEW (details.unknown lists the migrations we
 * do not have).
 */
export function inspectBackup(file: string, nativeBinding?: string): BackupFacts {
  const { bytes } = checkHeader(file)
  let db: Sqlite | null = null
  try {
    db = openReadOnly(file, nativeBinding)
    const applied = appliedMigrationNames(db)
    if (applied === null) throw invalid(file, 'not_zhike', `${file} is an SQLite database, but not one Zhike wrote (it has no migration table). Choose a Zhike backup.`)
    const known = new Set(ourMigrations.map((m) => m.name))
    const unknown = applied.filter((name) => !known.has(name))
    if (unknown.length > 0) {
      throw new AppError(
        'BACKUP_TOO_NEW',
        `${file} was written by a newer Zhike (it has ${unknown.join(', ')}, which this Zhike does not know). Update Zhike first, then restore it; nothing was changed.`,
        { file, unknown, issues: [{ path: 'file', message: 'This backup was written by a newer Zhike. Update Zhike first.' }] },
      )
    }
    return { bytes, migrations: { applied: applied.length, ours: known.size }, older: applied.length < known.size, guests: guestCount(db) }
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = (error as { code?: string }).code ?? ''
    if (code === 'SQLITE_NOTADB') throw invalid(file, 'not_database', `${file} is not a Zhike backup: it is not an SQLite database at all.`)
    throw invalid(file, 'damaged', `${file} cannot be read as a backup (${code || (error as Error).message}). Choose another backup.`)
  } finally {
    db?.close()
  }
}

/** PRAGMA integrity_check on a file (read-only). Throws BACKUP_INVALID ('damaged') naming the first problems. */
export function checkIntegrity(file: string, nativeBinding?: string): void {
  let db: Sqlite | null = null
  let problems: string[]
  try {
    db = openReadOnly(file, nativeBinding)
    problems = integrityProblems(db)
  } catch (error) {
    const code = (error as { code?: string }).code ?? ''
    throw invalid(file, 'damaged', `${file} is damaged (${code || (error as Error).message}). Choose another backup.`)
  } finally {
    db?.close()
  }
  if (problems.length > 0) throw invalid(file, 'damaged', `${file} is damaged (${problems.slice(0, 3).join('; ')}). Choose another backup.`, { problems: problems.slice(0, 20) })
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
export async function checkIntegrityOffThread(file: string, nativeBinding?: string): Promise<void> {
  const module = sqliteModule()
  if (!module) return checkIntegrity(file, nativeBinding)
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
  if (answer.kind === 'unavailable') return checkIntegrity(file, nativeBinding)
  if (answer.kind === 'error') throw invalid(file, 'damaged', `${file} is damaged (${answer.code || answer.message}). Choose another backup.`)
  if (answer.problems && answer.problems.length > 0) throw damagedBy(file, answer.problems)
}
