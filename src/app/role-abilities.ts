import type { Role } from '../../electron/core/staff/roles'

/*
 * What the screens offer each role, mirroring the grants in electron/core/staff/roles.ts (the
 * renderer imports only types from electron/; test/unit/role-abilities.test.ts keeps the two in
 * step). Core checks every call again: hiding is for clarity, never for security.
 */

/** Attendants and leads of one department: their own board only (core: isDepartmentStaff). */
export function isDepartmentStaff(role: Role): boolean {
  return role === 'department' || role === 'department_lead'
}

/** May read guest profiles (`guest.read`): everyone but department staff. */
export function readsGuestProfiles(role: Role): boolean {
  return !isDepartmentStaff(role)
}

/** May hand a prompt to another attendant (`prompt.assign`): everyone but plain attendants. */
export function handsOutPrompts(role: Role): boolean {
  return role !== 'department'
}

/** May see an identity document's whole number (`guest.document`; every view is audited). */
export function seesWholeDocuments(role: Role): boolean {
  return role === 'front_desk' || role === 'guest_relations' || role === 'manager' || role === 'admin'
}

/** May read recovery cases (`recovery.read`): the front desk, guest relations, managers, administrators. */
export function readsRecoveryCases(role: Role): boolean {
  return role === 'front_desk' || role === 'guest_relations' || role === 'manager' || role === 'admin'
}

/** May work a recovery case: own, assign, record its steps, close it, propose a lesson (`recovery.manage`). */
export function managesRecoveryCases(role: Role): boolean {
  return role === 'guest_relations' || role === 'manager' || role === 'admin'
}

/** May record a guest's satisfaction score (`satisfaction.write`). */
export function recordsSatisfaction(role: Role): boolean {
  return readsRecoveryCases(role)
}

/** May import satisfaction scores from a survey file (`satisfaction.import`). */
export function importsSatisfaction(role: Role): boolean {
  return role === 'manager' || role === 'admin'
}
