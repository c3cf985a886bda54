import type { InputOf } from '../../../electron/core/api'
import type { GuestCard } from '../../../electron/core/guests/guest.card'

export type GuestPatch = InputOf<'guest.update'>['fields']

/** The details form holds text as typed; the store's schema decides what is valid. */
export interface GuestForm {
  nativeName: string
  romanName: string
  salutation: string | null
  gender: string | null
  birthDate: string
  nationality: string
  homeCity: string
  /** A new number typed ('' keeps the one on file, which the form never holds whole). */
  documentNo: string
  documentType: string | null
  /** Remove the document on file. */
  documentRemove: boolean
  phone: string
  email: string
  languages: string[]
  occupation: string
  company: string
  vip: string
  notes: string
  restricted: boolean
  restrictionNote: string
}

const textFields = ['nativeName', 'romanName', 'birthDate', 'nationality', 'homeCity', 'phone', 'email', 'occupation', 'company', 'notes', 'restrictionNote'] as const


export function toForm(g: GuestCard['guest']): GuestForm {
  return {
    nativeName: g.nativeName,
    romanName: g.romanName ?? '',
    salutation: g.salutation,
    gender: g.gender,
    birthDate: g.birthDate ?? '',
    nationality: g.nationality ?? '',
    homeCity: g.homeCity ?? '',
    documentNo: '',
    documentType: g.document?.type ?? null,
    documentRemove: false,
    phone: g.phone ?? '',
    email: g.email ?? '',
    languages: g.languages,
    occupation: g.occupation ?? '',
    company: g.company ?? '',
    vip: String(g.vip),
    notes: g.notes ?? '',
    restricted: g.restricted,
    restrictionNote: g.restrictionNote ?? '',
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
  // Consent is recorded apart (ConsentPanel: when, how, by whom). A document: a new number with its type, a new type for the number on file, or removal.
  if (form.documentRemove) patch.documentNo = null
  else if (form.documentNo.trim() !== '') Object.assign(patch, { documentNo: form.documentNo.trim(), documentType: form.documentType })
  else if (form.documentType !== saved.documentType && saved.documentType !== null) patch.documentType = form.documentType
  return patch as GuestPatch
}
