import { z } from 'zod'
import type { Role } from './roles'

/** A staff code: 2–20 lower-case letters, digits, `_` or `-` (typed in any case; stored lower-case). */
export const staffCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{2,20}$/, 'Staff codes are 2–20 letters or digits.')
/** A PIN: 4 to 8 digits (a role may need more: `minimumPinLength`). */
export const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.')
/** Managers and administrators can change rules and export guest files: their PINs are longer. */
export const minimumPinLength: Record<Role, number> = { front_desk: 4, department: 4, department_lead: 4, guest_relations: 4, manager: 6, admin: 6 }

/** The English sentence for a PIN too short for `role`, or null when it is long enough. */
export function pinTooShort(role: Role, value: string): string | null {
  const min = minimumPinLength[role]
  if (value.length >= min) return null
  return `${role === 'admin' ? 'An administrator' : 'A manager'}'s PIN has at least ${min} digits.`
}

/** Adds "a manager's or administrator's PIN has at least 6 digits" to a {role, pin} schema. */
export function pinLongEnoughForRole(value: { role: Role; pin: string }, ctx: z.RefinementCtx): void {
  const message = pinTooShort(value.role, value.pin)
  if (message) ctx.addIssue({ code: 'custom', path: ['pin'], message, params: { minimum: minimumPinLength[value.role] } })
}
