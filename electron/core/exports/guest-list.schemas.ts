import { z } from 'zod'
import { isoDate } from '../guests/guest.schemas'
import { strengths } from '../guests/preference'

/** The guest fields a list can carry, in the order the column picker offers them. */
export const guestListFields = [
  'nativeName',
  'romanName',
  'salutation',
  'phone',
  'email',
  'nationality',
  'languages',
  'vip',
  'lastStay',
  'stays',
  'company',
  'homeCity',
  'marketingConsent',
] as const
export type GuestListField = (typeof guestListFields)[number]

/** A column: a guest field, or `preferences:<category>` (that category's active preferences, e.g. `preferences:interest`). */
export const guestListColumn = z.union([
  z.enum(guestListFields),
  z.string().regex(/^preferences:[a-z][a-z0-9_]{0,39}$/, 'A preferences column is "preferences:" and a vocabulary category, such as preferences:interest.'),
])
export type GuestListColumn = z.infer<typeof guestListColumn>

/** Caps on a filter's lists: more than any real list asks for, so a bigger one is a mistake, told by its field. */
export const guestListFilterCaps = { preferences: 20, strengths: 4, vipLevels: 4, nationalities: 300 } as const

/**
 * Which guests a list holds. Every condition given must hold (AND); within one condition any of
 * the listed values will do (OR). Merged-away profiles are never listed.
 */
export const guestListFilter = z
  .object({
    /**
     * Preferences the guest holds (active ones), all of them: a category ('interest'), optionally
     * a code ('hobby') and a value ('calligraphy'), optionally only these strengths.
     */
    preferences: z
      .array(
        z
          .object({
            category: z.string().trim().min(1).max(40),
            code: z.string().trim().max(60).optional(),
            value: z.string().trim().max(120).optional(),
            strengths: z
              .array(z.enum(strengths))
              .max(guestListFilterCaps.strengths, `Choose at most ${guestListFilterCaps.strengths} strengths.`)
              .transform((list) => [...new Set(list)])
              .optional(),
          })
          .strict(),
      )
      .max(guestListFilterCaps.preferences, `Filter by at most ${guestListFilterCaps.preferences} preferences at once; make two lists for more.`)
      .default([]),
    /** VIP levels (0 = none, 1–3), any of them, each once. */
    vip: z
      .array(z.number().int('A VIP level is a whole number from 0 (none) to 3.').min(0, 'A VIP level is from 0 (none) to 3.').max(3, 'A VIP level is from 0 (none) to 3.'))
      .max(guestListFilterCaps.vipLevels, 'Choose VIP levels from 0 (none) to 3, each once.')
      .refine((levels) => new Set(levels).size === levels.length, 'Choose VIP levels from 0 (none) to 3, each once.')
      .optional(),
    /** Two-letter nationality codes, any of them; at most 300 (there are fewer countries); a repeated code counts once. */
    nationalities: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'Use two-letter country codes, such as CN or SG.'))
      .max(guestListFilterCaps.nationalities, `Choose at most ${guestListFilterCaps.nationalities} nationalities (two-letter codes such as CN); make two lists for more.`)
      .transform((codes) => [...new Set(codes)])
      .optional(),
    /** The guest's last stay (latest arrival of a stay in house or checked out) on or after this date. */
    lastStayFrom: isoDate.optional(),
    /** …and on or before this date. Guests who never stayed have no last stay and match neither. */
    lastStayTo: isoDate.optional(),
    /** Marketing consent: 'given', 'withdrawn', 'not_asked', or 'any' (default). */
    consent: z.enum(['any', 'given', 'withdrawn', 'not_asked']).default('any'),
    /**
     * A contact list (an interest list to reach out to): guests whose profile is restricted, who
     * have not given marketing consent, or who have neither phone nor email are left out, and
     * counted by reason.
     */
    contactList: z.boolean().default(false),
  })
  .strict()
  .refine((f) => !f.lastStayFrom || !f.lastStayTo || f.lastStayFrom <= f.lastStayTo, {
    path: ['lastStayTo'],
    message: 'The last-stay "to" date comes before the "from" date: swap them.',
  })
export type GuestListFilter = z.output<typeof guestListFilter>

/** What a guest-list export or preview asks for. */
export const guestListRequest = z
  .object({
    filter: guestListFilter.default({ preferences: [], consent: 'any', contactList: false }),
    columns: z.array(guestListColumn).min(1, 'Pick at least one column.').max(30),
    /** The language of the header row and preference labels. */
    lang: z.enum(['en', 'zh-CN']).default('en'),
  })
  .strict()
export type GuestListRequest = z.output<typeof guestListRequest>

/** Why a guest was left out of a contact list. */
export type LeftOutReason = 'restricted' | 'noConsent' | 'noContact'
export type LeftOutCounts = Record<LeftOutReason, number>
