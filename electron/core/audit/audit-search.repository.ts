import { sql } from 'kysely'
import { all, first, qb, statement, type Sqlite } from '../db/query'
import type { ResolvedAuditFilter } from './audit.schemas'

/** One audit row with who did it and the guest it names, as the store holds them now. */
export interface AuditSearchRow {
  id: number
  at: string
  staff_id: number | null
  staff_name: string | null
  staff_code: string | null
  terminal: string | null
  action: string
  guest_id: number | null
  guest_native_name: string | null
  guest_roman_name: string | null
  guest_merged_into: number | null
  guest_restricted: 0 | 1 | null
  /** 1 when the guest was erased or anonymised by retention (`guest.anonymised_at`): their name is gone. */
  guest_erased: number | null
  entity: string
  entity_id: number | null
  detail: string | null
}

function filtered(filter: ResolvedAuditFilter, beforeId: number | null) {
  let query = qb
    .selectFrom('audit_log as a')
    .leftJoin('staff as s', 's.id', 'a.staff_id')
    .leftJoin('guest as g', 'g.id', 'a.guest_id')
    .select([
      'a.id',
      'a.at',
      'a.staff_id',
      's.name as staff_name',
      's.code as staff_code',
      'a.terminal',
      'a.action',
      'a.guest_id',
      'g.native_name as guest_native_name',
      'g.roman_name as guest_roman_name',
      'g.merged_into as guest_merged_into',
      'g.restricted as guest_restricted',
      sql<number | null>`(g.anonymised_at IS NOT NULL)`.as('guest_erased'),
      'a.entity',
      'a.entity_id',
      'a.detail',
    ])
  if (beforeId !== null) query = query.where('a.id', '<', beforeId)
  if (filter.staffId !== undefined) query = query.where('a.staff_id', '=', filter.staffId)
  if (filter.actions) query = query.where('a.action', 'in', filter.actions)
  if (filter.atFrom) query = query.where('a.at', '>=', filter.atFrom)
  if (filter.atBefore) query = query.where('a.at', '<', filter.atBefore)
  if (filter.guestId !== undefined) {
    const guestId = filter.guestId
    // The guest's own rows, and rows of reads that listed many guests (core keeps their ids in
    // detail.guests): the cheap text test first, so JSON is parsed only where a list exists.
    query = query.where((eb) =>
      eb.or([
        eb('a.guest_id', '=', guestId),
        sql<boolean>`(instr(a.detail, '"guests":[') > 0 AND EXISTS (SELECT 1 FROM json_each(a.detail, '$.guests') WHERE json_each.value = ${guestId}))`,
      ]),
    )
  }
  return query.orderBy('a.id', 'desc')
}

/**
 * One page of the audit log, newest first: rows with id below `beforeId` (null: from the newest)
 * that match the filter, at most `limit`.
 */
export function searchAuditLog(sqlite: Sqlite, filter: ResolvedAuditFilter, beforeId: number | null, limit: number): AuditSearchRow[] {
  return all(sqlite, filtered(filter, beforeId).limit(limit)) as AuditSearchRow[]
}

/** Every matching row, newest first, one at a time (the CSV export streams them). */
export function* iterateAuditLog(sqlite: Sqlite, filter: ResolvedAuditFilter): Generator<AuditSearchRow> {
  const compiled = filtered(filter, null).compile()
  yield* statement(sqlite, compiled.sql).iterate(...(compiled.parameters as unknown[])) as IterableIterator<AuditSearchRow>
}

/** Every staff member who could appear in the log (the deactivated too), by name. */
export function auditStaffChoices(sqlite: Sqlite): { id: number; name: string; code: string; active: 0 | 1 }[] {
  return all(sqlite, qb.selectFrom('staff').select(['id', 'name', 'code', 'active']).orderBy('name').orderBy('id'))
}

/** Whether a guest with this id exists (erased and merged-away guests still do). */
export function guestExists(sqlite: Sqlite, guestId: number): boolean {
  return first(sqlite, qb.selectFrom('guest').select('id').where('id', '=', guestId)) !== undefined
}

/** Whether a staff member with this id exists (active or not). */
export function staffExists(sqlite: Sqlite, staffId: number): boolean {
  return first(sqlite, qb.selectFrom('staff').select('id').where('id', '=', staffId)) !== undefined
}
