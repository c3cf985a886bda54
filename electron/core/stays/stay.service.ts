import { actorOf, type OperationContext } from '../context'
import { recordAudit } from '../audit/audit.repository'
import type { RoomRow } from '../db/tables/room.table'
import type { StayRow } from '../db/tables/stay.table'
import { AppError } from '../errors'
import { requireGuest } from '../guests/guest.operations'
import { currentProfile } from '../guests/guest.repository'
import type { PromptView } from '../prompts/prompt.view'
import { blockHolds } from '../rooms/room'
import { findRoom, findRoomByNumber, inHouseStayInRoom } from '../rooms/room.repository'
import { getSetting } from '../setup/setting.repository'
import { newConfirmationNo } from './confirmation'
import { catchUpRules, bookingReceived, checkInUndone, checkOutUndone, guestCheckedIn, guestCheckedOut, guestMovedRoom, roomPreassigned, stayDatesChanged, stayReopened, stayWithdrawn } from './stay-changes'
import { findStaff } from '../staff/staff.repository'
import { replaceCompanions, type StaySource } from './stay-event.repository'
import { confirmationTaken, findOverlappingStay, findOverlappingStayInRoom, findStay, findStayHoldingRoom, insertStay } from './stay.repository'
import { today as businessToday } from '../hotel-clock'

export function requireStay(ctx: OperationContext, id: number) {
  const stay = findStay(ctx.sqlite, id)
  if (!stay) throw new AppError('NOT_FOUND', `No stay with id ${id}.`, { entity: 'stay', id })
  return stay
}

/** Booking details the desk or the PMS may give with a reservation. */
export interface BookingInput {
  roomType?: string | null
  eta?: string | null
  membershipNo?: string | null
  company?: string | null
  source?: string | null
  remarks?: string | null
  companions?: { guestId?: number | null; name?: string | null }[]
}

/** "with_pms": the PMS checks guests in and out; the desk chooses rooms ("use this room"). */
export type HotelMode = 'standalone' | 'with_pms'
export const hotelModeKey = 'pms.mode'
export function hotelMode(ctx: OperationContext): HotelMode {
  return getSetting(ctx.sqlite, hotelModeKey) === 'with_pms' ? 'with_pms' : 'standalone'
}

/** The longest stay and the furthest booking the desk takes (a typo such as 2062 for 2026 is caught). */
export const maxNights = 365
export const maxDaysAhead = 3 * 365

/** Nights between two ISO dates. */
function nightsBetween(arrival: string, departure: string): number {
  return Math.round((Date.parse(`${departure}T00:00:00Z`) - Date.parse(`${arrival}T00:00:00Z`)) / 86_400_000)
}

/** Throws STAY_DATES for a stay longer than a year or booked more than three years ahead. */
function assertSensibleDates(arrival: string, departure: string, today: string): void {
  if (nightsBetween(arrival, departure) > maxNights) {
    throw new AppError('STAY_DATES', `A stay of more than ${maxNights} nights is not taken; check the departure date.`, { field: 'departure', maxNights })
  }
  if (nightsBetween(today, arrival) > maxDaysAhead) {
    throw new AppError('STAY_DATES', `Arrival ${arrival} is more than three years ahead; check the year.`, { field: 'arrival' })
  }
}

/** Refuses a desk action the PMS owns when the hotel runs Zhike beside a PMS. */
function assertDeskOwnsStays(ctx: OperationContext, action: string): void {
  if (hotelMode(ctx) === 'with_pms') {
    throw new AppError('PMS_OWNS_STAYS', `This hotel keeps stays in its PMS: ${action} there; Zhike follows with the next report.`, { action })
  }
}

/**
 * Accompanying guests as stored: a profile id (its name is taken from the profile) or a name.
 * Throws NOT_FOUND for an unknown profile and VALIDATION for an entry with neither.
 */
export function companionsOf(ctx: OperationContext, companions: BookingInput['companions'], mainGuestId: number): { guestId: number | null; name: string }[] {
  const seen = new Set<number>()
  return (companions ?? []).map((c, i) => {
    if (c.guestId) {
      // A profile merged away stands for the one it was merged into.
      const guest = currentProfile(ctx.sqlite, c.guestId)
      if (!guest) throw new AppError('NOT_FOUND', `No guest with id ${c.guestId}.`, { entity: 'guest', id: c.guestId })
      const issue = (message: string) => new AppError('VALIDATION', message, { issues: [{ path: `companions.${i}`, message }] })
      if (guest.id === mainGuestId) throw issue('The main guest is not an accompanying guest of their own stay.')
      if (seen.has(guest.id)) throw issue(`${guest.native_name} is listed twice.`)
      seen.add(guest.id)
      return { guestId: guest.id, name: guest.native_name }
    }
    const name = c.name?.trim()
    if (!name) throw new AppError('VALIDATION', 'Give each accompanying guest a name or a profile.', { issues: [{ path: `companions.${i}`, message: 'Name or profile required.' }] })
    return { guestId: null, name }
  })
}

export function reserve(
  ctx: OperationContext,
  input: { guestId: number; arrival: string; departure: string; party: number; anotherRoom?: boolean } & BookingInput,
  source: StaySource = 'desk',
): { stayId: number; confirmationNo: string; prompts: PromptView[] } {
  const actor = actorOf(ctx)
  if (source === 'desk') assertDeskOwnsStays(ctx, 'make reservations')
  const guest = requireGuest(ctx.sqlite, input.guestId)
  const today = businessToday(ctx)
  if (input.arrival < today) {
    throw new AppError('STAY_DATES', `Arrival ${input.arrival} is in the past; today is ${today}.`, { field: 'arrival', today })
  }
  assertSensibleDates(input.arrival, input.departure, today)
  const clash = findOverlappingStay(ctx.sqlite, guest.id, input.arrival, input.departure)
  if (clash && !input.anotherRoom) {
    throw new AppError('GUEST_HAS_STAY', `This guest already has stay ${clash.confirmation_no} on those dates. Book it as another room if the guest takes two.`, {
      confirmationNo: clash.confirmation_no,
    })
  }
  const companions = companionsOf(ctx, input.companions, guest.id)
  const at = ctx.clock.now().toISOString()
  const confirmationNo = newConfirmationNo((no) => confirmationTaken(ctx.sqlite, no))
  const stayId = insertStay(ctx.sqlite, {
    confirmation_no: confirmationNo,
    guest_id: guest.id,
    arrival_date: input.arrival,
    departure_date: input.departure,
    party_size: input.party,
    room_id: null,
    status: 'reserved',
    created_at: at,
    created_by: actor.staffId,
    room_type: input.roomType ?? null,
    eta: input.eta ?? null,
    membership_no: input.membershipNo ?? null,
    company: input.company ?? null,
    source: input.source ?? null,
    remarks: input.remarks ?? null,
    origin: source,
  })
  replaceCompanions(ctx.sqlite, stayId, companions)
  const { prompts } = bookingReceived(ctx, requireStay(ctx, stayId), source)
  return { stayId, confirmationNo, prompts }
}

/** A room that can take a guest now: it exists, is not retired and is not out of order. */
function requireSellableRoom(ctx: OperationContext, roomNumber: string): RoomRow {
  const room = findRoomByNumber(ctx.sqlite, roomNumber)
  if (!room) throw new AppError('NO_SUCH_ROOM', `There is no room ${roomNumber}. Check the number.`, { roomNumber })
  if (room.retired_at !== null) throw new AppError('ROOM_RETIRED', `Room ${room.number} is retired.`, { roomNumber: room.number })
  if (room.block === 'out_of_order' && blockHolds({ from: room.block_from, until: room.block_until }, businessToday(ctx))) {
    throw new AppError('ROOM_OUT_OF_ORDER', `Room ${room.number} is out of order.`, { roomNumber: room.number })
  }
  return room
}

function requireInHouse(stay: StayRow): void {
  if (stay.status !== 'in_house') {
    throw new AppError('STAY_NOT_IN_HOUSE', `Stay ${stay.confirmation_no} is not in house (${stay.status}).`, { status: stay.status })
  }
}

function requireReserved(stay: StayRow): void {
  if (stay.status === 'in_house') {
    throw new AppError('STAY_ALREADY_IN_HOUSE', `Stay ${stay.confirmation_no} is already checked in.`, { confirmationNo: stay.confirmation_no })
  }
  if (stay.status !== 'reserved') {
    throw new AppError('STAY_NOT_RESERVED', `Stay ${stay.confirmation_no} is ${stay.status}, not a reservation.`, { status: stay.status })
  }
}

export function checkIn(
  ctx: OperationContext,
  input: { stayId: number; roomNumber: string },
): { stayId: number; roomNumber: string; prompts: PromptView[] } {
  assertDeskOwnsStays(ctx, 'check guests in')
  const stay = requireStay(ctx, input.stayId)
  requireReserved(stay)
  const today = businessToday(ctx)
  if (stay.arrival_date > today) {
    throw new AppError('STAY_DATES', `This reservation arrives on ${stay.arrival_date}, not today.`, { arrival: stay.arrival_date })
  }
  if (stay.departure_date <= today) {
    throw new AppError('STAY_DATES', `This reservation departed on ${stay.departure_date}.`, { departure: stay.departure_date })
  }
  const room = requireSellableRoom(ctx, input.roomNumber)
  if (inHouseStayInRoom(ctx.sqlite, room.id) !== undefined) {
    throw new AppError('ROOM_OCCUPIED', `Room ${room.number} is occupied.`, { roomNumber: room.number })
  }
  const { stay: next, prompts } = guestCheckedIn(ctx, stay, room, 'desk')
  if (next.status !== 'in_house' || next.room_id !== room.id) {
    throw new AppError('STAY_NOT_RESERVED', `Stay ${stay.confirmation_no} changed while checking in.`)
  }
  return { stayId: stay.id, roomNumber: room.number, prompts }
}

export function checkOut(ctx: OperationContext, input: { stayId: number }): { stayId: number; cancelledPrompts: number } {
  assertDeskOwnsStays(ctx, 'check guests out')
  const stay = requireStay(ctx, input.stayId)
  requireInHouse(stay)
  const { cancelledPrompts } = guestCheckedOut(ctx, stay, 'desk')
  return { stayId: stay.id, cancelledPrompts }
}

/**
 * Chooses the room for a reservation before the guest arrives (pre-assignment, or "use this
 * room" beside a PMS), or takes it back (`roomNumber` null). Refused when another stay holds
 * the room on one of those nights (ROOM_HAS_STAY) or the room is out of order.
 */
export function assignRoom(ctx: OperationContext, input: { stayId: number; roomNumber: string | null }): { stayId: number; roomNumber: string | null; prompts: PromptView[] } {
  actorOf(ctx)
  const stay = requireStay(ctx, input.stayId)
  requireReserved(stay)
  const room = input.roomNumber === null ? null : requireSellableRoom(ctx, input.roomNumber)
  if ((room?.id ?? null) === stay.room_id) return { stayId: stay.id, roomNumber: room?.number ?? null, prompts: [] }
  if (room) {
    const holder = findStayHoldingRoom(ctx.sqlite, room.id, stay.arrival_date, stay.departure_date, stay.id)
    if (holder) throw roomHeldBy(room.number, holder)
  }
  const { prompts } = roomPreassigned(ctx, stay, room, 'desk')
  return { stayId: stay.id, roomNumber: room?.number ?? null, prompts }
}

/** Moves an in-house guest to another room; open prompts follow the guest. */
export function moveRoom(ctx: OperationContext, input: { stayId: number; roomNumber: string }): { stayId: number; from: string | null; roomNumber: string; promptsMoved: number } {
  assertDeskOwnsStays(ctx, 'move guests')
  const stay = requireStay(ctx, input.stayId)
  requireInHouse(stay)
  const room = requireSellableRoom(ctx, input.roomNumber)
  if (room.id === stay.room_id) throw new AppError('VALIDATION', `The guest is already in room ${room.number}.`, { issues: [{ path: 'roomNumber', message: 'Same room.' }] })
  if (inHouseStayInRoom(ctx.sqlite, room.id) !== undefined) {
    throw new AppError('ROOM_OCCUPIED', `Room ${room.number} is occupied.`, { roomNumber: room.number })
  }
  const from = stay.room_id === null ? null : (findRoom(ctx.sqlite, stay.room_id)?.number ?? null)
  const { redrafted } = guestMovedRoom(ctx, stay, room, 'desk')
  return { stayId: stay.id, from, roomNumber: room.number, promptsMoved: redrafted }
}

/** Extends or shortens a stay (an in-house stay keeps its arrival). */
export function changeDates(ctx: OperationContext, input: { stayId: number; arrival?: string; departure: string }): { stayId: number; arrival: string; departure: string } {
  assertDeskOwnsStays(ctx, 'change dates')
  const stay = requireStay(ctx, input.stayId)
  if (stay.status !== 'reserved' && stay.status !== 'in_house') requireReserved(stay)
  const arrival = stay.status === 'in_house' ? stay.arrival_date : (input.arrival ?? stay.arrival_date)
  if (stay.status === 'in_house' && input.arrival !== undefined && input.arrival !== stay.arrival_date) {
    throw new AppError('STAY_DATES', 'The guest is in house: only the departure can change.', { field: 'arrival' })
  }
  if (input.departure <= arrival) throw new AppError('STAY_DATES', 'Departure must be after arrival.', { field: 'departure' })
  const today = businessToday(ctx)
  if (stay.status === 'reserved' && arrival !== stay.arrival_date && arrival < today) {
    throw new AppError('STAY_DATES', `Arrival ${arrival} is in the past; today is ${today}.`, { field: 'arrival', today })
  }
  assertSensibleDates(arrival, input.departure, today)
  if (stay.status === 'in_house' && input.departure < today) {
    throw new AppError('STAY_DATES', `Departure ${input.departure} is in the past; today is ${today}.`, { field: 'departure', today })
  }
  if (arrival === stay.arrival_date && input.departure === stay.departure_date) return { stayId: stay.id, arrival, departure: input.departure }
  if (stay.room_id !== null) {
    // The room (in house, or chosen before arrival) must be free for the new nights too.
    const holder = findStayHoldingRoom(ctx.sqlite, stay.room_id, arrival, input.departure, stay.id)
    if (holder) throw roomHeldBy(findRoom(ctx.sqlite, stay.room_id)?.number ?? null, holder)
  }
  stayDatesChanged(ctx, stay, arrival, input.departure, 'desk')
  return { stayId: stay.id, arrival, departure: input.departure }
}

/** Cancels a reservation, or records a no-show; its open prompts close. */
export function cancelStay(ctx: OperationContext, input: { stayId: number; noShow: boolean }): { stayId: number; status: string; cancelledPrompts: number } {
  assertDeskOwnsStays(ctx, 'cancel reservations')
  const stay = requireStay(ctx, input.stayId)
  requireReserved(stay)
  const { cancelledPrompts, stay: next } = stayWithdrawn(ctx, stay, input.noShow ? 'no_show' : 'cancelled', 'desk')
  return { stayId: stay.id, status: next.status, cancelledPrompts }
}

/**
 * A no-show reinstated from the desk (the guest turned up after all, or was marked too early):
 * a reservation again, the prompts the no-show closed open again, the reservation rules run, as
 * when a PMS brings a late arrival back (stayReopened: the same events, once). Refused beside a
 * PMS (PMS_OWNS_STAYS), for a stay that is not a no-show (STAY_NOT_RESERVED), or whose departure
 * is not after today's business date (STAY_DATES).
 */
export function reinstateStay(ctx: OperationContext, input: { stayId: number }): { stayId: number; status: string; reopenedPrompts: number } {
  assertDeskOwnsStays(ctx, 'reinstate no-shows')
  const stay = requireStay(ctx, input.stayId)
  if (stay.status !== 'no_show') {
    throw new AppError('STAY_NOT_RESERVED', `Stay ${stay.confirmation_no} is ${stay.status}, not a no-show.`, { status: stay.status })
  }
  const today = businessToday(ctx)
  if (stay.departure_date <= today) {
    throw new AppError('STAY_DATES', `This reservation departed on ${stay.departure_date}.`, { departure: stay.departure_date })
  }
  const { stay: next, reopenedPrompts } = stayReopened(ctx, stay, 'desk')
  if (next.status !== 'reserved') throw new AppError('STAY_NOT_RESERVED', `Stay ${stay.confirmation_no} changed meanwhile.`, { status: next.status })
  return { stayId: stay.id, status: next.status, reopenedPrompts }
}

/** Replaces a stay's accompanying guests; the rules run for a companion with a profile as for the main guest. */
export function setCompanions(ctx: OperationContext, input: { stayId: number; companions: NonNullable<BookingInput['companions']> }): { stayId: number; companions: number; prompts: PromptView[] } {
  actorOf(ctx)
  const stay = requireStay(ctx, input.stayId)
  if (stay.status !== 'reserved' && stay.status !== 'in_house') requireReserved(stay)
  const companions = companionsOf(ctx, input.companions, stay.guest_id)
  if (!replaceCompanions(ctx.sqlite, stay.id, companions)) return { stayId: stay.id, companions: companions.length, prompts: [] }
  const prompts = catchUpRules(ctx, requireStay(ctx, stay.id))
  return { stayId: stay.id, companions: companions.length, prompts }
}

/**
 * What an import did with the room it named. A past stay keeps it as the room the guest slept in
 * (`recorded`); a reservation does not (`not_kept`), because Zhike assigns rooms at check-in, from
 * the suggestions, and a reservation holds no room.
 */
export interface ImportedRoom {
  number: string | null
  outcome: 'none' | 'recorded' | 'not_kept'
  /** The outcome in a sentence, for the person running the import (screens translate `outcome`). */
  message: string
}

const importStatuses = ['reserved', 'in_house', 'checked_out'] as const

/**
 * History brought over from a previous system (or the demo): past stays and reservations.
 * Refused when the guest already has a stay on one of those nights, or when a past stay's room
 * already had a guest then: two imports of the same stay, or a muddled export, must not make
 * one guest sleep in two rooms or two parties share a room.
 */
export function importStay(
  ctx: OperationContext,
  input: { guestId: number; arrival: string; departure: string; party: number; roomNumber?: string | null; status: 'checked_out' | 'reserved' },
): { stayId: number; room: ImportedRoom } {
  const actor = actorOf(ctx)
  const guest = requireGuest(ctx.sqlite, input.guestId)
  const today = businessToday(ctx)
  if (input.status === 'checked_out' && input.departure > today) {
    throw new AppError('STAY_DATES', 'A past stay must have departed by today.', { field: 'departure' })
  }
  // A reservation's room is checked too: a room this hotel does not have means the import is muddled.
  const room = input.roomNumber ? findRoomByNumber(ctx.sqlite, input.roomNumber) : undefined
  if (input.roomNumber && !room) throw new AppError('NOT_FOUND', `There is no room ${input.roomNumber}.`, { entity: 'room', number: input.roomNumber })
  const guestClash = findOverlappingStay(ctx.sqlite, guest.id, input.arrival, input.departure, importStatuses)
  if (guestClash) {
    throw new AppError(
      'GUEST_HAS_STAY',
      `This guest already has stay ${guestClash.confirmation_no} (${guestClash.arrival_date} to ${guestClash.departure_date}) on those dates.`,
      { confirmationNo: guestClash.confirmation_no, arrival: guestClash.arrival_date, departure: guestClash.departure_date },
    )
  }
  const keptRoom = input.status === 'checked_out' ? room : undefined
  if (keptRoom) {
    const roomClash = findOverlappingStayInRoom(ctx.sqlite, keptRoom.id, input.arrival, input.departure)
    if (roomClash) {
      throw new AppError(
        'ROOM_HAS_STAY',
        `Room ${keptRoom.number} already has stay ${roomClash.confirmation_no} (${roomClash.arrival_date} to ${roomClash.departure_date}) on those dates.`,
        { roomNumber: keptRoom.number, confirmationNo: roomClash.confirmation_no, arrival: roomClash.arrival_date, departure: roomClash.departure_date },
      )
    }
  }
  const at = ctx.clock.now().toISOString()
  const stayId = insertStay(ctx.sqlite, {
    confirmation_no: newConfirmationNo((no) => confirmationTaken(ctx.sqlite, no)),
    guest_id: guest.id,
    arrival_date: input.arrival,
    departure_date: input.departure,
    party_size: input.party,
    room_id: keptRoom?.id ?? null,
    status: input.status,
    checked_in_at: input.status === 'checked_out' ? `${input.arrival}T14:00:00.000Z` : null,
    checked_out_at: input.status === 'checked_out' ? `${input.departure}T04:00:00.000Z` : null,
    created_at: at,
    created_by: actor.staffId,
  })
  const imported = importedRoom(room?.number ?? null, keptRoom !== undefined)
  recordAudit(ctx.sqlite, {
    at,
    staffId: actor.staffId,
    action: 'stay.import',
    guestId: guest.id,
    entity: 'stay',
    entityId: stayId,
    detail: imported.number ? { room: imported.number, roomOutcome: imported.outcome } : undefined,
  })
  return { stayId, room: imported }
}

function importedRoom(number: string | null, kept: boolean): ImportedRoom {
  if (number === null) return { number, outcome: 'none', message: 'No room was named.' }
  if (kept) return { number, outcome: 'recorded', message: `Recorded as the room the guest stayed in (${number}).` }
  return {
    number,
    outcome: 'not_kept',
    message: `Room ${number} was not kept: a reservation holds no room; the desk assigns one at check-in.`,
  }
}

/** Minutes after a check-out or a check-in within which the desk may undo it (stay.undoCheckOut / stay.undoCheckIn). */
export const undoWindowMinutes = 10

/** The undo the desk may still offer for this stay, and until when (ISO instant), or null. */
export function undoOffer(ctx: OperationContext, stay: StayRow): { action: 'check_out' | 'check_in'; until: string } | null {
  const at = stay.status === 'checked_out' ? stay.checked_out_at : stay.status === 'in_house' ? stay.checked_in_at : null
  if (at === null || hotelMode(ctx) === 'with_pms') return null
  const until = Date.parse(at) + undoWindowMinutes * 60_000
  if (Number.isNaN(until) || until <= ctx.clock.now().getTime()) return null
  return { action: stay.status === 'checked_out' ? 'check_out' : 'check_in', until: new Date(until).toISOString() }
}

/** Throws UNDO_TOO_LATE (details.context names the action, for the translation) once the window has closed. */
function assertWithinUndoWindow(ctx: OperationContext, at: string | null, action: 'check_out' | 'check_in'): void {
  const since = at === null ? Number.POSITIVE_INFINITY : ctx.clock.now().getTime() - Date.parse(at)
  if (!(since <= undoWindowMinutes * 60_000)) {
    const verb = action === 'check_out' ? 'check-out' : 'check-in'
    throw new AppError('UNDO_TOO_LATE', `This ${verb} was more than ${undoWindowMinutes} minutes ago; it can no longer be undone here.`, {
      context: action,
      minutes: undoWindowMinutes,
      at,
    })
  }
}

/**
 * Only the person who checked the guest in or out, or a manager or administrator, may undo it:
 * a colleague at the next terminal must not take back someone else's work unseen. Throws
 * UNDO_NOT_YOURS (details.by names who did it, details.context the action, for the translation).
 */
function assertMayUndo(ctx: OperationContext, doneBy: number | null, action: 'check_out' | 'check_in'): void {
  const actor = actorOf(ctx)
  if (actor.role === 'manager' || actor.role === 'admin') return
  if (doneBy === null || doneBy === actor.staffId) return
  const by = findStaff(ctx.sqlite, doneBy)?.name ?? `#${doneBy}`
  const verb = action === 'check_out' ? 'check-out' : 'check-in'
  throw new AppError('UNDO_NOT_YOURS', `This ${verb} was made by ${by}: only they or a manager can undo it.`, { by, context: action })
}

/**
 * Undoes a check-out made in the last `undoWindowMinutes`: the guest is in house again in the
 * same room, the prompts the check-out closed open again. Refused beside a PMS (PMS_OWNS_STAYS),
 * when the stay is not checked out (NOTHING_TO_UNDO), after the window (UNDO_TOO_LATE), or when
 * the room has since been taken (ROOM_OCCUPIED), or by someone other than the one who checked the
 * guest out or a manager (UNDO_NOT_YOURS). A room chosen meanwhile for an arrival stays
 * chosen: the arrivals list then shows it occupied.
 */
export function undoCheckOut(ctx: OperationContext, input: { stayId: number }): { stayId: number; status: string; roomNumber: string; reopenedPrompts: number } {
  assertDeskOwnsStays(ctx, 'undo check-outs')
  const stay = requireStay(ctx, input.stayId)
  if (stay.status !== 'checked_out') {
    throw new AppError('NOTHING_TO_UNDO', `Stay ${stay.confirmation_no} is ${stay.status}, not checked out.`, { status: stay.status })
  }
  assertWithinUndoWindow(ctx, stay.checked_out_at, 'check_out')
  assertMayUndo(ctx, stay.checked_out_by, 'check_out')
  const room = stay.room_id === null ? undefined : findRoom(ctx.sqlite, stay.room_id)
  if (!room) throw new AppError('NOTHING_TO_UNDO', `Stay ${stay.confirmation_no} has no room to return to.`, { status: stay.status })
  if (inHouseStayInRoom(ctx.sqlite, room.id) !== undefined) {
    throw new AppError('ROOM_OCCUPIED', `Room ${room.number} is occupied.`, { roomNumber: room.number })
  }
  // A reservation given the room since (for the nights the guest would stay on) keeps it.
  const holder = findStayHoldingRoom(ctx.sqlite, room.id, businessToday(ctx), stay.departure_date, stay.id)
  if (holder) throw roomHeldBy(room.number, holder)
  const { stay: next, reopenedPrompts } = checkOutUndone(ctx, stay, room, 'desk')
  if (next.status !== 'in_house') throw new AppError('NOTHING_TO_UNDO', `Stay ${stay.confirmation_no} changed meanwhile.`, { status: next.status })
  return { stayId: stay.id, status: next.status, roomNumber: room.number, reopenedPrompts }
}

/**
 * Undoes a check-in made in the last `undoWindowMinutes`: a reservation again, its room kept as
 * the one chosen before arrival, the prompts of the stay in house withdrawn. Refused beside a PMS
 * (PMS_OWNS_STAYS), when the stay is not in house (NOTHING_TO_UNDO), after the window (UNDO_TOO_LATE),
 * or by someone other than the one who checked the guest in or a manager (UNDO_NOT_YOURS).
 */
export function undoCheckIn(ctx: OperationContext, input: { stayId: number }): { stayId: number; status: string; roomNumber: string | null; withdrawnPrompts: number } {
  assertDeskOwnsStays(ctx, 'undo check-ins')
  const stay = requireStay(ctx, input.stayId)
  if (stay.status !== 'in_house') {
    throw new AppError('NOTHING_TO_UNDO', `Stay ${stay.confirmation_no} is ${stay.status}, not in house.`, { status: stay.status })
  }
  assertWithinUndoWindow(ctx, stay.checked_in_at, 'check_in')
  assertMayUndo(ctx, stay.checked_in_by, 'check_in')
  const { stay: next, withdrawnPrompts } = checkInUndone(ctx, stay, 'desk')
  if (next.status !== 'reserved') throw new AppError('NOTHING_TO_UNDO', `Stay ${stay.confirmation_no} changed meanwhile.`, { status: next.status })
  const roomNumber = next.room_id === null ? null : (findRoom(ctx.sqlite, next.room_id)?.number ?? null)
  return { stayId: stay.id, status: next.status, roomNumber, withdrawnPrompts }
}

/** ROOM_HAS_STAY: room `roomNumber` is held by another stay on some of the nights asked for (details name it, for the desk's words). */
function roomHeldBy(roomNumber: string | null, holder: Pick<StayRow, 'confirmation_no' | 'arrival_date' | 'departure_date'>): AppError {
  return new AppError('ROOM_HAS_STAY', `Room ${roomNumber ?? ''} is held by stay ${holder.confirmation_no} (${holder.arrival_date} to ${holder.departure_date}).`, {
    roomNumber,
    confirmationNo: holder.confirmation_no,
    arrival: holder.arrival_date,
    departure: holder.departure_date,
  })
}
