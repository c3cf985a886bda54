import { all, first, prepared, qb, run, statement, type Sqlite } from './db/query'

/** A logged event as stored: its id orders every event core ever published. */
export interface LoggedEvent {
  id: number
  name: string
  /** The payload as JSON text. */
  payload: string
  createdAt: string
}

/** Appends one event inside the running transaction (it commits, or rolls back, with the change). Answers its id. */
const insertEvent = prepared((a: { name: string; payload: string; at: string }) => qb.insertInto('core_event').values({ name: a.name, payload: a.payload, created_at: a.at }))
export function appendEvent(sqlite: Sqlite, name: string, payload: unknown, at: Date): number {
  return insertEvent.run(sqlite, { name, payload: JSON.stringify(payload), at: at.toISOString() }).lastInsertRowid
}

/** Events after `afterId`, oldest first, at most `limit`. */
export function eventsAfter(sqlite: Sqlite, afterId: number, limit: number): LoggedEvent[] {
  return all(
    sqlite,
    qb.selectFrom('core_event').select(['id', 'name', 'payload', 'created_at as createdAt']).where('id', '>', afterId).orderBy('id').limit(limit),
  )
}

/**
 * The log's extent: `oldest` retained id (null when empty) and `latest` id ever given (from
 * sqlite_sequence, so it is known even when every row has been pruned; 0 for a new store).
 */
export function eventLogBounds(sqlite: Sqlite): { oldest: number | null; latest: number } {
  const oldest = first(sqlite, qb.selectFrom('core_event').select((eb) => eb.fn.min('id').as('id')))?.id ?? null
  const seq = statement(sqlite, "SELECT seq FROM sqlite_sequence WHERE name = 'core_event'").get() as { seq: number } | undefined
  return { oldest: oldest === null ? null : Number(oldest), latest: Number(seq?.seq ?? 0) }
}

/** Deletes events logged before `before`; answers how many. */
export function pruneEvents(sqlite: Sqlite, before: Date): number {
  return run(sqlite, qb.deleteFrom('core_event').where('created_at', '<', before.toISOString())).changes
}
