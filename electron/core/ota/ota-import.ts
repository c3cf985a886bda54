import { isSensitivePreference } from '../guests/consent.sensitive'
import { findGuest } from '../guests/guest.repository'
import type { z } from 'zod'
import type { OperationContext } from '../context'
import { AppError } from '../errors'
import { listActivePreferences } from '../guests/guest.repository'
import { guestOperations } from '../guests/guest.operations'
import { guestFields, guestPatch, preferenceFields } from '../guests/guest.schemas'
import type { GuestRow } from '../db/tables/guest.table'
import { findGuestByPmsProfileId, floorRange, setPmsIdentity } from './ota-guest.repository'
import type { GuestDraft, PreferenceDraft, ProfileDraft } from './ota-profile'

export interface ImportedGuest {
  guestId: number
  created: boolean
  /** Fields the import wrote on an existing guest (guest columns, e.g. phone, membership_no). */
  changed: string[]
}

/** Parses `value` with `schema`, leaving out each field the schema refuses and naming it in `skipped`. */
function keepValid<S extends z.ZodType>(schema: S, value: Record<string, unknown>, skipped: string[], required: string[]): z.output<S> {
  const fields = { ...value }
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const parsed = schema.safeParse(fields)
    if (parsed.success) return parsed.data
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '')
      if (!field || required.includes(field)) throw new AppError('OTA_MESSAGE', `The profile's ${field || 'content'} cannot be kept: ${issue.message}`)
      if (field in fields) {
        skipped.push(`${field}: ${issue.message}`)
        delete fields[field]
      }
    }
  }
  throw new AppError('OTA_MESSAGE', 'The profile could not be read into a guest.')
}

const columnOf: Record<keyof GuestDraft, keyof GuestRow> = {
  nativeName: 'native_name',
  romanName: 'roman_name',
  salutation: 'salutation',
  gender: 'gender',
  nationality: 'nationality',
  homeCity: 'home_city',
  languages: 'languages',
  company: 'company',
  phone: 'phone',
  email: 'email',
  birthDate: 'birth_date',
  vip: 'vip',
  notes: 'notes',
}

/** The fields of the message that differ from the stored guest, never clearing what the message leaves out. */
function patchFor(guest: GuestRow, draft: GuestDraft): Record<string, unknown> {
  const patch: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(draft) as [keyof GuestDraft, unknown][]) {
    if (value === null || value === undefined) continue
    const stored = guest[columnOf[field]]
    if (field === 'vip') {
      if ((value as number) > (stored as number)) patch.vip = value
    } else if (field === 'languages') {
      if (!stored) patch.languages = value
    } else if (field === 'notes') {
      if (!stored) patch.notes = value // staff notes are never overwritten by a message
    } else if (String(stored ?? '') !== String(value)) patch[field] = value
  }
  return patch
}

/**
 * Brings one profile of an OpenTravel message into the store through the desk's own operations
 * (`guest.create`, `guest.update`, `preference.add`), so validation, search index, history and
 * audit happen as for a clerk. The guest is found by its PMS profile id (UniqueID Type 1), or
 * created. Importing the same profile again changes nothing.
 */
export function importProfile(ctx: OperationContext, draft: ProfileDraft): { guest: ImportedGuest; preferencesAdded: number; skipped: string[] } {
  const skipped = [...draft.skipped]
  const existing = draft.pmsProfileId ? findGuestByPmsProfileId(ctx.sqlite, draft.pmsProfileId) : undefined
  const at = ctx.clock.now().toISOString()
  let guest: ImportedGuest
  if (!existing) {
    const fields = keepValid(guestFields, { ...draft.fields }, skipped, ['nativeName'])
    const { id } = guestOperations['guest.create'].handler(ctx, fields)
    setPmsIdentity(ctx.sqlite, id, { ...(draft.pmsProfileId ? { pms_profile_id: draft.pmsProfileId } : {}), ...(draft.membershipNo ? { membership_no: draft.membershipNo } : {}) }, at)
    guest = { guestId: id, created: true, changed: [] }
  } else {
    const patch = keepValid(guestPatch, patchFor(existing, draft.fields), skipped, [])
    const { changed } = Object.keys(patch).length > 0 ? guestOperations['guest.update'].handler(ctx, { guestId: existing.id, fields: patch }) : { changed: [] as string[] }
    if (draft.membershipNo && draft.membershipNo !== existing.membership_no) {
      setPmsIdentity(ctx.sqlite, existing.id, { membership_no: draft.membershipNo }, at)
      changed.push('membership_no')
    }
    guest = { guestId: existing.id, created: false, changed }
  }
  const preferencesAdded = addPreferences(ctx, guest.guestId, draft.preferences, skipped)
  return { guest, preferencesAdded, skipped }
}

function addPreferences(ctx: OperationContext, guestId: number, drafts: PreferenceDraft[], skipped: string[]): number {
  const held = new Set(listActivePreferences(ctx.sqlite, guestId).map((p) => `${p.category}.${p.code}=${p.value}`))
  const floors = drafts.some((d) => d.value === 'high' || d.value === 'low') ? floorRange(ctx.sqlite) : null
  let added = 0
  for (const draft of drafts) {
    let value = draft.value
    if (draft.category === 'room' && draft.code === 'floor' && (value === 'high' || value === 'low')) {
      if (!floors) {
        skipped.push(`${draft.from}: ${value} floor, and the hotel has no rooms yet`)
        continue
      }
      value = String(value === 'high' ? floors.highest : floors.lowest)
    }
    const key = `${draft.category}.${draft.code}=${value}`
    if (held.has(key)) continue
    const parsed = preferenceFields.safeParse({ category: draft.category, code: draft.code, value, strength: draft.strength, scope: 'always', note: `OpenTravel ${draft.from}` })
    if (!parsed.success) {
      skipped.push(`${draft.from}: ${parsed.error.issues[0]?.message ?? 'not a preference'}`)
      continue
    }
    // A health need is kept only with the guest's consent to sensitive data (PIPL Art. 29), which a message does not carry.
    if (isSensitivePreference(parsed.data) && findGuest(ctx.sqlite, guestId)?.consent_sensitive !== 1) {
      skipped.push(`${draft.from}: health data, kept only with the guest’s consent to sensitive data (record it, then import again)`)
      continue
    }
    guestOperations['preference.add'].handler(ctx, { ...parsed.data, guestId })
    held.add(key)
    added += 1
  }
  return added
}
