import { sql } from 'kysely'
import { first, qb, run, type Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'

/**
 * The live guest that holds a PMS profile id: the profile itself, or the survivor it was merged
 * into (through chains of merges).
 */
export function findGuestByPmsProfileId(sqlite: Sqlite, pmsProfileId: string): GuestRow | undefined {
  let guest = first(sqlite, qb.selectFrom('guest').selectAll().where('pms_profile_id', '=', pmsProfileId))
  for (let hops = 0; guest && guest.merged_into !== null && hops < 50; hops += 1) {
    guest = first(sqlite, qb.selectFrom('guest').selectAll().where('id', '=', guest.merged_into))
  }
  return guest && guest.merged_into === null ? guest : undefined
}

/** Sets the PMS identity columns (profile id, membership number) a profile message brought. */
export function setPmsIdentity(sqlite: Sqlite, guestId: number, values: { pms_profile_id?: string; membership_no?: string }, at: string): void {
  if (Object.keys(values).length === 0) return
  run(sqlite, qb.updateTable('guest').set({ ...values, updated_at: at }).where('id', '=', guestId))
}

/** The hotel's highest and lowest floors with rooms: what "high floor" and "low floor" mean here. */
export function floorRange(sqlite: Sqlite): { highest: number; lowest: number } | null {
  const row = first(sqlite, qb.selectFrom('room').select([sql<number | null>`max(floor)`.as('highest'), sql<number | null>`min(floor)`.as('lowest')]))
  return row && row.highest !== null && row.lowest !== null ? { highest: row.highest, lowest: row.lowest } : null
}
