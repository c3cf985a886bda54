import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import type { GuestChangeRow } from '../db/tables/guest-history.table'
import type { GuestRow } from '../db/tables/guest.table'
import type { PreferenceRow } from '../db/tables/preference.table'
import { AppError } from '../errors'
import { findStay } from '../stays/stay.repository'
import { reindexGuest } from './guest-index.repository'
import { latestBatch, markBatchUndone, newBatch, recordChanges, type FieldChange } from './guest-history.repository'
import {
  editableGuestColumns,
  editablePreferenceColumns,
  findPreference,
  setGuestColumns,
  setPreferenceColumns,
  type EditableGuestColumn,
  type EditablePreferenceColumn,
} from './guest-profile.repository'
import { findGuest, insertPreference, listActivePreferences } from './guest.repository'
import { isNegative, type Strength } from './preference'
import { wishReceived } from '../stays/stay-changes'
import type { GuestPatch, PreferenceFields } from './guest.schemas'
import { recordConsent, requireConsentToKeep } from './consent.service'
import { checkedDocument, maskDocumentNo, type DocumentType } from './identity-document'
import { today } from '../hotel-clock'

type Stored = string | number | null
const asText = (v: Stored | undefined): string | null => (v === null || v === undefined ? null : String(v))

export function requireLiveGuest(ctx: OperationContext, id: number): GuestRow {
  const guest = findGuest(ctx.sqlite, id)
  if (!guest || guest.merged_into !== null) throw new AppError('NOT_FOUND', `No guest with id ${id}.`, { entity: 'guest', id })
  return guest
}

export function requirePreference(ctx: OperationContext, id: number): PreferenceRow {
  const preference = findPreference(ctx.sqlite, id)
  if (!preference) throw new AppError('NOT_FOUND', `No preference with id ${id}.`, { entity: 'preference', id })
  requireLiveGuest(ctx, preference.guest_id)
  return preference
}

function patchToColumns(patch: GuestPatch): Partial<Record<EditableGuestColumn, Stored>> {
  const bool = (v: boolean | null | undefined) => (v === undefined ? undefined : v === null ? null : v ? 1 : 0)
  // Consent goes through its records (consent.service.ts), documents through their check (documentColumns).
  const columns: Partial<Record<EditableGuestColumn, Stored | undefined>> = {
    native_name: patch.nativeName,
    roman_name: patch.romanName,
    salutation: patch.salutation,
    gender: patch.gender,
    nationality: patch.nationality,
    home_city: patch.homeCity,
    languages: patch.languages?.join(','),
    occupation: patch.occupation,
    company: patch.company,
    phone: patch.phone,
    email: patch.email,
    birth_date: patch.birthDate,
    vip: patch.vip,
    notes: patch.notes,
    restricted: bool(patch.restricted),
    restriction_note: patch.restrictionNote,
  }
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)) as Partial<Record<EditableGuestColumn, Stored>>
}

function reindex(ctx: OperationContext, guestId: number): void {
  reindexGuest(ctx.sqlite, guestId)
}

/**
 * The document columns a patch asks for, checked against the type (identity-document.ts): a new
 * number keeps the stored type unless the patch names one; removing the number removes the type.
 */
function documentColumns(ctx: OperationContext, guest: GuestRow, patch: GuestPatch): Partial<Record<EditableGuestColumn, Stored>> {
  if (patch.documentNo === undefined && patch.documentType === undefined) return {}
  const no = patch.documentNo !== undefined ? patch.documentNo : guest.document_no
  // The stored type holds for a new number unless the patch names another (none stored: inferred).
  const type = patch.documentType !== undefined ? patch.documentType : no === null ? null : (guest.document_type as DocumentType | null)
  return checkedDocument(type, no, today(ctx))
}

/**
 * Consent given or withdrawn through guest.update: the same record as consent.record (method
 * 'in_person'). Consent once recorded cannot go back to "not asked" (VALIDATION).
 */
function consentThroughRecords(ctx: OperationContext, guest: GuestRow, patch: GuestPatch): string[] {
  const changed: string[] = []
  for (const [kind, value, column] of [['marketing', patch.consentMarketing, 'consent_marketing'], ['sensitive', patch.consentSensitive, 'consent_sensitive']] as const) {
    if (value === undefined) continue
    if (value === null) {
      if (guest[column] === null) continue
      throw new AppError('VALIDATION', 'Consent, once recorded, is given or withdrawn; it cannot go back to not asked.', { issues: [{ path: kind === 'marketing' ? 'consentMarketing' : 'consentSensitive', message: 'Record the consent as given or withdrawn.' }] })
    }
    if (recordConsent(ctx, guest.id, { kind, given: value, method: 'in_person' }).changed) changed.push(column)
  }
  return changed
}

/** Edits a guest's fields; only real changes are written and kept in the history (a document number masked). */
export function updateGuest(ctx: OperationContext, guestId: number, patch: GuestPatch): { changed: string[] } {
  const actor = actorOf(ctx)
  const guest = requireLiveGuest(ctx, guestId)
  const wanted = { ...patchToColumns(patch), ...documentColumns(ctx, guest, patch) }
  const consented = consentThroughRecords(ctx, guest, patch)
  const changes: FieldChange[] = []
  const values: Partial<Record<EditableGuestColumn, Stored>> = {}
  for (const [column, value] of Object.entries(wanted) as [EditableGuestColumn, Stored][]) {
    if (asText(guest[column] as Stored) === asText(value)) continue
    values[column] = value
    changes.push({ field: column, old: asText(guest[column] as Stored), new: asText(value) })
  }
  if (changes.length === 0) return { changed: consented }
  const at = ctx.clock.now().toISOString()
  setGuestColumns(ctx.sqlite, guestId, values, at)
  reindex(ctx, guestId)
  recordChanges(ctx.sqlite, { guestId, batch: newBatch(), at, staffId: actor.staffId, action: 'guest.update', entity: 'guest', entityId: guestId, changes })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.update', guestId, entity: 'guest', entityId: guestId, detail: { fields: changes.map((c) => c.field) } })
  return { changed: [...consented, ...changes.map((c) => c.field)] }
}

export function addPreference(
  ctx: OperationContext,
  guestId: number,
  fields: PreferenceFields,
  source: { staffId: number | null; department: string | null; observationId?: number | null; noticedAt?: string },
): number {
  const actor = actorOf(ctx)
  const guest = requireLiveGuest(ctx, guestId)
  requireConsentToKeep(guest, fields)
  if (fields.scope === 'stay') {
    const stay = fields.stayId ? findStay(ctx.sqlite, fields.stayId) : undefined
    if (!stay || stay.guest_id !== guest.id) {
      throw new AppError('VALIDATION', 'A this-stay-only preference needs one of the guest’s own stays.', {
        issues: [{ path: 'stayId', message: 'Choose one of this guest’s stays.' }],
      })
    }
  }
  // The same wish twice (a second "shoes always muddy" accepted) confirms the one the guest has.
  const twin = listActivePreferences(ctx.sqlite, guest.id).find(
    (p) =>
      p.category === fields.category &&
      p.code === fields.code &&
      p.value === fields.value &&
      p.scope === fields.scope &&
      (p.stay_id ?? null) === (fields.scope === 'stay' ? (fields.stayId ?? null) : null) &&
      isNegative(p.strength as Strength) === isNegative(fields.strength as Strength),
  )
  if (twin) {
    confirmPreference(ctx, twin.id)
    return twin.id
  }
  const at = ctx.clock.now().toISOString()
  const { noticedAt, ...who } = source
  const id = insertPreference(ctx.sqlite, guest.id, fields, { at: noticedAt ?? at, ...who })
  recordChanges(ctx.sqlite, {
    guestId,
    batch: newBatch(),
    at,
    staffId: actor.staffId,
    action: 'preference.add',
    entity: 'preference',
    entityId: id,
    changes: [{ field: 'active', old: null, new: `${fields.category}.${fields.code}=${fields.value}` }],
  })
  recordAudit(ctx.sqlite, {
    at,
    staffId: actor.staffId,
    action: 'preference.add',
    guestId,
    entity: 'preference',
    entityId: id,
    detail: { category: fields.category, code: fields.code },
  })
  // A wish made while the guest is in house (or before they arrive) reaches the departments now.
  wishReceived(ctx, guest.id, id)
  return id
}

function changePreference(
  ctx: OperationContext,
  preference: PreferenceRow,
  action: string,
  values: Partial<Record<EditablePreferenceColumn, Stored>>,
  extra: Record<string, Stored> = {},
): string[] {
  const actor = actorOf(ctx)
  const changes: FieldChange[] = []
  const apply: Record<string, Stored> = {}
  for (const [column, value] of Object.entries(values) as [EditablePreferenceColumn, Stored][]) {
    if (asText(preference[column]) === asText(value)) continue
    apply[column] = value
    changes.push({ field: column, old: asText(preference[column]), new: asText(value) })
  }
  if (changes.length === 0) return []
  const at = ctx.clock.now().toISOString()
  setPreferenceColumns(ctx.sqlite, preference.id, { ...apply, ...extra })
  recordChanges(ctx.sqlite, { guestId: preference.guest_id, batch: newBatch(), at, staffId: actor.staffId, action, entity: 'preference', entityId: preference.id, changes })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action, guestId: preference.guest_id, entity: 'preference', entityId: preference.id })
  return changes.map((c) => c.field)
}

export function updatePreference(
  ctx: OperationContext,
  preferenceId: number,
  patch: { value?: string; strength?: string; scope?: string; stayId?: number | null; note?: string | null },
): { changed: string[] } {
  const preference = requirePreference(ctx, preferenceId)
  const scope = patch.scope ?? preference.scope
  const stayId = scope === 'always' ? null : patch.stayId !== undefined ? patch.stayId : preference.stay_id
  if (scope === 'stay') {
    const stay = stayId ? findStay(ctx.sqlite, stayId) : undefined
    if (!stay || stay.guest_id !== preference.guest_id) {
      throw new AppError('VALIDATION', 'A this-stay-only preference needs one of the guest’s own stays.', { issues: [{ path: 'stayId', message: 'Choose a stay.' }] })
    }
  }
  requireConsentToKeep(requireLiveGuest(ctx, preference.guest_id), { category: preference.category, code: preference.code, value: patch.value ?? preference.value, scope })
  const values: Partial<Record<EditablePreferenceColumn, Stored>> = { scope, stay_id: stayId }
  if (patch.value !== undefined) values.value = patch.value
  if (patch.strength !== undefined) values.strength = patch.strength
  if (patch.note !== undefined) values.note = patch.note
  return { changed: changePreference(ctx, preference, 'preference.update', values) }
}

/** "Still true": the front desk confirmed a stored preference with the guest. */
export function confirmPreference(ctx: OperationContext, preferenceId: number): { confirmedAt: string } {
  const preference = requirePreference(ctx, preferenceId)
  const at = ctx.clock.now().toISOString()
  changePreference(ctx, preference, 'preference.confirm', { last_confirmed_at: at }, { confirmed_by: actorOf(ctx).staffId })
  return { confirmedAt: at }
}

/** "No longer true": kept for the record, no longer acted on. */
export function retirePreference(ctx: OperationContext, preferenceId: number): { retired: boolean } {
  const preference = requirePreference(ctx, preferenceId)
  if (!preference.active) return { retired: false }
  changePreference(ctx, preference, 'preference.retire', { active: 0 }, { retired_at: ctx.clock.now().toISOString(), retired_by: actorOf(ctx).staffId })
  return { retired: true }
}

/** Whether a change's value is no longer what it wrote: something else changed the field since. */
function overwrittenSince(ctx: OperationContext, guest: GuestRow, change: GuestChangeRow): boolean {
  if (change.entity === 'guest') {
    const now = asText(guest[change.field as EditableGuestColumn] as Stored)
    // The history keeps a document number masked: compared as it was written.
    return (editableGuestColumns as readonly string[]).includes(change.field ?? '') && (change.field === 'document_no' ? maskDocumentNo(now) : now) !== change.new_value
  }
  if (change.entity !== 'preference' || change.entity_id === null) return false
  const preference = findPreference(ctx.sqlite, change.entity_id)
  if (!preference || preference.guest_id !== guest.id) return true
  if (change.action === 'preference.add') return preference.active !== 1
  const column = change.field as EditablePreferenceColumn
  return (editablePreferenceColumns as readonly string[]).includes(column) && asText(preference[column]) !== change.new_value
}

/**
 * Reverts the last change made to a guest's profile (one batch), and records the undo.
 * Undo never crosses a merge: when the last change was a merge or an unmerge it throws
 * UNDO_PAST_MERGE (details.mergeId; merges are undone from the merges list). It never
 * overwrites a value it did not write: when any field of the batch holds something else now,
 * it throws UNDO_CHANGED_SINCE (details.fields) and changes nothing. NOTHING_TO_UNDO when
 * there is no change; NOT_FOUND for an unknown or merged-away guest. A document number is not
 * put back (the history keeps only its last four characters): `kept` names it. Consent records
 * are never undone (guest-history.repository.ts#notUndoableActions); CONSENT_REQUIRED when the
 * undo would bring back an 'always' sensitive need of a guest without consent.
 */
export function undoLastChange(ctx: OperationContext, guestId: number): { undone: string; fields: string[]; kept: string[] } {
  const actor = actorOf(ctx)
  const guest = requireLiveGuest(ctx, guestId)
  const batch = latestBatch(ctx.sqlite, guestId)
  if (batch.length === 0) throw new AppError('NOTHING_TO_UNDO', 'There is no change to undo on this guest.')
  if (batch[0].entity === 'merge') {
    throw new AppError('UNDO_PAST_MERGE', 'The last change was a merge or an unmerge; undo it from the merges list.', { mergeId: batch[0].entity_id })
  }
  const overwritten = batch.filter((change) => overwrittenSince(ctx, guest, change)).map((change) => change.field ?? '')
  if (overwritten.length > 0) {
    throw new AppError('UNDO_CHANGED_SINCE', `Changed since, outside the history: ${overwritten.join(', ')}. Nothing was undone.`, { fields: overwritten })
  }
  // Undo never brings back a sensitive need the guest has not consented to keep.
  for (const change of batch) {
    if (change.entity !== 'preference' || change.entity_id === null) continue
    const preference = findPreference(ctx.sqlite, change.entity_id)
    if (preference && ((change.field === 'active' && change.old_value === '1') || (change.field === 'scope' && change.old_value === 'always'))) {
      requireConsentToKeep(guest, { ...preference, scope: change.field === 'scope' ? 'always' : preference.scope })
    }
  }
  const at = ctx.clock.now().toISOString()
  const undo = newBatch()
  // The history holds a document number masked, so a number changed is not put back (the type goes with it): named in `kept`.
  const kept = batch.filter((c) => c.entity === 'guest' && (c.field === 'document_no' || c.field === 'document_type')).map((c) => c.field ?? '')
  for (const change of batch) {
    if (change.entity === 'guest' && kept.includes(change.field ?? '')) continue
    if (change.entity === 'guest' && (editableGuestColumns as readonly string[]).includes(change.field ?? '')) {
      const column = change.field as EditableGuestColumn
      const old = column === 'vip' || column === 'restricted' || column.startsWith('consent_') ? (change.old_value === null ? null : Number(change.old_value)) : change.old_value
      setGuestColumns(ctx.sqlite, guestId, { [column]: old }, at)
    } else if (change.entity === 'preference' && change.entity_id !== null) {
      if (change.action === 'preference.add') setPreferenceColumns(ctx.sqlite, change.entity_id, { active: 0, retired_at: at, retired_by: actor.staffId })
      else if ((editablePreferenceColumns as readonly string[]).includes(change.field ?? '')) {
        const column = change.field as EditablePreferenceColumn
        const old = column === 'active' || column === 'stay_id' ? (change.old_value === null ? null : Number(change.old_value)) : change.old_value
        setPreferenceColumns(ctx.sqlite, change.entity_id, column === 'active' && old === 1 ? { active: 1, retired_at: null, retired_by: null } : { [column]: old })
      }
    }
    recordChanges(ctx.sqlite, {
      guestId,
      batch: undo,
      at,
      staffId: actor.staffId,
      action: 'undo',
      entity: change.entity as 'guest' | 'preference',
      entityId: change.entity_id,
      changes: [{ field: change.field ?? '', old: change.new_value, new: change.old_value }],
    })
  }
  markBatchUndone(ctx.sqlite, batch[0].batch)
  reindex(ctx, guestId)
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.undo', guestId, entity: 'guest', entityId: guestId, detail: { action: batch[0].action } })
  return { undone: batch[0].action, fields: batch.map((c) => c.field ?? '').filter((f) => !kept.includes(f)), kept }
}
