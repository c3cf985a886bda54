import type BetterSqlite3 from 'better-sqlite3'
import type { Sqlite } from '../db/query'
import { migrations } from '../db/migrations'
import type { StoreSpec, TableSpec } from './transfer-format'
import { exportedTables, isLocalSetting, omittedColumns, type ExportedTable } from './transfer-tables'

/** A table or column name as SQL (they come from our own lists and the store's schema, quoted anyway). */
function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Every table of the store (SQLite's and FTS5's own included). */
export function storeTableNames(sqlite: Sqlite): string[] {
  return (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[])
}

/** The migrations this store has run, oldest first (its schema version). */
export function appliedMigrations(sqlite: Sqlite): string[] {
  return sqlite.prepare('SELECT name FROM schema_migration ORDER BY name').pluck().all() as string[]
}

function tableSpec(sqlite: Sqlite, table: string): TableSpec {
  const columns = (sqlite.pragma(`table_info(${ident(table)})`) as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[]).map((c) => ({
    name: c.name,
    type: c.type.toLowerCase(),
    notNull: c.notnull === 1,
    hasDefault: c.dflt_value !== null,
    pk: c.pk,
  }))
  const references = (sqlite.pragma(`foreign_key_list(${ident(table)})`) as { table: string; from: string; to: string | null }[]).map((f) => ({
    column: f.from,
    table: f.table,
    toColumn: f.to ?? 'id',
  }))
  return { name: table, columns, references }
}

/** What this store can take from a file: its code's migrations and the exported tables' columns and references. */
export function storeSpec(sqlite: Sqlite): StoreSpec {
  const present = new Set(storeTableNames(sqlite))
  return {
    migrations: migrations.map((m) => m.name),
    tables: exportedTables.filter((t) => present.has(t)).map((t) => tableSpec(sqlite, t)),
    omitted: omittedColumns as Record<string, readonly string[]>,
  }
}

/** The columns a table is exported with: all of them but secrets and derived ones. */
export function exportColumns(sqlite: Sqlite, table: ExportedTable): string[] {
  const omitted = omittedColumns[table] ?? []
  return tableSpec(sqlite, table)
    .columns.map((c) => c.name)
    .filter((c) => !omitted.includes(c))
}

function orderBy(sqlite: Sqlite, table: string): string {
  const spec = tableSpec(sqlite, table)
  const pk = spec.columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk)
  return pk.length > 0 ? pk.map((c) => ident(c.name)).join(', ') : 'rowid'
}

/** Rows of a table that go into the file (settings local to this machine left out). */
export function countExportRows(sqlite: Sqlite, table: ExportedTable): number {
  if (table === 'setting') return exportedSettingKeys(sqlite).length
  return sqlite.prepare(`SELECT count(*) FROM ${ident(table)}`).pluck().get() as number
}

function exportedSettingKeys(sqlite: Sqlite): string[] {
  return (sqlite.prepare('SELECT key FROM setting ORDER BY key').pluck().all() as string[]).filter((k) => !isLocalSetting(k))
}

/**
 * The table's rows as arrays of values in `columns` order, in key order, one at a time (an
 * iterator over a cursor: never the whole table in memory).
 */
export function* exportRows(sqlite: Sqlite, table: ExportedTable, columns: string[]): Generator<unknown[]> {
  const select = sqlite.prepare(`SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} ORDER BY ${orderBy(sqlite, table)}`).raw(true)
  const keyIndex = columns.indexOf('key')
  for (const row of select.iterate() as Iterable<unknown[]>) {
    if (table === 'setting' && isLocalSetting(String(row[keyIndex]))) continue
    yield row
  }
}

/**
 * Opens a read transaction (one snapshot of the whole store, WAL lets writers go on) unless one
 * is open; the returned function ends it.
 */
export function beginReadSnapshot(sqlite: Sqlite): () => void {
  if (sqlite.inTransaction) return () => {}
  sqlite.prepare('BEGIN').run()
  return () => {
    if (sqlite.inTransaction) sqlite.prepare('COMMIT').run()
  }
}

/** Deferred foreign keys until the import's transaction commits (a guest merged into a later guest). */
export function deferForeignKeys(sqlite: Sqlite): void {
  sqlite.pragma('defer_foreign_keys = ON')
}

/** AUTOINCREMENT counters of the exported tables. */
export function sequences(sqlite: Sqlite): Record<string, number> {
  const present = new Set(storeTableNames(sqlite))
  if (!present.has('sqlite_sequence')) return {}
  const rows = sqlite.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]
  return Object.fromEntries(rows.filter((r) => (exportedTables as readonly string[]).includes(r.name)).map((r) => [r.name, r.seq]))
}

/** Whether the store holds any guest or stay (an import needs a store without them). */
export function storeHasGuests(sqlite: Sqlite): { guests: number; stays: number } {
  return {
    guests: sqlite.prepare('SELECT count(*) FROM guest').pluck().get() as number,
    stays: sqlite.prepare('SELECT count(*) FROM stay').pluck().get() as number,
  }
}

/** What an import must put back afterwards: PIN hashes by staff code, and who holds sessions and audit rows. */
export interface StaffMemory {
  pinHashByCode: Map<string, string>
  codeById: Map<number, string>
}

export function rememberStaff(sqlite: Sqlite): StaffMemory {
  const rows = sqlite.prepare('SELECT id, code, pin_hash FROM staff').all() as { id: number; code: string; pin_hash: string }[]
  return { pinHashByCode: new Map(rows.map((r) => [r.code, r.pin_hash])), codeById: new Map(rows.map((r) => [r.id, r.code])) }
}

/**
 * Empties the exported tables (in reverse file order, so nothing is left referring to a deleted
 * row) before an import; this machine's own settings stay. Foreign keys must be deferred.
 */
export function clearExportedTables(sqlite: Sqlite, tables: readonly string[]): void {
  for (const table of [...tables].reverse()) {
    if (table === 'setting') {
      const del = sqlite.prepare('DELETE FROM setting WHERE key = ?')
      for (const key of sqlite.prepare('SELECT key FROM setting').pluck().all() as string[]) if (!isLocalSetting(key)) del.run(key)
    } else {
      sqlite.prepare(`DELETE FROM ${ident(table)}`).run()
    }
  }
  for (const derived of ['guest_token', 'guest_match_key', 'duplicate_candidate']) sqlite.prepare(`DELETE FROM ${ident(derived)}`).run()
  sqlite.prepare('DELETE FROM guest_fts').run()
}

/** A prepared insert of one table's rows with the file's columns (plus any the importer adds). */
export function rowInserter(sqlite: Sqlite, table: string, columns: string[]): BetterSqlite3.Statement {
  return sqlite.prepare(`INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
}

/** A file's setting that this machine keeps for itself is skipped (older files may carry one). */
export function settingIsLocal(key: unknown): boolean {
  return typeof key === 'string' && isLocalSetting(key)
}

/** New ids continue after the exporting store's. */
export function restoreSequences(sqlite: Sqlite, values: Record<string, number>): void {
  const update = sqlite.prepare('UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?')
  const insert = sqlite.prepare('INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)')
  for (const [name, seq] of Object.entries(values)) {
    if (!(exportedTables as readonly string[]).includes(name)) continue
    update.run(seq, name)
    insert.run(name, seq, name)
  }
}

/**
 * Sessions and audit rows of this store name staff by id; after the staff table was replaced,
 * each follows its staff code to the imported id. Sessions of codes the file lacks end; their
 * audit rows keep the action with no one named.
 */
export function refollowStaff(sqlite: Sqlite, memory: StaffMemory): void {
  const idByCode = new Map((sqlite.prepare('SELECT id, code FROM staff').all() as { id: number; code: string }[]).map((r) => [r.code, r.id]))
  const newId = (oldId: number | null): number | null => {
    if (oldId === null) return null
    const code = memory.codeById.get(oldId)
    return code === undefined ? null : (idByCode.get(code) ?? null)
  }
  for (const s of sqlite.prepare('SELECT token_hash, staff_id FROM staff_session').all() as { token_hash: string; staff_id: number }[]) {
    const id = newId(s.staff_id)
    if (id === null) sqlite.prepare('DELETE FROM staff_session WHERE token_hash = ?').run(s.token_hash)
    else if (id !== s.staff_id) sqlite.prepare('UPDATE staff_session SET staff_id = ? WHERE token_hash = ?').run(id, s.token_hash)
  }
  const audits = sqlite.prepare('SELECT DISTINCT staff_id FROM audit_log WHERE staff_id IS NOT NULL').pluck().all() as number[]
  // Two passes through a free range, so an id moving onto another's old id is never confused.
  const offset = 1_000_000_000
  const move = sqlite.prepare('UPDATE audit_log SET staff_id = ? WHERE staff_id = ?')
  for (const id of audits) move.run(id + offset, id)
  for (const id of audits) move.run(newId(id), id + offset)
}

/** Whether the staff member with this code may import (an active administrator) in the store as it now is. */
export function activeAdminCodes(sqlite: Sqlite): string[] {
  return sqlite.prepare("SELECT code FROM staff WHERE role = 'admin' AND active = 1").pluck().all() as string[]
}

/** The id of the staff member with this code, or null. */
export function staffIdByCode(sqlite: Sqlite, code: string): number | null {
  return (sqlite.prepare('SELECT id FROM staff WHERE code = ?').pluck().get(code) as number | undefined) ?? null
}
