import { all, first, prepared, qb, run, type Sqlite } from '../db/query'
import { cached, invalidate } from '../db/store-cache'
import type { NewRoomRow, RoomRow } from '../db/tables/room.table'
import { parseFeatures, type Housekeeping, type RoomFacts } from './room'

// Room facts (number, floor, facing, view, bed, features) are cached per store for the
// suggestion (see roomFacts): a function that changes them must call invalidate(roomFactsKey).
const roomFactsKey = 'room.facts'

export function insertRoom(sqlite: Sqlite, room: NewRoomRow): number {
  invalidate(sqlite, roomFactsKey)
  return run(sqlite, qb.insertInto('room').values(room)).lastInsertRowid
}

const byNumber = prepared((a: { number: string }) => qb.selectFrom('room').selectAll().where('number', '=', a.number))
const byId = prepared((a: { id: number }) => qb.selectFrom('room').selectAll().where('id', '=', a.id))

/**
 * The room with this number, in any case ("12a" is room 12A): numbers are stored in capitals
 * (room.create, migration 0006), so the typed number is looked up in capitals too.
 */
export function findRoomByNumber(sqlite: Sqlite, number: string): RoomRow | undefined {
  return byNumber.first(sqlite, { number: number.trim().toUpperCase() })
}
export function findRoom(sqlite: Sqlite, id: number): RoomRow | undefined {
  return byId.first(sqlite, { id })
}

const vacant = prepared((_: Record<string, never>) =>
  qb
    .selectFrom('room')
    .select('id')
    .where((eb) => eb.or([eb('block', 'is', null), eb('block', '<>', 'out_of_order')]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('stay')
            .select('stay.id')
            .whereRef('stay.room_id', '=', 'room.id')
            .where('stay.status', '=', 'in_house'),
        ),
      ),
    ),
)

/** Rooms free to sell now: in service and with no guest in house. */
export function listVacantRooms(sqlite: Sqlite): RoomFacts[] {
  const ids = vacant.all(sqlite, {}).map((r) => r.id)
  const facts = roomFacts(sqlite, ids)
  return ids.map((id) => facts.get(id)!)
}

/**
 * Every room's facts, by id. Kept per store because they change only when a room is added,
 * while building 800 room objects on every suggestion cost a millisecond. Shared objects:
 * never mutate them (not frozen, because frozen objects made scoring 50% slower).
 */
function roomFacts(sqlite: Sqlite, needed: readonly number[]): Map<number, RoomFacts> {
  const load = () =>
    new Map(
      all(sqlite, qb.selectFrom('room').select(['id', 'number', 'floor', 'facing', 'view', 'bed', 'features'])).map((r) => [
        r.id,
        { ...r, features: parseFeatures(r.features) },
      ]),
    )
  // Inside a transaction the rooms read may yet be rolled back: use them, do not keep them.
  if (sqlite.inTransaction) return load()
  let facts = cached(sqlite, roomFactsKey, load)
  if (needed.some((id) => !facts.has(id))) {
    // A room added by another connection to the same file.
    invalidate(sqlite, roomFactsKey)
    facts = cached(sqlite, roomFactsKey, load)
  }
  return facts
}

const occupant = prepared((a: { roomId: number }) =>
  qb.selectFrom('stay').select(['id']).where('room_id', '=', a.roomId).where('status', '=', 'in_house'),
)
export function inHouseStayInRoom(sqlite: Sqlite, roomId: number): number | undefined {
  return occupant.first(sqlite, { roomId })?.id
}

export interface RoomStatusRow extends RoomRow {
  stay_id: number | null
  guest_id: number | null
  native_name: string | null
  roman_name: string | null
}

export function listRoomsWithOccupancy(sqlite: Sqlite): RoomStatusRow[] {
  return all(
    sqlite,
    qb
      .selectFrom('room')
      .leftJoin('stay', (join) => join.onRef('stay.room_id', '=', 'room.id').on('stay.status', '=', 'in_house'))
      .leftJoin('guest', 'guest.id', 'stay.guest_id')
      .selectAll('room')
      .select(['stay.id as stay_id', 'guest.id as guest_id', 'guest.native_name', 'guest.roman_name'])
      .orderBy('room.floor')
      .orderBy('room.number'),
  )
}

/**
 * Sets a room's housekeeping status (clean, dirty, inspected, pickup). Check-out calls it with
 * 'dirty' (the room becomes vacant dirty, 空脏). Returns whether the status changed. Status is
 * not part of the cached room facts (it changes all day), so nothing is invalidated.
 */
export function setRoomHousekeeping(sqlite: Sqlite, roomId: number, status: Housekeeping): boolean {
  return run(sqlite, qb.updateTable('room').set({ housekeeping: status }).where('id', '=', roomId).where('housekeeping', '<>', status)).changes > 0
}

export function setRoomOutOfOrder(sqlite: Sqlite, id: number, outOfOrder: boolean): void {
  run(sqlite, qb.updateTable('room').set({ block: outOfOrder ? 'out_of_order' : null }).where('id', '=', id))
}

export function countRooms(sqlite: Sqlite): number {
  return Number(first(sqlite, qb.selectFrom('room').select((eb) => eb.fn.countAll().as('n')))?.n ?? 0)
}
