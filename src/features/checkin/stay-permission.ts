import type { Role } from '../../../electron/core/staff/roles'

/** Roles granted `stay.write` in electron/core/staff/roles.ts (a unit test keeps the two in step). */
const stayRoles: readonly Role[] = ['front_desk', 'manager', 'admin']

/**
 * Whether a role may reserve, check in, walk in and check out (`stay.write`). Core checks every
 * call again; this only keeps the desk from offering what the signed-in role would be refused
 * (guest relations sees a guest's stay, not the room suggestions or the check-in buttons).
 */
export function mayHandleStays(role: Role | undefined): boolean {
  return role !== undefined && stayRoles.includes(role)
}
