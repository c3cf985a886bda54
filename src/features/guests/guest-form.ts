import type { InputOf } from '../../../electron/core/api'
import type { GuestCard } from '../../../electron/core/guests/guest.card'

export type GuestPatch = InputOf<'guest.update'>['fields']
type Consent = 'given' | 'withdrawn' | 'unknown'

/** The details form holds text as typed; the store's schema decides what is valid. */
export interface GuestForm {
  nativeName: string
  romanName: string
  salutation: string | null
  gender: string | null
  birthDate: string
  nationality: string
  homeCity: string
  documentNo: string
  phone: string
  email: string
  languages: string[]
  occupation: string
  company: string
  vip: string
  notes: string
  restricted: boolean
  restrictionNote: string
  consentMarketing: Consent
  consentSensitive: Consent
}

const textFields = ['nativeName', 'romanName', 'birthDate', 'nationality', 'homeCity', 'documentNo', 'phone', 'email', 'occupation', 'company', 'notes', 'restrictionNote'] as const

const toConsent = (v: boolean | null): Consent => (v === null ? 'unknown' : v ? 'given' : 'withdrawn')
const fromConsent = (v: Consent): boolean | null => (v === 'unknown' ? null : v === 'given')

export function toForm(g: GuestCard['guest']): GuestForm {
  return {
    nativeName: g.nativeName,
    romanName: g.romanName ?? '',
    salutation: g.salutation,
    gender: g.gender,
    birthDate: g.birthDate ?? '',
    nationality: g.nationality ?? '',
    homeCity: g.homeCity ?? '',
    documentNo: g.documentNo ?? '',
    phone: g.phone ?? '',
    email: g.email ?? '',
    languages: g.languages,
    occupation: g.occupation ?? '',
    company: g.company ?? '',
    vip: String(g.vip),
    notes: g.notes ?? '',
    restricted: g.restricted,
    restrictionNote: g.restrictionNote ?? '',
    consentMarketing: toConsent(g.consentMarketing),
    consentSensitive: toConsent(g.consentSensitive),
  }
}

/** Only what the person changed, as the store expects it (empty text → null). */
export function toPatch(form: GuestForm, saved: GuestForm): GuestPatch {
  const patch: Record<string, unknown> = {}
  for (const field of textFields) {
    if (form[field].trim() !== saved[field].trim()) {
      const value = form[field].trim()
      patch[field] = field === 'nativeName' ? value : value === '' ? null : field === 'nationality' ? value.toUpperCase() : value
    }
  }
  if (form.salutation !== saved.salutation) patch.salutation = form.salutation
  if (form.gender !== saved.gender) patch.gender = form.gender
  if (form.languages.join(',') !== saved.languages.join(',')) patch.languages = form.languages
  if (form.vip !== saved.vip) patch.vip = Number(form.vip)
  if (form.restricted !== saved.restricted) patch.restricted = form.restricted
  if (form.consentMarketing !== saved.consentMarketing) patch.consentMarketing = fromConsent(form.consentMarketing)
  if (form.consentSensitive !== saved.consentSensitive) patch.consentSensitive = fromConsent(form.consentSensitive)
  return patch as GuestPatch
}
