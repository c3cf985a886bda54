/*
 * A refusal from the recovery operations, placed beside the field it is about (pure:
 * test/unit/recovery-errors.test.ts). VALIDATION issue paths ('compensation.valueMinor') become
 * the form's field names; each has its own translated sentence (recovery.fieldError.<field>).
 */

interface Refusal {
  code: string
  details?: Record<string, unknown>
}

function isRefusal(error: unknown): error is Refusal {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
}

/** The form fields of the recovery screens a path may name, as the message keys spell them. */
export const recoveryFields = [
  'stayId', 'guestId', 'roomNumber', 'description', 'kind', 'category', 'severity', 'department',
  'step', 'note', 'outOfOrderReason', 'compensationKind', 'compensationValue', 'promiseText', 'promiseDueDate',
  'promiseDepartment', 'followUpAt', 'ownerId', 'score', 'comment', 'text', 'suggestion',
] as const
export type RecoveryField = (typeof recoveryFields)[number]

/** 'compensation.valueMinor' → 'compensationValue', 'promise.0.text' → 'promiseText': the form's field. */
export function fieldOfPath(path: string): RecoveryField | null {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p))
  const [head, tail] = parts
  const joined =
    head === 'compensation' ? (tail === 'kind' ? 'compensationKind' : 'compensationValue')
    : head === 'promise' ? `promise${(tail ?? 'text').charAt(0).toUpperCase()}${(tail ?? 'text').slice(1)}`
    : head === 'followUp' ? 'followUpAt'
    : head === 'suggestion' ? 'suggestion'
    : head
  return (recoveryFields as readonly string[]).includes(joined ?? '') ? (joined as RecoveryField) : null
}

/**
 * The fields a refusal names, in the order named (VALIDATION's issues; a room not found names
 * 'roomNumber'; a stay not found 'stayId'). Empty when it names none of ours: show it as a whole.
 */
export function refusedFields(error: unknown): RecoveryField[] {
  if (!isRefusal(error)) return []
  const details = error.details ?? {}
  if (error.code === 'VALIDATION') {
    const issues = Array.isArray(details.issues) ? (details.issues as { path?: unknown }[]) : []
    const named = issues.map((i) => (typeof i.path === 'string' ? fieldOfPath(i.path) : null)).filter((f): f is RecoveryField => f !== null)
    return [...new Set(named)]
  }
  if (error.code === 'NOT_FOUND' && details.entity === 'room') return ['roomNumber']
  return []
}
