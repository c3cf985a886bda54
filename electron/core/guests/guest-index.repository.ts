import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { all, prepared, qb, statement, type Sqlite } from '../db/query'
import { cached } from '../db/store-cache'
import { getSetting, putSetting } from '../setup/setting.repository'
import type { GuestRow } from '../db/tables/guest.table'
import { likelyDuplicateScore, scoreDuplicate } from './duplicate-score'
import { matchKeys, searchDocument, searchTokens } from './guest-keys'
import { hotelPhoneCountry, phoneE164 } from './phone'

const deleteTokens = prepared((a: { guestId: number }) => qb.deleteFrom('guest_token').where('guest_id', '=', a.guestId))
const insertToken = prepared((a: { token: string; guestId: number }) =>
  qb.insertInto('guest_token').values({ token: a.token, guest_id: a.guestId }).onConflict((oc) => oc.doNothing()),
)
const deleteMatchKeys = prepared((a: { guestId: number }) => qb.deleteFrom('guest_match_key').where('guest_id', '=', a.guestId))
const insertMatchKey = prepared((a: { key: number; guestId: number }) =>
  qb.insertInto('guest_match_key').values({ key: a.key, guest_id: a.guestId }).onConflict((oc) => oc.doNothing()),
)

/**
 * A match key as stored: the first 48 bits of its SHA-1, an integer (a third of the text's
 * size). Two keys sharing a hash only put a pair before the scorer, which reads the profiles.
 */
export function matchKeyHash(key: string): number {
  return createHash('sha1').update(key).digest().readUIntBE(0, 6)
}

/**
 * A match key shared by more guests than this (a company's switchboard, a travel agent's email)
 * pairs no one; a name alone pairs only when few guests bear it (张伟 pairs through the other
 * keys: name with birth date, phone, email, document).
 */
export function crowdedMatchKey(key: string): number {
  return key.startsWith('n:') ? 5 : 25
}

/**
 * Keeps a guest findable: the FTS5 trigram document, the prefix tokens, the duplicate match
 * keys and the guest's duplicate candidates. A live guest is also found by the names, phones
 * and emails of every profile merged into it (through chains of merges); a merged-away guest
 * is removed from the index. FTS5 is SQLite's; this module is the one place that knows it (a
 * PostgreSQL host would use pg_trgm here).
 */
export function indexGuest(sqlite: Sqlite, guest: GuestRow): void {
  statement(sqlite, 'DELETE FROM guest_fts WHERE rowid = ?').run(guest.id)
  deleteTokens.run(sqlite, { guestId: guest.id })
  deleteMatchKeys.run(sqlite, { guestId: guest.id })
  statement(sqlite, 'DELETE FROM duplicate_candidate WHERE low_id = ? OR high_id = ?').run(guest.id, guest.id)
  if (guest.merged_into !== null) return
  const absorbed = absorbedProfiles(sqlite, guest.id)
  statement(sqlite, 'INSERT INTO guest_fts (rowid, doc) VALUES (?, ?)').run(guest.id, searchDocument(guest, absorbed))
  for (const token of searchTokens(guest, absorbed)) insertToken.run(sqlite, { token, guestId: guest.id })
  // A profile merged into this one still matches its own phone, email and name before creating a guest.
  const keys = [...new Set([guest, ...absorbed].flatMap((person) => matchKeys(person)))]
  for (const key of keys) insertMatchKey.run(sqlite, { key: matchKeyHash(key), guestId: guest.id })
  recordCandidates(sqlite, guest, keys)
}

/** Profiles merged into each of these guests, directly or through chains of merges, in one query. */
export function absorbedProfilesOf(sqlite: Sqlite, guestIds: number[]): Map<number, GuestRow[]> {
  const result = new Map<number, GuestRow[]>(guestIds.map((id) => [id, []]))
  if (guestIds.length === 0) return result
  const rows = statement(
    sqlite,
    `WITH RECURSIVE absorbed(root, id) AS (SELECT merged_into, id FROM guest WHERE merged_into IN (SELECT value FROM json_each(?))
       UNION SELECT a.root, g.id FROM guest g JOIN absorbed a ON g.merged_into = a.id)
     SELECT absorbed.root AS absorbed_root, guest.* FROM guest JOIN absorbed USING (id)`,
  ).all(JSON.stringify(guestIds)) as (GuestRow & { absorbed_root: number })[]
  for (const { absorbed_root, ...row } of rows) result.get(absorbed_root)?.push(row)
  return result
}

/** Profiles merged into this guest, directly or through a chain of merges. */
export function absorbedProfiles(sqlite: Sqlite, guestId: number): GuestRow[] {
  return statement(
    sqlite,
    `WITH RECURSIVE absorbed(id) AS (SELECT id FROM guest WHERE merged_into = ?
       UNION SELECT g.id FROM guest g JOIN absorbed a ON g.merged_into = a.id)
     SELECT guest.* FROM guest JOIN absorbed USING (id)`,
  ).all(guestId) as GuestRow[]
}

/** Scores the guest against every live guest sharing an uncrowded key, and keeps the likely pairs. */
function recordCandidates(sqlite: Sqlite, guest: GuestRow, keys: string[]): void {
  const others = new Set<number>()
  for (const key of keys) {
    const crowded = crowdedMatchKey(key)
    const ids = statement(sqlite, 'SELECT guest_id FROM guest_match_key WHERE key = ? LIMIT ?').pluck().all(matchKeyHash(key), crowded + 1) as number[]
    if (ids.length > crowded) continue
    for (const id of ids) if (id !== guest.id) others.add(id)
  }
  if (others.size === 0) return
  const insert = statement(sqlite, 'INSERT OR REPLACE INTO duplicate_candidate (low_id, high_id, score) VALUES (?, ?, ?)')
  for (const other of guestRows(sqlite, [...others])) {
    if (other.merged_into !== null) continue
    const { score } = scoreDuplicate(guest, other)
    if (score < likelyDuplicateScore) continue
    insert.run(Math.min(guest.id, other.id), Math.max(guest.id, other.id), score)
  }
}

function guestRows(sqlite: Sqlite, ids: number[]): GuestRow[] {
  return all(sqlite, qb.selectFrom('guest').selectAll().where('id', 'in', ids))
}

/**
 * Re-reads a guest and brings its derived columns (E.164 phone, search document) and its index
 * up to date; then the profile it was merged into, if any. Call after any write to a guest's
 * identity (create, edit, undo, merge, unmerge). Unknown ids are ignored.
 */
export function reindexGuest(sqlite: Sqlite, guestId: number): void {
  const guest = statement(sqlite, 'SELECT * FROM guest WHERE id = ?').get(guestId) as GuestRow | undefined
  if (!guest) return
  const phone_e164 = phoneE164(guest.phone, hotelPhoneCountry(sqlite))
  const search_key = guest.merged_into === null ? searchDocument({ ...guest, phone_e164 }, absorbedProfiles(sqlite, guest.id)) : ''
  if (phone_e164 !== guest.phone_e164 || search_key !== guest.search_key) {
    statement(sqlite, 'UPDATE guest SET phone_e164 = ?, search_key = ? WHERE id = ?').run(phone_e164, search_key, guestId)
  }
  indexGuest(sqlite, { ...guest, phone_e164, search_key })
}

/** Likely duplicate pairs, most likely first, leaving out pairs marked as different people. */
export function topDuplicateCandidates(sqlite: Sqlite, limit: number): { a: number; b: number; score: number }[] {
  return statement(
    sqlite,
    `SELECT c.low_id AS a, c.high_id AS b, c.score FROM duplicate_candidate c
     WHERE NOT EXISTS (SELECT 1 FROM guest_pair_flag f WHERE f.low_id = c.low_id AND f.high_id = c.high_id)
     ORDER BY c.score DESC, c.low_id, c.high_id LIMIT ?`,
  ).all(limit) as { a: number; b: number; score: number }[]
}

/** Guest ids whose document contains the text (3+ characters). */
export function substringMatches(sqlite: Sqlite, folded: string, limit: number): number[] {
  const phrase = `"${folded.replace(/"/g, '""')}"`
  return (statement(sqlite, 'SELECT rowid AS id FROM guest_fts WHERE guest_fts MATCH ? LIMIT ?').all(phrase, limit) as { id: number }[]).map((r) => r.id)
}

/**
 * Guest ids with a token starting with `token` (a typed token: no spaces), exact tokens first,
 * then the shortest. Shortest among the first tokens in index order only: one letter matches a
 * tenth of a large store's tokens, and sorting them all by length took 30 ms at 1,000,000
 * guests. An exact token sorts before every longer one, so exact matches are always in the window.
 */
export function prefixMatches(sqlite: Sqlite, token: string, limit: number): { id: number; exact: boolean }[] {
  if (!token) return []
  const window = tokensStartingWith(token)
    .orderBy('token')
    .limit(limit * 20)
  const rows = all(sqlite, qb.selectFrom(window.as('w')).select(['guest_id', 'token']).orderBy(sql`length(token)`).limit(limit))
  return rows.map((r) => ({ id: r.guest_id, exact: r.token === token }))
}

/** Of these guests, those with a token starting with `token`, and whether it is the whole token. */
export function prefixMatchesAmong(sqlite: Sqlite, token: string, guestIds: number[]): { id: number; exact: boolean }[] {
  if (!token || guestIds.length === 0) return []
  return all(sqlite, tokensStartingWith(token).where('guest_id', 'in', guestIds)).map((r) => ({ id: r.guest_id, exact: r.token === token }))
}

function tokensStartingWith(token: string) {
  return qb.selectFrom('guest_token').select(['guest_id', 'token']).where('token', '>=', token).where('token', '<', `${token}\u{10FFFF}`)
}

/** Live or merged guests sharing any of these match keys, at most `limit` (for the check before creating a guest). */
export function guestsSharingKeys(sqlite: Sqlite, keys: string[], exceptId: number | null, limit = 200): number[] {
  if (keys.length === 0) return []
  return [
    ...new Set(
      all(
        sqlite,
        qb
          .selectFrom('guest_match_key')
          .select('guest_id')
          .where('key', 'in', keys.map(matchKeyHash))
          .where('guest_id', '!=', exceptId ?? -1)
          .limit(limit),
      ).map((r) => r.guest_id),
    ),
  ]
}

/** Index version: bump when searchDocument/searchTokens/matchKeys change, and stores reindex at start. */
export const guestIndexVersion = '4'

/** Rebuilds the whole index (after an upgrade that changed how guests are indexed). */
export function rebuildGuestIndex(sqlite: Sqlite, onProgress?: (progress: StartProgress) => void): number {
  let count = 0
  const total = onProgress ? (sqlite.prepare('SELECT count(*) AS n FROM guest').get() as { n: number }).n : 0
  sqlite.transaction(() => {
    statement(sqlite, 'DELETE FROM guest_fts').run()
    for (const table of ['guest_token', 'guest_match_key', 'duplicate_candidate']) sqlite.prepare(`DELETE FROM ${table}`).run()
    const country = hotelPhoneCountry(sqlite)
    const derived = sqlite.prepare('UPDATE guest SET phone_e164 = ?, search_key = ? WHERE id = ?')
    // In batches: better-sqlite3 cannot write while a read cursor is open on the connection.
    let after = 0
    for (;;) {
      const batch = sqlite.prepare('SELECT * FROM guest WHERE id > ? ORDER BY id LIMIT 5000').all(after) as GuestRow[]
      if (batch.length === 0) break
      for (const guest of batch) {
        const phone_e164 = phoneE164(guest.phone, country)
        const search_key = guest.merged_into === null ? searchDocument({ ...guest, phone_e164 }, absorbedProfiles(sqlite, guest.id)) : ''
        if (phone_e164 !== guest.phone_e164 || search_key !== guest.search_key) derived.run(phone_e164, search_key, guest.id)
        indexGuest(sqlite, { ...guest, phone_e164, search_key })
      }
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

/** Reindexes at start when the stored index was built by an older version (about 35 s per 200,000 guests), reporting progress. */
export function ensureGuestIndex(sqlite: Sqlite, onProgress?: (progress: StartProgress) => void): void {
  if (getSetting(sqlite, 'guest.index.version') === guestIndexVersion) return
  rebuildGuestIndex(sqlite, onProgress)
  putSetting(sqlite, 'guest.index.version', guestIndexVersion)
}

/** The search document and tokens of every guest in house or arriving today, as of one store version. */
interface CurrentGuests {
  version: string
  guests: { id: number; document: string; tokens: string[] }[]
}

/**
 * The guests who matter now, read once per store version: any write, on this connection or another
 * (total_changes, data_version), or a new day reads them again. Looking at each of them in
 * SQLite on every keystroke cost milliseconds over a million guests.
 */
function currentGuests(sqlite: Sqlite, today: string): CurrentGuests['guests'] {
  const changes = statement(sqlite, 'SELECT total_changes()').pluck().get() as number
  const version = `${changes}:${sqlite.pragma('data_version', { simple: true })}:${today}`
  // Kept with the store's caches, so a rolled-back transaction (same total_changes) forgets it.
  const known = cached<CurrentGuests>(sqlite, 'current-guests', () => ({ version: '', guests: [] }))
  if (known.version === version) return known.guests
  const rows = statement(
    sqlite,
    `SELECT DISTINCT guest.id, guest.search_key FROM stay JOIN guest ON guest.id = stay.guest_id
     WHERE (stay.status = 'in_house' OR (stay.status = 'reserved' AND stay.arrival_date = ?)) AND guest.merged_into IS NULL`,
  ).all(today) as { id: number; search_key: string }[]
  const tokens = new Map<number, string[]>()
  const tokensOf = statement(sqlite, 'SELECT token FROM guest_token WHERE guest_id = ?').pluck()
  for (const row of rows) tokens.set(row.id, tokensOf.all(row.id) as string[])
  const guests = rows.map((r) => ({ id: r.id, document: r.search_key, tokens: tokens.get(r.id) ?? [] }))
  known.version = version
  known.guests = guests
  return guests
}

/**
 * Guests in house, or arriving today, whose search document contains the text or who have a
 * token starting with one of the typed tokens (spellings such as lyu live only in tokens). With
 * `folded` null, by tokens alone (names, email names, company words; never phone digits).
 */
export function currentGuestsMatching(sqlite: Sqlite, folded: string | null, tokens: string[], today: string, limit: number): number[] {
  const found: number[] = []
  for (const guest of currentGuests(sqlite, today)) {
    const matches = (folded !== null && guest.document.includes(folded)) || guest.tokens.some((t) => tokens.some((typed) => t.startsWith(typed)))
    if (matches) found.push(guest.id)
    if (found.length >= limit) break
  }
  return found
}
