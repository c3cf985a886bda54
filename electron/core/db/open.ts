import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Compilable } from 'kysely'
import { AppError } from '../errors'
import { migrations as registered } from './migrations'
import type { Migration } from './migrations/migration'
import { schemaQb, type Sqlite } from './query'

export interface OpenOptions {
  /** Database file, or ':memory:'. */
  file: string
  /** Electron passes the path of a better-sqlite3 build that matches its ABI. */
  nativeBinding?: string
  migrations?: readonly Migration[]
  /** Called with the backup path when an existing file is about to be migrated. */
  onBackup?: (backupFile: string) => void
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

/** Opens the store with the pragmas a hotel needs (a check-in must survive a power cut). */
export function openSqlite(options: OpenOptions): Sqlite {
  if (options.file !== ':memory:') restrictStoreFiles(options.file)
  const sqlite = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
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
