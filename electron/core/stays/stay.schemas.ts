import { z } from 'zod'
import { guestFields, isoDate } from '../guests/guest.schemas'

export const stayId = z.number().int().positive()
export const roomNumber = z.string().trim().min(1, 'Enter a room number.').max(10)

const datesInOrder = <T extends { arrival: string; departure: string }>(v: T) => v.departure > v.arrival

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null)

/** What a booking carries besides guest, dates and party: as the PMS or the desk gives it. */
export const bookingFields = {
  roomType: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z_-]{0,12}$/, 'Room types use letters, digits, - and _ only.')
    .nullish()
    .transform((v) => (v ? v.toUpperCase() : null)),
  eta: z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Give the arrival time as HH:MM, e.g. 14:30.')
    .nullish()
    .transform((v) => v ?? null),
  membershipNo: optionalText(40),
  company: optionalText(120),
  source: optionalText(60),
  remarks: optionalText(1000),
  companions: z
    .array(z.object({ guestId: z.number().int().positive().nullish(), name: z.string().trim().max(120).nullish() }))
    .max(11)
    .optional(),
}

export const reservationInput = z
  .object({
    guestId: z.number().int().positive(),
    arrival: isoDate,
    departure: isoDate,
    party: z.number().int().min(1, 'A party has at least one guest.').max(12),
    /** The guest already has a stay on those nights and takes another room too. */
    anotherRoom: z.boolean().default(false),
    ...bookingFields,
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
    status: z.enum(['checked_out', 'reserved', 'in_house']),
    /** The PMS's confirmation number: given, the import is an upsert on it (the same booking twice is one stay). */
    pmsConfirmation: z.string().trim().min(1).max(40).nullish(),
  })
  .refine(datesInOrder, { message: 'Departure must be after arrival.', path: ['departure'] })
