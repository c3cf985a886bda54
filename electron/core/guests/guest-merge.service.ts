import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import type { GuestRow } from '../db/tables/guest.table'
import { AppError } from '../errors'
import { reindexGuest } from './guest-index.repository'
import { newBatch, recordChanges } from './guest-history.repository'
import { findMerge, idsOwnedBy, insertMerge, isPairFlagged, markMergeUndone, moveOwned, ownedTables, writeGuestRow, type OwnedTable } from './guest-merge.repository'
import { personalGuestColumns } from './guest-profile.repository'
import { findGuest } from './guest.repository'
import { requireLiveGuest } from './guest-profile.service'

/** Fields a person chooses between when two profiles disagree (VIP, restriction and consent are not chosen: they survive). */
export const choosableFields = personalGuestColumns
export type ChoosableField = (typeof choosableFields)[number]

interface Snapshot {
  survivor: GuestRow
  merged: GuestRow
  moved: Record<OwnedTable, number[]>
}

/** Consent withdrawn on either profile stays withdrawn; consent given on either is kept. */
function consent(a: number | null, b: number | null): number | null {
  if (a === 0 || b === 0) return 0
  if (a === 1 || b === 1) return 1
  return null
}

export function mergePreview(ctx: OperationContext, survivorId: number, mergedId: number) {
  if (survivorId === mergedId) throw new AppError('MERGE_SELF', 'A guest cannot be merged with itself.')
  const survivor = requireLiveGuest(ctx, survivorId)
  const merged = requireLiveGuest(ctx, mergedId)
  const conflicts = choosableFields
    .filter((f) => survivor[f] !== null && merged[f] !== null && survivor[f] !== '' && merged[f] !== '' && String(survivor[f]) !== String(merged[f]))
    .map((field) => ({ field, survivor: String(survivor[field]), merged: String(merged[field]) }))
  return {
    conflicts,
    kept: {
      vip: Math.max(survivor.vip, merged.vip),
      restricted: Math.max(survivor.restricted, merged.restricted) === 1,
      consentMarketing: consent(survivor.consent_marketing, merged.consent_marketing),
      consentSensitive: consent(survivor.consent_sensitive, merged.consent_sensitive),
    },
    moving: Object.fromEntries(ownedTables.map((t) => [t, idsOwnedBy(ctx.sqlite, t, merged.id).length])) as Record<OwnedTable, number>,
  }
}

function reindex(ctx: OperationContext, id: number): void {
  reindexGuest(ctx.sqlite, id)
}

/**
 * Merges a duplicate profile into the survivor: the person chooses each conflicting field;
 * VIP, restriction and consent withdrawals always survive; preferences, observations, stays
 * and prompts move across. Everything needed to undo it is kept.
 */
export function mergeGuests(
  ctx: OperationContext,
  input: { survivorId: number; mergedId: number; choose: Partial<Record<ChoosableField, 'survivor' | 'merged'>> },
): { mergeId: number; survivorId: number } {
  const actor = actorOf(ctx)
  const preview = mergePreview(ctx, input.survivorId, input.mergedId)
  if (isPairFlagged(ctx.sqlite, input.survivorId, input.mergedId)) {
    throw new AppError('MERGE_STATE', 'These two profiles were marked as different people.')
  }
  const survivor = findGuest(ctx.sqlite, input.survivorId)!
  const merged = findGuest(ctx.sqlite, input.mergedId)!
  const at = ctx.clock.now().toISOString()
  const moved = Object.fromEntries(ownedTables.map((t) => [t, idsOwnedBy(ctx.sqlite, t, merged.id)])) as Record<OwnedTable, number[]>
  const snapshot: Snapshot = { survivor, merged, moved }

  const result: GuestRow = { ...survivor }
  for (const field of choosableFields) {
    const pick = input.choose[field] ?? (survivor[field] === null || survivor[field] === '' ? 'merged' : 'survivor')
    ;(result as unknown as Record<string, unknown>)[field] = pick === 'merged' ? merged[field] : survivor[field]
  }
  result.vip = preview.kept.vip
  result.restricted = preview.kept.restricted ? 1 : 0
  result.restriction_note = [survivor.restriction_note, merged.restriction_note].filter(Boolean).join(' / ') || null
  result.consent_marketing = preview.kept.consentMarketing
  result.consent_sensitive = preview.kept.consentSensitive
  result.updated_at = at
  writeGuestRow(ctx.sqlite, result)
  for (const table of ownedTables) moveOwned(ctx.sqlite, table, moved[table], survivor.id)
  writeGuestRow(ctx.sqlite, { ...merged, merged_into: survivor.id, updated_at: at })
  reindex(ctx, survivor.id)
  reindex(ctx, merged.id)
  const mergeId = insertMerge(ctx.sqlite, { survivor_id: survivor.id, merged_id: merged.id, at, staff_id: actor.staffId, snapshot: JSON.stringify(snapshot) })
  recordChanges(ctx.sqlite, {
    guestId: survivor.id,
    batch: newBatch(),
    at,
    staffId: actor.staffId,
    action: 'merge',
    entity: 'merge',
    entityId: mergeId,
    changes: [{ field: 'merged_guest', old: null, new: String(merged.id) }],
  })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.merge', guestId: survivor.id, entity: 'guest_merge', entityId: mergeId, detail: { mergedId: merged.id } })
  return { mergeId, survivorId: survivor.id }
}

/** Undoes a merge completely: both profiles as they were, and every moved row back. */
export function unmergeGuests(ctx: OperationContext, mergeId: number): { survivorId: number; restoredId: number } {
  const actor = actorOf(ctx)
  const merge = findMerge(ctx.sqlite, mergeId)
  if (!merge) throw new AppError('NOT_FOUND', `No merge with id ${mergeId}.`, { entity: 'merge', id: mergeId })
  if (merge.undone_at) throw new AppError('MERGE_STATE', 'This merge was already undone.')
  const current = findGuest(ctx.sqlite, merge.merged_id)
  if (!current || current.merged_into !== merge.survivor_id) throw new AppError('MERGE_STATE', 'The profiles changed since; this merge can no longer be undone.')
  const snapshot = JSON.parse(merge.snapshot) as Snapshot
  const at = ctx.clock.now().toISOString()
  writeGuestRow(ctx.sqlite, snapshot.survivor)
  writeGuestRow(ctx.sqlite, snapshot.merged)
  for (const table of ownedTables) moveOwned(ctx.sqlite, table, snapshot.moved[table], snapshot.merged.id)
  markMergeUndone(ctx.sqlite, mergeId, at, actor.staffId)
  reindex(ctx, snapshot.survivor.id)
  reindex(ctx, snapshot.merged.id)
  recordChanges(ctx.sqlite, {
    guestId: snapshot.survivor.id,
    batch: newBatch(),
    at,
    staffId: actor.staffId,
    action: 'unmerge',
    entity: 'merge',
    entityId: mergeId,
    changes: [{ field: 'merged_guest', old: String(snapshot.merged.id), new: null }],
  })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.unmerge', guestId: snapshot.survivor.id, entity: 'guest_merge', entityId: mergeId })
  return { survivorId: snapshot.survivor.id, restoredId: snapshot.merged.id }
}
