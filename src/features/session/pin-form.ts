import type { Role } from '../../../electron/core/staff/roles'

/** The shortest PIN a role may choose (core: `minimumPinLength` in electron/core/staff/pin-rules.ts). */
export function minimumPinFor(role: Role): number {
  return role === 'manager' || role === 'admin' ? 6 : 4
}

export interface PinChangeForm {
  currentPin: string
  newPin: string
  repeatPin: string
}

export type PinChangeProblem = 'currentMissing' | 'digits' | 'short' | 'same' | 'mismatch'

/**
 * What stops "Change PIN", by field: the rules core applies (4–8 digits, the role's minimum, not
 * the current PIN), plus typing the new one twice. Said before the round trip.
 */
export function pinChangeProblems(form: PinChangeForm, role: Role): Partial<Record<keyof PinChangeForm, PinChangeProblem>> {
  const problems: Partial<Record<keyof PinChangeForm, PinChangeProblem>> = {}
  if (!form.currentPin) problems.currentPin = 'currentMissing'
  if (!/^\d*$/.test(form.newPin) || form.newPin.length > 8) problems.newPin = 'digits'
  else if (form.newPin.length < minimumPinFor(role)) problems.newPin = 'short'
  else if (form.newPin === form.currentPin) problems.newPin = 'same'
  if (!problems.newPin && form.repeatPin !== form.newPin) problems.repeatPin = 'mismatch'
  return problems
}
