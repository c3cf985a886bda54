import { statement, type Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'

/**
 * The SQL of erasure (erasure.service.ts): which rows hold a guest's identifiers, and how each is
 * anonymised. Everything here runs inside the caller's write transaction.
 */

const json = (ids: readonly number[]) => JSON.stringify(ids)

/** The guest and every profile merged into it, directly or through chains of merges: one person. */
export function personIds(sqlite: Sqlite, guestId: number): number[] {
  const absorbed = statement(
    sqlite,
    `WITH RECURSIVE absorbed(id) AS (SELECT id FROM guest WHERE merged_into = ?
       UNION SELECT g.id FROM guest g JOIN absorbed a ON g.merged_into = a.id)
     SELECT id FROM absorbed ORDER BY id`,
  )
    .pluck()
    .all(guestId) as number[]
  return [guestId, ...absorbed]
}

export function guestRowsOf(sqlite: Sqlite, ids: readonly number[]): GuestRow[] {
  return statement(sqlite, 'SELECT * FROM guest WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(json(ids)) as GuestRow[]
}

/** A stay that keeps a guest from being erased: in house, or a reservation still to come (as main guest or companion). */
export interface BlockingStay {
  stayId: number
  status: 'in_house' | 'reserved'
  arrival: string
  departure: string
  room: string | null
}

/** Stays in house or reserved (not withdrawn) whose main guest or a companion is one of these profiles, in house first. */
export function blockingStays(sqlite: Sqlite, ids: readonly number[]): BlockingStay[] {
  return statement(
    sqlite,
    `SELECT stay.id AS stayId, stay.status AS status, stay.arrival_date AS arrival, stay.departure_date AS departure, room.number AS room
     FROM stay LEFT JOIN room ON room.id = stay.room_id
     WHERE stay.status IN ('in_house', 'reserved') AND stay.withdrawn_at IS NULL
       AND (stay.guest_id IN (SELECT value FROM json_each(:ids))
            OR stay.id IN (SELECT stay_id FROM stay_companion WHERE guest_id IN (SELECT value FROM json_each(:ids))))
     ORDER BY stay.status = 'in_house' DESC, stay.arrival_date, stay.id`,
  ).all({ ids: json(ids) }) as BlockingStay[]
}

/**
 * Columns of `guest` an anonymised row keeps: its identity in the store, and what statistics read
 * (VIP level, nationality or region, gender, languages, consent answers, dates). Every other
 * column (names, phone, email, birth date, document and its type, notes, company, home city, PMS
 * profile id, membership, restriction note, and any column a later migration adds) is cleared.
 */
export const keptGuestColumns = new Set([
  'id',
  'native_name',
  'search_key',
  'gender',
  'nationality',
  'region',
  'languages',
  'vip',
  'merged_into',
  'restricted',
  'consent_marketing',
  'consent_sensitive',
  'created_at',
  'created_by',
  'updated_at',
  'anonymised_at',
])

interface ColumnInfo {
  name: string
  type: string
  notnull: 0 | 1
  dflt_value: string | null
  pk: number
}

function columnsOf(sqlite: Sqlite, table: string): ColumnInfo[] {
  return sqlite.prepare(`PRAGMA table_info(${quoteIdentifier(table)})`).all() as ColumnInfo[]
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/**
 * Clears every identifying column of these guests. The name becomes "#<id>" (the column may not
 * be empty; lists show which anonymised guest a stay belonged to, and nobody's name), the search
 * document empty; `anonymised_at` and `updated_at` are `at`.
 */
export function anonymiseGuestRows(sqlite: Sqlite, ids: readonly number[], at: string): void {
  const cleared = columnsOf(sqlite, 'guest')
    .filter((c) => !keptGuestColumns.has(c.name))
    .map((c) => `${quoteIdentifier(c.name)} = ${c.notnull ? (c.dflt_value ?? "''") : 'NULL'}`)
  sqlite
    .prepare(
      `UPDATE guest SET ${[...cleared, "native_name = '#' || id", "search_key = ''", 'anonymised_at = :at', 'updated_at = :at'].join(', ')}
       WHERE id IN (SELECT value FROM json_each(:ids))`,
    )
    .run({ at, ids: json(ids) })
}

/** Removes the guests from search (FTS5 trigram document, prefix tokens) and from duplicate detection (match keys, candidates, pair flags). */
export function removeFromIndexes(sqlite: Sqlite, ids: readonly number[]): void {
  const list = json(ids)
  statement(sqlite, 'DELETE FROM guest_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(list)
  statement(sqlite, 'DELETE FROM guest_token WHERE guest_id IN (SELECT value FROM json_each(?))').run(list)
  statement(sqlite, 'DELETE FROM guest_match_key WHERE guest_id IN (SELECT value FROM json_each(?))').run(list)
  statement(sqlite, 'DELETE FROM duplicate_candidate WHERE low_id IN (SELECT value FROM json_each(:ids)) OR high_id IN (SELECT value FROM json_each(:ids))').run({ ids: list })
  statement(sqlite, 'DELETE FROM guest_pair_flag WHERE low_id IN (SELECT value FROM json_each(:ids)) OR high_id IN (SELECT value FROM json_each(:ids))').run({ ids: list })
}

/**
 * Merges the search index's segments, so the trigrams of deleted documents leave the file (FTS5
 * keeps a deleted document's terms in its segment until segments are merged). Rewrites the whole
 * index: about 0.3 s per 100,000 guests (measured in memory); run once per erasure or retention run.
 */
export function compactSearchIndex(sqlite: Sqlite): void {
  statement(sqlite, "INSERT INTO guest_fts (guest_fts) VALUES ('optimize')").run()
}

/** Counts of what an erasure touched, for the audit row and the screen (numbers only). */
export interface ErasedCounts {
  profiles: number
  stays: number
  preferences: number
  observations: number
  prompts: number
  changes: number
  merges: number
  otherRows: number
}

/**
 * Free text tied to these guests: preference notes and free-text values (a value the vocabulary
 * does not list, such as a form of address "郑总"), observation texts, prompt texts (they name
 * the guest in both languages), decline reasons, stays' company, remarks and membership number,
 * companion names on their stays or naming them. Categories, codes, strengths, dates, rooms and
 * statuses stay for statistics.
 */
export function clearTiedText(sqlite: Sqlite, ids: readonly number[]): Omit<ErasedCounts, 'profiles' | 'changes' | 'merges' | 'otherRows'> {
  const list = json(ids)
  const freeValue = (table: string, category: string, code: string, value: string) =>
    `NOT EXISTS (SELECT 1 FROM vocabulary v WHERE v.category = ${table}.${category} AND v.code = ${table}.${code} AND v.value = ${table}.${value} AND v.value <> '')`
  const preferences = sqlite
    .prepare(
      `UPDATE preference SET note = NULL, value = CASE WHEN ${freeValue('preference', 'category', 'code', 'value')} THEN '' ELSE value END
       WHERE guest_id IN (SELECT value FROM json_each(?))`,
    )
    .run(list).changes
  const observations = sqlite
    .prepare(
      `UPDATE observation SET text = '', reject_reason = NULL,
         suggested_value = CASE WHEN suggested_value IS NULL OR ${freeValue('observation', 'suggested_category', 'suggested_code', 'suggested_value')} THEN NULL ELSE suggested_value END
       WHERE guest_id IN (SELECT value FROM json_each(?))`,
    )
    .run(list).changes
  const prompts = sqlite
    .prepare("UPDATE prompt SET text_en = '', text_zh = '', decline_reason = NULL WHERE guest_id IN (SELECT value FROM json_each(?))")
    .run(list).changes
  const stays = sqlite
    .prepare('UPDATE stay SET company = NULL, remarks = NULL, membership_no = NULL WHERE guest_id IN (SELECT value FROM json_each(?))')
    .run(list).changes
  sqlite
    .prepare(
      `UPDATE stay_companion SET name = ''
       WHERE guest_id IN (SELECT value FROM json_each(:ids)) OR stay_id IN (SELECT id FROM stay WHERE guest_id IN (SELECT value FROM json_each(:ids)))`,
    )
    .run({ ids: list })
  return { stays, preferences, observations, prompts }
}

/** Tables keyed by guest that `clearTiedText` and the rest of this file clear by name. */
const tiedTables = new Set(['guest', 'guest_token', 'guest_match_key', 'preference', 'observation', 'prompt', 'stay', 'stay_companion', 'guest_change', 'audit_log'])

/**
 * Other tables keyed by guest (guest_id), such as the consent records of migration 0015: their
 * free-text columns (a name containing note, remark, comment, text, reason or name) are cleared
 * for these guests; their codes, dates and staff ids stay (the record that consent was given or
 * withdrawn, when and how, is kept). Answers how many rows.
 */
export function clearOtherGuestText(sqlite: Sqlite, ids: readonly number[]): number {
  let rows = 0
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
  for (const table of tables) {
    if (tiedTables.has(table)) continue
    const columns = columnsOf(sqlite, table)
    if (!columns.some((c) => c.name === 'guest_id')) continue
    const free = columns.filter((c) => c.pk === 0 && /note|remark|comment|text|reason|name/i.test(c.name) && (c.type === '' || /TEXT|CHAR|CLOB/i.test(c.type)))
    if (free.length === 0) continue
    const sets = free.map((c) => `${quoteIdentifier(c.name)} = ${c.notnull ? "''" : 'NULL'}`).join(', ')
    rows += sqlite.prepare(`UPDATE ${quoteIdentifier(table)} SET ${sets} WHERE guest_id IN (SELECT value FROM json_each(?))`).run(json(ids)).changes
  }
  return rows
}

/** Fields of the change history whose old and new values are statistics, not identifiers (kept). */
export const keptHistoryFields = ['vip', 'nationality', 'region', 'gender', 'languages', 'restricted', 'consent_marketing', 'consent_sensitive', 'merged_guest', 'category', 'code', 'strength', 'scope', 'active']

/** Clears the old and new values of these guests' change history, but for `keptHistoryFields`. Answers how many rows. */
export function clearHistoryValues(sqlite: Sqlite, ids: readonly number[]): number {
  return sqlite
    .prepare(
      `UPDATE guest_change SET old_value = NULL, new_value = NULL
       WHERE guest_id IN (SELECT value FROM json_each(:ids)) AND (field IS NULL OR field NOT IN (SELECT value FROM json_each(:kept)))
         AND (old_value IS NOT NULL OR new_value IS NOT NULL)`,
    )
    .run({ ids: json(ids), kept: JSON.stringify(keptHistoryFields) }).changes
}

/**
 * Preference values of these guests that the vocabulary does not list: free text such as a form
 * of address ("欧阳总"), which prompts and events repeat; erasure treats them as identifiers.
 */
export function freeTextValuesOf(sqlite: Sqlite, ids: readonly number[]): string[] {
  return statement(
    sqlite,
    `SELECT DISTINCT p.value FROM preference p
     WHERE p.guest_id IN (SELECT value FROM json_each(:ids)) AND p.value <> ''
       AND NOT EXISTS (SELECT 1 FROM vocabulary v WHERE v.category = p.category AND v.code = p.code AND v.value = p.value AND v.value <> '')`,
  )
    .pluck()
    .all({ ids: json(ids) }) as string[]
}

/** The change-history rows of these guests that still hold a value (the kept fields: "food.cuisine=sichuan"), to scrub. */
export function historyValuesOf(sqlite: Sqlite, ids: readonly number[]): { id: number; old_value: string | null; new_value: string | null }[] {
  return statement(
    sqlite,
    'SELECT id, old_value, new_value FROM guest_change WHERE guest_id IN (SELECT value FROM json_each(:ids)) AND (old_value IS NOT NULL OR new_value IS NOT NULL)',
  ).all({ ids: json(ids) }) as { id: number; old_value: string | null; new_value: string | null }[]
}

export function setHistoryValues(sqlite: Sqlite, id: number, oldValue: string | null, newValue: string | null): void {
  statement(sqlite, 'UPDATE guest_change SET old_value = ?, new_value = ? WHERE id = ?').run(oldValue, newValue, id)
}

/** The merges these guests took part in (as survivor or merged), with their snapshots. */
export function mergesOf(sqlite: Sqlite, ids: readonly number[]): { id: number; survivor_id: number; merged_id: number; snapshot: string }[] {
  return statement(
    sqlite,
    `SELECT id, survivor_id, merged_id, snapshot FROM guest_merge
     WHERE survivor_id IN (SELECT value FROM json_each(:ids)) OR merged_id IN (SELECT value FROM json_each(:ids))`,
  ).all({ ids: json(ids) }) as { id: number; survivor_id: number; merged_id: number; snapshot: string }[]
}

export function setMergeSnapshot(sqlite: Sqlite, id: number, snapshot: string): void {
  statement(sqlite, 'UPDATE guest_merge SET snapshot = ? WHERE id = ?').run(snapshot, id)
}

/** A text column of some table, and the rows (by rowid) whose text contains one of the needles. */
export interface TextHit {
  table: string
  column: string
  rowid: number
  text: string
}

/** Tables erasure handles itself, or must not touch (the audit log is append-only and holds no identifiers). */
const handledTables = new Set([
  'guest',
  'guest_token',
  'guest_match_key',
  'duplicate_candidate',
  'guest_pair_flag',
  'guest_merge',
  // cleared row by row for the erased guests (erasure.service.ts), too large to scan whole
  'preference',
  'observation',
  'prompt',
  'guest_change',
  'stay',
  'stay_companion',
  // scanned for the erased guests' stays only (stayEventTexts): a big hotel has millions
  'stay_event',
  'audit_log',
  'schema_migration',
  'setting',
  'staff',
  'staff_session',
  'department',
  'room',
  'rule',
  'vocabulary',
  'escalation_step',
  'scheduled_fire',
])

/**
 * Every text column of every table (but those erasure clears by itself, the audit log and
 * SQLite's or FTS5's own) whose value contains one of the needles (case-insensitive for
 * ASCII): event payloads, PMS import reports, night-audit reports, and any table a
 * later migration adds (consent records, identity documents). A full scan of those columns.
 * Another guest's free text that names this guest (an observation about "Mr 何's wife") is not
 * scanned: it belongs to that guest's record.
 */
export function textsContaining(sqlite: Sqlite, needles: readonly string[]): TextHit[] {
  if (needles.length === 0) return []
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'guest_fts%'")
    .pluck()
    .all() as string[]
  const hits: TextHit[] = []
  const lowered = needles.map((n) => n.toLowerCase())
  for (const table of tables) {
    if (handledTables.has(table)) continue
    const withoutRowid = /WITHOUT\s+ROWID/i.test((sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = ?").pluck().get(table) as string) ?? '')
    if (withoutRowid) continue
    for (const column of columnsOf(sqlite, table)) {
      if (column.type !== '' && !/TEXT|CHAR|CLOB/i.test(column.type)) continue
      const c = quoteIdentifier(column.name)
      const rows = sqlite
        .prepare(
          `SELECT rowid AS rowid, ${c} AS text FROM ${quoteIdentifier(table)}
           WHERE typeof(${c}) = 'text' AND (${lowered.map(() => `instr(lower(${c}), ?) > 0`).join(' OR ')})`,
        )
        .all(...lowered) as { rowid: number; text: string }[]
      for (const row of rows) hits.push({ table, column: column.name, rowid: row.rowid, text: row.text })
    }
  }
  return hits
}

/** The events of these guests' stays that hold a detail (JSON), as text hits for `rewriteText`. */
export function stayEventTexts(sqlite: Sqlite, ids: readonly number[]): TextHit[] {
  return (
    statement(
      sqlite,
      `SELECT id AS rowid, detail AS text FROM stay_event
       WHERE detail IS NOT NULL AND stay_id IN (SELECT id FROM stay WHERE guest_id IN (SELECT value FROM json_each(:ids)))`,
    ).all({ ids: json(ids) }) as { rowid: number; text: string }[]
  ).map((row) => ({ table: 'stay_event', column: 'detail', rowid: row.rowid, text: row.text }))
}

/** Logged events whose payload names one of these guests by id ("guestId": 12), as text hits for `rewriteText`. */
export function eventsAbout(sqlite: Sqlite, ids: readonly number[]): TextHit[] {
  return (
    statement(
      sqlite,
      `SELECT e.id AS rowid, e.payload AS text FROM core_event e
       WHERE EXISTS (SELECT 1 FROM json_each(:ids) i
                     WHERE instr(e.payload, '"guestId":' || i.value || ',') > 0 OR instr(e.payload, '"guestId":' || i.value || '}') > 0)`,
    ).all({ ids: json(ids) }) as { rowid: number; text: string }[]
  ).map((row) => ({ table: 'core_event', column: 'payload', rowid: row.rowid, text: row.text }))
}

export function rewriteText(sqlite: Sqlite, hit: TextHit, text: string): void {
  sqlite.prepare(`UPDATE ${quoteIdentifier(hit.table)} SET ${quoteIdentifier(hit.column)} = ? WHERE rowid = ?`).run(text, hit.rowid)
}

/** Guests whose rows the access export reads from tables this code does not know (consent records…): every table with a guest_id column. */
export function tablesWithGuestId(sqlite: Sqlite): string[] {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
  return tables.filter((t) => columnsOf(sqlite, t).some((c) => c.name === 'guest_id'))
}
