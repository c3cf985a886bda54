/** Stable codes the UI translates. Add here, then to both message files under src/i18n. */
export const errorCodes = [
  'VALIDATION',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'UNKNOWN_OPERATION',
  'ROOM_OCCUPIED',
  'ROOM_OUT_OF_ORDER',
  'STAY_NOT_RESERVED',
  'STAY_ALREADY_IN_HOUSE',
  'STAY_NOT_IN_HOUSE',
  'STAY_DATES',
  'GUEST_HAS_STAY',
  'ROOM_HAS_STAY',
  'PROMPT_STATE',
  'NOT_IN_HOUSE',
  'OBSERVATION_STATE',
  'MERGE_SELF',
  'MERGE_STATE',
  'NOTHING_TO_UNDO',
  'MERGE_ORDER',
  'UNDO_PAST_MERGE',
  'UNDO_CHANGED_SINCE',
  'BAD_LOGIN',
  'RATE_LIMITED',
  'DEMO_NOT_EMPTY',
  'SETUP_CODE',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'HOST_NOT_SERVED',
  'STORE_TOO_NEW',
  'STORE_IN_USE',
  'STORE_DAMAGED',
  'BUSY',
  'PMS_OWNS_STAYS',
  'NO_SUCH_ROOM',
  'REPORT_FILE',
  'REPORT_INVALID',
  'OTA_MESSAGE',
  'ARRIVAL_MATCH_STATE',
  'UNDO_TOO_LATE',
  'UNDO_NOT_YOURS',
  'NIGHT_AUDIT_EARLY',
  'ROOM_RETIRED',
  'ROOM_IN_USE',
  'DEPARTMENT_IN_USE',
  'LOGO_FILE',
  'LOGO_TOO_LARGE',
  'FILE_NOT_SAVED',
  /** An export's file could not be written; details.context names why (disk_full, no_permission, not_a_folder, no_folder, write_failed). */
  'EXPORT_FAILED',
  /** A full-export file with errors (truncated, bad checksum, newer version, bad rows): details.report lists them; nothing imported. */
  'TRANSFER_FILE',
  /** A full import into a store that already has guests. */
  'TRANSFER_STORE_NOT_EMPTY',
  'BACKUP_INVALID',
  'BACKUP_TOO_NEW',
  'BACKUP_FOLDER',
  /** Signed in with a temporary PIN: choose a new one before anything else. */
  'PIN_CHANGE_REQUIRED',
  /** The last active administrator cannot be deactivated or given another role: no one could manage staff. */
  'LAST_ADMIN',
  /** An administrator deactivating, demoting or resetting their own account: another administrator does that. */
  'OWN_ACCOUNT',
  /** Changing your own PIN: the current PIN given is not yours. */
  'WRONG_PIN',
  /** A restricted profile (a guest who asked for discretion), asked for by a role that may not open it. */
  'GUEST_RESTRICTED',
  /** A sensitive need (health, faith) kept beyond this stay for a guest without consent to sensitive data (PIPL Art. 29). */
  'CONSENT_REQUIRED',
  /** Erasing a guest who is in house: details {stayId, room, arrival, departure}. */
  'ERASE_IN_HOUSE',
  /** Erasing a guest with a reservation still to come: details {stayId, room, arrival, departure}. */
  'ERASE_RESERVED',
  /** An anonymised (erased) guest cannot be merged, unmerged or erased again: details.anonymisedAt. */
  'GUEST_ANONYMISED',
  /** A retention run whose count differs from the preview the manager confirmed: details {expected, found}. */
  'RETENTION_CHANGED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** An error a user may see: a stable code, an English message for logs, optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppError'
  }
}

export interface ErrorBody {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details }
  // Never leak a stack or driver message to a caller.
  return { code: 'INTERNAL', message: 'Something went wrong inside Zhike. It has been logged.' }
}
