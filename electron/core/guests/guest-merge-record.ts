import type { GuestRow } from '../db/tables/guest.table'
import type { OwnedTable } from './guest-merge.repository'
import { editableGuestColumns, personalGuestColumns, type EditableGuestColumn } from './guest-profile.repository'

export type Stored = string | number | null
export type ChoosableField = (typeof personalGuestColumns)[number]
export type Choice = 'survivor' | 'merged'
/** The survivor's editable details, column by column. */
export type GuestDetails = Record<EditableGuestColumn, Stored>

/**
 * What a merge keeps so that it can be undone in any order (stored as JSON in guest_merge.snapshot).
 *
 * A merge is a layer on the survivor's details: `under` is what the survivor held just below
 * it, and the merged-away profile plus the explicit choices say what the layer put on top.
 * Undoing a merge removes its layer and lays the later merges again on what was under it; a
 * field a person edited after the merge (`historyMark`) is kept as it is.
 */
export interface MergeRecord {
  version: 2
  /** The survivor's row just before the merge. */
  survivor: GuestRow
  /** The merged-away profile's row just before the merge; it comes back from this. */
  merged: GuestRow
  /** The choices the person made; a field not chosen takes the merged value only where the survivor had none. */
  choose: Partial<Record<ChoosableField, Choice>>
  /** The survivor's details under this merge; rewritten when a merge beneath it is undone. */
  under: GuestDetails
  /** The last guest_change id before the merge: later live edits are the person's, and survive. */
  historyMark: number
  /** Rows of the merged-away profile that moved to the survivor. */
  moved: Record<OwnedTable, number[]>
}

/** The shape before version 2: both rows before the merge and the rows that moved. */
interface LegacyRecord {
  survivor: GuestRow
  merged: GuestRow
  moved: Record<OwnedTable, number[]>
}

const isChoosable = (column: EditableGuestColumn): column is ChoosableField => (personalGuestColumns as readonly string[]).includes(column)
const blank = (v: Stored | undefined) => v === null || v === undefined || v === ''

/** Consent withdrawn on either profile stays withdrawn; consent given on either is kept. */
export function combinedConsent(a: Stored, b: Stored): number | null {
  if (a === 0 || b === 0) return 0
  if (a === 1 || b === 1) return 1
  return null
}

/**
 * The value a merge lays on one field: the chosen profile's for personal details (the merged
 * profile's where the survivor has none), the higher VIP level, a restriction on either, both
 * restriction notes, and consent as `combinedConsent`.
 */
export function mergedValue(column: EditableGuestColumn, under: Stored, merged: GuestRow, choice: Choice | undefined): Stored {
  if (isChoosable(column)) {
    const pick = choice ?? (blank(under) ? 'merged' : 'survivor')
    return pick === 'merged' ? merged[column] : under
  }
  switch (column) {
    case 'vip':
    case 'restricted':
      return Math.max(Number(under ?? 0), merged[column])
    case 'restriction_note':
      return [under, merged.restriction_note].filter((v) => !blank(v)).join(' / ') || null
    case 'consent_marketing':
    case 'consent_sensitive':
      return combinedConsent(under, merged[column])
  }
}

/** The survivor's details with one merge laid on top. */
export function layMerge(under: GuestDetails, merged: GuestRow, choose: MergeRecord['choose']): GuestDetails {
  return Object.fromEntries(
    editableGuestColumns.map((column) => {
      // A document's type goes with its number: the choice made for document_no decides both.
      const choice = column === 'document_type' ? (choose.document_no ?? (blank(under.document_no) ? 'merged' : 'survivor')) : isChoosable(column) ? choose[column] : undefined
      return [column, mergedValue(column, under[column], merged, choice)]
    }),
  ) as GuestDetails
}

/** A guest row's editable details. */
export function detailsOf(row: GuestRow): GuestDetails {
  return Object.fromEntries(editableGuestColumns.map((column) => [column, row[column]])) as GuestDetails
}

/**
 * Reads a stored merge record. A record written before version 2 did not keep the choices:
 * they are read back from what the survivor held just after the merge (`valueAfterMerge`).
 */
export function readMergeRecord(snapshot: string, historyMark: number, valueAfterMerge: (column: ChoosableField) => Stored): MergeRecord {
  const stored = JSON.parse(snapshot) as MergeRecord | LegacyRecord
  if ('version' in stored && stored.version === 2) return stored
  const choose: MergeRecord['choose'] = {}
  for (const column of personalGuestColumns) {
    const { survivor, merged } = stored
    if (blank(survivor[column]) || blank(merged[column]) || String(survivor[column]) === String(merged[column])) continue
    choose[column] = String(valueAfterMerge(column)) === String(merged[column]) ? 'merged' : 'survivor'
  }
  return { version: 2, survivor: stored.survivor, merged: stored.merged, choose, under: detailsOf(stored.survivor), historyMark, moved: stored.moved }
}
