import { first, prepared, qb, run, type Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'
import type { PreferenceRow } from '../db/tables/preference.table'
import type { PreferenceFact, Scope, Strength } from './preference'
import type { GuestFields, PreferenceFields } from './guest.schemas'
import { reindexGuest } from './guest-index.repository'
import { checkedDocument } from './identity-document'

const byId = prepared((a: { id: number }) => qb.selectFrom('guest').selectAll().where('id', '=', a.id))

export function findGuest(sqlite: Sqlite, id: number): GuestRow | undefined {
  return byId.first(sqlite, { id })
}

/** The profile a guest id stands for today: itself, or the profile it was merged into (followed through chains). */
export function currentProfile(sqlite: Sqlite, id: number): GuestRow | undefined {
  let guest = findGuest(sqlite, id)
  for (let hops = 0; guest?.merged_into != null && hops < 20; hops++) guest = findGuest(sqlite, guest.merged_into)
  return guest?.merged_into == null ? guest : undefined
}

export function insertGuest(sqlite: Sqlite, fields: GuestFields, at: string, staffId: number | null): number {
  const row = {
    native_name: fields.nativeName,
    roman_name: fields.romanName,
    salutation: fields.salutation,
    gender: fields.gender,
    nationality: fields.nationality,
    home_city: fields.homeCity,
    languages: fields.languages.join(','),
    occupation: fields.occupation,
    company: fields.company,
    phone: fields.phone,
    email: fields.email,
    birth_date: fields.birthDate,
    // The number checked against its type, normalised (identity-document.ts).
    ...checkedDocument(fields.documentType ?? null, fields.documentNo),
    vip: fields.vip,
    notes: fields.notes,
    created_at: at,
    created_by: staffId,
    updated_at: at,
  }
  const id = run(sqlite, qb.insertInto('guest').values({ ...row, search_key: '' })).lastInsertRowid
  reindexGuest(sqlite, id)
  return id
}

const activePreferences = prepared((a: { guestId: number }) =>
  qb
    .selectFrom('preference')
    .selectAll()
    .where('guest_id', '=', a.guestId)
    .where('active', '=', 1)
    .orderBy('category')
    .orderBy('code')
    .orderBy('id'),
)

export function listActivePreferences(sqlite: Sqlite, guestId: number): PreferenceRow[] {
  return activePreferences.all(sqlite, { guestId })
}

const preferencePeople = prepared((a: { guestId: number }) =>
  qb
    .selectFrom('preference')
    .leftJoin('staff as source', 'source.id', 'preference.source_staff_id')
    .leftJoin('staff as confirmer', 'confirmer.id', 'preference.confirmed_by')
    .select(['preference.id', 'source.name as source_name', 'confirmer.name as confirmer_name'])
    .where('preference.guest_id', '=', a.guestId)
    .where('preference.active', '=', 1),
)

/** Who noticed each active preference, and who last confirmed it: the card's provenance. */
export function preferencePeopleOf(sqlite: Sqlite, guestId: number): Map<number, { source: string | null; confirmer: string | null }> {
  return new Map(preferencePeople.all(sqlite, { guestId }).map((r) => [r.id, { source: r.source_name, confirmer: r.confirmer_name }]))
}

export function toPreferenceFact(row: PreferenceRow): PreferenceFact {
  return {
    id: row.id,
    category: row.category,
    code: row.code,
    value: row.value,
    strength: row.strength as Strength,
    scope: row.scope as Scope,
    stayId: row.stay_id,
  }
}

export function insertPreference(
  sqlite: Sqlite,
  guestId: number,
  fields: PreferenceFields,
  source: { at: string; staffId: number | null; department: string | null; observationId?: number | null },
): number {
  return run(
    sqlite,
    qb.insertInto('preference').values({
      guest_id: guestId,
      category: fields.category,
      code: fields.code,
      value: fields.value,
      strength: fields.strength,
      scope: fields.scope,
      stay_id: fields.scope === 'stay' ? fields.stayId : null,
      note: fields.note,
      source_staff_id: source.staffId,
      source_department: source.department,
      source_observation_id: source.observationId ?? null,
      recorded_at: source.at,
      last_confirmed_at: source.at,
      active: 1,
    }),
  ).lastInsertRowid
}

export function countGuests(sqlite: Sqlite): number {
  return Number(first(sqlite, qb.selectFrom('guest').select((eb) => eb.fn.countAll().as('n')))?.n ?? 0)
}

const activity = prepared((a: { guestId: number }) =>
  qb
    .selectNoFrom((eb) => [
      eb.selectFrom('prompt').select((e) => e.fn.countAll<number>().as('n')).where('guest_id', '=', a.guestId).where('status', '=', 'done').as('prompts_done'),
      eb.selectFrom('observation').select((e) => e.fn.countAll<number>().as('n')).where('guest_id', '=', a.guestId).as('observations'),
    ]),
)

/** Service delivered to a guest, and what staff noticed: for the card's statistics. */
export function guestActivityCounts(sqlite: Sqlite, guestId: number): { promptsDone: number; observations: number } {
  const row = activity.first(sqlite, { guestId })
  return { promptsDone: Number(row?.prompts_done ?? 0), observations: Number(row?.observations ?? 0) }
}
