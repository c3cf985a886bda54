/*
 * Which field of a desk form a refusal is about, so its sentence is shown beside that field (the
 * Mantine `error` prop) and the field takes focus, rather than in an alert below the fold.
 * Pure (test/unit/field-errors.test.ts): it reads the `{ code, details }` every ApiError carries.
 */

/** Refusals about the room a form named, whatever the operation. */
const roomCodes = new Set(['NO_SUCH_ROOM', 'ROOM_OCCUPIED', 'ROOM_OUT_OF_ORDER', 'ROOM_HAS_STAY'])

interface Refusal {
  code: string
  details?: Record<string, unknown>
}

function isRefusal(error: unknown): error is Refusal {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
}

/** 'guest.nativeName' → 'nativeName', 'companions.0' → 'companions': the form's own field name. */
function fieldOfPath(path: string): string {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p))
  return parts.at(-1) ?? ''
}

/**
 * The form fields a refusal names: VALIDATION's issue paths, STAY_DATES's `field`, and
 * `roomNumber` for any refusal about a room. Empty when it names none.
 */
export function errorFields(error: unknown, roomField = 'roomNumber'): string[] {
  if (!isRefusal(error)) return []
  const details = error.details ?? {}
  if (error.code === 'VALIDATION') {
    const issues = Array.isArray(details.issues) ? (details.issues as { path?: unknown }[]) : []
    return [...new Set(issues.map((i) => (typeof i.path === 'string' ? fieldOfPath(i.path) : '')).filter((f) => f !== ''))]
  }
  if (error.code === 'STAY_DATES') return typeof details.field === 'string' ? [details.field] : []
  if (roomCodes.has(error.code) || (error.code === 'NOT_FOUND' && details.entity === 'room')) return [roomField]
  return []
}

/**
 * Splits a refusal between the fields of a form: `field(name)` is the sentence to show beside
 * that field (once, on the first field named that the form has), `general` the sentence for the
 * form's own alert when no field of the form is named. `roomField` is the field a room refusal
 * belongs to (a new departure, when the room is held on the added nights).
 */
export function placeError(
  error: unknown,
  formFields: readonly string[],
  message: string,
  roomField = 'roomNumber',
): { fields: Record<string, string>; first: string | null; general: string | null } {
  if (!error) return { fields: {}, first: null, general: null }
  const named = errorFields(error, roomField).filter((f) => formFields.includes(f))
  if (named.length === 0) return { fields: {}, first: null, general: message }
  return { fields: Object.fromEntries(named.map((f) => [f, message])), first: named[0], general: null }
}
