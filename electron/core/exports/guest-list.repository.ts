import type { Sqlite } from '../db/query'
import type { GuestListColumn, GuestListField, GuestListFilter, LeftOutCounts } from './guest-list.schemas'

/** One guest as a list row reads it (prefs: one packed string per preferences column); only the columns the list shows are read, the others are absent. */
export interface GuestListRow {
  id: number
  native_name: string
  roman_name: string | null
  salutation: string | null
  phone: string | null
  email: string | null
  nationality: string | null
  languages: string
  vip: number
  company: string | null
  home_city: string | null
  restricted: number
  consent_marketing: number | null
  /** "<stays>|<last arrival>" (stays in house or checked out; '' when none), packed so one index read gives both; null when neither column is listed. */
  stay_facts: string | null
  [pref: `pref_${number}`]: string | null
}

/** The guest table's column behind each list column that reads one (the rest are derived). */
const guestColumnOf = {
  nativeName: 'native_name',
  romanName: 'roman_name',
  salutation: 'salutation',
  phone: 'phone',
  email: 'email',
  nationality: 'nationality',
  languages: 'languages',
  vip: 'vip',
  company: 'company',
  homeCity: 'home_city',
  marketingConsent: 'consent_marketing',
} as const satisfies Partial<Record<GuestListField, keyof GuestListRow>>

/** Separators inside a packed preferences column (unit and record separators: never typed). */
export const prefUnit = '\u001f'
export const prefRecord = '\u001e'

const lastStaySql = "(SELECT max(s.arrival_date) FROM stay s WHERE s.guest_id = g.id AND s.status IN ('in_house', 'checked_out'))"
const stayFactsSql = "(SELECT count(*) || '|' || coalesce(max(s.arrival_date), '') FROM stay s WHERE s.guest_id = g.id AND s.status IN ('in_house', 'checked_out'))"

/** A row's stays (in house or checked out) and its last arrival (null: none), from `stay_facts`. */
export function stayFactsOf(row: Pick<GuestListRow, 'stay_facts'>): { stays: number; lastStay: string | null } {
  if (!row.stay_facts) return { stays: 0, lastStay: null }
  const bar = row.stay_facts.indexOf('|')
  return { stays: Number(row.stay_facts.slice(0, bar)), lastStay: row.stay_facts.slice(bar + 1) || null }
}
const leftOutSql = `CASE WHEN g.restricted = 1 THEN 'restricted'
  WHEN g.consent_marketing IS NOT 1 THEN 'noConsent'
  WHEN coalesce(trim(g.phone), '') = '' AND coalesce(trim(g.email), '') = '' THEN 'noContact'
  ELSE NULL END`

/** The WHERE clause of a filter (without the contact list's exclusions) and its parameters. */
function where(filter: GuestListFilter): { sql: string; params: unknown[] } {
  const terms = ['g.merged_into IS NULL']
  const params: unknown[] = []
  for (const p of filter.preferences) {
    let term = 'EXISTS (SELECT 1 FROM preference p WHERE p.guest_id = g.id AND p.active = 1 AND p.category = ?'
    params.push(p.category)
    if (p.code) {
      term += ' AND p.code = ?'
      params.push(p.code)
    }
    if (p.value) {
      term += ' AND p.value = ?'
      params.push(p.value)
    }
    if (p.strengths && p.strengths.length > 0) {
      term += ` AND p.strength IN (${p.strengths.map(() => '?').join(', ')})`
      params.push(...p.strengths)
    }
    terms.push(`${term})`)
  }
  if (filter.vip && filter.vip.length > 0) {
    terms.push(`g.vip IN (${filter.vip.map(() => '?').join(', ')})`)
    params.push(...filter.vip)
  }
  if (filter.nationalities && filter.nationalities.length > 0) {
    terms.push(`g.nationality IN (${filter.nationalities.map(() => '?').join(', ')})`)
    params.push(...filter.nationalities)
  }
  if (filter.lastStayFrom) {
    terms.push(`${lastStaySql} >= ?`)
    params.push(filter.lastStayFrom)
  }
  if (filter.lastStayTo) {
    terms.push(`${lastStaySql} <= ?`)
    params.push(filter.lastStayTo)
  }
  if (filter.consent === 'given') terms.push('g.consent_marketing = 1')
  if (filter.consent === 'withdrawn') terms.push('g.consent_marketing = 0')
  if (filter.consent === 'not_asked') terms.push('g.consent_marketing IS NULL')
  return { sql: terms.join('\n  AND '), params }
}

/**
 * How many guests match, and (for a contact list) how many of them are left out, by reason.
 * `listed` is what the file will hold.
 */
export function countGuestList(sqlite: Sqlite, filter: GuestListFilter): { matched: number; listed: number; leftOut: LeftOutCounts } {
  const w = where(filter)
  if (!filter.contactList) {
    // Nobody is left out of a plain list: the count alone (a third of the time on a big hotel).
    const { matched } = sqlite.prepare(`SELECT count(*) AS matched FROM guest g WHERE ${w.sql}`).get(...w.params) as { matched: number }
    return { matched, listed: matched, leftOut: { restricted: 0, noConsent: 0, noContact: 0 } }
  }
  const row = sqlite
    .prepare(
      `SELECT count(*) AS matched,
         coalesce(sum(lo = 'restricted'), 0) AS restricted,
         coalesce(sum(lo = 'noConsent'), 0) AS noConsent,
         coalesce(sum(lo = 'noContact'), 0) AS noContact
       FROM (SELECT ${leftOutSql} AS lo FROM guest g WHERE ${w.sql})`,
    )
    .get(...w.params) as { matched: number; restricted: number; noConsent: number; noContact: number }
  const leftOut: LeftOutCounts = { restricted: row.restricted, noConsent: row.noConsent, noContact: row.noContact }
  return { matched: row.matched, listed: row.matched - leftOut.restricted - leftOut.noConsent - leftOut.noContact, leftOut }
}

/**
 * The statement of a guest list and its parameters (iterateGuestList runs it; tests read its
 * plan): one row per guest, its stays and last stay (one subquery, packed) and each preferences column read from the
 * covering indexes stay_by_guest and preference_by_guest (migration 0012), never the tables.
 */
export function guestListStatement(filter: GuestListFilter, columns: readonly GuestListColumn[], limit?: number): { sql: string; params: unknown[] } {
  const w = where(filter)
  const params: unknown[] = []
  const prefColumns = columns.flatMap((c, i) => {
    if (!c.startsWith('preferences:')) return []
    params.push(c.slice('preferences:'.length))
    return [
      `(SELECT group_concat(p.code || char(31) || p.value || char(31) || p.strength, char(30)) FROM preference p WHERE p.guest_id = g.id AND p.active = 1 AND p.category = ?) AS pref_${i}`,
    ]
  })
  const wanted = (c: GuestListColumn) => columns.includes(c)
  // Only the guest columns the list shows: a guest row is wide, and each column read costs (13 → 6
  // columns is ~40% of the cursor's time on 100,000 guests).
  const guestColumns = [...new Set(columns.flatMap((c) => guestColumnOf[c as keyof typeof guestColumnOf] ?? []))]
  const select = [
    ['g.id', ...guestColumns.map((c) => `g.${c}`)].join(', '),
    `${wanted('lastStay') || wanted('stays') ? stayFactsSql : 'NULL'} AS stay_facts`,
    ...prefColumns,
  ].join(',\n  ')
  const contact = filter.contactList ? `\n  AND (${leftOutSql}) IS NULL` : ''
  const sql = `SELECT ${select}\nFROM guest g\nWHERE ${w.sql}${contact}\nORDER BY g.id${limit !== undefined ? `\nLIMIT ${Math.max(0, Math.floor(limit))}` : ''}`
  return { sql, params: [...params, ...w.params] }
}

/**
 * The guests of a list, one at a time (a cursor: nothing is gathered in memory), ordered by
 * id. A contact list yields only the guests it keeps. `limit` caps the rows (a preview).
 */
export function iterateGuestList(sqlite: Sqlite, filter: GuestListFilter, columns: readonly GuestListColumn[], limit?: number): IterableIterator<GuestListRow> {
  const { sql, params } = guestListStatement(filter, columns, limit)
  return sqlite.prepare(sql).iterate(...params) as IterableIterator<GuestListRow>
}

/** Vocabulary labels of the categories a list shows, keyed `category|code|value` ('' value: the code's own label). */
export function vocabularyLabels(sqlite: Sqlite, categories: readonly string[]): Map<string, { en: string; zh: string }> {
  const labels = new Map<string, { en: string; zh: string }>()
  if (categories.length === 0) return labels
  const rows = sqlite
    .prepare(`SELECT category, code, value, label_en, label_zh FROM vocabulary WHERE category IN (${categories.map(() => '?').join(', ')})`)
    .all(...categories) as { category: string; code: string; value: string; label_en: string; label_zh: string }[]
  for (const r of rows) labels.set(`${r.category}|${r.code}|${r.value}`, { en: r.label_en, zh: r.label_zh })
  return labels
}
