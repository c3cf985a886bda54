import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Compilable } from 'kysely'
import { AppError } from '../errors'
import { migrations as registered } from './migrations'
import type { Migration } from './migrations/migration'
import { schemaQb, type Sqlite } from './query'
import { lockStore } from './store-lock'

export interface OpenOptions {
  /** Database file, or ':memory:'. */
  file: string
  /** Electron passes the path of a better-sqlite3 build that matches its ABI. */
  nativeBinding?: string
  migrations?: readonly Migration[]
  /** Called with the backup path when an existing file is about to be migrated. */
  onBackup?: (backupFile: string) => void
  /** Who opens it, named to a second Zhike that tries the same store ('hub', 'desktop', 'test'…). Default 'Zhike'. */
  owner?: string
}

/**
 * The store holds personal data and PIN hashes: its folder is readable by its owner only (0700)
 * and the file, its WAL and shared-memory files and its backups are 0600. SQLite creates the
 * -wal and -shm files with the database file's permissions, so the file is made 0600 first.
 * (On Windows these modes are ignored; the per-user profile folder protects the store there.)
 */
export function restrictStoreFiles(file: string): void {
  const folder = path.dirname(file)
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
  // Never narrow a shared folder someone pointed us at (/tmp and other sticky folders, or one we do not own).
  const stat = fs.statSync(folder)
  const ours = typeof process.getuid !== 'function' || stat.uid === process.getuid()
  if (ours && (stat.mode & 0o1000) === 0) fs.chmodSync(folder, 0o700)
  fs.closeSync(fs.openSync(file, 'a', 0o600))
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600)
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
}

function damaged(file: string, found: string): AppError {
  return new AppError(
    'STORE_DAMAGED',
    `The store ${file} is damaged (${found}). Zhike has not written to it. Restore the latest backup (a copy of the file, or a *.bak beside it), or have it repaired with the sqlite3 tool's .recover, then start again.`,
    { file, found },
  )
}

/**
 * Checks the store before anything is written (PRAGMA quick_check: every page and b-tree,
 * O(size), about a second per few hundred MB). Throws STORE_DAMAGED, closing the connection,
 * when it is not sound.
 */
function checkSound(sqlite: Sqlite, file: string): void {
  let rows: { quick_check: string }[]
  try {
    rows = sqlite.pragma('quick_check') as { quick_check: string }[]
  } catch (error) {
    sqlite.close()
    if (isDamage(error)) throw damaged(file, String((error as Error).message))
    throw error
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok')
  if (problems.length > 0) {
    sqlite.close()
    throw damaged(file, problems.slice(0, 3).join('; '))
  }
}

/**
 * Opens the store with the pragmas a hotel needs (a check-in must survive a power cut).
 *
 * A file store is first locked for this process (`<file>.lock`, see store-lock.ts; a second
 * opener gets STORE_IN_USE naming the holder) and checked (STORE_DAMAGED); closing the
 * returned connection releases the lock.
 */
export function openSqlite(options: OpenOptions): Sqlite {
  if (options.file === ':memory:') return configure(new BetterSqlite3(':memory:', options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}), options)
  restrictStoreFiles(options.file)
  const lock = lockStore(options.file, options.owner ?? 'Zhike')
  try {
    const sqlite = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    checkSound(sqlite, options.file)
    const close = sqlite.close.bind(sqlite)
    sqlite.close = () => {
      close()
      lock.release()
      return sqlite
    }
    try {
      return configure(sqlite, options)
    } catch (error) {
      if (sqlite.open) sqlite.close()
      if (isDamage(error)) throw damaged(options.file, String((error as Error).message))
      throw error
    }
  } catch (error) {
    lock.release()
    throw error
  }
}

function configure(sqlite: Sqlite, options: OpenOptions): Sqlite {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  // While another process writes, wait up to a second, then BEGIN IMMEDIATE is tried again
  // (db/transaction.ts): the hub's one thread is never blocked long.
  sqlite.pragma('busy_timeout = 1000')
  // 64 MiB of page cache instead of SQLite's 2 MiB: with a million guests, the search index
  // and the in-house guests' rows then stay in memory between keystrokes (3× faster search).
  sqlite.pragma('cache_size = -65536')
  migrate(sqlite, options)
  return sqlite
}

function migrate(sqlite: Sqlite, options: OpenOptions): void {
  const list = options.migrations ?? registered
  sqlite.exec('CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)')
  const applied = new Set(
    (sqlite.prepare('SELECT name FROM schema_migration').all() as { name: string }[]).map((r) => r.name),
  )
  const known = new Set(list.map((m) => m.name))
  const unknown = [...applied].filter((name) => !known.has(name))
  if (unknown.length > 0) {
    sqlite.close()
    throw new AppError('STORE_TOO_NEW', `This database was written by a newer Zhike (${unknown.join(', ')}).`)
  }
  const pending = [...list].sort((a, b) => a.name.localeCompare(b.name)).filter((m) => !applied.has(m.name))
  if (pending.length === 0) return
  if (applied.size > 0 && options.file !== ':memory:') {
    const backup = `${options.file}.before-${pending[0].name}.bak`
    if (!fs.existsSync(backup)) {
      sqlite.prepare('VACUUM INTO ?').run(backup)
      fs.chmodSync(backup, 0o600)
    }
    options.onBackup?.(backup)
  }
  const run = (statement: Compilable<unknown> | string) => {
    if (typeof statement === 'string') sqlite.exec(statement)
    else {
      const c = statement.compile()
      sqlite.prepare(c.sql).run(...(c.parameters as unknown[]))
    }
  }
  for (const migration of pending) {
    // Kysely does not wrap SQLite migrations in transactions; we do, one per migration.
    sqlite.transaction(() => {
      migration.up({ schema: schemaQb.schema, run })
      sqlite.prepare('INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)').run(
        migration.name,
        new Date().toISOString(),
      )
    })()
  }
}
