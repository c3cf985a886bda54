import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Sqlite } from '../../electron/core/db/query'

/** One budget line of the final summary. */
export interface Budget {
  scenario: string
  name: string
  measured: string
  pass: boolean
}

/** A temporary folder for the bench stores; removed at the end unless asked to keep it. */
export function benchFolder(keep: boolean): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-bench-'))
  return { dir, cleanup: () => (keep ? undefined : fs.rmSync(dir, { recursive: true, force: true })) }
}

/** Bytes on disk after a checkpoint: the database file plus what is left of its WAL. */
export function storeSize(sqlite: Sqlite, file: string): number {
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
  const bytes = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0)
  return bytes(file) + bytes(`${file}-wal`)
}
