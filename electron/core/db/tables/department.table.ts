import type { Selectable, Insertable } from 'kysely'

export interface DepartmentTable {
  code: string
  name_en: string
  name_zh: string
  /** Minutes within which the department promises to act on a prompt. */
  promise_minutes: number
  active: 0 | 1
}
export type DepartmentRow = Selectable<DepartmentTable>
export type NewDepartmentRow = Insertable<DepartmentTable>
