import { z } from 'zod'
import { guestFields, isoDate } from '../guests/guest.schemas'

export const stayId = z.number().int().positive()
export const roomNumber = z.string().trim().min(1, 'Enter a room number.').max(10)

const datesInOrder = <T extends { arrival: string; departure: string }>(v: T) => v.departure > v.arrival

export const reservationInput = z
  .object({
    guestId: z.number().int().positive(),
    arrival: isoDate,
    departure: isoDate,
    party: z.number().int().min(1, 'A party has at least one guest.').max(12),
  })
  .refine(datesInOrder, { message: 'Departure must be after arrival.', path: ['departure'] })

export const walkInInput = z.object({
  guest: guestFields.pick({ nativeName: true, romanName: true, salutation: true, phone: true, nationality: true }).extend({
    languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(8).default([]),
  }),
  nights: z.number().int().min(1, 'Stay at least one night.').max(90),
  party: z.number().int().min(1).max(12),
})

export const importStayInput = z
  .object({
    guestId: z.number().int().positive(),
    arrival: isoDate,
    departure: isoDate,
    party: z.number().int().min(1).max(12),
    roomNumber: roomNumber.nullish(),
    status: z.enum(['checked_out', 'reserved']),
  })
  .refine(datesInOrder, { message: 'Departure must be after arrival.', path: ['departure'] })
