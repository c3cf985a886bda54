import { first, qb, run, type Sqlite } from '../db/query'
import type { StaffRow } from '../db/tables/staff.table'

export interface SessionRow {
  token_hash: string
  staff_id: number
  last_seen_at: string
}

export function insertSession(sqlite: Sqlite, row: { tokenHash: string; staffId: number; address: string; at: string }): void {
  run(
    sqlite,
    qb.insertInto('staff_session').values({ token_hash: row.tokenHash, staff_id: row.staffId, address: row.address, created_at: row.at, last_seen_at: row.at }),
  )
}

/** The session and its staff member (active or not), by token hash. */
export function findSession(sqlite: Sqlite, tokenHash: string): (SessionRow & { staff: StaffRow }) | undefined {
  const row = first(
    sqlite,
    qb
      .selectFrom('staff_session')
      .innerJoin('staff', 'staff.id', 'staff_session.staff_id')
      .selectAll('staff')
      .select(['staff_session.token_hash', 'staff_session.staff_id', 'staff_session.last_seen_at'])
      .where('staff_session.token_hash', '=', tokenHash),
  )
  if (!row) return undefined
  const { token_hash, staff_id, last_seen_at, ...staff } = row
  return { token_hash, staff_id, last_seen_at, staff: staff as StaffRow }
}

export function touchSession(sqlite: Sqlite, tokenHash: string, at: string): void {
  run(sqlite, qb.updateTable('staff_session').set({ last_seen_at: at }).where('token_hash', '=', tokenHash))
}

export function deleteSession(sqlite: Sqlite, tokenHash: string): void {
  run(sqlite, qb.deleteFrom('staff_session').where('token_hash', '=', tokenHash))
}

/** Ends every session of one staff member; answers how many. */
export function deleteStaffSessions(sqlite: Sqlite, staffId: number): number {
  return run(sqlite, qb.deleteFrom('staff_session').where('staff_id', '=', staffId)).changes
}

/** Ends sessions idle since before `before`; answers how many. */
export function deleteIdleSessions(sqlite: Sqlite, before: string): number {
  return run(sqlite, qb.deleteFrom('staff_session').where('last_seen_at', '<', before)).changes
}
