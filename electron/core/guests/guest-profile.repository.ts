import { prepared, qb, run, type Sqlite } from '../db/query'
import type { PreferenceRow } from '../db/tables/preference.table'

/** Who the guest is and how to reach them: when two profiles disagree, a person chooses each. */
export const personalGuestColumns = [
  'native_name',
  'roman_name',
  'salutation',
  'gender',
  'nationality',
  'home_city',
  'languages',
  'occupation',
  'company',
  'phone',
  'email',
  'birth_date',
  'document_no',
  /** Follows document_no in a merge (never chosen apart from its number). */
  'document_type',
  'notes',
] as const

/** Guest columns a person may edit, and how they are stored. */
export const editableGuestColumns = [
  ...personalGuestColumns,
  'vip',
  'restricted',
  'restriction_note',
  'consent_marketing',
  'consent_sensitive',
] as const
export type EditableGuestColumn = (typeof editableGuestColumns)[number]

export const editablePreferenceColumns = ['value', 'strength', 'scope', 'stay_id', 'note', 'active', 'last_confirmed_at'] as const
export type EditablePreferenceColumn = (typeof editablePreferenceColumns)[number]

export function setGuestColumns(sqlite: Sqlite, id: number, values: Partial<Record<EditableGuestColumn, string | number | null>>, at: string): void {
  if (Object.keys(values).length === 0) return
  run(sqlite, qb.updateTable('guest').set({ ...(values as object), updated_at: at }).where('id', '=', id))
}


const preferenceById = prepared((a: { id: number }) => qb.selectFrom('preference').selectAll().where('id', '=', a.id))
export function findPreference(sqlite: Sqlite, id: number): PreferenceRow | undefined {
  return preferenceById.first(sqlite, { id })
}

export function setPreferenceColumns(sqlite: Sqlite, id: number, values: Partial<Record<EditablePreferenceColumn | 'retired_at' | 'retired_by' | 'confirmed_by', string | number | null>>): void {
  if (Object.keys(values).length === 0) return
  run(sqlite, qb.updateTable('preference').set(values as object).where('id', '=', id))
}
