import { sql } from 'kysely'
import { all, first, prepared, qb, type Sqlite } from '../db/query'
import type { StayRow } from '../db/tables/stay.table'

const previousStays = prepared((a: { guestId: number; stayId: number; arrival: string }) =>
  qb
    .selectFrom('stay')
    .select(sql<number>`count(*)`.as('n'))
    .where('guest_id', '=', a.guestId)
    .where('id', '!=', a.stayId)
    .where('status', '=', 'checked_out')
    .where('arrival_date', '<', a.arrival),
)

/** How many stays this guest finished before this stay's arrival: 0 is a first stay. */
export function countPreviousStays(sqlite: Sqlite, guestId: number, stayId: number, arrival: string): number {
  return previousStays.first(sqlite, { guestId, stayId, arrival })?.n ?? 0
}

/** The number of the room a stay holds, or null. */
export function roomNumberOfStay(sqlite: Sqlite, stayId: number): string | null {
  return first(sqlite, qb.selectFrom('stay').innerJoin('room', 'room.id', 'stay.room_id').select('room.number').where('stay.id', '=', stayId))?.number ?? null
}

/** How many events of a kind a stay has had (room moves, to tell one move's prompts from the next). */
export function countStayEvents(sqlite: Sqlite, stayId: number, kind: string): number {
  return Number(first(sqlite, qb.selectFrom('stay_event').select(sql<number>`count(*)`.as('n')).where('stay_id', '=', stayId).where('kind', '=', kind))?.n ?? 0)
}

/** The guest's stays that are in house now or reserved to arrive on or after `date` (the business date). */
export function currentStaysOfGuest(sqlite: Sqlite, guestId: number, date: string): StayRow[] {
  return all(
    sqlite,
    qb
      .selectFrom('stay')
      .selectAll()
      .where('guest_id', '=', guestId)
      .where((eb) => eb.or([eb('status', '=', 'in_house'), eb.and([eb('status', '=', 'reserved'), eb('departure_date', '>', date)])]))
      .orderBy('arrival_date'),
  )
}
