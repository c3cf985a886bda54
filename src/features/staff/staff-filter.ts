import type { Role } from '../../../electron/core/staff/roles'

/** Every role, in core's order (`roles` in electron/core/staff/roles.ts; the renderer imports only its types, a unit test keeps them equal). */
export const staffRoles: readonly Role[] = ['front_desk', 'department', 'department_lead', 'guest_relations', 'manager', 'admin']

/** One row of the Staff screen, as `staff.list` answers it. */
export interface StaffEntry {
  id: number
  code: string
  name: string
  romanName: string | null
  role: Role
  department: string
  active: boolean
  mustChangePin: boolean
  lastSignInAt: string | null
}

export type StaffStatusFilter = 'active' | 'inactive' | 'all'

export interface StaffFilter {
  status: StaffStatusFilter
  /** null: every role. */
  role: Role | null
  /** Part of a name, romanized name or staff code (any case). */
  text: string
}

/** The rows the filters keep, in the order core gave them (active first, then by code). */
export function filterStaff(list: readonly StaffEntry[], filter: StaffFilter): StaffEntry[] {
  const text = filter.text.trim().toLowerCase()
  return list.filter(
    (s) =>
      (filter.status === 'all' || s.active === (filter.status === 'active')) &&
      (filter.role === null || s.role === filter.role) &&
      (!text || [s.name, s.romanName ?? '', s.code].some((v) => v.toLowerCase().includes(text))),
  )
}

export interface StaffForm {
  code: string
  name: string
  romanName: string
  role: Role | ''
  department: string
  pin: string
}

export type StaffFormProblem = 'codeShape' | 'nameMissing' | 'roleMissing' | 'departmentMissing' | 'pinDigits' | 'pinShort'

/** What stops saving, by field (core's rules, said before the round trip); `creating` asks for a code and a PIN too. */
export function staffFormProblems(form: StaffForm, creating: boolean): Partial<Record<keyof StaffForm, StaffFormProblem>> {
  const problems: Partial<Record<keyof StaffForm, StaffFormProblem>> = {}
  if (creating && !/^[a-z0-9_-]{2,20}$/.test(form.code.trim().toLowerCase())) problems.code = 'codeShape'
  if (!form.name.trim()) problems.name = 'nameMissing'
  if (!form.role) problems.role = 'roleMissing'
  if (!form.department) problems.department = 'departmentMissing'
  if (creating) {
    const minimum = form.role === 'manager' || form.role === 'admin' ? 6 : 4
    if (!/^\d*$/.test(form.pin) || form.pin.length > 8) problems.pin = 'pinDigits'
    else if (form.pin.length < minimum) problems.pin = 'pinShort'
  }
  return problems
}
