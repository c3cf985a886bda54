import { z } from 'zod'
import { addDays, localDate } from '../clock'
import { actorOf } from '../context'
import { isoDate } from '../guests/guest.schemas'
import { guestOperations } from '../guests/guest.operations'
import { operation } from '../operation'
import { listArrivals, listInHouse, type StayListRow } from './stay.repository'
import { importStayInput, reservationInput, roomNumber, stayId, walkInInput } from './stay.schemas'
import { checkIn, checkOut, importStay, reserve } from './stay.service'

export interface StaySummary {
  stayId: number
  confirmationNo: string
  guestId: number
  guest: { nativeName: string; romanName: string | null; salutation: string | null; vip: number }
  arrival: string
  departure: string
  party: number
  status: string
  roomNumber: string | null
  alerts: number
}

function toSummary(r: StayListRow): StaySummary {
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
  }
}

export const stayOperations = {
  'stay.arrivals': operation({
    kind: 'query',
    summary: 'Arrivals for a date (today by default): expected first, then those already checked in.',
    permission: 'guest.read',
    input: z.object({ date: isoDate.optional() }),
    handler: (ctx, input) => listArrivals(ctx.sqlite, input.date ?? localDate(ctx.clock.now())).map(toSummary),
  }),

  'stay.inHouse': operation({
    kind: 'query',
    summary: 'Guests in house now, by room.',
    permission: 'guest.read',
    input: z.object({}),
    handler: (ctx) => listInHouse(ctx.sqlite).map(toSummary),
  }),

  'stay.reserve': operation({
    kind: 'mutation',
    summary: 'Add a reservation for a guest (dates and party size). Runs the reservation rules.',
    permission: 'stay.write',
    input: reservationInput,
    handler: reserve,
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
      const today = localDate(ctx.clock.now())
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

  'stay.import': operation({
    kind: 'mutation',
    summary:
      'Bring in a past stay or a reservation from another system (history import, demo). Refused when the guest, or a past stay’s room, already has a stay on those nights; the answer says what was done with the room named.',
    permission: 'hotel.write',
    input: importStayInput,
    handler: importStay,
  }),
}
