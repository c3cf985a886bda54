import { all, qb, run, type Sqlite } from '../db/query'
import type { PreferenceRow } from '../db/tables/preference.table'
import type { StayRow } from '../db/tables/stay.table'

export interface NewConsentRecord {
  guestId: number
  kind: 'marketing' | 'sensitive'
  given: boolean
  at: string
  method: string
  staffId: number | null
  note: string | null
  recordedAt: string
}

export function insertConsentRecord(sqlite: Sqlite, r: NewConsentRecord): number {
  return run(
    sqlite,
    qb.insertInto('guest_consent').values({
      guest_id: r.guestId,
      kind: r.kind,
      given: r.given ? 1 : 0,
      at: r.at,
      method: r.method,
      staff_id: r.staffId,
      note: r.note,
      recorded_at: r.recordedAt,
    }),
  ).lastInsertRowid
}

/** One consent record as screens show it. */
export interface ConsentRecordView {
  id: number
  kind: 'marketing' | 'sensitive'
  given: boolean
  at: string
  method: string
  staffId: number | null
  staff: string | null
  note: string | null
  recordedAt: string
}

/** A guest's consent records, newest first (by when they were given or withdrawn, then entered). */
export function listConsentRecords(sqlite: Sqlite, guestId: number): ConsentRecordView[] {
  return all(
    sqlite,
    qb
      .selectFrom('guest_consent')
      .leftJoin('staff', 'staff.id', 'guest_consent.staff_id')
      .select([
        'guest_consent.id',
        'guest_consent.kind',
        'guest_consent.given',
        'guest_consent.at',
        'guest_consent.method',
        'guest_consent.staff_id',
        'staff.name as staff',
        'guest_consent.note',
        'guest_consent.recorded_at',
      ])
      .where('guest_consent.guest_id', '=', guestId)
      .orderBy('guest_consent.id', 'desc'),
  ).map((r) => ({
    id: r.id,
    kind: r.kind as 'marketing' | 'sensitive',
    given: r.given === 1,
    at: r.at,
    method: r.method,
    staffId: r.staff_id,
    staff: r.staff,
    note: r.note,
    recordedAt: r.recorded_at,
  }))
}

/** Every preference of a guest, retired ones too (they still hold what was recorded). */
export function allPreferencesOf(sqlite: Sqlite, guestId: number): PreferenceRow[] {
  return all(sqlite, qb.selectFrom('preference').selectAll().where('guest_id', '=', guestId).orderBy('id'))
}

/** The guest's stays in house now or reserved (this-stay-only preferences of these are still needed). */
export function currentStaysOf(sqlite: Sqlite, guestId: number): StayRow[] {
  return all(sqlite, qb.selectFrom('stay').selectAll().where('guest_id', '=', guestId).where('status', 'in', ['in_house', 'reserved']).orderBy('arrival_date'))
}

/**
 * Removes preferences for good: their changes in the guest's history, and the links prompts and
 * observations keep to them (the prompt or observation itself stays, without the link).
 */
export function deletePreferences(sqlite: Sqlite, ids: readonly number[]): void {
  if (ids.length === 0) return
  const list = [...ids]
  run(sqlite, qb.updateTable('prompt').set({ preference_id: null }).where('preference_id', 'in', list))
  run(sqlite, qb.updateTable('observation').set({ preference_id: null }).where('preference_id', 'in', list))
  run(sqlite, qb.deleteFrom('guest_change').where('entity', '=', 'preference').where('entity_id', 'in', list))
  run(sqlite, qb.deleteFrom('preference').where('id', 'in', list))
}

/** Turns preferences into this-stay-only ones for a stay. */
export function makeStayOnly(sqlite: Sqlite, ids: readonly number[], stayId: number): void {
  if (ids.length === 0) return
  run(sqlite, qb.updateTable('preference').set({ scope: 'stay', stay_id: stayId }).where('id', 'in', [...ids]))
}

/**
 * Open prompts of reservations (stays not yet arrived) that act on these preferences: cancelled,
 * with the reason 'consent_withdrawn' (never reopened by a stay's own undo or reinstatement).
 * Returns the ids cancelled.
 */
export function cancelFuturePromptsOf(sqlite: Sqlite, preferenceIds: readonly number[]): number[] {
  if (preferenceIds.length === 0) return []
  const ids = all(
    sqlite,
    qb
      .selectFrom('prompt')
      .innerJoin('stay', 'stay.id', 'prompt.stay_id')
      .select('prompt.id')
      .where('prompt.preference_id', 'in', [...preferenceIds])
      .where('prompt.status', 'in', ['open', 'acknowledged'])
      .where('stay.status', '=', 'reserved'),
  ).map((r) => r.id)
  if (ids.length > 0) run(sqlite, qb.updateTable('prompt').set({ status: 'cancelled', cancel_reason: 'consent_withdrawn' }).where('id', 'in', ids))
  return ids
}
