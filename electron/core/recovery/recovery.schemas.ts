import { z } from 'zod'
import { caseCategories, caseKinds, caseSeverities, caseSteps, compensationKinds, raisedFromPlaces } from './recovery.types'
import { scopes, strengths } from '../guests/preference'

/**
 * The inputs of the recovery operations (recovery.operations.ts). Field messages are the
 * sentences a form shows under the field (details.issues[].message).
 */

/**
 * A raise identical to one the same staff member made this many seconds ago (a double tap)
 * answers that case instead of opening a second one.
 */
export const duplicateRaiseSeconds = 120
/** A follow-up is scheduled at most this many days ahead. */
export const maxFollowUpDays = 365

const id = z.number().int().positive()
const note = z.string().trim().max(1000, 'Keep the note under 1,000 characters.')

export const raiseInput = z
  .object({
    guestId: id.optional(),
    stayId: id.optional(),
    roomNumber: z.string().trim().min(1, 'Give the room number.').max(10).optional(),
    kind: z.enum(caseKinds).default('complaint'),
    category: z.enum(caseCategories),
    severity: z.enum(caseSeverities).default('moderate'),
    /** The department concerned (code). */
    department: z.string().trim().min(1, 'Choose the department concerned.').max(40),
    description: z.string().trim().min(1, 'Say what happened, in a few words.').max(2000, 'Keep it under 2,000 characters.'),
    raisedFrom: z.enum(raisedFromPlaces).default('cases'),
  })
  .strict()
export type RaiseInput = z.output<typeof raiseInput>

export const listInput = z
  .object({
    status: z.enum(['open', 'resolved', 'closed', 'all']).default('open'),
    guestId: id.optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()

export const caseIdInput = z.object({ caseId: id }).strict()

export const assignInput = z.object({ caseId: id, ownerId: id }).strict()

export const stepInput = z
  .object({
    caseId: id,
    step: z.enum(caseSteps),
    note: note.optional(),
    skipped: z.boolean().default(false),
    /** Why this step is taken before an earlier one that is neither done nor skipped. */
    outOfOrderReason: z.string().trim().min(1, 'Say why, in a few words.').max(500).optional(),
    compensation: z
      .object({
        kind: z.enum(compensationKinds),
        /**
         * In the minor unit of the hotel's currency (fen for CNY): 0 ≤ value ≤ one hundred
         * thousand in the major unit (10,000,000 fen; 100,000 yen), checked by the service
         * against the currency (currency.ts maxCompensationMinorOf).
         */
        valueMinor: z
          .number({ message: 'Give the value as a whole number of the smallest unit (fen).' })
          .int('Give the value as a whole number of the smallest unit (fen).')
          .min(0, 'A compensation cannot be negative.'),
      })
      .strict()
      .optional(),
    promise: z
      .object({
        text: z.string().trim().min(1, 'Say what was promised.').max(300, 'Keep the promise under 300 characters.'),
        /** Business date (YYYY-MM-DD) the promise is kept by. */
        dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.'),
        department: z.string().trim().min(1, 'Choose the department that keeps the promise.').max(40),
      })
      .strict()
      .optional(),
    followUp: z
      .object({
        /** ISO 8601 instant. */
        at: z.string().datetime({ offset: true, message: 'Give the date and time of the follow-up.' }),
      })
      .strict()
      .optional(),
  })
  .strict()
export type StepInput = z.output<typeof stepInput>

export const keepPromiseInput = z.object({ caseId: id, note: note.optional() }).strict()

export const closeInput = z.object({ caseId: id, note: note.optional() }).strict()

export const proposeLessonInput = z
  .object({
    caseId: id,
    text: z.string().trim().min(1, 'Say what was learned, in a few words.').max(1000),
    suggestion: z
      .object({
        category: z.string().trim().min(1, 'Choose a category.').max(40),
        code: z.string().trim().min(1, 'Choose what it is about.').max(40),
        value: z.string().trim().min(1, 'Enter a value.').max(200),
        strength: z.enum(strengths).default('preferred'),
        scope: z.enum(scopes).default('always'),
      })
      .strict(),
  })
  .strict()

export const satisfactionInput = z
  .object({
    stayId: id,
    score: z.number().int('Give a whole score from 1 to 5.').min(1, 'Give a score from 1 to 5.').max(5, 'Give a score from 1 to 5.'),
    comment: z.string().trim().max(1000, 'Keep the comment under 1,000 characters.').optional(),
  })
  .strict()
