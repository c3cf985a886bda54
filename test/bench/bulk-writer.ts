import { prepared, qb, type Sqlite } from '../../electron/core/db/query'
import { indexGuest } from '../../electron/core/guests/guest-index.repository'
import { searchDocument } from '../../electron/core/guests/guest-keys'
import { phoneE164 } from '../../electron/core/guests/phone'
import type { GuestRow } from '../../electron/core/db/tables/guest.table'
import type { SyntheticGuest } from './people'

/**
 * Writes a fixture fast, but writes exactly the rows the operations would: the same columns
 * (through the app's typed query builder), the same derived search data (computed by the
 * app's own guest-keys functions) and the same audit and history rows. Only the layers
 * (zod, permissions, one transaction per call) are skipped.
 */

const guestInsert = prepared((g: Omit<SyntheticGuest, 'origin'> & { phone_e164: string | null; search_key: string; at: string; by: number }) =>
  qb.insertInto('guest').values({
    native_name: g.native_name,
    roman_name: g.roman_name,
    salutation: g.salutation,
    gender: g.gender,
    nationality: g.nationality,
    home_city: g.home_city,
    languages: g.languages,
    occupation: g.occupation,
    company: g.company,
    phone: g.phone,
    phone_e164: g.phone_e164,
    email: g.email,
    birth_date: g.birth_date,
    document_no: g.document_no,
    vip: g.vip,
    notes: g.notes,
    search_key: g.search_key,
    created_at: g.at,
    created_by: g.by,
    updated_at: g.at,
  }),
)
const auditInsert = prepared((a: { at: string; staffId: number; action: string; guestId: number; entity: string; entityId: number; detail: string | null }) =>
  qb.insertInto('audit_log').values({ at: a.at, staff_id: a.staffId, action: a.action, guest_id: a.guestId, entity: a.entity, entity_id: a.entityId, detail: a.detail }),
)
const preferenceInsert = prepared(
  (p: {
    guestId: number
    category: string
    code: string
    value: string
    strength: string
    staffId: number
    department: string
    at: string
    confirmedAt: string
    active: 0 | 1
    retiredAt: string | null
    retiredBy: number | null
  }) =>
    qb.insertInto('preference').values({
      guest_id: p.guestId,
      category: p.category,
      code: p.code,
      value: p.value,
      strength: p.strength,
      scope: 'always',
      stay_id: null,
      note: null,
      source_staff_id: p.staffId,
      source_department: p.department,
      source_observation_id: null,
      recorded_at: p.at,
      last_confirmed_at: p.confirmedAt,
      active: p.active,
      retired_at: p.retiredAt,
      retired_by: p.retiredBy,
    }),
)
const changeInsert = prepared((c: { guestId: number; batch: string; at: string; staffId: number; action: string; entityId: number; field: string; old: string | null; new: string | null }) =>
  qb.insertInto('guest_change').values({
    guest_id: c.guestId,
    batch: c.batch,
    at: c.at,
    staff_id: c.staffId,
    action: c.action,
    entity: 'preference',
    entity_id: c.entityId,
    field: c.field,
    old_value: c.old,
    new_value: c.new,
  }),
)
const stayInsert = prepared(
  (s: { confirmationNo: string; guestId: number; arrival: string; departure: string; checkedInAt: string; checkedOutAt: string; party: number; roomId: number; at: string; by: number }) =>
    qb.insertInto('stay').values({
      confirmation_no: s.confirmationNo,
      guest_id: s.guestId,
      arrival_date: s.arrival,
      departure_date: s.departure,
      party_size: s.party,
      room_id: s.roomId,
      status: 'checked_out',
      checked_in_at: s.checkedInAt,
      checked_out_at: s.checkedOutAt,
      created_at: s.at,
      created_by: s.by,
    }),
)

/**
 * What guest.create writes: the guest with its E.164 phone (the hotel's phone country, CN) and
 * search document, then the app's own indexGuest (FTS document, prefix tokens, duplicate match
 * keys and candidates), and the audit row.
 */
export function writeGuest(sqlite: Sqlite, guest: SyntheticGuest, at: string, staffId: number): number {
  const { origin: _origin, ...fields } = guest
  const phone_e164 = phoneE164(guest.phone, 'CN')
  const document = searchDocument({ ...guest, phone_e164 })
  const id = guestInsert.run(sqlite, { ...fields, phone_e164, search_key: document, at, by: staffId }).lastInsertRowid
  indexGuest(sqlite, { ...fields, id, phone_e164, search_key: document, merged_into: null } as unknown as GuestRow)
  auditInsert.run(sqlite, { at, staffId, action: 'guest.create', guestId: id, entity: 'guest', entityId: id, detail: null })
  return id
}

let batchCounter = 0

/** What preference.add writes (and preference.retire, for the few no longer active): the row, its history, the audit. */
export function writePreference(
  sqlite: Sqlite,
  p: { guestId: number; category: string; code: string; value: string; strength: string; staffId: number; department: string; at: string; confirmedAt: string; retiredAt: string | null },
): number {
  const id = preferenceInsert.run(sqlite, {
    ...p,
    active: p.retiredAt ? 0 : 1,
    retiredBy: p.retiredAt ? p.staffId : null,
  }).lastInsertRowid
  const batch = (++batchCounter).toString(16).padStart(16, '0')
  changeInsert.run(sqlite, { guestId: p.guestId, batch, at: p.at, staffId: p.staffId, action: 'preference.add', entityId: id, field: 'active', old: null, new: `${p.category}.${p.code}=${p.value}` })
  auditInsert.run(sqlite, { at: p.at, staffId: p.staffId, action: 'preference.add', guestId: p.guestId, entity: 'preference', entityId: id, detail: JSON.stringify({ category: p.category, code: p.code }) })
  if (p.retiredAt) {
    changeInsert.run(sqlite, { guestId: p.guestId, batch: `${batch}r`, at: p.retiredAt, staffId: p.staffId, action: 'preference.retire', entityId: id, field: 'active', old: '1', new: '0' })
    auditInsert.run(sqlite, { at: p.retiredAt, staffId: p.staffId, action: 'preference.retire', guestId: p.guestId, entity: 'preference', entityId: id, detail: null })
  }
  return id
}

/** What stay.import writes for a past stay: the checked-out stay and the audit row. */
export function writePastStay(
  sqlite: Sqlite,
  s: { confirmationNo: string; guestId: number; arrival: string; departure: string; party: number; roomId: number; at: string; by: number },
): number {
  const id = stayInsert.run(sqlite, { ...s, checkedInAt: `${s.arrival}T14:00:00.000Z`, checkedOutAt: `${s.departure}T04:00:00.000Z` }).lastInsertRowid
  auditInsert.run(sqlite, { at: s.at, staffId: s.by, action: 'stay.import', guestId: s.guestId, entity: 'stay', entityId: id, detail: null })
  return id
}

/**
 * Runs a bulk load with the journal in memory, no fsync (a fixture that fails is simply
 * rebuilt; OFF is refused in better-sqlite3's defensive mode) and no foreign-key lookups (the
 * writers only use ids they were just given), in transactions of `chunk` items, then puts the
 * store back in the app's mode (WAL, synchronous=FULL, foreign keys on).
 */
export function bulkLoad<T>(sqlite: Sqlite, items: Iterable<T>, chunk: number, write: (item: T) => void): number {
  const mode = sqlite.pragma('journal_mode = MEMORY', { simple: true })
  if (mode !== 'memory') throw new Error(`bench fixture: could not leave WAL for the bulk load (${String(mode)})`)
  sqlite.pragma('synchronous = OFF')
  sqlite.pragma('foreign_keys = OFF')
  const cacheSize = sqlite.pragma('cache_size', { simple: true })
  sqlite.pragma('cache_size = -2000000')
  let count = 0
  try {
    let batch: T[] = []
    const flush = sqlite.transaction((list: T[]) => {
      for (const item of list) write(item)
    })
    for (const item of items) {
      batch.push(item)
      if (batch.length === chunk) {
        flush(batch)
        count += batch.length
        batch = []
      }
    }
    flush(batch)
    count += batch.length
  } finally {
    sqlite.pragma(`cache_size = ${Number(cacheSize)}`)
    if (sqlite.pragma('journal_mode = WAL', { simple: true }) !== 'wal') throw new Error('bench fixture: could not return to WAL')
    sqlite.pragma('synchronous = FULL')
    sqlite.pragma('foreign_keys = ON')
  }
  return count
}
