import { z } from 'zod'
import { strengths } from '../guests/preference'
import { countryCodes } from '../pms/nationality'

/*
 * What a rule asks of the guest and the stay besides a preference. Stored as JSON on the rule
 * ('{}' = no condition). Pure: matching is unit-tested in test/unit/rule-matching.test.ts.
 */

export const occasions = ['birthday', 'anniversary'] as const
export type Occasion = (typeof occasions)[number]

export const ruleConditionsSchema = z
  .object({
    /** Not preferences of these codes (a rule for every avoided food but allergies, which have their own). */
    exceptCodes: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
    /** Only preferences of these strengths (e.g. ['avoid', 'never']). */
    strengths: z.array(z.enum(strengths)).min(1).max(4).optional(),
    /** The guest's VIP level is at least this (1–5). */
    vipMin: z.number().int().min(1, 'A VIP level runs from 1 to 5.').max(5, 'A VIP level runs from 1 to 5.').optional(),
    /** The guest speaks one of these languages (codes as on the guest's profile, e.g. 'en', 'ja'). */
    languages: z.array(z.string().trim().min(2).max(12)).min(1).max(20).optional(),
    /**
     * The guest's nationality is one of these (ISO 3166-1 alpha-2, e.g. 'JP'): the codes guest
     * profiles keep (pms/nationality.ts), so "XX" is refused rather than matching nobody.
     */
    nationalities: z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, 'Use two-letter country codes, such as JP or DE.')
          .superRefine((code, ctx) => {
            if (/^[A-Z]{2}$/.test(code) && !countryCodes.has(code)) ctx.addIssue({ code: 'custom', message: `${code} is not a country code (ISO 3166-1), such as JP or DE.` })
          }),
      )
      .min(1)
      .max(50)
      .optional(),
    /** first: the guest's first stay with the hotel; returning: they have stayed before. */
    visit: z.enum(['first', 'returning']).optional(),
    /** The guest's birthday (profile birth date or birthday preference) or anniversary falls during the stay. */
    occasion: z.enum(occasions).optional(),
    /** Length of stay, nights. */
    minNights: z.number().int().min(1).max(365).optional(),
    maxNights: z.number().int().min(1).max(365).optional(),
    /** Only guests who had a recovery case (a complaint or incident) on this stay: the post-stay follow-up (issue 13). */
    recoveryCase: z.literal(true).optional(),
  })
  .strict()
  .refine((c) => c.minNights === undefined || c.maxNights === undefined || c.minNights <= c.maxNights, {
    message: 'The shortest stay cannot be longer than the longest.',
    path: ['maxNights'],
  })
export type RuleConditions = z.infer<typeof ruleConditionsSchema>

/** Reads stored conditions; a damaged value matches nothing rather than everything. */
export function parseConditions(json: string): RuleConditions | null {
  try {
    const parsed = ruleConditionsSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** What the conditions are checked against: the guest and the stay. */
export interface GuestStayFacts {
  vip: number
  languages: readonly string[]
  nationality: string | null
  /** Stays of this guest that ended before this one. */
  previousStays: number
  arrival: string
  departure: string
  /** 'MM-DD' dates of the guest's occasions: birth date and birthday/anniversary preferences. */
  occasionDates: { birthday: readonly string[]; anniversary: readonly string[] }
  /** The guest had a recovery case on this stay (read only when a rule asks; undefined reads as no). */
  recoveryCase?: boolean
}

export function nightsOf(arrival: string, departure: string): number {
  return Math.round((Date.parse(`${departure}T00:00:00Z`) - Date.parse(`${arrival}T00:00:00Z`)) / 86_400_000)
}

/** The 'YYYY-MM-DD' dates from arrival to departure, both included (a birthday on the day of departure still counts). */
export function stayDates(arrival: string, departure: string): string[] {
  const dates: string[] = []
  const end = Date.parse(`${departure}T00:00:00Z`)
  for (let at = Date.parse(`${arrival}T00:00:00Z`); at <= end && dates.length < 400; at += 86_400_000) {
    dates.push(new Date(at).toISOString().slice(0, 10))
  }
  return dates
}

/** The date of the stay an occasion ('MM-DD') falls on, or null. */
export function occasionDuringStay(monthDay: string, arrival: string, departure: string): string | null {
  return stayDates(arrival, departure).find((d) => d.slice(5) === monthDay) ?? null
}

/** True when every condition holds for this guest and stay. */
export function conditionsHold(c: RuleConditions, facts: GuestStayFacts): boolean {
  if (c.vipMin !== undefined && facts.vip < c.vipMin) return false
  if (c.languages && !c.languages.some((l) => facts.languages.includes(l))) return false
  if (c.nationalities && (facts.nationality === null || !c.nationalities.includes(facts.nationality.toUpperCase()))) return false
  if (c.visit === 'first' && facts.previousStays > 0) return false
  if (c.visit === 'returning' && facts.previousStays === 0) return false
  const nights = nightsOf(facts.arrival, facts.departure)
  if (c.minNights !== undefined && nights < c.minNights) return false
  if (c.maxNights !== undefined && nights > c.maxNights) return false
  if (c.recoveryCase && facts.recoveryCase !== true) return false
  if (c.occasion && !facts.occasionDates[c.occasion].some((md) => occasionDuringStay(md, facts.arrival, facts.departure) !== null)) return false
  return true
}
