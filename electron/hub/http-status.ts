import type { ErrorCode } from '../core/errors'

const statusOf: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  BAD_LOGIN: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_OPERATION: 404,
  RATE_LIMITED: 429,
  SETUP_CODE: 403,
  // Refusals of who is asking, not of the hotel's state: a restricted profile, a PIN to change first.
  GUEST_RESTRICTED: 403,
  PIN_CHANGE_REQUIRED: 403,
  PAYLOAD_TOO_LARGE: 413,
  HOST_NOT_SERVED: 421,
  INTERNAL: 500,
  STORE_TOO_NEW: 500,
  STORE_IN_USE: 503,
  STORE_DAMAGED: 503,
  BUSY: 503,
}

/** Conflicts with the hotel's state (room occupied, stay already in house…) are 409. */
export function httpStatus(code: ErrorCode): number {
  return statusOf[code] ?? 409
}
