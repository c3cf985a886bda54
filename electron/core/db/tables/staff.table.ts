import type { Generated, Selectable, Insertable } from 'kysely'

export interface StaffTable {
  id: Generated<number>
  code: string
  name: string
  roman_name: string | null
  department_code: string
  role: string
  pin_hash: string
  active: 0 | 1
  created_at: string
  /** 1 after an administrator reset the PIN: the temporary PIN only lets its holder choose a new one (migration 0014). */
  must_change_pin: Generated<0 | 1>
  /** The last successful sign-in (ISO instant), null if never (migration 0014). */
  last_sign_in_at: string | null
}
export type StaffRow = Selectable<StaffTable>
export type NewStaffRow = Insertable<StaffTable>
