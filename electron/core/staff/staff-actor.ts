import type { Actor } from '../context'
import type { StaffRow } from '../db/tables/staff.table'
import type { Role } from './roles'

/** The signed-in view of a staff row; `mustChangePin` only when a temporary PIN must be replaced first. */
export function toActor(row: StaffRow): Actor {
  const actor: Actor = { staffId: row.id, code: row.code, name: row.name, role: row.role as Role, department: row.department_code }
  if (row.must_change_pin === 1) actor.mustChangePin = true
  return actor
}
