import { z } from 'zod'
import { optionalVisibleName, visibleName } from '../name-schema'
import { scopes, strengths } from './preference'
import { documentTypes } from './identity-document'

const text = (max: number) => z.string().trim().max(max)
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null))

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-23.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'That date does not exist.')

/** One schema per guest field, shared by create (with defaults) and edit (every field optional). */
const field = {
  nativeName: visibleName(80, 'Enter the guest’s name in letters: a name may not be blank or hold invisible characters.'),
  romanName: optionalVisibleName(80, 'Enter the romanized name in letters, without invisible characters.'),
  salutation: z.enum(['mr', 'ms', 'mrs', 'dr', 'prof']).nullish().transform((v) => v ?? null),
  gender: z.enum(['m', 'f', 'x']).nullish().transform((v) => v ?? null),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code, such as CN or SG.')
    .nullish()
    .transform((v) => v ?? null),
  homeCity: optionalText(80),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(8),
  occupation: optionalText(80),
  company: optionalVisibleName(120, 'Enter the company’s name in letters, without invisible characters.'),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[+\d\s()./-]*$/, 'A phone number may hold digits, spaces, + ( ) - and . only.')
    .refine((v) => v === '' || /\d{5,}/.test(v.replace(/\D/g, '')), 'A phone number needs at least 5 digits.')
    .nullish()
    .transform((v) => (v ? v : null)),
  email: z
    .email('Enter an email address like name@example.com.')
    .max(120)
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  birthDate: isoDate.nullish().transform((v) => v ?? null),
  /** Checked against its type where it is written (identity-document.ts#checkedDocument): the check needs both fields. */
  documentNo: optionalText(40),
  /** The identity document's type (identity-document.ts); without it a number's type is inferred (居民身份证 or other). */
  documentType: z.enum(documentTypes).nullish().transform((v) => v ?? null),
  vip: z.number().int().min(0).max(3),
  notes: optionalText(2000),
}

export const guestFields = z.object({ ...field, languages: field.languages.default([]), vip: field.vip.default(0), documentType: field.documentType.optional() })
export type GuestFields = z.output<typeof guestFields>

export const guestPatch = z
  .object({
    nativeName: field.nativeName.optional(),
    romanName: field.romanName.optional(),
    salutation: field.salutation.optional(),
    gender: field.gender.optional(),
    nationality: field.nationality.optional(),
    homeCity: field.homeCity.optional(),
    languages: field.languages.optional(),
    occupation: field.occupation.optional(),
    company: field.company.optional(),
    phone: field.phone.optional(),
    email: field.email.optional(),
    birthDate: field.birthDate.optional(),
    documentNo: field.documentNo.optional(),
    documentType: field.documentType.optional(),
    vip: field.vip.optional(),
    notes: field.notes.optional(),
    restricted: z.boolean().optional(),
    restrictionNote: optionalText(500).optional(),
    consentMarketing: z.boolean().nullable().optional(),
    consentSensitive: z.boolean().nullable().optional(),
  })
  .strict()
export type GuestPatch = z.output<typeof guestPatch>

export const preferenceFields = z.object({
  category: z.string().trim().min(1, 'Choose a category.').max(40),
  code: z.string().trim().min(1, 'Choose what the preference is about.').max(40),
  value: z.string().trim().min(1, 'Enter a value.').max(200),
  strength: z.enum(strengths).default('preferred'),
  scope: z.enum(scopes).default('always'),
  stayId: z.number().int().positive().nullish().transform((v) => v ?? null),
  note: optionalText(500),
})
export type PreferenceFields = z.output<typeof preferenceFields>

export const preferencePatch = z
  .object({
    value: z.string().trim().min(1, 'Enter a value.').max(200).optional(),
    strength: z.enum(strengths).optional(),
    scope: z.enum(scopes).optional(),
    stayId: z.number().int().positive().nullable().optional(),
    note: optionalText(500).optional(),
  })
  .strict()
