import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { addDays } from '../clock'
import { actorOf } from '../context'
import { isoDate } from '../guests/guest.schemas'
import { guestOperations } from '../guests/guest.operations'
import { operation } from '../operation'
import { listArrivals, listInHouse, type StayListRow } from './stay.repository'
import { importStayInput, reservationInput, roomNumber, stayId, walkInInput } from './stay.schemas'
import { assignRoom, cancelStay, changeDates, checkIn, checkOut, importStay, moveRoom, reinstateStay, requireStay, reserve, setCompanions, undoCheckIn, undoCheckOut, undoOffer, undoWindowMinutes } from './stay.service'
import { bookingFields } from './stay.schemas'
import { planPreassignment } from './preassignment'
import { listCompanions, listStayEvents } from './stay-event.repository'
import { findRoom, findRoomByNumber } from '../rooms/room.repository'
import { applyBooking } from '../pms/stay-report'
import { requireGuest } from '../guests/guest.operations'
import { AppError } from '../errors'
import { findGuest } from '../guests/guest.repository'
import { findStaff } from '../staff/staff.repository'
import { today as businessToday } from '../hotel-clock'
import type { OperationContext } from '../context'
import type { StayRecoveryFlags } from '../recovery/recovery.types'
import { recoveryFlagsOfStays } from '../recovery/recovery-memory.repository'
import { roleAllows } from '../staff/roles'

export interface StaySummary {
  stayId: number
  confirmationNo: string
  guestId: number
  guest: { nativeName: string; romanName: string | null; salutation: string | null; vip: number }
  arrival: string
  departure: string
  party: number
  status: string
  /** In house: the room. Reserved: the room chosen before arrival, if any. */
  roomNumber: string | null
  alerts: number
  pmsConfirmation: string | null
  roomType: string | null
  eta: string | null
  company: string | null
  /**
   * The guest's recovery history for the desk's badges ("Had a problem last time", "Open
   * promise"): cases on earlier stays and promises not kept yet; null when there is none, and
   * always null for roles without `recovery.read`.
   */
  recovery: StayRecoveryFlags | null
}

/** The list's stays as summaries, with their recovery flags read in one statement for the whole list. */
function toSummaries(ctx: OperationContext, rows: readonly StayListRow[]): StaySummary[] {
  const flags = roleAllows(actorOf(ctx).role, 'recovery.read') ? recoveryFlagsOfStays(ctx.sqlite, rows.map((r) => r.id)) : new Map<number, StayRecoveryFlags>()
  return rows.map((r) => ({ ...toSummary(r), recovery: flags.get(r.id) ?? null }))
}

function toSummary(r: StayListRow): Omit<StaySummary, 'recovery'> {
  return {
    stayId: r.id,
    confirmationNo: r.confirmation_no,
    guestId: r.guest_id,
    guest: { nativeName: r.native_name, romanName: r.roman_name, salutation: r.salutation, vip: r.vip },
    arrival: r.arrival_date,
    departure: r.departure_date,
    party: r.party_size,
    status: r.status,
    roomNumber: r.room_number,
    alerts: Number(r.alerts),
    pmsConfirmation: r.pms_confirmation,
    roomType: r.room_type,
    eta: r.eta,
    company: r.company,
  }
}

export const stayOperations = {
  'stay.arrivals': operation({
    kind: 'query',
    summary: 'Arrivals for a date (today by default): expected first, then those already checked in; VIPs, then guests with alerts, first within each. Each stay carries `recovery` {pastCases, openPromises} or null (null for roles without recovery.read).',
    permission: 'guest.read',
    audit: readsGuestsInAnswer,
    input: z.object({ date: isoDate.optional() }),
    handler: (ctx, input) => toSummaries(ctx, listArrivals(ctx.sqlite, input.date ?? businessToday(ctx))),
  }),

  'stay.inHouse': operation({
    kind: 'query',
    summary: 'Guests in house now, by room. Each stay carries `recovery` {pastCases, openPromises} or null (null for roles without recovery.read).',
    permission: 'guest.read',
    audit: readsGuestsInAnswer,
    input: z.object({}),
    handler: (ctx) => toSummaries(ctx, listInHouse(ctx.sqlite)),
  }),

  'stay.reserve': operation({
    kind: 'mutation',
    summary: 'Add a reservation for a guest (dates and party size). Runs the reservation rules.',
    permission: 'stay.write',
    input: reservationInput,
    handler: (ctx, input) => reserve(ctx, input),
  }),

  'stay.assignRoom': operation({
    kind: 'mutation',
    summary:
      'Choose the room for a reservation before arrival (pre-assignment; beside a PMS, "use this room"), or take it back with null. Runs the pre-arrival rules so the room is prepared before the guest is in it.',
    permission: 'stay.write',
    input: z.object({ stayId, roomNumber: roomNumber.nullable() }),
    handler: assignRoom,
  }),

  'stay.preassignPlan': operation({
    kind: 'query',
    summary:
      'Proposed rooms for a day’s reservations (tomorrow by default), VIPs and guests with alerts first, no two guests given one room, each choice explained. Apply a choice with stay.assignRoom.',
    permission: 'stay.write',
    audit: readsGuestsInAnswer,
    input: z.object({ date: isoDate.optional() }),
    handler: (ctx, input) => planPreassignment(ctx, input.date ?? addDays(businessToday(ctx), 1)),
  }),

  'stay.moveRoom': operation({
    kind: 'mutation',
    summary: 'Move an in-house guest to another room; open prompts and standing instructions follow, the room left becomes vacant dirty.',
    permission: 'stay.write',
    input: z.object({ stayId, roomNumber }),
    handler: moveRoom,
  }),

  'stay.changeDates': operation({
    kind: 'mutation',
    summary: 'Extend or shorten a stay (a reservation may also move its arrival).',
    permission: 'stay.write',
    input: z.object({ stayId, arrival: isoDate.optional(), departure: isoDate }),
    handler: changeDates,
  }),

  'stay.cancel': operation({
    kind: 'mutation',
    summary: 'Cancel a reservation, or record a no-show (noShow: true). Its open prompts close and its room is freed.',
    permission: 'stay.write',
    input: z.object({ stayId, noShow: z.boolean().default(false) }),
    handler: cancelStay,
  }),

  'stay.setCompanions': operation({
    kind: 'mutation',
    summary: 'Set the accompanying guests (同住人) of a stay: each a profile id or a name. The rules run for companions with a profile.',
    permission: 'stay.write',
    input: z.object({ stayId, companions: bookingFields.companions.unwrap() }),
    handler: setCompanions,
  }),

  'stay.details': operation({
    kind: 'query',
    summary: 'One stay as the desk sees it: the booking (PMS numbers, room type, ETA, membership, company, source, remarks), its guests and its events.',
    permission: 'guest.read',
    audit: readsGuestsInAnswer,
    input: z.object({ stayId }),
    handler(ctx, input) {
      const stay = requireStay(ctx, input.stayId)
      const guest = findGuest(ctx.sqlite, stay.guest_id)!
      const room = stay.room_id === null ? undefined : findRoom(ctx.sqlite, stay.room_id)
      return {
        stayId: stay.id,
        confirmationNo: stay.confirmation_no,
        pmsConfirmation: stay.pms_confirmation,
        origin: stay.origin,
        status: stay.status,
        arrival: stay.arrival_date,
        departure: stay.departure_date,
        party: stay.party_size,
        roomNumber: room?.number ?? null,
        roomType: stay.room_type,
        eta: stay.eta,
        membershipNo: stay.membership_no,
        company: stay.company,
        source: stay.source,
        remarks: stay.remarks,
        guest: { guestId: guest.id, nativeName: guest.native_name, romanName: guest.roman_name, vip: guest.vip, pmsProfileId: guest.pms_profile_id },
        companions: listCompanions(ctx.sqlite, stay.id),
        /** The undo the desk may still offer (check-out or check-in) and until when, or null. */
        undo: undoOffer(ctx, stay),
        events: listStayEvents(ctx.sqlite, stay.id).map((e) => ({ kind: e.kind, source: e.source, at: e.at, detail: e.detail, staffName: e.staffId === null ? null : (findStaff(ctx.sqlite, e.staffId)?.name ?? null) })),
      }
    },
  }),

  'stay.walkIn': operation({
    kind: 'mutation',
    summary: 'A guest without a reservation: create the profile and a stay from today, ready to check in.',
    permission: 'stay.write',
    input: walkInInput,
    handler(ctx, input) {
      actorOf(ctx)
      const guest = guestOperations['guest.create'].handler(ctx, {
        nativeName: input.guest.nativeName,
        romanName: input.guest.romanName,
        salutation: input.guest.salutation,
        gender: null,
        nationality: input.guest.nationality,
        homeCity: null,
        languages: input.guest.languages,
        occupation: null,
        company: null,
        phone: input.guest.phone,
        email: null,
        birthDate: null,
        documentNo: null,
        vip: 0,
        notes: null,
      })
      const today = businessToday(ctx)
      const stay = reserve(ctx, { guestId: guest.id, arrival: today, departure: addDays(today, input.nights), party: input.party })
      return { guestId: guest.id, ...stay }
    },
  }),

  'stay.checkIn': operation({
    kind: 'mutation',
    summary: 'Check a reserved stay into a vacant room; creates the check-in prompts in the same transaction.',
    permission: 'stay.write',
    input: z.object({ stayId, roomNumber }),
    handler: checkIn,
  }),

  'stay.checkOut': operation({
    kind: 'mutation',
    summary: 'Check a guest out; frees the room and closes the stay’s open prompts.',
    permission: 'stay.write',
    input: z.object({ stayId }),
    handler: checkOut,
  }),

  /**
   * Undo a check-out made in the last `undoWindowMinutes` (10) minutes: `{ stayId }` →
   * `{ stayId, status: 'in_house', roomNumber, reopenedPrompts }` (how many prompts the check-out
   * had closed are open again). Errors: PMS_OWNS_STAYS beside a PMS, NOTHING_TO_UNDO when the stay
   * is not checked out, UNDO_TOO_LATE after the window, ROOM_OCCUPIED when the room has been taken,
   * UNDO_NOT_YOURS when someone else checked the guest out (details.by: their name; managers may).
   */
  'stay.undoCheckOut': operation({
    kind: 'mutation',
    summary: `Undo a check-out within ${undoWindowMinutes} minutes: the guest is in house again in the same room and the prompts the check-out closed open again.`,
    permission: 'stay.write',
    input: z.object({ stayId }),
    handler: undoCheckOut,
  }),

  /**
   * Undo a check-in made in the last `undoWindowMinutes` (10) minutes: `{ stayId }` →
   * `{ stayId, status: 'reserved', roomNumber (kept as the room chosen before arrival), withdrawnPrompts }`.
   * Errors: PMS_OWNS_STAYS beside a PMS, NOTHING_TO_UNDO when the stay is not in house, UNDO_TOO_LATE after the window,
   * UNDO_NOT_YOURS when someone else checked the guest in (details.by: their name; managers may).
   */
  'stay.undoCheckIn': operation({
    kind: 'mutation',
    summary: `Undo a check-in within ${undoWindowMinutes} minutes: a reservation again, the room kept as chosen before arrival, the check-in prompts withdrawn.`,
    permission: 'stay.write',
    input: z.object({ stayId }),
    handler: undoCheckIn,
  }),

  /**
   * Reinstate a no-show from the desk: `{ stayId }` → `{ stayId, status: 'reserved', reopenedPrompts }`
   * (the prompts the no-show closed, open again). The same events as a PMS bringing a late arrival
   * back (stay.changed with event 'reservation', prompt.updated for each reopened prompt).
   * Errors: PMS_OWNS_STAYS beside a PMS, STAY_NOT_RESERVED when the stay is not a no-show,
   * STAY_DATES when its departure is not after today's business date.
   */
  'stay.reinstate': operation({
    kind: 'mutation',
    summary: 'Reinstate a no-show whose stay is not over: a reservation again, the prompts the no-show closed open again.',
    permission: 'stay.write',
    input: z.object({ stayId }),
    handler: reinstateStay,
  }),

  'stay.import': operation({
    kind: 'mutation',
    summary:
      'Bring in a past stay, a reservation or a guest in house from another system (history import, demo, a PMS). With a PMS confirmation number it is an upsert on it: the same booking twice is one stay, and what differs becomes stay events. Without one, refused when the guest, or a past stay’s room, already has a stay on those nights; the answer says what was done with the room named.',
    permission: 'hotel.write',
    input: importStayInput,
    handler(ctx, input) {
      if (!input.pmsConfirmation && input.status !== 'in_house') {
        const { stayId, room } = importStay(ctx, { ...input, status: input.status })
        return { stayId, created: true, room }
      }
      if (!input.pmsConfirmation) {
        throw new AppError('VALIDATION', 'A guest in house is imported with the PMS’s confirmation number, so a second import is the same stay.', {
          issues: [{ path: 'pmsConfirmation', message: 'Give the PMS confirmation number.' }],
        })
      }
      if (input.status === 'in_house' && !input.roomNumber) {
        throw new AppError('VALIDATION', 'A guest in house needs a room number.', { issues: [{ path: 'roomNumber', message: 'Give the room.' }] })
      }
      const guest = requireGuest(ctx.sqlite, input.guestId)
      const room = input.roomNumber ? findRoomByNumber(ctx.sqlite, input.roomNumber) : undefined
      if (input.roomNumber && !room) throw new AppError('NO_SUCH_ROOM', `There is no room ${input.roomNumber}.`, { roomNumber: input.roomNumber })
      const { stay, created } = applyBooking(
        ctx,
        {
          line: 1,
          confirmation: input.pmsConfirmation,
          profileId: null,
          membershipNo: null,
          guestName: guest.native_name,
          nativeName: guest.native_name,
          romanName: guest.roman_name,
          salutation: null,
          phone: null,
          email: null,
          birthDate: null,
          nationality: null,
          vip: null,
          arrival: input.arrival,
          departure: input.departure,
          roomType: null,
          roomNumber: room?.number ?? null,
          status: input.status,
          party: input.party,
          eta: null,
          company: null,
          source: null,
          remarks: null,
          companions: [],
        },
        guest.id,
      )
      const kept = stay.room_id === null ? null : (findRoom(ctx.sqlite, stay.room_id)?.number ?? null)
      return {
        stayId: stay.id,
        created,
        room: { number: kept, outcome: kept ? ('recorded' as const) : ('none' as const), message: kept ? `Room ${kept}.` : 'No room was named.' },
      }
    },
  }),
}
