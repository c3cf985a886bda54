import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import type { GuestMergeRow } from '../db/tables/guest-history.table'
import type { GuestRow } from '../db/tables/guest.table'
import { AppError } from '../errors'
import { reindexGuest } from './guest-index.repository'
import { lastChangeId, mergeChangeId, newBatch, personChangesSince, recordChanges, valueBeforeFirstEditSince, type FieldChange } from './guest-history.repository'
import {
  findMerge,
  idsOwnedBy,
  idsTiedToStays,
  insertMerge,
  isPairFlagged,
  liveMergeAway,
  liveMergesIntoAfter,
  markMergeUndone,
  moveOwned,
  moveOwnedBack,
  ownedTables,
  stayTiedTables,
  updateMergeSnapshot,
  writeGuestRow,
  type OwnedTable,
} from './guest-merge.repository'
import { maskDocumentNo } from './identity-document'
import { detailsOf, layMerge, mergedValue, readMergeRecord, type ChoosableField, type Choice, type MergeRecord, type Stored } from './guest-merge-record'
import { editableGuestColumns, personalGuestColumns, type EditableGuestColumn } from './guest-profile.repository'
import { findGuest } from './guest.repository'
import { requireLiveGuest } from './guest-profile.service'

/** Fields a person chooses between when two profiles disagree (VIP, restriction and consent are not chosen: they survive). */
export const choosableFields = personalGuestColumns
export type { ChoosableField }

const asText = (v: Stored | undefined): string | null => (v === null || v === undefined ? null : String(v))
const consentColumns = ['consent_marketing', 'consent_sensitive'] as const

/**
 * What merging `mergedId` into `survivorId` would do: the fields both profiles hold with
 * different values (to choose), what always survives (VIP, restriction, consent), and how
 * many rows of each kind move. Throws MERGE_SELF for one guest, NOT_FOUND for an unknown or
 * merged-away guest.
 */
export function mergePreview(ctx: OperationContext, survivorId: number, mergedId: number) {
  if (survivorId === mergedId) throw new AppError('MERGE_SELF', 'A guest cannot be merged with itself.')
  const survivor = requireLiveGuest(ctx, survivorId)
  const merged = requireLiveGuest(ctx, mergedId)
  for (const guest of [survivor, merged]) requireNotAnonymised(guest)
  const conflicts = choosableFields
    .filter((f) => f !== 'document_type' && survivor[f] !== null && merged[f] !== null && survivor[f] !== '' && merged[f] !== '' && String(survivor[f]) !== String(merged[f]))
    // A document number is chosen by its last four characters: the whole number is shown only through guest.document (audited).
    .map((field) => (field === 'document_no' ? { field, survivor: maskDocumentNo(survivor.document_no)!, merged: maskDocumentNo(merged.document_no)! } : { field, survivor: String(survivor[field]), merged: String(merged[field]) }))
  const kept = (column: EditableGuestColumn) => mergedValue(column, survivor[column], merged, undefined)
  return {
    conflicts,
    kept: {
      vip: Number(kept('vip')),
      restricted: kept('restricted') === 1,
      consentMarketing: kept('consent_marketing') as number | null,
      consentSensitive: kept('consent_sensitive') as number | null,
    },
    moving: Object.fromEntries(ownedTables.map((t) => [t, idsOwnedBy(ctx.sqlite, t, merged.id).length])) as Record<OwnedTable, number>,
  }
}

/**
 * Merges a duplicate profile into the survivor: the person chooses each conflicting field;
 * VIP, restriction and consent withdrawals always survive; preferences, observations, stays
 * and prompts move across. Keeps a `MergeRecord` so the merge can be undone later, in any
 * order, without losing what changes after it. Both profiles' histories record the merge.
 * Throws as `mergePreview`, and MERGE_STATE for a pair marked as different people.
 */
export function mergeGuests(
  ctx: OperationContext,
  input: { survivorId: number; mergedId: number; choose: Partial<Record<ChoosableField, Choice>> },
): { mergeId: number; survivorId: number } {
  const actor = actorOf(ctx)
  mergePreview(ctx, input.survivorId, input.mergedId)
  if (isPairFlagged(ctx.sqlite, input.survivorId, input.mergedId)) {
    throw new AppError('MERGE_STATE', 'These two profiles were marked as different people.')
  }
  const survivor = findGuest(ctx.sqlite, input.survivorId)!
  const merged = findGuest(ctx.sqlite, input.mergedId)!
  const at = ctx.clock.now().toISOString()
  const moved = Object.fromEntries(ownedTables.map((t) => [t, idsOwnedBy(ctx.sqlite, t, merged.id)])) as Record<OwnedTable, number[]>
  const choose = Object.fromEntries(Object.entries(input.choose).filter(([, v]) => v !== undefined)) as MergeRecord['choose']
  const under = detailsOf(survivor)
  const record: MergeRecord = { version: 2, survivor, merged, choose, under, historyMark: lastChangeId(ctx.sqlite), moved }
  const profile = layMerge(under, merged, choose)

  writeGuestRow(ctx.sqlite, { ...survivor, ...profile, updated_at: at } as GuestRow)
  for (const table of ownedTables) moveOwned(ctx.sqlite, table, moved[table], survivor.id)
  writeGuestRow(ctx.sqlite, { ...merged, merged_into: survivor.id, updated_at: at })
  reindexGuest(ctx.sqlite, survivor.id)
  reindexGuest(ctx.sqlite, merged.id)
  const mergeId = insertMerge(ctx.sqlite, { survivor_id: survivor.id, merged_id: merged.id, at, staff_id: actor.staffId, snapshot: JSON.stringify(record) })
  const written = editableGuestColumns.filter((c) => asText(under[c]) !== asText(profile[c])).map((c) => ({ field: c, old: asText(under[c]), new: asText(profile[c]) }))
  const entry = { at, staffId: actor.staffId, entity: 'merge' as const, entityId: mergeId }
  recordChanges(ctx.sqlite, { ...entry, guestId: survivor.id, batch: newBatch(), action: 'merge', changes: [{ field: 'merged_guest', old: null, new: String(merged.id) }, ...written] })
  recordChanges(ctx.sqlite, { ...entry, guestId: merged.id, batch: newBatch(), action: 'merge.away', changes: [{ field: 'merged_guest', old: null, new: String(survivor.id) }] })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.merge', guestId: survivor.id, entity: 'guest_merge', entityId: mergeId, detail: { mergedId: merged.id } })
  return { mergeId, survivorId: survivor.id }
}

/** An anonymised (erased) guest is never merged or unmerged: GUEST_ANONYMISED (privacy/erasure.service.ts). */
function requireNotAnonymised(guest: GuestRow): void {
  if (guest.anonymised_at) throw new AppError('GUEST_ANONYMISED', `Guest ${guest.id} was anonymised; an anonymised guest cannot be merged.`, { guestId: guest.id, anonymisedAt: guest.anonymised_at })
}

/** A merge's record; one written before version 2 has its choices read back from the survivor's history. */
function recordOf(ctx: OperationContext, merge: GuestMergeRow, survivor: GuestRow): MergeRecord {
  const mark = () => mergeChangeId(ctx.sqlite, merge.survivor_id, merge.id)
  return readMergeRecord(merge.snapshot, mark(), (column) => {
    const edited = valueBeforeFirstEditSince(ctx.sqlite, survivor.id, mark(), column)
    return edited ? edited.value : survivor[column]
  })
}

/** A guest row as a record holds it, column by column; a column the record is older than keeps today's value. */
function asRecorded(today: GuestRow, recorded: GuestRow): GuestRow {
  const columns = Object.keys(today) as (keyof GuestRow)[]
  return Object.fromEntries(columns.map((c) => [c, c in recorded ? recorded[c] : today[c]])) as unknown as GuestRow
}

/** Refuses an unmerge that cannot be done now, naming the merge to undo first where there is one. */
function requireUndoable(ctx: OperationContext, merge: GuestMergeRow | undefined, mergeId: number): { merge: GuestMergeRow; survivor: GuestRow; merged: GuestRow } {
  if (!merge) throw new AppError('NOT_FOUND', `No merge with id ${mergeId}.`, { entity: 'merge', id: mergeId })
  if (merge.undone_at) throw new AppError('MERGE_STATE', 'This merge was already undone.')
  const merged = findGuest(ctx.sqlite, merge.merged_id)
  const survivor = findGuest(ctx.sqlite, merge.survivor_id)
  if (!merged || !survivor || merged.merged_into !== merge.survivor_id) throw new AppError('MERGE_STATE', 'The profiles changed since; this merge can no longer be undone.')
  for (const guest of [survivor, merged]) requireNotAnonymised(guest)
  if (survivor.merged_into !== null) {
    const later = liveMergeAway(ctx.sqlite, survivor.id)
    const into = later ? findGuest(ctx.sqlite, later.survivor_id) : undefined
    const details = { mergeId: later?.id ?? null, survivorName: into?.native_name ?? null, mergedName: survivor.native_name }
    throw new AppError(
      'MERGE_ORDER',
      `${survivor.native_name} was merged into ${details.survivorName ?? 'another profile'} since (merge ${details.mergeId}); undo that merge first.`,
      details,
    )
  }
  return { merge, survivor, merged }
}

/**
 * The survivor's details without one merge: each field lays the later merges again on what
 * was under this one (rewriting their records), unless a person changed it after the merge.
 */
function survivorWithout(record: MergeRecord, survivor: GuestRow, later: { row: GuestMergeRow; record: MergeRecord }[], personChanged: Set<string>) {
  const restored: FieldChange[] = []
  const kept: FieldChange[] = []
  const details = detailsOf(survivor)
  for (const column of editableGuestColumns) {
    let value = record.under[column]
    for (const layer of later) {
      if (!personChanged.has(column)) layer.record.under[column] = value
      value = mergedValue(column, value, layer.record.merged, (layer.record.choose as Record<string, Choice | undefined>)[column])
    }
    if (asText(value) === asText(survivor[column])) continue
    if (personChanged.has(column)) {
      kept.push({ field: column, old: asText(value), new: asText(survivor[column]) })
    } else {
      restored.push({ field: column, old: asText(survivor[column]), new: asText(value) })
      ;(details as Record<string, Stored>)[column] = value
    }
  }
  return { details, restored, kept }
}

/**
 * Undoes a merge. The merged-away profile comes back as it was, with any consent withdrawal
 * made on the survivor after the merge (privacy choices are never reverted); its moved rows go
 * back, and rows tied to its stays go with them; rows created on the survivor after the merge
 * stay. On the survivor only what this merge put there is taken away, in any order of undoing:
 * a field a person changed after the merge keeps its value, and is named in `keptFields` and
 * in the history ('unmerge.kept'). Throws NOT_FOUND, MERGE_STATE (already undone), and
 * MERGE_ORDER when the survivor was merged away since (details name that merge).
 */
export function unmergeGuests(
  ctx: OperationContext,
  mergeId: number,
): { survivorId: number; restoredId: number; keptFields: string[]; withdrawalsCarried: string[] } {
  const actor = actorOf(ctx)
  const { merge, survivor, merged } = requireUndoable(ctx, findMerge(ctx.sqlite, mergeId), mergeId)
  const record = recordOf(ctx, merge, survivor)
  const at = ctx.clock.now().toISOString()
  const personChanges = personChangesSince(ctx.sqlite, survivor.id, record.historyMark)
  const personChanged = new Set(personChanges.map((c) => c.field ?? ''))
  const later = liveMergesIntoAfter(ctx.sqlite, survivor.id, merge.id).map((row) => ({ row, record: recordOf(ctx, row, survivor) }))
  const { details, restored, kept } = survivorWithout(record, survivor, later, personChanged)
  const untouched = survivor.updated_at === merge.at && editableGuestColumns.every((c) => asText(details[c]) === asText(record.survivor[c]))
  writeGuestRow(ctx.sqlite, { ...survivor, ...details, updated_at: untouched ? record.survivor.updated_at : at } as GuestRow)
  for (const layer of later) updateMergeSnapshot(ctx.sqlite, layer.row.id, JSON.stringify(layer.record))

  // A withdrawal made while the two were one profile is the restored guest's choice too (even where it
  // already held 0 through a merge of its own, so that undoing that merge later keeps it).
  const carried = consentColumns.filter((column) => personChanges.filter((c) => c.field === column).at(-1)?.new_value === '0')
  const withdrawn = carried.some((column) => record.merged[column] !== 0)
  const comeBack: GuestRow = { ...asRecorded(merged, record.merged), merged_into: null, updated_at: withdrawn ? at : record.merged.updated_at }
  for (const column of carried) comeBack[column] = 0
  writeGuestRow(ctx.sqlite, comeBack)

  const stayIds = record.moved.stay ?? []
  for (const table of ownedTables) moveOwnedBack(ctx.sqlite, table, record.moved[table] ?? [], survivor.id, comeBack.id)
  for (const table of stayTiedTables) moveOwned(ctx.sqlite, table, idsTiedToStays(ctx.sqlite, table, survivor.id, stayIds), comeBack.id)
  markMergeUndone(ctx.sqlite, mergeId, at, actor.staffId)
  reindexGuest(ctx.sqlite, survivor.id)
  reindexGuest(ctx.sqlite, comeBack.id)

  const entry = { at, staffId: actor.staffId, entity: 'merge' as const, entityId: mergeId }
  const survivorBatch = newBatch()
  recordChanges(ctx.sqlite, { ...entry, guestId: survivor.id, batch: survivorBatch, action: 'unmerge', changes: [{ field: 'merged_guest', old: String(comeBack.id), new: null }, ...restored] })
  recordChanges(ctx.sqlite, { ...entry, guestId: survivor.id, batch: survivorBatch, action: 'unmerge.kept', changes: kept })
  const comeBackBatch = newBatch()
  recordChanges(ctx.sqlite, { ...entry, guestId: comeBack.id, batch: comeBackBatch, action: 'unmerge.back', changes: [{ field: 'merged_guest', old: String(survivor.id), new: null }] })
  const carriedChanges = carried.map((column) => ({ field: column, old: asText(record.merged[column]), new: '0' }))
  recordChanges(ctx.sqlite, { ...entry, guestId: comeBack.id, batch: comeBackBatch, action: 'unmerge.carried', changes: carriedChanges })
  recordAudit(ctx.sqlite, {
    at,
    staffId: actor.staffId,
    action: 'guest.unmerge',
    guestId: survivor.id,
    entity: 'guest_merge',
    entityId: mergeId,
    detail: { restoredId: comeBack.id, keptFields: kept.map((c) => c.field), withdrawalsCarried: carried },
  })
  return { survivorId: survivor.id, restoredId: comeBack.id, keptFields: kept.map((c) => c.field), withdrawalsCarried: [...carried] }
}
