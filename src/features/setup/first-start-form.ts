/** An administrator's PIN length (core: `minimumPinLength.admin` in electron/core/staff/staff.operations.ts). */
export const adminPinMinimum = 6
const pinMaximum = 8
const codeShape = /^[a-z0-9_-]{2,20}$/

export interface FirstStartForm {
  hotelEn: string
  hotelZh: string
  code: string
  name: string
  pin: string
}

export type FirstStartProblem = 'hotelName' | 'codeShape' | 'nameMissing' | 'pinDigits' | 'pinShort' | 'setupCodeMissing'

/** Why the administrator's PIN will not do, or null: digits only, 6 to 8 of them. */
export function adminPinProblem(pin: string): 'pinDigits' | 'pinShort' | null {
  if (!/^\d*$/.test(pin) || pin.length > pinMaximum) return 'pinDigits'
  if (pin.length < adminPinMinimum) return 'pinShort'
  return null
}

/** The setup code as sent: trimmed, or undefined where this browser is on the hub's own machine. */
export function setupCodeToSend(claim: 'here' | 'code', typed: string): string | undefined {
  const code = typed.trim()
  return claim === 'code' && code ? code : undefined
}

/**
 * What stops "Create the hotel", by field (the same rules core applies, said before the round trip).
 * The setup code is needed only where `claim` is 'code' (a browser elsewhere on the network).
 */
export function firstStartProblems(form: FirstStartForm, claim: 'here' | 'code', setupCode: string): Partial<Record<keyof FirstStartForm | 'setupCode', FirstStartProblem>> {
  const problems: Partial<Record<keyof FirstStartForm | 'setupCode', FirstStartProblem>> = {}
  if (!form.hotelEn.trim() && !form.hotelZh.trim()) problems.hotelEn = 'hotelName'
  if (!codeShape.test(form.code.trim().toLowerCase())) problems.code = 'codeShape'
  if (!form.name.trim()) problems.name = 'nameMissing'
  const pin = adminPinProblem(form.pin)
  if (pin) problems.pin = pin
  if (claim === 'code' && !setupCode.trim()) problems.setupCode = 'setupCodeMissing'
  return problems
}
