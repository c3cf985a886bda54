import type { Generated, Selectable, Insertable } from 'kysely'

export interface DepartmentTable {
  code: string
  name_en: string
  name_zh: string
  /** Minutes within which the department promises to act on a prompt. */
  promise_minutes: number
  /** Minutes within which the department promises to acknowledge a prompt; then it escalates. */
  ack_minutes: Generated<number>
  active: 0 | 1
  /** An outlet's department (e.g. a restaurant outlet under Food & Beverage, 'restaurant'); null for a department. */
  parent_code: Generated<string | null>
}
export type DepartmentRow = Selectable<DepartmentTable>
export type NewDepartmentRow = Insertable<DepartmentTable>
