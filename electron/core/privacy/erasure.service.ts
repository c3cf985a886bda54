import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import type { Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'
import { AppError } from '../errors'
import { phoneDigits } from '../guests/guest-name'
import { findGuest } from '../guests/guest.repository'
import {
  anonymiseGuestRows,
  blockingStays,
  clearHistoryValues,
  clearOtherGuestText,
  clearTiedText,
  freeTextValuesOf,
  historyValuesOf,
  compactSearchIndex,
  guestRowsOf,
  keptGuestColumns,
  mergesOf,
  personIds,
  removeFromIndexes,
  rewriteText,
  setHistoryValues,
  setMergeSnapshot,
  eventsAbout,
  stayEventTexts,
  textsContaining,
  type ErasedCounts,
} from './erasure.repository'
import type { ErasureReason } from './erasure-reasons'
import { clearRecoveryTextOfGuests } from '../recovery/recovery-memory.repository'
import { endRecoveryOfGuests } from '../recovery/recovery.repository'

export { erasureReasons } from './erasure-reasons'

/**
 * The strings that identify a person, taken from their profiles before erasure: names (native and
 * roman), phone as typed, in E.164 and as digits, email, document number, PMS profile id and
 * membership number. Whitespace-trimmed, at least 2 characters, longest first.
 */
export function identifiersOf(rows: readonly GuestRow[]): string[] {
  const found = new Set<string>()
  for (const row of rows) {
    const r = row as GuestRow & Record<string, unknown>
    for (const value of [r.native_name, r.roman_name, r.phone, r.phone_e164, r.email, r.document_no, r.pms_profile_id, r.membership_no]) {
      if (typeof value === 'string' && value.trim().length >= 2) found.add(value.trim())
    }
    const digits = phoneDigits(row.phone)
    if (digits.length >= 7) found.add(digits)
  }
  return [...found].sort((a, b) => b.length - a.length)
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * One string without the identifiers: a string that IS one of them (a JSON value "何家俊") becomes
 * '', and every occurrence of an identifier of 3 or more characters inside a longer text is cut
 * out ("Recommend Sichuan dishes to 何家俊" → "Recommend Sichuan dishes to "). A 2-character name
 * (王伟) is cut only where it stands alone, so 王伟明's records are not mangled.
 */
export function scrubString(text: string, needles: readonly string[]): string {
  const folded = text.trim().toLowerCase()
  if (needles.some((n) => n.toLowerCase() === folded)) return ''
  let out = text
  for (const needle of needles) {
    if (Array.from(needle).length < 3) continue
    if (!out.toLowerCase().includes(needle.toLowerCase())) continue
    out = out.replace(new RegExp(escapeRegExp(needle), 'gi'), '')
  }
  return out
}

/** A stored text without the identifiers: JSON (an event payload, an import report) value by value, other text as a string. */
export function scrubText(text: string, needles: readonly string[]): string {
  const trimmed = text.trim()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(scrubJson(JSON.parse(text), needles))
    } catch {
      // not JSON after all: scrubbed as text
    }
  }
  return scrubString(text, needles)
}

function scrubJson(value: unknown, needles: readonly string[]): unknown {
  if (typeof value === 'string') return scrubString(value, needles)
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, needles))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubJson(v, needles)]))
  return value
}

/** A guest row (or a merge record's details) as erasure leaves it: kept columns only, the name "#<id>". */
function anonymisedRecord(row: Record<string, unknown>, id: number): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, k === 'native_name' ? `#${id}` : k === 'search_key' ? '' : keptGuestColumns.has(k) ? v : null]),
  )
}

/** A merge's snapshot without the erased person: their rows in it anonymised, every identifier cut out. */
function scrubMergeSnapshot(snapshot: string, merge: { survivor_id: number; merged_id: number }, ids: ReadonlySet<number>, needles: readonly string[]): string {
  let record: Record<string, unknown>
  try {
    record = JSON.parse(snapshot) as Record<string, unknown>
  } catch {
    return JSON.stringify({ erased: true })
  }
  const rowAt = (key: string, id: number) => {
    const row = record[key]
    if (row && typeof row === 'object' && !Array.isArray(row)) record[key] = anonymisedRecord(row as Record<string, unknown>, id)
  }
  if (ids.has(merge.survivor_id)) {
    rowAt('survivor', merge.survivor_id)
    rowAt('under', merge.survivor_id)
  }
  if (ids.has(merge.merged_id)) rowAt('merged', merge.merged_id)
  return JSON.stringify(scrubJson(record, needles))
}

/**
 * Anonymises people (each guest with every profile merged into it) and their history, keeping
 * the statistics; see erasure.repository.ts for what each table keeps. No check here: callers
 * refuse in-house guests first. Answers the counts of what was touched. `compact` merges the
 * search index afterwards (leave it to the caller that anonymises in batches).
 */
export function anonymisePeople(sqlite: Sqlite, guestIds: readonly number[], at: string, options: { compact: boolean } = { compact: true }): ErasedCounts {
  const ids = [...new Set(guestIds.flatMap((id) => personIds(sqlite, id)))]
  const rows = guestRowsOf(sqlite, ids)
  const identifiers = identifiersOf(rows)
  // Free-text preference values (a form of address, "欧阳总") are theirs too, but may be anyone's
  // words ("extra pillows"): they are cut from their own records only, never from others'.
  const needles = [...new Set([...identifiers, ...freeTextValuesOf(sqlite, ids).filter((v) => v.trim().length >= 2)])].sort((a, b) => b.length - a.length)
  const idSet = new Set(ids)

  anonymiseGuestRows(sqlite, ids, at)
  removeFromIndexes(sqlite, ids)
  const tied = clearTiedText(sqlite, ids)
  // Recovery cases keep their category, severity, dates, compensation and scores (statistics); their words go.
  const recoveryText = clearRecoveryTextOfGuests(sqlite, ids)
  // Their recovery work ends: open recovery prompts cancelled, cases not closed yet closed (nothing more can be recorded on them).
  endRecoveryOfGuests(sqlite, ids, at)
  const guestKeyed = clearOtherGuestText(sqlite, ids)
  const changes = clearHistoryValues(sqlite, ids)
  // What the history keeps ("service.address_as=欧阳总" when a preference was added) loses the identifiers in it.
  for (const row of historyValuesOf(sqlite, ids)) {
    const scrub = (v: string | null) => (v === null ? null : scrubText(v, needles))
    if (scrub(row.old_value) !== row.old_value || scrub(row.new_value) !== row.new_value) setHistoryValues(sqlite, row.id, scrub(row.old_value), scrub(row.new_value))
  }
  const merges = mergesOf(sqlite, ids)
  for (const merge of merges) setMergeSnapshot(sqlite, merge.id, scrubMergeSnapshot(merge.snapshot, merge, idSet, needles))
  let otherRows = 0
  const own = [...stayEventTexts(sqlite, ids), ...eventsAbout(sqlite, ids)].map((hit) => ({ hit, cut: needles }))
  const key = (hit: { table: string; column: string; rowid: number }) => `${hit.table}.${hit.column}.${hit.rowid}`
  const ownKeys = new Set(own.map(({ hit }) => key(hit)))
  // A row found both ways is scrubbed once, as their own (both lists hold the text as it was).
  const others = textsContaining(sqlite, identifiers)
    .filter((hit) => !ownKeys.has(key(hit)))
    .map((hit) => ({ hit, cut: identifiers }))
  for (const { hit, cut } of [...own, ...others]) {
    const scrubbed = scrubText(hit.text, cut)
    if (scrubbed === hit.text) continue
    rewriteText(sqlite, hit, scrubbed)
    otherRows++
  }
  if (options.compact) compactSearchIndex(sqlite)
  return { profiles: ids.length, ...tied, changes, merges: merges.length, otherRows: otherRows + guestKeyed + recoveryText }
}

/**
 * Refuses to erase a guest who is in house (ERASE_IN_HOUSE) or has a reservation still to come
 * (ERASE_RESERVED): the desk needs their name to check them in or out. details: {stayId, room,
 * arrival, departure}. NOT_FOUND for an unknown or merged-away guest (erase the profile it was
 * merged into), GUEST_ANONYMISED for one already erased (details.anonymisedAt).
 */
export function requireErasable(sqlite: Sqlite, guestId: number): GuestRow {
  const guest = findGuest(sqlite, guestId)
  if (!guest) throw new AppError('NOT_FOUND', `No guest with id ${guestId}.`, { entity: 'guest', id: guestId })
  if (guest.merged_into !== null) {
    throw new AppError('NOT_FOUND', `Guest ${guestId} was merged into guest ${guest.merged_into}; erase that profile.`, { entity: 'guest', id: guestId, mergedInto: guest.merged_into })
  }
  if (guest.anonymised_at) throw new AppError('GUEST_ANONYMISED', `Guest ${guestId} was already anonymised.`, { guestId, anonymisedAt: guest.anonymised_at })
  const blocking = blockingStays(sqlite, personIds(sqlite, guestId))[0]
  if (blocking) {
    const details = { stayId: blocking.stayId, room: blocking.room, arrival: blocking.arrival, departure: blocking.departure }
    if (blocking.status === 'in_house') {
      throw new AppError('ERASE_IN_HOUSE', `The guest is in house${blocking.room ? ` in room ${blocking.room}` : ''} until ${blocking.departure}: check them out first, then erase.`, details)
    }
    throw new AppError('ERASE_RESERVED', `The guest has a reservation arriving ${blocking.arrival}: cancel it first, then erase.`, details)
  }
  return guest
}

/**
 * Erases one guest at a staff member's request (guest.erase): refuses as `requireErasable`, then
 * anonymises them and their history and writes one audit row holding ids, the reason code and
 * counts only.
 */
export function eraseGuest(ctx: OperationContext, guestId: number, reason: ErasureReason): ErasedCounts & { guestId: number; anonymisedAt: string } {
  const actor = actorOf(ctx)
  requireErasable(ctx.sqlite, guestId)
  const at = ctx.clock.now().toISOString()
  const counts = withSecureDelete(ctx.sqlite, () => anonymisePeople(ctx.sqlite, [guestId], at))
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.erase', guestId, entity: 'guest', entityId: guestId, detail: { reason, ...counts } })
  return { guestId, anonymisedAt: at, ...counts }
}

/**
 * Runs `work` with SQLite's secure_delete on: what erasure deletes or overwrites is zeroed in the
 * file, not left in free space until a VACUUM. (Copies already in backups are not reached.)
 */
export function withSecureDelete<T>(sqlite: Sqlite, work: () => T): T {
  const before = sqlite.pragma('secure_delete', { simple: true }) as number
  if (before !== 1) sqlite.pragma('secure_delete = 1')
  try {
    return work()
  } finally {
    if (before !== 1) sqlite.pragma(`secure_delete = ${Number(before)}`)
  }
}
