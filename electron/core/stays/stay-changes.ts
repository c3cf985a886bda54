import { forgetStaySensitiveNeeds } from '../guests/consent.service'
import { rememberEarlierCases } from '../recovery/recovery-memory'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import type { GuestRow } from '../db/tables/guest.table'
import type { RoomRow } from '../db/tables/room.table'
import type { StayRow } from '../db/tables/stay.table'
import { findGuest } from '../guests/guest.repository'
import type { Trigger } from '../prompts/prompt-generation'
import { cancelOpenPromptsOfStay, findPromptView, reopenPromptsCancelledFor, withdrawPromptsOfTriggers, type CancelReason } from '../prompts/prompt.repository'
import { createPromptsForStay, redraftOpenPrompts, type FiringOptions } from '../prompts/prompt.service'
import { activeRulesFor } from '../rules/rule.repository'
import { hotelClockSettings, hotelInstant, today } from '../hotel-clock'
import { addDays } from '../clock'
import { countStayEvents, currentStaysOfGuest } from '../prompts/prompt-facts.repository'
import type { PromptView } from '../prompts/prompt.view'
import { findRoom, setRoomHousekeeping } from '../rooms/room.repository'
import { announceRoom } from '../rooms/room-status.service'
import { insertStayEvent, listCompanions, markStayReopened, markStayWithdrawn, setStayDates, setStayRoom, type AnyStayEventKind, type StayEventKind, type StaySource } from './stay-event.repository'
import { findStay, markStayBackInHouse, markStayBackReserved, markStayCheckedOut, markStayInHouse } from './stay.repository'

/*
 * Every change to a stay goes through here, whether the desk made it or a PMS report brought it:
 * each records one stay event, runs the rules for its trigger and announces `stay.changed`.
 * The callers decide *whether* something changed (the desk by its action, the PMS import by the
 * difference between the report and the store); these functions make the change the same way,
 * so prompts fire once whichever way the news came.
 */

export interface StayChangeResult {
  stay: StayRow
  prompts: PromptView[]
}

function record(ctx: OperationContext, stay: StayRow, kind: StayEventKind, source: StaySource, detail?: Record<string, unknown>): void {
  const actor = actorOf(ctx)
  const at = ctx.clock.now().toISOString()
  insertStayEvent(ctx.sqlite, { stayId: stay.id, kind, source, at, staffId: actor.staffId, detail })
  recordAudit(ctx.sqlite, {
    at,
    staffId: actor.staffId,
    action: `stay.${kind}`,
    guestId: stay.guest_id,
    entity: 'stay',
    entityId: stay.id,
    detail: { source, ...(detail ?? {}) },
  })
}

function announce(ctx: OperationContext, stay: StayRow, event: StayEventKind): void {
  const room = stay.room_id === null ? undefined : findRoom(ctx.sqlite, stay.room_id)
  ctx.emit('stay.changed', { stayId: stay.id, guestId: stay.guest_id, status: stay.status, roomNumber: room?.number ?? null, event })
}

/** The main guest and the accompanying guests who have a profile: the rules run for each. */
function guestsOfStay(ctx: OperationContext, stay: StayRow): GuestRow[] {
  const ids = [stay.guest_id, ...listCompanions(ctx.sqlite, stay.id).flatMap((c) => (c.guestId === null ? [] : [c.guestId]))]
  return [...new Set(ids)].flatMap((id) => {
    const guest = findGuest(ctx.sqlite, id)
    return guest ? [guest] : []
  })
}

/**
 * Runs a trigger's rules for every guest of the stay. Rules the scheduler fires at a time
 * (pre-arrival N days before, daily, after the stay) are left to it.
 */
export function runRules(ctx: OperationContext, stay: StayRow, trigger: Trigger, options: FiringOptions = {}): PromptView[] {
  const room = stay.room_id === null ? undefined : findRoom(ctx.sqlite, stay.room_id)
  const rules = options.rules ?? activeRulesFor(ctx.sqlite, trigger).filter((r) => r.offsetDays === null && r.atTime === null)
  if (rules.length === 0) return []
  return guestsOfStay(ctx, stay).flatMap((guest) => createPromptsForStay(ctx, guest, stay, room?.number ?? null, trigger, { ...options, rules }))
}

function reread(ctx: OperationContext, id: number): StayRow {
  return findStay(ctx.sqlite, id)!
}

function closeOpenPrompts(ctx: OperationContext, stay: StayRow, reason: CancelReason): number {
  const cancelled = cancelOpenPromptsOfStay(ctx.sqlite, stay.id, reason)
  for (const id of cancelled) {
    const prompt = findPromptView(ctx.sqlite, id)
    if (prompt) ctx.emit('prompt.updated', { prompt })
  }
  return cancelled.length
}

/**
 * A booking made (or moved earlier) after the time a "N days before arrival" rule would have
 * fired: that rule fires now, since the scheduler only fires what falls due from now on.
 */
function missedPreArrivalRules(ctx: OperationContext, stay: StayRow): PromptView[] {
  const now = ctx.clock.now()
  const { timeZone } = hotelClockSettings(ctx.sqlite)
  const missed = activeRulesFor(ctx.sqlite, 'pre_arrival').filter(
    (r) => r.offsetDays !== null && r.atTime !== null && hotelInstant(addDays(stay.arrival_date, -r.offsetDays), r.atTime, timeZone) <= now,
  )
  return missed.length === 0 ? [] : runRules(ctx, stay, 'pre_arrival', { rules: missed })
}

/** A booking received (new reservation): the reservation rules run. */
export function bookingReceived(ctx: OperationContext, stay: StayRow, source: StaySource): StayChangeResult {
  record(ctx, stay, 'reservation', source, { arrival: stay.arrival_date, departure: stay.departure_date })
  // The next stay remembers: a promise still open from an earlier stay (recovery/recovery-memory.ts).
  const prompts = [...runRules(ctx, stay, 'reservation'), ...missedPreArrivalRules(ctx, stay), ...rememberEarlierCases(ctx, stay, 'reservation')]
  announce(ctx, stay, 'reservation')
  return { stay, prompts }
}

/**
 * A room assigned to a reservation before arrival (or taken back, `room` null): the pre-arrival
 * rules run, so the room is prepared before the guest is in it.
 */
export function roomPreassigned(ctx: OperationContext, stay: StayRow, room: RoomRow | null, source: StaySource): StayChangeResult {
  const from = stay.room_id === null ? null : (findRoom(ctx.sqlite, stay.room_id)?.number ?? null)
  setStayRoom(ctx.sqlite, stay.id, room?.id ?? null)
  const next = reread(ctx, stay.id)
  record(ctx, next, 'pre_arrival', source, { from, to: room?.number ?? null })
  const prompts = room ? runRules(ctx, next, 'pre_arrival') : []
  if (room && from !== null) redraftOpenPrompts(ctx, next, room.number)
  announce(ctx, next, 'pre_arrival')
  return { stay: next, prompts }
}

/** The guest checked in to `room`: the check-in rules run. Throws nothing; callers check first. */
export function guestCheckedIn(ctx: OperationContext, stay: StayRow, room: RoomRow, source: StaySource): StayChangeResult {
  const actor = actorOf(ctx)
  const at = ctx.clock.now().toISOString()
  const preassigned = stay.room_id
  if (!markStayInHouse(ctx.sqlite, stay.id, room.id, at, actor.staffId)) return { stay: reread(ctx, stay.id), prompts: [] }
  const next = reread(ctx, stay.id)
  record(ctx, next, 'check_in', source, { room: room.number })
  if (preassigned !== null && preassigned !== room.id) redraftOpenPrompts(ctx, next, room.number)
  // A room chosen only now (a walk-in, no pre-assignment): its preparation, timed or not, is due now too.
  const prompts = [
    ...runRules(ctx, next, 'pre_arrival', { rules: activeRulesFor(ctx.sqlite, 'pre_arrival') }),
    ...runRules(ctx, next, 'check_in'),
    // The next stay remembers: open promises and "a problem last time" (recovery/recovery-memory.ts).
    ...rememberEarlierCases(ctx, next, 'check_in'),
  ]
  announce(ctx, next, 'check_in')
  return { stay: next, prompts }
}

/**
 * The guest moved rooms while in house: open prompts and standing instructions follow (texts
 * are drawn again with the new room); the room left becomes vacant dirty.
 */
export function guestMovedRoom(ctx: OperationContext, stay: StayRow, room: RoomRow, source: StaySource): StayChangeResult & { redrafted: number } {
  const from = stay.room_id === null ? null : findRoom(ctx.sqlite, stay.room_id)
  setStayRoom(ctx.sqlite, stay.id, room.id)
  if (from && setRoomHousekeeping(ctx.sqlite, from.id, 'dirty')) announceRoom(ctx, from.id)
  const next = reread(ctx, stay.id)
  record(ctx, next, 'room_move', source, { from: from?.number ?? null, to: room.number })
  const redrafted = redraftOpenPrompts(ctx, next, room.number)
  const prompts = runRules(ctx, next, 'room_move', { occurrence: `move${countStayEvents(ctx.sqlite, next.id, 'room_move')}` })
  announce(ctx, next, 'room_move')
  return { stay: next, prompts, redrafted }
}

/** The stay was extended or shortened (or its arrival moved). */
export function stayDatesChanged(ctx: OperationContext, stay: StayRow, arrival: string, departure: string, source: StaySource): StayChangeResult {
  setStayDates(ctx.sqlite, stay.id, arrival, departure)
  const next = reread(ctx, stay.id)
  if (arrival < stay.arrival_date && next.status === 'reserved') missedPreArrivalRules(ctx, next)
  record(ctx, next, 'dates_changed', source, {
    from: { arrival: stay.arrival_date, departure: stay.departure_date },
    to: { arrival, departure },
  })
  // Pending prompts follow the new dates: work due at arrival moves with it, texts name the new dates.
  redraftOpenPrompts(ctx, next, next.room_id === null ? null : (findRoom(ctx.sqlite, next.room_id)?.number ?? null))
  announce(ctx, next, 'dates_changed')
  return { stay: next, prompts: [] }
}

/** The guest left: open prompts close, the room becomes vacant dirty (空脏). */
export function guestCheckedOut(ctx: OperationContext, stay: StayRow, source: StaySource): StayChangeResult & { cancelledPrompts: number } {
  const actor = actorOf(ctx)
  const at = ctx.clock.now().toISOString()
  if (!markStayCheckedOut(ctx.sqlite, stay.id, at, actor.staffId)) return { stay: reread(ctx, stay.id), prompts: [], cancelledPrompts: 0 }
  if (stay.room_id !== null && setRoomHousekeeping(ctx.sqlite, stay.room_id, 'dirty')) announceRoom(ctx, stay.room_id)
  const cancelledPrompts = closeOpenPrompts(ctx, stay, 'check_out')
  // Without consent to sensitive data, a need kept for this stay only ends with it (consent.service.ts).
  forgetStaySensitiveNeeds(ctx, stay)
  const next = reread(ctx, stay.id)
  record(ctx, next, 'check_out', source, stay.room_id === null ? undefined : { room: findRoom(ctx.sqlite, stay.room_id)?.number ?? null })
  const prompts = runRules(ctx, next, 'check_out')
  announce(ctx, next, 'check_out')
  return { stay: next, prompts, cancelledPrompts }
}

/** The reason written on the prompts a withdrawal closes, so only its undoing opens them again. */
function withdrawalReason(status: string): CancelReason {
  return status === 'no_show' ? 'no_show' : 'withdrawn'
}

/** A reservation cancelled or a no-show: its open prompts close and its pre-assigned room is freed. */
export function stayWithdrawn(
  ctx: OperationContext,
  stay: StayRow,
  status: 'cancelled' | 'no_show',
  source: StaySource,
): StayChangeResult & { cancelledPrompts: number } {
  const at = ctx.clock.now().toISOString()
  if (!markStayWithdrawn(ctx.sqlite, stay.id, status, at)) return { stay: reread(ctx, stay.id), prompts: [], cancelledPrompts: 0 }
  const cancelledPrompts = closeOpenPrompts(ctx, stay, withdrawalReason(status))
  forgetStaySensitiveNeeds(ctx, stay)
  const next = reread(ctx, stay.id)
  record(ctx, next, 'withdrawn', source, { status })
  announce(ctx, next, 'withdrawn')
  return { stay: next, prompts: [], cancelledPrompts }
}

/**
 * A preference added or accepted for a guest (preference.add, an observation accepted): for a
 * stay in house now, the reservation, preparation, check-in and in-stay rules run for that
 * preference at once (an allergy learned at dinner reaches the restaurant now); for a
 * reservation not yet arrived, the reservation rules (and the pre-arrival ones when a room is
 * assigned). Prompts already made are not made again.
 */
export function wishReceived(ctx: OperationContext, guestId: number, preferenceId: number): PromptView[] {
  const date = today(ctx)
  return currentStaysOfGuest(ctx.sqlite, guestId, date).flatMap((stay) => {
    const only = { preferenceIds: [preferenceId] }
    // In house: every rule the stay has passed (an allergy alert is a reservation rule) and the in-stay ones.
    if (stay.status === 'in_house') return (['reservation', 'pre_arrival', 'check_in', 'in_stay'] as const).flatMap((trigger) => runRules(ctx, stay, trigger, only))
    return [...runRules(ctx, stay, 'reservation', only), ...(stay.room_id !== null ? runRules(ctx, stay, 'pre_arrival', only) : [])]
  })
}

/**
 * Runs every trigger the stay has already passed (reservation; pre-arrival when a room is
 * assigned; check-in when in house), for a stay whose guests changed: a companion added, or a
 * PMS arrival linked to the right profile. Prompts already made are not made again.
 */
export function catchUpRules(ctx: OperationContext, stay: StayRow): PromptView[] {
  if (stay.status !== 'reserved' && stay.status !== 'in_house') return []
  const triggers: Trigger[] = ['reservation']
  if (stay.room_id !== null) triggers.push(stay.status === 'in_house' ? 'check_in' : 'pre_arrival')
  return [...triggers.flatMap((trigger) => runRules(ctx, stay, trigger)), ...rememberEarlierCases(ctx, stay, stay.status === 'in_house' ? 'check_in' : 'reservation')]
}

/**
 * A withdrawn reservation back on the books (the PMS listed it again after its silence cancelled
 * it, or marked a late arrival a no-show too early; the desk reinstating a no-show): a
 * reservation again, with the prompts its withdrawal closed (those only) open again. Recorded as
 * a reservation event with `reopened`; both routes fire the same events.
 */
export function stayReopened(ctx: OperationContext, stay: StayRow, source: StaySource): StayChangeResult & { reopenedPrompts: number } {
  if (!markStayReopened(ctx.sqlite, stay.id)) return { stay: reread(ctx, stay.id), prompts: [], reopenedPrompts: 0 }
  const reopened = reopenPromptsCancelledFor(ctx.sqlite, stay.id, withdrawalReason(stay.status))
  announcePrompts(ctx, reopened)
  const next = reread(ctx, stay.id)
  record(ctx, next, 'reservation', source, { reopened: true, was: stay.status })
  const prompts = [...runRules(ctx, next, 'reservation'), ...rememberEarlierCases(ctx, next, 'reservation')]
  announce(ctx, next, 'reservation')
  return { stay: next, prompts, reopenedPrompts: reopened.length }
}

/** As `record` and `announce` do, for the kinds only the desk makes (an undo). */
function recordUndo(ctx: OperationContext, stay: StayRow, kind: AnyStayEventKind, source: StaySource, detail: Record<string, unknown>): void {
  const actor = actorOf(ctx)
  const at = ctx.clock.now().toISOString()
  insertStayEvent(ctx.sqlite, { stayId: stay.id, kind, source, at, staffId: actor.staffId, detail })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: `stay.${kind}`, guestId: stay.guest_id, entity: 'stay', entityId: stay.id, detail: { source, ...detail } })
  const room = stay.room_id === null ? undefined : findRoom(ctx.sqlite, stay.room_id)
  ctx.emit('stay.changed', { stayId: stay.id, guestId: stay.guest_id, status: stay.status, roomNumber: room?.number ?? null, event: kind })
}

function announcePrompts(ctx: OperationContext, ids: readonly number[]): void {
  for (const id of ids) {
    const prompt = findPromptView(ctx.sqlite, id)
    if (prompt) ctx.emit('prompt.updated', { prompt })
  }
}

/** Prompts only the moment itself makes: undoing it withdraws them (and a reservation's stay in house). */
const checkOutTriggers = ['check_out', 'post_stay']
const reservationTriggers = ['reservation', 'pre_arrival']

/**
 * A check-out undone (the desk pressed Undo within the window): the guest is in house again in
 * `room`, the prompts the check-out closed open again, any the check-out itself made are
 * withdrawn. The room's housekeeping status is left as it is (an occupied room may be dirty).
 * Callers check the window and that the room is free. Returns the reopened and withdrawn ids.
 */
export function checkOutUndone(ctx: OperationContext, stay: StayRow, room: RoomRow, source: StaySource): StayChangeResult & { reopenedPrompts: number; withdrawnPrompts: number } {
  if (!markStayBackInHouse(ctx.sqlite, stay.id, room.id)) return { stay: reread(ctx, stay.id), prompts: [], reopenedPrompts: 0, withdrawnPrompts: 0 }
  const withdrawn = withdrawPromptsOfTriggers(ctx.sqlite, stay.id, checkOutTriggers)
  // Only what the check-out closed: prompts withdrawn or undone before it stay closed.
  const reopened = reopenPromptsCancelledFor(ctx.sqlite, stay.id, 'check_out', checkOutTriggers)
  announcePrompts(ctx, [...reopened, ...withdrawn])
  announceRoom(ctx, room.id)
  const next = reread(ctx, stay.id)
  recordUndo(ctx, next, 'check_out_undone', source, { room: room.number, checkedOutAt: stay.checked_out_at, reopenedPrompts: reopened.length })
  return { stay: next, prompts: [], reopenedPrompts: reopened.length, withdrawnPrompts: withdrawn.length }
}

/**
 * A check-in undone: a reservation again, the room kept as the one chosen before arrival; the
 * prompts of the stay in house (check-in and later triggers) still open are withdrawn, those of
 * the reservation and pre-arrival stay. Callers check the window.
 */
export function checkInUndone(ctx: OperationContext, stay: StayRow, source: StaySource): StayChangeResult & { withdrawnPrompts: number } {
  if (!markStayBackReserved(ctx.sqlite, stay.id)) return { stay: reread(ctx, stay.id), prompts: [], withdrawnPrompts: 0 }
  const withdrawn = withdrawPromptsOfTriggers(ctx.sqlite, stay.id, reservationTriggers, true)
  announcePrompts(ctx, withdrawn)
  if (stay.room_id !== null) announceRoom(ctx, stay.room_id)
  const next = reread(ctx, stay.id)
  const room = stay.room_id === null ? null : (findRoom(ctx.sqlite, stay.room_id)?.number ?? null)
  recordUndo(ctx, next, 'check_in_undone', source, { room, checkedInAt: stay.checked_in_at, withdrawnPrompts: withdrawn.length })
  return { stay: next, prompts: [], withdrawnPrompts: withdrawn.length }
}
