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
