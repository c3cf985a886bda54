import { all, prepared, qb, run, type Sqlite } from '../db/query'
import type { NewStayRow, StayRow } from '../db/tables/stay.table'
import { sortByName } from '../guests/name-order'

export const stayStatuses = ['reserved', 'in_house', 'checked_out', 'cancelled', 'no_show'] as const
export type StayStatus = (typeof stayStatuses)[number]

export function insertStay(sqlite: Sqlite, stay: NewStayRow): number {
  return run(sqlite, qb.insertInto('stay').values(stay)).lastInsertRowid
}

const byId = prepared((a: { id: number }) => qb.selectFrom('stay').selectAll().where('id', '=', a.id))
export function findStay(sqlite: Sqlite, id: number): StayRow | undefined {
  return byId.first(sqlite, { id })
}

const byConfirmation = prepared((a: { confirmationNo: string }) => qb.selectFrom('stay').select('id').where('confirmation_no', '=', a.confirmationNo))
export function confirmationTaken(sqlite: Sqlite, confirmationNo: string): boolean {
  return byConfirmation.first(sqlite, { confirmationNo }) !== undefined
}

const markInHouse = prepared((a: { id: number; roomId: number; at: string; by: number | null }) =>
  qb
    .updateTable('stay')
    .set({ status: 'in_house', room_id: a.roomId, checked_in_at: a.at, checked_in_by: a.by })
    .where('id', '=', a.id)
    .where('status', '=', 'reserved'),
)
/** Returns false when the stay was no longer reserved (a concurrent check-in won). */
export function markStayInHouse(sqlite: Sqlite, id: number, roomId: number, at: string, by: number | null): boolean {
  return markInHouse.run(sqlite, { id, roomId, at, by }).changes === 1
}

export function markStayCheckedOut(sqlite: Sqlite, id: number, at: string, by: number | null): boolean {
  return (
    run(
      sqlite,
      qb
        .updateTable('stay')
        .set({ status: 'checked_out', checked_out_at: at, checked_out_by: by })
        .where('id', '=', id)
        .where('status', '=', 'in_house'),
    ).changes === 1
  )
}

export interface StayListRow {
  id: number
  confirmation_no: string
  guest_id: number
  arrival_date: string
  departure_date: string
  party_size: number
  status: string
  room_number: string | null
  native_name: string
  roman_name: string | null
  salutation: string | null
  vip: number
  nationality: string | null
  pms_confirmation: string | null
  room_type: string | null
  eta: string | null
  company: string | null
  alerts: number
}

function stayList() {
  return qb
    .selectFrom('stay')
    .innerJoin('guest', 'guest.id', 'stay.guest_id')
    .leftJoin('room', 'room.id', 'stay.room_id')
    .select((eb) => [
      'stay.id',
      'stay.confirmation_no',
      'stay.guest_id',
      'stay.arrival_date',
      'stay.departure_date',
      'stay.party_size',
      'stay.status',
      'room.number as room_number',
      'guest.native_name',
      'guest.roman_name',
      'guest.salutation',
      'guest.vip',
      'guest.nationality',
      'stay.pms_confirmation',
      'stay.room_type',
      'stay.eta',
      'stay.company',
      eb
        .selectFrom('preference')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('preference.guest_id', '=', 'guest.id')
        .where('preference.active', '=', 1)
        .where((e) => e.or([e('preference.category', '=', 'access'), e('preference.code', '=', 'allergy')]))
        .as('alerts'),
    ])
}

const guestName = (r: StayListRow) => ({ nativeName: r.native_name, romanName: r.roman_name, nationality: r.nationality })

/**
 * A day's arrivals: reserved ones first, then those already checked in; within each, VIPs first
 * (highest level first), then guests with alerts (allergies, access needs), then by name as
 * Chinese staff read a list (guests/name-order.ts: 曾 under Z, Anna under A).
 */
export function listArrivals(sqlite: Sqlite, date: string): StayListRow[] {
  const rows = all(
    sqlite,
    stayList().where('stay.arrival_date', '=', date).where('stay.status', 'in', ['reserved', 'in_house']),
  ) as StayListRow[]
  return sortByName(rows, guestName, (a, b) =>
      Number(a.status === 'in_house') - Number(b.status === 'in_house') || b.vip - a.vip || Number(Number(b.alerts) > 0) - Number(Number(a.alerts) > 0),
  )
}

// Room numbers as the floor plan reads them: 901 before 1001 (text order put 1001 first).
const roomNumberOrder = new Intl.Collator('en', { numeric: true })

/** Guests in house now, by room number. */
export function listInHouse(sqlite: Sqlite): StayListRow[] {
  const rows = all(sqlite, stayList().where('stay.status', '=', 'in_house')) as StayListRow[]
  return rows.sort((a, b) => roomNumberOrder.compare(a.room_number ?? '', b.room_number ?? ''))
}

export function listStaysOfGuest(sqlite: Sqlite, guestId: number): StayListRow[] {
  return all(sqlite, stayList().where('stay.guest_id', '=', guestId).orderBy('stay.arrival_date', 'desc')) as StayListRow[]
}

const guestStays = prepared((a: { guestId: number }) =>
  qb
    .selectFrom('stay')
    .leftJoin('room', 'room.id', 'stay.room_id')
    .select([
      'stay.id',
      'stay.confirmation_no',
      'stay.arrival_date',
      'stay.departure_date',
      'stay.party_size',
      'stay.status',
      'room.number as room_number',
    ])
    .where('stay.guest_id', '=', a.guestId)
    .orderBy('stay.arrival_date', 'desc'),
)
export type GuestStayRow = ReturnType<typeof guestStays.all>[number]
export function listGuestStays(sqlite: Sqlite, guestId: number): GuestStayRow[] {
  return guestStays.all(sqlite, { guestId })
}

/**
 * A stay of the guest, in one of `statuses` (a reservation or a stay in house unless told), that
 * shares a night with arrival–departure. Leaving on the day another stay arrives is no overlap.
 */
export function findOverlappingStay(
  sqlite: Sqlite,
  guestId: number,
  arrival: string,
  departure: string,
  statuses: readonly StayStatus[] = ['reserved', 'in_house'],
): StayRow | undefined {
  return all(
    sqlite,
    qb
      .selectFrom('stay')
      .selectAll()
      .where('guest_id', '=', guestId)
      .where('status', 'in', statuses)
      .where('arrival_date', '<', departure)
      .where('departure_date', '>', arrival)
      .orderBy('arrival_date')
      .limit(1),
  )[0]
}

/** A stay that slept in the room (in house now, or checked out) on a night of arrival–departure. */
export function findOverlappingStayInRoom(sqlite: Sqlite, roomId: number, arrival: string, departure: string): StayRow | undefined {
  return all(
    sqlite,
    qb
      .selectFrom('stay')
      .selectAll()
      .where('room_id', '=', roomId)
      .where('status', 'in', ['in_house', 'checked_out'])
      .where('arrival_date', '<', departure)
      .where('departure_date', '>', arrival)
      .orderBy('arrival_date')
      .limit(1),
  )[0]
}

/**
 * Another stay that holds the room on a night of arrival–departure: in house there, or a
 * reservation with the room pre-assigned. `exceptStayId` is the stay asking.
 */
export function findStayHoldingRoom(sqlite: Sqlite, roomId: number, arrival: string, departure: string, exceptStayId: number): StayRow | undefined {
  return all(
    sqlite,
    qb
      .selectFrom('stay')
      .selectAll()
      .where('room_id', '=', roomId)
      .where('id', '!=', exceptStayId)
      .where('status', 'in', ['reserved', 'in_house'])
      .where('arrival_date', '<', departure)
      .where('departure_date', '>', arrival)
      .orderBy('arrival_date')
      .limit(1),
  )[0]
}

const inRoom = prepared((a: { roomId: number }) => qb.selectFrom('stay').selectAll().where('room_id', '=', a.roomId).where('status', '=', 'in_house'))
/** Every stay in house in the room: one, or more where the PMS shares the room between bookings. */
export function inHouseStaysInRoom(sqlite: Sqlite, roomId: number): StayRow[] {
  return inRoom.all(sqlite, { roomId })
}

/** A check-out undone: the stay is in house again in `roomId`. False when it was no longer checked out. */
export function markStayBackInHouse(sqlite: Sqlite, id: number, roomId: number): boolean {
  return (
    run(
      sqlite,
      qb
        .updateTable('stay')
        .set({ status: 'in_house', room_id: roomId, checked_out_at: null, checked_out_by: null })
        .where('id', '=', id)
        .where('status', '=', 'checked_out'),
    ).changes === 1
  )
}

/** A check-in undone: a reservation again, its room kept as the one chosen before arrival. False when it was no longer in house. */
export function markStayBackReserved(sqlite: Sqlite, id: number): boolean {
  return (
    run(
      sqlite,
      qb
        .updateTable('stay')
        .set({ status: 'reserved', checked_in_at: null, checked_in_by: null })
        .where('id', '=', id)
        .where('status', '=', 'in_house'),
    ).changes === 1
  )
}
