import crypto from 'node:crypto'
import { all, first, qb, run, type Sqlite } from '../db/query'
import type { GuestChangeRow } from '../db/tables/guest-history.table'
import { maskDocumentNo } from './identity-document'

export interface FieldChange {
  field: string
  old: string | null
  new: string | null
}

export function newBatch(): string {
  return crypto.randomBytes(8).toString('hex')
}

/**
 * Fields whose values the history keeps masked: an identity document's whole number never
 * enters the history (only "****" and its last four characters), whoever writes the change.
 */
const maskedFields: Record<string, (v: string | null) => string | null> = { document_no: maskDocumentNo }

/** Consent records are choices the guest made: never undone by `guest.undo` (a withdrawal is recorded again, not reverted). */
export const notUndoableActions = ['undo', 'consent.record', 'consent.stay_only'] as const

/** Keeps who changed what on a guest's profile, old value and new, as one undoable batch. */
export function recordChanges(
  sqlite: Sqlite,
  entry: { guestId: number; batch: string; at: string; staffId: number | null; action: string; entity: 'guest' | 'preference' | 'merge'; entityId: number | null; changes: FieldChange[] },
): void {
  for (const change of entry.changes) {
    const mask = maskedFields[change.field]
    const c = mask ? { ...change, old: mask(change.old), new: mask(change.new) } : change
    run(
      sqlite,
      qb.insertInto('guest_change').values({
        guest_id: entry.guestId,
        batch: entry.batch,
        at: entry.at,
        staff_id: entry.staffId,
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        field: c.field,
        old_value: c.old,
        new_value: c.new,
      }),
    )
  }
}

/**
 * The latest change batch on a guest that is not undone, undos aside: the one `guest.undo`
 * would revert. It may be a merge's batch (entity 'merge'), which undo must not cross.
 */
export function latestBatch(sqlite: Sqlite, guestId: number): GuestChangeRow[] {
  const latest = all(
    sqlite,
    qb.selectFrom('guest_change').select('batch').where('guest_id', '=', guestId).where('undone', '=', 0).where('action', 'not in', [...notUndoableActions]).orderBy('id', 'desc').limit(1),
  )[0]
  if (!latest) return []
  return all(sqlite, qb.selectFrom('guest_change').selectAll().where('batch', '=', latest.batch).orderBy('id', 'desc'))
}

/** The newest change id in the store (0 when none): changes after it are "since now". */
export function lastChangeId(sqlite: Sqlite): number {
  return first(sqlite, qb.selectFrom('guest_change').select((eb) => eb.fn.max('id').as('id')))?.id ?? 0
}

/**
 * Changes a person made to a guest's details after a change id, and not undone, oldest first:
 * edits, and consent withdrawals an unmerge carried to the profile it restored.
 */
export function personChangesSince(sqlite: Sqlite, guestId: number, afterId: number): { id: number; field: string | null; new_value: string | null }[] {
  return all(
    sqlite,
    qb
      .selectFrom('guest_change')
      .select(['id', 'field', 'new_value'])
      .where('guest_id', '=', guestId)
      .where('id', '>', afterId)
      .where('undone', '=', 0)
      .where('action', 'in', ['guest.update', 'unmerge.carried', 'consent.record'])
      .orderBy('id'),
  )
}

/** The id of a merge's own row in the survivor's history (0 when it kept none). */
export function mergeChangeId(sqlite: Sqlite, survivorId: number, mergeId: number): number {
  return (
    first(
      sqlite,
      qb.selectFrom('guest_change').select('id').where('guest_id', '=', survivorId).where('entity', '=', 'merge').where('entity_id', '=', mergeId).where('action', '=', 'merge').orderBy('id').limit(1),
    )?.id ?? 0
  )
}

/** The value a field held before its first edit after a change id, if it was edited since. */
export function valueBeforeFirstEditSince(sqlite: Sqlite, guestId: number, afterId: number, field: string): { value: string | null } | undefined {
  const row = first(
    sqlite,
    qb
      .selectFrom('guest_change')
      .select('old_value')
      .where('guest_id', '=', guestId)
      .where('id', '>', afterId)
      .where('field', '=', field)
      .where('action', '=', 'guest.update')
      .orderBy('id')
      .limit(1),
  )
  return row ? { value: row.old_value } : undefined
}

/** Forgets every change to these preferences (their values name a health need the guest did not consent to keep). */
export function deletePreferenceChanges(sqlite: Sqlite, preferenceIds: readonly number[]): number {
  if (preferenceIds.length === 0) return 0
  return run(sqlite, qb.deleteFrom('guest_change').where('entity', '=', 'preference').where('entity_id', 'in', [...preferenceIds])).changes
}

export function markBatchUndone(sqlite: Sqlite, batch: string): void {
  run(sqlite, qb.updateTable('guest_change').set({ undone: 1 }).where('batch', '=', batch))
}

export interface GuestChangeView {
  id: number
  batch: string
  at: string
  staff: string | null
  action: string
  entity: string
  entityId: number | null
  field: string | null
  oldValue: string | null
  newValue: string | null
  undone: boolean
}

export function listGuestHistory(sqlite: Sqlite, guestId: number, limit: number): GuestChangeView[] {
  return all(
    sqlite,
    qb
      .selectFrom('guest_change')
      .leftJoin('staff', 'staff.id', 'guest_change.staff_id')
      .select([
        'guest_change.id',
        'guest_change.batch',
        'guest_change.at',
        'staff.name as staff',
        'guest_change.action',
        'guest_change.entity',
        'guest_change.entity_id',
        'guest_change.field',
        'guest_change.old_value',
        'guest_change.new_value',
        'guest_change.undone',
      ])
      .where('guest_change.guest_id', '=', guestId)
      .orderBy('guest_change.id', 'desc')
      .limit(limit),
  ).map((r) => ({
    id: r.id,
    batch: r.batch,
    at: r.at,
    staff: r.staff,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    field: r.field,
    oldValue: r.old_value,
    newValue: r.new_value,
    undone: r.undone === 1,
  }))
}
