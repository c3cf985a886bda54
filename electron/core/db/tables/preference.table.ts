import type { Generated, Selectable, Insertable } from 'kysely'

export interface PreferenceTable {
  id: Generated<number>
  guest_id: number
  category: string
  code: string
  value: string
  /** required | preferred | avoid | never */
  strength: string
  /** always | stay */
  scope: string
  stay_id: number | null
  note: string | null
  source_staff_id: number | null
  source_department: string | null
  source_observation_id: number | null
  recorded_at: string
  last_confirmed_at: string
  active: 0 | 1
  retired_at: string | null
  retired_by: number | null
  confirmed_by: number | null
}
export type PreferenceRow = Selectable<PreferenceTable>
export type NewPreferenceRow = Insertable<PreferenceTable>
