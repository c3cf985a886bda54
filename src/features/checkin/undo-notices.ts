import type { TFunction } from 'i18next'

export type UndoAction = 'check_out' | 'check_in'

/** The id of the desk's notice after a check-out or check-in of a stay (the one that offers Undo). */
export function undoNoticeId(stayId: number, action: UndoAction): string {
  return action === 'check_out' ? `checked-out-${stayId}` : `checked-in-${stayId}`
}

/** The status a stay has for as long as its check-out or check-in can be undone. */
const undoableWhile: Record<UndoAction, string> = { check_out: 'checked_out', check_in: 'in_house' }

/**
 * The desk's notices that speak of a change no longer there: a check-out notice once the stay is
 * not checked out (undone here, in the stay panel or on another desk), a check-in notice once the
 * stay is not in house. Hiding an id with no notice is harmless, so every stay is answered for.
 */
export function outdatedUndoNotices(stays: readonly { id: number; status: string }[]): string[] {
  return stays.flatMap((s) => (Object.keys(undoableWhile) as UndoAction[]).filter((a) => s.status !== undoableWhile[a]).map((a) => undoNoticeId(s.id, a)))
}

/** Whether an undo failed because the change was undone already (or the stay moved on): nothing left to press. */
export function nothingLeftToUndo(error: unknown): boolean {
  // An ApiError (api/client.ts), read by its shape so this stays a plain helper.
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'NOTHING_TO_UNDO'
}

/**
 * A failed undo in words: "Nothing to undo: this check-out was undone already…" with the stay's
 * status now, or `otherwise(error)` (errors.ts' errorMessage) for any other failure.
 */
export function undoFailureMessage(t: TFunction, error: unknown, action: UndoAction, otherwise: (error: unknown) => string): string {
  if (!nothingLeftToUndo(error)) return otherwise(error)
  const status = String((error as { details?: { status?: unknown } }).details?.status ?? '')
  return t(action === 'check_out' ? 'desk.undo.nothingCheckOut' : 'desk.undo.nothingCheckIn', { status: t(`status.${status}`, { defaultValue: status }) })
}

/**
 * Whether to offer the Undo of a check-in or check-out to the signed-in person: core allows only
 * the one who did it, or a manager or administrator (UNDO_NOT_YOURS). The desk knows who did it
 * from stay.details' events (the latest check-in or check-out, by staff name): when that names
 * someone else, no Undo is offered; when it names no one, the Undo stays and core decides.
 */
export function mayOfferUndo(
  actor: { name: string; role: string } | null | undefined,
  events: readonly { kind: string; at: string; staffName: string | null }[] | undefined,
  action: UndoAction,
): boolean {
  if (!actor) return false
  if (actor.role === 'manager' || actor.role === 'admin') return true
  const done = [...(events ?? [])].filter((e) => e.kind === action).sort((a, b) => a.at.localeCompare(b.at)).at(-1)
  return !done?.staffName || done.staffName === actor.name
}
