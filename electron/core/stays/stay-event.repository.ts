import { all, prepared, qb, run, type Sqlite } from '../db/query'
import type { StayRow } from '../db/tables/stay.table'

/** What happened to a stay. The same kinds arrive from the desk and from PMS reports. */
export const stayEventKinds = ['reservation', 'pre_arrival', 'check_in', 'room_move', 'dates_changed', 'check_out', 'withdrawn'] as const
export type StayEventKind = (typeof stayEventKinds)[number]
/** What only the desk does, never a PMS report: a check-out or check-in undone within minutes. */
export const undoEventKinds = ['check_out_undone', 'check_in_undone'] as const
export type AnyStayEventKind = StayEventKind | (typeof undoEventKinds)[number]
/** Where the news came from: the desk's own action, or a PMS report (upload, watch folder, API). */
export type StaySource = 'desk' | 'pms'

export interface StayEventRecord {
  id: number
  stayId: number
  kind: AnyStayEventKind
  source: StaySource
  at: string
  staffId: number | null
  detail: Record<string, unknown> | null
}

const insertEvent = prepared((a: { stayId: number; kind: string; source: string; at: string; staffId: number | null; detail: string | null }) =>
  qb.insertInto('stay_event').values({ stay_id: a.stayId, kind: a.kind, source: a.source, at: a.at, staff_id: a.staffId, detail: a.detail }),
)
export function insertStayEvent(
  sqlite: Sqlite,
  e: { stayId: number; kind: AnyStayEventKind; source: StaySource; at: string; staffId: number | null; detail?: Record<string, unknown> },
): number {
  return insertEvent.run(sqlite, { stayId: e.stayId, kind: e.kind, source: e.source, at: e.at, staffId: e.staffId, detail: e.detail ? JSON.stringify(e.detail) : null })
    .lastInsertRowid
}

const eventsOfStay = prepared((a: { stayId: number }) => qb.selectFrom('stay_event').selectAll().where('stay_id', '=', a.stayId).orderBy('id'))

/** A stay's events, oldest first. */
export function listStayEvents(sqlite: Sqlite, stayId: number): StayEventRecord[] {
  return eventsOfStay.all(sqlite, { stayId }).map((r) => ({
    id: r.id,
    stayId: r.stay_id,
    kind: r.kind as AnyStayEventKind,
    source: r.source as StaySource,
    at: r.at,
    staffId: r.staff_id,
    detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
  }))
}

/** The fields of a stay that a booking carries besides dates, room and status. */
export interface BookingDetails {
  party: number
  roomType: string | null
  eta: string | null
  membershipNo: string | null
  company: string | null
  source: string | null
  remarks: string | null
}

export function bookingDetailsOf(stay: StayRow): BookingDetails {
  return {
    party: stay.party_size,
    roomType: stay.room_type,
    eta: stay.eta,
    membershipNo: stay.membership_no,
    company: stay.company,
    source: stay.source,
    remarks: stay.remarks,
  }
}

/** Writes booking details; returns the names of the fields that changed. */
export function updateBookingDetails(sqlite: Sqlite, stay: StayRow, next: Partial<BookingDetails>): string[] {
  const current = bookingDetailsOf(stay)
  const changed = (Object.keys(next) as (keyof BookingDetails)[]).filter((k) => next[k] !== undefined && next[k] !== current[k])
  if (changed.length === 0) return []
  const column: Record<keyof BookingDetails, keyof StayRow> = {
    party: 'party_size',
    roomType: 'room_type',
    eta: 'eta',
    membershipNo: 'membership_no',
    company: 'company',
    source: 'source',
    remarks: 'remarks',
  }
  const set = Object.fromEntries(changed.map((k) => [column[k], next[k]]))
  run(sqlite, qb.updateTable('stay').set(set).where('id', '=', stay.id))
  return changed
}

const setRoom = prepared((a: { stayId: number; roomId: number | null }) => qb.updateTable('stay').set({ room_id: a.roomId }).where('id', '=', a.stayId))
export function setStayRoom(sqlite: Sqlite, stayId: number, roomId: number | null): void {
  setRoom.run(sqlite, { stayId, roomId })
}

export function setStayDates(sqlite: Sqlite, stayId: number, arrival: string, departure: string): void {
  run(sqlite, qb.updateTable('stay').set({ arrival_date: arrival, departure_date: departure }).where('id', '=', stayId))
}

export function setStayPmsConfirmation(sqlite: Sqlite, stayId: number, pmsConfirmation: string): void {
  run(sqlite, qb.updateTable('stay').set({ pms_confirmation: pmsConfirmation }).where('id', '=', stayId))
}

export function markStayWithdrawn(sqlite: Sqlite, stayId: number, status: 'cancelled' | 'no_show', at: string): boolean {
  return (
    run(sqlite, qb.updateTable('stay').set({ status, withdrawn_at: at, room_id: null }).where('id', '=', stayId).where('status', '=', 'reserved'))
      .changes === 1
  )
}

/** A cancelled or no-show stay made a reservation again; false when it was not withdrawn. */
export function markStayReopened(sqlite: Sqlite, stayId: number): boolean {
  return (
    run(sqlite, qb.updateTable('stay').set({ status: 'reserved', withdrawn_at: null }).where('id', '=', stayId).where('status', 'in', ['cancelled', 'no_show']))
      .changes === 1
  )
}

const byPmsConfirmation = prepared((a: { no: string }) => qb.selectFrom('stay').selectAll().where('pms_confirmation', '=', a.no))
export function findStayByPmsConfirmation(sqlite: Sqlite, no: string): StayRow | undefined {
  return byPmsConfirmation.first(sqlite, { no })
}

/** PMS stays (those with a PMS confirmation) in one of the statuses, for the "gone from the report" rules. */
export function listPmsStays(sqlite: Sqlite, statuses: readonly string[]): StayRow[] {
  return all(sqlite, qb.selectFrom('stay').selectAll().where('pms_confirmation', 'is not', null).where('status', 'in', [...statuses]))
}

/**
 * The guest's stay the desk made that a PMS row is the same booking as: no PMS number yet,
 * reserved or in house, arriving the same day (the departure may differ: the PMS then changes
 * it). A desk reservation on other dates is another booking, never rewritten by the PMS's.
 */
const adoptable = prepared((a: { guestId: number; arrival: string }) =>
  qb
    .selectFrom('stay')
    .selectAll()
    .where('guest_id', '=', a.guestId)
    .where('pms_confirmation', 'is', null)
    .where((eb) => eb.or([eb('status', '=', 'reserved'), eb('status', '=', 'in_house')]))
    .where('arrival_date', '=', a.arrival)
    .where('departure_date', '>', a.arrival)
    .orderBy('id')
    .limit(1),
)
export function findAdoptableStay(sqlite: Sqlite, guestId: number, arrival: string): StayRow | undefined {
  return adoptable.first(sqlite, { guestId, arrival })
}

export interface CompanionRow {
  position: number
  guestId: number | null
  name: string
}

const companionsOf = prepared((a: { stayId: number }) =>
  qb.selectFrom('stay_companion').select(['position', 'guest_id', 'name']).where('stay_id', '=', a.stayId).orderBy('position'),
)
export function listCompanions(sqlite: Sqlite, stayId: number): CompanionRow[] {
  return companionsOf.all(sqlite, { stayId }).map((r) => ({ position: r.position, guestId: r.guest_id, name: r.name }))
}

/** Replaces a stay's accompanying guests; returns whether anything changed. */
export function replaceCompanions(sqlite: Sqlite, stayId: number, companions: readonly { guestId: number | null; name: string }[]): boolean {
  const current = listCompanions(sqlite, stayId)
  const same =
    current.length === companions.length && current.every((c, i) => c.name === companions[i].name && c.guestId === companions[i].guestId)
  if (same) return false
  run(sqlite, qb.deleteFrom('stay_companion').where('stay_id', '=', stayId))
  companions.forEach((c, i) => run(sqlite, qb.insertInto('stay_companion').values({ stay_id: stayId, position: i + 1, guest_id: c.guestId, name: c.name })))
  return true
}
