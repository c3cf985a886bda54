import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import type { GuestRow } from '../db/tables/guest.table'
import type { StayRow } from '../db/tables/stay.table'
import { AppError } from '../errors'
import { findPromptView } from '../prompts/prompt.repository'
import { allPreferencesOf, cancelFuturePromptsOf, currentStaysOf, deletePreferences, insertConsentRecord, listConsentRecords, makeStayOnly } from './consent.repository'
import { isSensitivePreference } from './consent.sensitive'
import { newBatch, recordChanges } from './guest-history.repository'
import { setGuestColumns } from './guest-profile.repository'
import { findGuest } from './guest.repository'

import type { ConsentKind, ConsentMethod } from './consent.types'
export { consentKinds, consentMethods, type ConsentKind, type ConsentMethod } from './consent.types'

const columnOf = { marketing: 'consent_marketing', sensitive: 'consent_sensitive' } as const

/** Whether the guest has given consent to sensitive data (PIPL Art. 29) and not withdrawn it. */
export function hasSensitiveConsent(guest: Pick<GuestRow, 'consent_sensitive'>): boolean {
  return guest.consent_sensitive === 1
}

/** The sentence (and code) for a sensitive need that may not be kept beyond this stay. */
function consentRequired(path: string): AppError {
  return new AppError(
    'CONSENT_REQUIRED',
    'This is a health or other sensitive need, and the guest has not given consent to keep sensitive data: record it for this stay only, or record the guest’s consent first.',
    { consent: 'sensitive', issues: [{ path, message: 'Choose "this stay only", or record the guest’s consent to sensitive data first.' }] },
  )
}

/**
 * Refuses an 'always' sensitive preference for a guest without consent to sensitive data
 * (CONSENT_REQUIRED). A this-stay-only one is allowed: it drives this stay's safety prompts and
 * is removed when the stay ends (`forgetStaySensitiveNeeds`).
 */
export function requireConsentToKeep(guest: Pick<GuestRow, 'consent_sensitive'>, p: { category: string; code: string; value: string; scope: string }, path = 'scope'): void {
  if (p.scope === 'always' && isSensitivePreference(p) && !hasSensitiveConsent(guest)) throw consentRequired(path)
}

export interface ConsentInput {
  kind: ConsentKind
  given: boolean
  method: ConsentMethod
  /** When the guest gave or withdrew it (ISO instant); now when left out. Never in the future. */
  at?: string | null
  note?: string | null
}

export interface ConsentResult {
  id: number
  /** The guest's current value changed (a repeat of the same choice is recorded, and changes nothing). */
  changed: boolean
  /** Sensitive preferences removed (a withdrawal), this-stay-only ones made of 'always' ones (guest in house), prompts of reservations cancelled. */
  removedPreferences: number
  madeStayOnly: number
  cancelledPrompts: number
}

/**
 * Records a consent given or withdrawn: one `guest_consent` row (when, how, by whom, note), the
 * guest's current value, a line in the change history ('consent.record', never undone by
 * guest.undo) and an audit row (kind, given, method: never the note). A withdrawal of consent to
 * sensitive data is never refused, and takes effect at once (`applySensitiveWithdrawal`).
 * Throws NOT_FOUND for an unknown or merged-away guest, VALIDATION for a time in the future.
 */
export function recordConsent(ctx: OperationContext, guestId: number, input: ConsentInput): ConsentResult {
  const actor = actorOf(ctx)
  const guest = findGuest(ctx.sqlite, guestId)
  if (!guest || guest.merged_into !== null) throw new AppError('NOT_FOUND', `No guest with id ${guestId}.`, { entity: 'guest', id: guestId })
  const now = ctx.clock.now().toISOString()
  const at = input.at ?? now
  if (at > now) throw new AppError('VALIDATION', 'A consent cannot be given or withdrawn in the future.', { issues: [{ path: 'at', message: 'Use now or an earlier time.' }] })
  // The guest's current answer is the latest one: a record dated before it would rewrite history.
  const latest = listConsentRecords(ctx.sqlite, guestId).filter((r) => r.kind === input.kind).reduce<string | null>((max, r) => (max === null || r.at > max ? r.at : max), null)
  if (latest !== null && at < latest) {
    throw new AppError('VALIDATION', `at: A later record of this consent exists (${latest}); date this one then or later.`, { issues: [{ path: 'at', message: `Date it ${latest} or later.` }] })
  }
  const id = insertConsentRecord(ctx.sqlite, { guestId, kind: input.kind, given: input.given, at, method: input.method, staffId: actor.staffId, note: input.note ?? null, recordedAt: now })
  const column = columnOf[input.kind]
  const value = input.given ? 1 : 0
  const changed = guest[column] !== value
  if (changed) {
    setGuestColumns(ctx.sqlite, guestId, { [column]: value }, now)
    recordChanges(ctx.sqlite, {
      guestId,
      batch: newBatch(),
      at: now,
      staffId: actor.staffId,
      action: 'consent.record',
      entity: 'guest',
      entityId: guestId,
      changes: [{ field: column, old: guest[column] === null ? null : String(guest[column]), new: String(value) }],
    })
  }
  recordAudit(ctx.sqlite, { at: now, staffId: actor.staffId, action: 'consent.record', guestId, entity: 'guest_consent', entityId: id, detail: { kind: input.kind, given: input.given, method: input.method } })
  const effect = input.kind === 'sensitive' && !input.given ? applySensitiveWithdrawal(ctx, guestId) : { removedPreferences: 0, madeStayOnly: 0, cancelledPrompts: 0 }
  return { id, changed, ...effect }
}

function announcePrompts(ctx: OperationContext, ids: readonly number[]): void {
  for (const id of ids) {
    const prompt = findPromptView(ctx.sqlite, id)
    if (prompt) ctx.emit('prompt.updated', { prompt })
  }
}

/**
 * What a guest without consent to sensitive data may keep: this-stay-only sensitive needs of a
 * stay in house or reserved. Everything else sensitive is removed (preference, its history,
 * links), except that an active 'always' need of a guest in house becomes this-stay-only for that
 * stay (the alarm kit and the evacuation list still need it tonight). Open prompts of reservations
 * that acted on a removed or now this-stay-only need are cancelled ('consent_withdrawn').
 */
export function applySensitiveWithdrawal(ctx: OperationContext, guestId: number): { removedPreferences: number; madeStayOnly: number; cancelledPrompts: number } {
  const stays = currentStaysOf(ctx.sqlite, guestId)
  const current = new Set(stays.map((s) => s.id))
  const inHouse = stays.find((s) => s.status === 'in_house')
  const sensitive = allPreferencesOf(ctx.sqlite, guestId).filter(isSensitivePreference)
  const stayOnly: number[] = []
  const remove: number[] = []
  for (const p of sensitive) {
    if (p.scope === 'stay' && p.stay_id !== null && current.has(p.stay_id)) continue
    if (p.scope === 'always' && p.active === 1 && inHouse) stayOnly.push(p.id)
    else remove.push(p.id)
  }
  const cancelled = cancelFuturePromptsOf(ctx.sqlite, [...stayOnly, ...remove])
  announcePrompts(ctx, cancelled)
  if (inHouse && stayOnly.length > 0) {
    makeStayOnly(ctx.sqlite, stayOnly, inHouse.id)
    const actor = actorOf(ctx)
    const at = ctx.clock.now().toISOString()
    for (const id of stayOnly) {
      recordChanges(ctx.sqlite, { guestId, batch: newBatch(), at, staffId: actor.staffId, action: 'consent.stay_only', entity: 'preference', entityId: id, changes: [{ field: 'scope', old: 'always', new: 'stay' }] })
    }
  }
  deletePreferences(ctx.sqlite, remove)
  return { removedPreferences: remove.length, madeStayOnly: stayOnly.length, cancelledPrompts: cancelled.length }
}

/**
 * A stay ended (checked out, cancelled, a no-show): the sensitive needs recorded for this stay
 * only, of a guest without consent to sensitive data, are removed with their history. Called
 * from stays/stay-changes.ts, the one place a stay ends, whichever way the news came (the desk,
 * the PMS import, the night audit). Returns how many were removed.
 */
export function forgetStaySensitiveNeeds(ctx: OperationContext, stay: Pick<StayRow, 'id' | 'guest_id'>): number {
  const guest = findGuest(ctx.sqlite, stay.guest_id)
  if (!guest || hasSensitiveConsent(guest)) return 0
  const ids = allPreferencesOf(ctx.sqlite, guest.id)
    .filter((p) => p.scope === 'stay' && p.stay_id === stay.id && isSensitivePreference(p))
    .map((p) => p.id)
  deletePreferences(ctx.sqlite, ids)
  if (ids.length > 0) {
    const at = ctx.clock.now().toISOString()
    recordAudit(ctx.sqlite, { at, staffId: ctx.actor?.staffId ?? null, action: 'consent.stay_needs_removed', guestId: guest.id, entity: 'stay', entityId: stay.id, detail: { removed: ids.length } })
  }
  return ids.length
}
