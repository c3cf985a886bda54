import { all, first, prepared, qb, run, type Sqlite } from '../db/query'
import { cached, invalidate } from '../db/store-cache'
import type { NewRoomRow, RoomRow } from '../db/tables/room.table'
import { blockHolds, parseFeatures, type Housekeeping, type RoomBlock, type RoomFacts } from './room'
import type { FloorRange } from './room-house-rules'
import { floorRangeOf, type CandidateRoom } from './room-suggestion'

// Room facts (number, floor, facing, view, bed, features, type) are cached per store for the
// suggestion (see roomFacts): a function that changes them must call invalidateRoomFacts.
// Housekeeping and blocks change all day and are never cached.
const roomFactsKey = 'room.facts'
const floorsKey = 'room.floors'

function invalidateRoomFacts(sqlite: Sqlite): void {
  invalidate(sqlite, roomFactsKey)
  invalidate(sqlite, floorsKey)
}

export function insertRoom(sqlite: Sqlite, room: NewRoomRow): number {
  invalidateRoomFacts(sqlite)
  return run(sqlite, qb.insertInto('room').values(room)).lastInsertRowid
}

/** The facts room.update and the PMS room-status import may change; numbers never change. */
export type RoomFactChanges = Partial<Pick<RoomRow, 'floor' | 'facing' | 'view' | 'bed' | 'features' | 'room_type'>>

/** Changes a room's facts (those given); the suggestion's cache forgets them. */
export function updateRoomFacts(sqlite: Sqlite, roomId: number, changes: RoomFactChanges): void {
  if (Object.keys(changes).length === 0) return
  invalidateRoomFacts(sqlite)
  run(sqlite, qb.updateTable('room').set(changes).where('id', '=', roomId))
}

/** Puts a block on a room (kind, reason, inclusive ISO dates, null = open-ended), or lifts it (null). */
export function setRoomBlock(sqlite: Sqlite, roomId: number, block: RoomBlock | null): void {
  run(
    sqlite,
    qb
      .updateTable('room')
      .set({ block: block?.kind ?? null, block_reason: block?.reason ?? null, block_from: block?.from ?? null, block_until: block?.until ?? null })
      .where('id', '=', roomId),
  )
}

const byNumber = prepared((a: { number: string }) => qb.selectFrom('room').selectAll().where('number', '=', a.number))
const byId = prepared((a: { id: number }) => qb.selectFrom('room').selectAll().where('id', '=', a.id))

/**
 * The room with this number, in any case ("12a" is room 12A): numbers are stored in capitals
 * (room.create, migration 0006), so the typed number is looked up in capitals too; a number a
 * PMS pads with zeros ("0905") is room 905 when the hotel has no room 0905.
 */
export function findRoomByNumber(sqlite: Sqlite, number: string): RoomRow | undefined {
  const typed = number.trim().toUpperCase()
  const room = byNumber.first(sqlite, { number: typed })
  if (room) return room
  // OPERA and others print room 905 as "0905": leading zeros are not part of a room number.
  const unpadded = typed.replace(/^0+(?=[0-9A-Z])/, '')
  return unpadded !== typed ? byNumber.first(sqlite, { number: unpadded }) : undefined
}
export function findRoom(sqlite: Sqlite, id: number): RoomRow | undefined {
  return byId.first(sqlite, { id })
}

// One query per suggestion for what changes all day (housekeeping, blocks, guests in house,
// reservations holding rooms); the facts that rarely change come from the cache below.
const candidates = prepared((a: { stayId: number; arrival: string; departure: string }) =>
  qb
    .selectFrom('room')
    .select(['id', 'housekeeping', 'block', 'block_from', 'block_until'])
    // A retired room is never offered (migration 0010).
    .where('retired_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('stay').select('stay.id').whereRef('stay.room_id', '=', 'room.id').where('stay.status', '=', 'in_house'))),
    )
    .where('id', 'not in', (eb) =>
      eb
        .selectFrom('stay')
        .select('stay.room_id')
        .where('stay.status', '=', 'reserved')
        .where('stay.room_id', 'is not', null)
        .where('stay.id', '<>', a.stayId)
        .where('stay.arrival_date', '<', a.departure)
        .where('stay.departure_date', '>', a.arrival),
    ),
)

/**
 * The rooms a stay may be offered (for room.suggest): not retired, no guest in house, not out of order today,
 * not pre-assigned to another reservation on one of this stay's nights (`arrival` ≤ night <
 * `departure`, ISO dates). Each with its housekeeping status, read fresh, and whether it is out
 * of service today. `today` is the hotel's date, YYYY-MM-DD.
 */
export function suggestionCandidates(
  sqlite: Sqlite,
  stay: { id: number; arrival: string; departure: string },
  today: string,
): { candidates: CandidateRoom[]; floors: FloorRange } {
  const rows = candidates.all(sqlite, { stayId: stay.id, arrival: stay.arrival, departure: stay.departure })
  const facts = roomFacts(sqlite, rows.map((r) => r.id))
  const out: CandidateRoom[] = []
  for (const r of rows) {
    const holds = r.block !== null && blockHolds({ from: r.block_from, until: r.block_until }, today)
    if (holds && r.block === 'out_of_order') continue
    out.push({ room: facts.get(r.id)!, housekeeping: r.housekeeping as Housekeeping, outOfService: holds && r.block === 'out_of_service' })
  }
  return { candidates: out, floors: floorsOf(sqlite, facts) }
}

/** The hotel's lowest and highest floors, over every room in the inventory (kept with the facts they come from). */
function floorsOf(sqlite: Sqlite, facts: Map<number, RoomFacts>): FloorRange {
  if (sqlite.inTransaction) return floorRangeOf(Array.from(facts.values(), (f) => f.floor))
  return cached(sqlite, floorsKey, () => floorRangeOf(Array.from(facts.values(), (f) => f.floor)))
}

const lastRooms = prepared((a: { guestId: number; limit: number }) =>
  qb
    .selectFrom('stay')
    .innerJoin('room', 'room.id', 'stay.room_id')
    .select('room.number')
    .where('stay.guest_id', '=', a.guestId)
    .where('stay.status', '=', 'checked_out')
    .orderBy('stay.departure_date', 'desc')
    .orderBy('stay.checked_out_at', 'desc')
    .orderBy('stay.id', 'desc')
    .limit(a.limit),
)

/**
 * Room numbers of a guest's last checked-out stays, most recent first (by departure), at most
 * `limit`. A merged profile's stays moved to the survivor, so they count too.
 */
export function lastRoomsOfGuest(sqlite: Sqlite, guestId: number, limit = 3): string[] {
  return lastRooms.all(sqlite, { guestId, limit }).map((r) => r.number)
}

/**
 * Every room's facts (retired rooms left out), by id. Kept per store because they change only when a room is added,
 * while building 800 room objects on every suggestion cost a millisecond. Shared objects:
 * never mutate them (not frozen, because frozen objects made scoring 50% slower).
 */
function roomFacts(sqlite: Sqlite, needed: readonly number[]): Map<number, RoomFacts> {
  const load = () =>
    new Map(
      all(sqlite, qb.selectFrom('room').select(['id', 'number', 'floor', 'facing', 'view', 'bed', 'features', 'room_type']).where('retired_at', 'is', null)).map((r) => [
        r.id,
        { id: r.id, number: r.number, floor: r.floor, facing: r.facing, view: r.view, bed: r.bed, features: parseFeatures(r.features), roomType: r.room_type },
      ]),
    )
  // Inside a transaction the rooms read may yet be rolled back: use them, do not keep them.
  if (sqlite.inTransaction) return load()
  let facts = cached(sqlite, roomFactsKey, load)
  if (needed.some((id) => !facts.has(id))) {
    // A room added by another connection to the same file.
    invalidateRoomFacts(sqlite)
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

export function countRooms(sqlite: Sqlite): number {
  return Number(first(sqlite, qb.selectFrom('room').select((eb) => eb.fn.countAll().as('n')))?.n ?? 0)
}

/**
 * Retires a room (`at`, an ISO instant) or puts it back in the inventory (null). The row stays,
 * so every stay that used the room keeps its number; the suggestion's cache forgets the room.
 */
export function setRoomRetired(sqlite: Sqlite, roomId: number, at: string | null): void {
  invalidateRoomFacts(sqlite)
  run(sqlite, qb.updateTable('room').set({ retired_at: at }).where('id', '=', roomId))
}

/**
 * Reservations that hold this room on a night from `today` on (ISO date, the hotel's business
 * date): status reserved, the room pre-assigned, departure after today. Confirmation numbers
 * and dates, by arrival.
 */
export function reservationsHoldingRoom(sqlite: Sqlite, roomId: number, today: string): { confirmationNo: string; arrival: string; departure: string }[] {
  return all(
    sqlite,
    qb
      .selectFrom('stay')
      .select(['confirmation_no', 'arrival_date', 'departure_date'])
      .where('room_id', '=', roomId)
      .where('status', '=', 'reserved')
      .where('departure_date', '>', today)
      .orderBy('arrival_date')
      .orderBy('id'),
  ).map((r) => ({ confirmationNo: r.confirmation_no, arrival: r.arrival_date, departure: r.departure_date }))
}

/** How many stays (any status) ever used this room: its history, kept when it is retired. */
export function countStaysInRoom(sqlite: Sqlite, roomId: number): number {
  return Number(first(sqlite, qb.selectFrom('stay').select((eb) => eb.fn.countAll().as('n')).where('room_id', '=', roomId))?.n ?? 0)
}

/** Every room, retired ones too, by number (the room-file import compares the file with them). */
export function listAllRooms(sqlite: Sqlite): RoomRow[] {
  return all(sqlite, qb.selectFrom('room').selectAll().orderBy('number'))
}
