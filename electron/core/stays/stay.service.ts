import { localDate } from '../clock'
import { actorOf, type OperationContext } from '../context'
import { recordAudit } from '../audit/audit.repository'
import { AppError } from '../errors'
import { requireGuest } from '../guests/guest.operations'
import { createPromptsForStay } from '../prompts/prompt.service'
import { cancelOpenPromptsOfStay, findPromptView } from '../prompts/prompt.repository'
import type { PromptView } from '../prompts/prompt.view'
import { findRoomByNumber, inHouseStayInRoom } from '../rooms/room.repository'
import { newConfirmationNo } from './confirmation'
import { confirmationTaken, findOverlappingStay, findOverlappingStayInRoom, findStay, insertStay, markStayCheckedOut, markStayInHouse } from './stay.repository'

export function requireStay(ctx: OperationContext, id: number) {
  const stay = findStay(ctx.sqlite, id)
  if (!stay) throw new AppError('NOT_FOUND', `No stay with id ${id}.`, { entity: 'stay', id })
  return stay
}

export function reserve(
  ctx: OperationContext,
  input: { guestId: number; arrival: string; departure: string; party: number },
): { stayId: number; confirmationNo: string; prompts: PromptView[] } {
  const actor = actorOf(ctx)
  const guest = requireGuest(ctx.sqlite, input.guestId)
  const today = localDate(ctx.clock.now())
  if (input.arrival < today) {
    throw new AppError('STAY_DATES', `Arrival ${input.arrival} is in the past; today is ${today}.`, { field: 'arrival', today })
  }
  const clash = findOverlappingStay(ctx.sqlite, guest.id, input.arrival, input.departure)
  if (clash) {
    throw new AppError('GUEST_HAS_STAY', `This guest already has stay ${clash.confirmation_no} on those dates.`, {
      confirmationNo: clash.confirmation_no,
    })
  }
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
  })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'stay.reserve', guestId: guest.id, entity: 'stay', entityId: stayId })
  const stay = requireStay(ctx, stayId)
  const prompts = createPromptsForStay(ctx, guest, stay, null, 'reservation')
  ctx.emit('stay.changed', { stayId, guestId: guest.id, status: 'reserved', roomNumber: null })
  return { stayId, confirmationNo, prompts }
}

export function checkIn(
  ctx: OperationContext,
  input: { stayId: number; roomNumber: string },
): { stayId: number; roomNumber: string; prompts: PromptView[] } {
  const actor = actorOf(ctx)
  const stay = requireStay(ctx, input.stayId)
  if (stay.status === 'in_house') {
    throw new AppError('STAY_ALREADY_IN_HOUSE', `Stay ${stay.confirmation_no} is already checked in.`, {
      confirmationNo: stay.confirmation_no,
    })
  }
  if (stay.status !== 'reserved') {
    throw new AppError('STAY_NOT_RESERVED', `Stay ${stay.confirmation_no} is ${stay.status}, not a reservation.`, {
      status: stay.status,
    })
  }
  const today = localDate(ctx.clock.now())
  if (stay.arrival_date > today) {
    throw new AppError('STAY_DATES', `This reservation arrives on ${stay.arrival_date}, not today.`, { arrival: stay.arrival_date })
  }
  if (stay.departure_date <= today) {
    throw new AppError('STAY_DATES', `This reservation departed on ${stay.departure_date}.`, { departure: stay.departure_date })
  }
  const room = findRoomByNumber(ctx.sqlite, input.roomNumber)
  if (!room) throw new AppError('NOT_FOUND', `There is no room ${input.roomNumber}.`, { entity: 'room', number: input.roomNumber })
  if (room.block === 'out_of_order') {
    throw new AppError('ROOM_OUT_OF_ORDER', `Room ${room.number} is out of order.`, { roomNumber: room.number })
  }
  if (inHouseStayInRoom(ctx.sqlite, room.id) !== undefined) {
    throw new AppError('ROOM_OCCUPIED', `Room ${room.number} is occupied.`, { roomNumber: room.number })
  }
  const at = ctx.clock.now().toISOString()
  if (!markStayInHouse(ctx.sqlite, stay.id, room.id, at, actor.staffId)) {
    throw new AppError('STAY_NOT_RESERVED', `Stay ${stay.confirmation_no} changed while checking in.`)
  }
  recordAudit(ctx.sqlite, {
    at,
    staffId: actor.staffId,
    action: 'stay.check_in',
    guestId: stay.guest_id,
    entity: 'stay',
    entityId: stay.id,
    detail: { room: room.number },
  })
  const guest = requireGuest(ctx.sqlite, stay.guest_id)
  const prompts = createPromptsForStay(ctx, guest, { ...stay, status: 'in_house', room_id: room.id }, room.number, 'check_in')
  ctx.emit('stay.changed', { stayId: stay.id, guestId: stay.guest_id, status: 'in_house', roomNumber: room.number })
  return { stayId: stay.id, roomNumber: room.number, prompts }
}

export function checkOut(ctx: OperationContext, input: { stayId: number }): { stayId: number; cancelledPrompts: number } {
  const actor = actorOf(ctx)
  const stay = requireStay(ctx, input.stayId)
  if (stay.status !== 'in_house') {
    throw new AppError('STAY_NOT_IN_HOUSE', `Stay ${stay.confirmation_no} is not in house (${stay.status}).`, { status: stay.status })
  }
  const at = ctx.clock.now().toISOString()
  markStayCheckedOut(ctx.sqlite, stay.id, at, actor.staffId)
  const cancelled = cancelOpenPromptsOfStay(ctx.sqlite, stay.id)
  for (const id of cancelled) {
    const prompt = findPromptView(ctx.sqlite, id)
    if (prompt) ctx.emit('prompt.updated', { prompt })
  }
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'stay.check_out', guestId: stay.guest_id, entity: 'stay', entityId: stay.id })
  ctx.emit('stay.changed', { stayId: stay.id, guestId: stay.guest_id, status: 'checked_out', roomNumber: null })
  return { stayId: stay.id, cancelledPrompts: cancelled.length }
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
  const today = localDate(ctx.clock.now())
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
