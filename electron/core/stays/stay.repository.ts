import { all, prepared, qb, run, type Sqlite } from '../db/query'
import type { NewStayRow, StayRow } from '../db/tables/stay.table'

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
      eb
        .selectFrom('preference')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('preference.guest_id', '=', 'guest.id')
        .where('preference.active', '=', 1)
        .where((e) => e.or([e('preference.category', '=', 'access'), e('preference.code', '=', 'allergy')]))
        .as('alerts'),
    ])
}

/** Today's arrivals: reserved ones first, then those already checked in today. */
export function listArrivals(sqlite: Sqlite, date: string): StayListRow[] {
  return all(
    sqlite,
    stayList()
      .where('stay.arrival_date', '=', date)
      .where('stay.status', 'in', ['reserved', 'in_house'])
      .orderBy('stay.status', 'desc')
      .orderBy('guest.vip', 'desc')
      .orderBy('guest.roman_name'),
  ) as StayListRow[]
}

export function listInHouse(sqlite: Sqlite): StayListRow[] {
  return all(sqlite, stayList().where('stay.status', '=', 'in_house').orderBy('room.number')) as StayListRow[]
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

/** A stay that overlaps the given nights for the guest, other than cancelled ones. */
export function findOverlappingStay(sqlite: Sqlite, guestId: number, arrival: string, departure: string): StayRow | undefined {
  return all(
    sqlite,
    qb
      .selectFrom('stay')
      .selectAll()
      .where('guest_id', '=', guestId)
      .where('status', 'in', ['reserved', 'in_house'])
      .where('arrival_date', '<', departure)
      .where('departure_date', '>', arrival)
      .limit(1),
  )[0]
}
