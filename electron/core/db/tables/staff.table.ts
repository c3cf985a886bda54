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
}
export type StaffRow = Selectable<StaffTable>
export type NewStaffRow = Insertable<StaffTable>
