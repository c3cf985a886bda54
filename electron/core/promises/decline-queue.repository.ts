import { all, first, qb, run, type Sqlite } from '../db/query'

/** Declined prompts guest relations have not read yet, oldest decline first. */
export function listUnreadDeclines(sqlite: Sqlite, limit: number): number[] {
  return all(
    sqlite,
    qb.selectFrom('prompt').select('id').where('status', '=', 'declined').where('decline_read_at', 'is', null).orderBy('declined_at').orderBy('id').limit(limit),
  ).map((r) => r.id)
}

export function countUnreadDeclines(sqlite: Sqlite): number {
  const row = first(sqlite, qb.selectFrom('prompt').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'declined').where('decline_read_at', 'is', null))
  return Number(row?.n ?? 0)
}

export function findDeclineState(sqlite: Sqlite, id: number) {
  return first(sqlite, qb.selectFrom('prompt').select(['id', 'status', 'decline_read_at', 'decline_read_by']).where('id', '=', id))
}

/** Marks a decline read, once (the first reader is kept). */
export function markDeclineRead(sqlite: Sqlite, id: number, at: string, staffId: number): boolean {
  return (
    run(
      sqlite,
      qb.updateTable('prompt').set({ decline_read_at: at, decline_read_by: staffId }).where('id', '=', id).where('status', '=', 'declined').where('decline_read_at', 'is', null),
    ).changes === 1
  )
}
