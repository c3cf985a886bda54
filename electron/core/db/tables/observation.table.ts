import type { Generated, Selectable, Insertable } from 'kysely'

export interface ObservationTable {
  id: Generated<number>
  guest_id: number
  stay_id: number | null
  department_code: string
  staff_id: number
  text: string
  suggested_category: string | null
  suggested_code: string | null
  suggested_value: string | null
  suggested_strength: string | null
  suggested_scope: string | null
  /** new | accepted | merged | rejected */
  status: Generated<string>
  preference_id: number | null
  reject_reason: string | null
  reviewed_at: string | null
  reviewed_by: number | null
  created_at: string
  /** The recovery case that proposed this lesson (migration 0017), else null. */
  recovery_case_id: Generated<number | null>
}
export type ObservationRow = Selectable<ObservationTable>
export type NewObservationRow = Insertable<ObservationTable>
