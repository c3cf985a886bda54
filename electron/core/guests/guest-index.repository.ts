import { sql } from 'kysely'
import { all, prepared, qb, statement, type Sqlite } from '../db/query'
import { getSetting, putSetting } from '../setup/setting.repository'
import type { GuestRow } from '../db/tables/guest.table'
import { matchKeys, searchDocument, searchTokens } from './guest-keys'

const deleteTokens = prepared((a: { guestId: number }) => qb.deleteFrom('guest_token').where('guest_id', '=', a.guestId))
const insertToken = prepared((a: { token: string; guestId: number }) =>
  qb.insertInto('guest_token').values({ token: a.token, guest_id: a.guestId }).onConflict((oc) => oc.doNothing()),
)

/**
 * Keeps a guest findable: the FTS5 trigram document, the prefix tokens and the duplicate
 * match keys. Merged-away guests are removed from the index. FTS5 is SQLite's; this module is
 * the one place that knows it (a PostgreSQL host would use pg_trgm here).
 */
export function indexGuest(sqlite: Sqlite, guest: GuestRow): void {
  statement(sqlite, 'DELETE FROM guest_fts WHERE rowid = ?').run(guest.id)
  deleteTokens.run(sqlite, { guestId: guest.id })
  if (guest.merged_into !== null) return
  statement(sqlite, 'INSERT INTO guest_fts (rowid, doc) VALUES (?, ?)').run(guest.id, searchDocument(guest))
  for (const token of [...searchTokens(guest), ...matchKeys(guest)]) insertToken.run(sqlite, { token, guestId: guest.id })
}

/**
 * Re-reads a guest and brings its search document and index up to date. Call after any write
 * to a guest's identity (edit, undo, merge, unmerge). Unknown ids are ignored.
 */
export function reindexGuest(sqlite: Sqlite, guestId: number): void {
  const guest = sqlite.prepare('SELECT * FROM guest WHERE id = ?').get(guestId) as GuestRow | undefined
  if (!guest) return
  const document = searchDocument(guest)
  if (document !== guest.search_key) statement(sqlite, 'UPDATE guest SET search_key = ? WHERE id = ?').run(document, guestId)
  indexGuest(sqlite, { ...guest, search_key: document })
}

/** Guest ids whose document contains the text (3+ characters). */
export function substringMatches(sqlite: Sqlite, folded: string, limit: number): number[] {
  const phrase = `"${folded.replace(/"/g, '""')}"`
  return (statement(sqlite, 'SELECT rowid AS id FROM guest_fts WHERE guest_fts MATCH ? LIMIT ?').all(phrase, limit) as { id: number }[]).map((r) => r.id)
}

/**
 * Guest ids with a token starting with the text, exact tokens first, then the shortest.
 * Shortest among the first tokens in index order only: one letter matches a tenth of a large
 * store's tokens, and sorting them all by length took 30 ms at 1,000,000 guests. An exact
 * token sorts before every longer one, so exact matches are always in the window.
 */
export function prefixMatches(sqlite: Sqlite, folded: string, limit: number): { id: number; exact: boolean }[] {
  const token = typedToken(folded)
  if (!token) return []
  const window = tokensStartingWith(token)
    .orderBy('token')
    .limit(limit * 20)
  const rows = all(sqlite, qb.selectFrom(window.as('w')).select(['guest_id', 'token']).orderBy(sql`length(token)`).limit(limit))
  return rows.map((r) => ({ id: r.guest_id, exact: r.token === token }))
}

/** Of these guests, those with a token starting with the text, and whether it is the whole token. */
export function prefixMatchesAmong(sqlite: Sqlite, folded: string, guestIds: number[]): { id: number; exact: boolean }[] {
  const token = typedToken(folded)
  if (!token || guestIds.length === 0) return []
  return all(sqlite, tokensStartingWith(token).where('guest_id', 'in', guestIds)).map((r) => ({ id: r.guest_id, exact: r.token === token }))
}

/** Typed text as a token: tokens have no spaces ("wong ling k" → "wonglingk"). */
function typedToken(folded: string): string {
  return folded.replace(/\s+/g, '')
}

function tokensStartingWith(token: string) {
  return qb.selectFrom('guest_token').select(['guest_id', 'token']).where('token', '>=', token).where('token', '<', `${token}\uffff`)
}

export function guestsSharingKeys(sqlite: Sqlite, keys: string[], exceptId: number | null): number[] {
  if (keys.length === 0) return []
  return [
    ...new Set(
      all(sqlite, qb.selectFrom('guest_token').select('guest_id').where('token', 'in', keys).where('guest_id', '!=', exceptId ?? -1)).map(
        (r) => r.guest_id,
      ),
    ),
  ]
}

/** Every pair of guests that share a match key: candidates for the duplicate detector. */
export function candidatePairs(sqlite: Sqlite, limit: number): { a: number; b: number }[] {
  return all(
    sqlite,
    qb
      .selectFrom('guest_token as x')
      .innerJoin('guest_token as y', (j) => j.onRef('x.token', '=', 'y.token').onRef('x.guest_id', '<', 'y.guest_id'))
      .select(['x.guest_id as a', 'y.guest_id as b'])
      .where('x.token', '>=', '\u0001')
      .where('x.token', '<', '\u0002')
      .groupBy(['x.guest_id', 'y.guest_id'])
      .limit(limit),
  )
}

/** Index version: bump when searchDocument/searchTokens/matchKeys change, and stores reindex at start. */
export const guestIndexVersion = '2'

/** Rebuilds the whole index (after an upgrade that changed how guests are indexed). */
export function rebuildGuestIndex(sqlite: Sqlite, onProgress?: (progress: StartProgress) => void): number {
  let count = 0
  const total = onProgress ? (sqlite.prepare('SELECT count(*) AS n FROM guest').get() as { n: number }).n : 0
  sqlite.transaction(() => {
    statement(sqlite, 'DELETE FROM guest_fts').run()
    sqlite.prepare('DELETE FROM guest_token').run()
    // In batches: better-sqlite3 cannot write while a read cursor is open on the connection.
    let after = 0
    for (;;) {
      const batch = sqlite.prepare('SELECT * FROM guest WHERE id > ? ORDER BY id LIMIT 5000').all(after) as GuestRow[]
      if (batch.length === 0) break
      for (const guest of batch) indexGuest(sqlite, guest)
      count += batch.length
      after = batch[batch.length - 1].id
      onProgress?.({ step: 'search-index', done: count, total })
    }
  })()
  return count
}

/** Long work at start-up, reported so the desktop can show a progress window: guests done of total. */
export interface StartProgress {
  step: 'search-index'
  done: number
  total: number
}

/** Reindexes at start when the stored index was built by an older version (about 35 s per 200,000 guests). */
export function ensureGuestIndex(sqlite: Sqlite, onProgress?: (progress: StartProgress) => void): void {
  if (getSetting(sqlite, 'guest.index.version') === guestIndexVersion) return
  rebuildGuestIndex(sqlite, onProgress)
  putSetting(sqlite, 'guest.index.version', guestIndexVersion)
}

/** LIKE needs its wildcards escaped, or "100%" would match everything. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** Guests in house, or arriving today, whose search document contains the text. */
export function currentGuestsMatching(sqlite: Sqlite, folded: string, today: string, limit: number): number[] {
  return all(
    sqlite,
    qb
      .selectFrom('stay')
      .innerJoin('guest', 'guest.id', 'stay.guest_id')
      .select(['guest.id'])
      .where((eb) => eb.or([eb('stay.status', '=', 'in_house'), eb.and([eb('stay.status', '=', 'reserved'), eb('stay.arrival_date', '=', today)])]))
      .where('guest.merged_into', 'is', null)
      .where(sql<boolean>`guest.search_key LIKE ${likePattern(folded)} ESCAPE '\\'`)
      .limit(limit),
  ).map((r) => r.id)
}
