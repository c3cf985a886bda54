import crypto from 'node:crypto'
import { all, qb, run, type Sqlite } from '../db/query'
import type { GuestChangeRow } from '../db/tables/guest-history.table'

export interface FieldChange {
  field: string
  old: string | null
  new: string | null
}

export function newBatch(): string {
  return crypto.randomBytes(8).toString('hex')
}

/** Keeps who changed what on a guest's profile, old value and new, as one undoable batch. */
export function recordChanges(
  sqlite: Sqlite,
  entry: { guestId: number; batch: string; at: string; staffId: number | null; action: string; entity: 'guest' | 'preference' | 'merge'; entityId: number | null; changes: FieldChange[] },
): void {
  for (const c of entry.changes) {
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

/** The latest change batch on a guest that can still be undone (undos and merges are not). */
export function lastUndoableBatch(sqlite: Sqlite, guestId: number): GuestChangeRow[] {
  const latest = all(
    sqlite,
    qb
      .selectFrom('guest_change')
      .select('batch')
      .where('guest_id', '=', guestId)
      .where('undone', '=', 0)
      .where('action', 'not in', ['undo', 'merge', 'unmerge'])
      .orderBy('id', 'desc')
      .limit(1),
  )[0]
  if (!latest) return []
  return all(sqlite, qb.selectFrom('guest_change').selectAll().where('batch', '=', latest.batch).orderBy('id', 'desc'))
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
