import { sql } from 'kysely'
import { all, first, prepared, qb, run, type Sqlite } from '../db/query'
import type { StayRow } from '../db/tables/stay.table'

/** Stays a timed rule fires for, with the room number its prompt names. */
export type FiringStay = StayRow & { room_number: string | null }

function staysWithRoom() {
  return qb.selectFrom('stay').leftJoin('room', 'room.id', 'stay.room_id').selectAll('stay').select('room.number as room_number')
}

/**
 * Stays whose guests may meet a rule on a preference: the main guest holds an active preference
 * of the rule's category (and code), or the stay has an accompanying guest with a profile (checked
 * in full when fired). A rule on guest facts (no category) matches every stay.
 */
function mayMatch(category: string | null, code: string | null) {
  return sql<boolean>`(${category} IS NULL
    OR EXISTS (SELECT 1 FROM preference p WHERE p.guest_id = stay.guest_id AND p.active = 1 AND p.category = ${category} AND (${code} IS NULL OR p.code = ${code}))
    OR EXISTS (SELECT 1 FROM stay_companion c WHERE c.stay_id = stay.id AND c.guest_id IS NOT NULL))`
}

/** In house on business date `date`: arrived on or before it, leaving after it. */
const inHouseOn = prepared((a: { date: string; category: string | null; code: string | null }) =>
  staysWithRoom()
    .where('stay.status', '=', 'in_house')
    .where('stay.arrival_date', '<=', a.date)
    .where('stay.departure_date', '>', a.date)
    .where(mayMatch(a.category, a.code))
    .orderBy('stay.id'),
)
const reservedArriving = prepared((a: { date: string; category: string | null; code: string | null }) =>
  staysWithRoom().where('stay.status', '=', 'reserved').where('stay.arrival_date', '=', a.date).where(mayMatch(a.category, a.code)).orderBy('stay.id'),
)
const checkedOutDeparted = prepared((a: { date: string; category: string | null; code: string | null }) =>
  staysWithRoom().where('stay.status', '=', 'checked_out').where('stay.departure_date', '=', a.date).where(mayMatch(a.category, a.code)).orderBy('stay.id'),
)

/** The stays a slot of `trigger` matches on `date` (see timed-firings.ts DueSlot.stayDate) whose guests may meet the rule's preference condition. */
export function staysForSlot(
  sqlite: Sqlite,
  trigger: 'pre_arrival' | 'daily' | 'post_stay',
  date: string,
  match: { category: string | null; code: string | null } = { category: null, code: null },
): FiringStay[] {
  const query = trigger === 'daily' ? inHouseOn : trigger === 'pre_arrival' ? reservedArriving : checkedOutDeparted
  return query.all(sqlite, { date, category: match.category, code: match.code }) as FiringStay[]
}

const claim = prepared((a: { key: string; dueAt: string; firedAt: string; lateMinutes: number | null }) =>
  qb.insertInto('scheduled_fire').values({ key: a.key, due_at: a.dueAt, fired_at: a.firedAt, late_minutes: a.lateMinutes }).onConflict((oc) => oc.column('key').doNothing()),
)

/** Claims one firing: true the first time its key is seen in this store, false ever after. */
export function claimFiring(sqlite: Sqlite, key: string, dueAt: string, firedAt: string, lateMinutes: number | null): boolean {
  return claim.run(sqlite, { key, dueAt, firedAt, lateMinutes }).changes === 1
}

const claimed = prepared((a: { key: string }) => qb.selectFrom('scheduled_fire').select('key').where('key', '=', a.key))
export function isClaimed(sqlite: Sqlite, key: string): boolean {
  return claimed.first(sqlite, { key }) !== undefined
}

/** Claims older than `before` (their stays are long gone): pruned so the table stays small. */
export function pruneClaims(sqlite: Sqlite, before: string): number {
  return run(sqlite, qb.deleteFrom('scheduled_fire').where('due_at', '<', before)).changes
}

export function countClaims(sqlite: Sqlite): number {
  return Number(first(sqlite, qb.selectFrom('scheduled_fire').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
}

export function listClaims(sqlite: Sqlite) {
  return all(sqlite, qb.selectFrom('scheduled_fire').selectAll().orderBy('due_at').orderBy('key'))
}
