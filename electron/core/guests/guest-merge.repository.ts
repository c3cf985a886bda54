import { all, first, qb, run, type Sqlite } from '../db/query'
import type { GuestMergeRow } from '../db/tables/guest-history.table'
import type { GuestRow } from '../db/tables/guest.table'

/** Everything that belongs to a guest and moves with a merge. */
export const ownedTables = ['preference', 'observation', 'stay', 'prompt'] as const
export type OwnedTable = (typeof ownedTables)[number]

export function idsOwnedBy(sqlite: Sqlite, table: OwnedTable, guestId: number): number[] {
  return all(sqlite, qb.selectFrom(table).select('id').where('guest_id', '=', guestId).orderBy('id')).map((r) => r.id)
}

export function moveOwned(sqlite: Sqlite, table: OwnedTable, ids: number[], toGuestId: number): void {
  for (let i = 0; i < ids.length; i += 500) {
    run(sqlite, qb.updateTable(table).set({ guest_id: toGuestId }).where('id', 'in', ids.slice(i, i + 500)))
  }
}

/** Moves back those of these rows that one guest still holds (a row moved elsewhere since stays where it is). */
export function moveOwnedBack(sqlite: Sqlite, table: OwnedTable, ids: number[], fromGuestId: number, toGuestId: number): void {
  for (let i = 0; i < ids.length; i += 500) {
    run(sqlite, qb.updateTable(table).set({ guest_id: toGuestId }).where('id', 'in', ids.slice(i, i + 500)).where('guest_id', '=', fromGuestId))
  }
}

/** Rows that hang off a stay (its prompts, observations, this-stay-only preferences). */
export const stayTiedTables = ['preference', 'observation', 'prompt'] as const

/** Ids of a guest's rows tied to one of these stays. */
export function idsTiedToStays(sqlite: Sqlite, table: (typeof stayTiedTables)[number], guestId: number, stayIds: number[]): number[] {
  const ids: number[] = []
  for (let i = 0; i < stayIds.length; i += 500) {
    const rows = all(sqlite, qb.selectFrom(table).select('id').where('guest_id', '=', guestId).where('stay_id', 'in', stayIds.slice(i, i + 500)))
    ids.push(...rows.map((r) => r.id))
  }
  return ids
}

/** Writes every column of a guest row back (used to undo a merge exactly). */
export function writeGuestRow(sqlite: Sqlite, row: GuestRow): void {
  const { id, ...columns } = row
  run(sqlite, qb.updateTable('guest').set(columns).where('id', '=', id))
}

export function insertMerge(sqlite: Sqlite, row: { survivor_id: number; merged_id: number; at: string; staff_id: number; snapshot: string }): number {
  return run(sqlite, qb.insertInto('guest_merge').values(row)).lastInsertRowid
}

export function findMerge(sqlite: Sqlite, id: number): GuestMergeRow | undefined {
  return first(sqlite, qb.selectFrom('guest_merge').selectAll().where('id', '=', id))
}

/** Merges into this survivor not undone, after the given merge, oldest first. */
export function liveMergesIntoAfter(sqlite: Sqlite, survivorId: number, afterMergeId: number): GuestMergeRow[] {
  return all(
    sqlite,
    qb.selectFrom('guest_merge').selectAll().where('survivor_id', '=', survivorId).where('id', '>', afterMergeId).where('undone_at', 'is', null).orderBy('id'),
  )
}

/** The merge (not undone) that merged this guest away, if any. */
export function liveMergeAway(sqlite: Sqlite, mergedId: number): GuestMergeRow | undefined {
  return first(sqlite, qb.selectFrom('guest_merge').selectAll().where('merged_id', '=', mergedId).where('undone_at', 'is', null).orderBy('id', 'desc'))
}

/** Rewrites what a merge keeps to be undone (when a merge beneath it was undone). */
export function updateMergeSnapshot(sqlite: Sqlite, id: number, snapshot: string): void {
  run(sqlite, qb.updateTable('guest_merge').set({ snapshot }).where('id', '=', id))
}

export function markMergeUndone(sqlite: Sqlite, id: number, at: string, by: number): void {
  run(sqlite, qb.updateTable('guest_merge').set({ undone_at: at, undone_by: by }).where('id', '=', id))
}

export function listMerges(sqlite: Sqlite, limit: number) {
  return all(
    sqlite,
    qb
      .selectFrom('guest_merge')
      .innerJoin('guest as s', 's.id', 'guest_merge.survivor_id')
      .innerJoin('guest as m', 'm.id', 'guest_merge.merged_id')
      .leftJoin('staff', 'staff.id', 'guest_merge.staff_id')
      .select([
        'guest_merge.id',
        'guest_merge.survivor_id',
        'guest_merge.merged_id',
        'guest_merge.at',
        'guest_merge.undone_at',
        'staff.name as staff',
        's.native_name as survivor_name',
        'm.native_name as merged_name',
        'm.roman_name as merged_roman',
      ])
      .orderBy('guest_merge.id', 'desc')
      .limit(limit),
  )
}

export function flagPair(sqlite: Sqlite, a: number, b: number, flag: string, at: string, staffId: number): void {
  const [low, high] = a < b ? [a, b] : [b, a]
  run(
    sqlite,
    qb
      .insertInto('guest_pair_flag')
      .values({ low_id: low, high_id: high, flag, at, staff_id: staffId })
      .onConflict((oc) => oc.columns(['low_id', 'high_id']).doUpdateSet({ flag, at, staff_id: staffId })),
  )
}

export function isPairFlagged(sqlite: Sqlite, a: number, b: number): boolean {
  const [low, high] = a < b ? [a, b] : [b, a]
  return first(sqlite, qb.selectFrom('guest_pair_flag').select('flag').where('low_id', '=', low).where('high_id', '=', high)) !== undefined
}

export function flaggedPairs(sqlite: Sqlite): Set<string> {
  return new Set(all(sqlite, qb.selectFrom('guest_pair_flag').select(['low_id', 'high_id'])).map((r) => `${r.low_id}:${r.high_id}`))
}

export function guestsByIds(sqlite: Sqlite, ids: number[]): GuestRow[] {
  if (ids.length === 0) return []
  return all(sqlite, qb.selectFrom('guest').selectAll().where('id', 'in', ids))
}
