import type { Actor } from '../context'
import type { StaffRow } from '../db/tables/staff.table'
import type { Role } from './roles'

/** The signed-in view of a staff row. */
export function toActor(row: StaffRow): Actor {
  return { staffId: row.id, code: row.code, name: row.name, role: row.role as Role, department: row.department_code }
}
