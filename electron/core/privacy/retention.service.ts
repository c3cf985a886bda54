import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import type { Sqlite } from '../db/query'
import { AppError } from '../errors'
import { today } from '../hotel-clock'
import { getSetting, putSetting } from '../setup/setting.repository'
import { compactSearchIndex } from './erasure.repository'
import { anonymisePeople, withSecureDelete } from './erasure.service'
import { countRetentionCandidates, retentionCandidateIds, retentionCandidates, type RetentionCandidate } from './retention.repository'

/** Guests anonymised per pass of a retention run. */
const retentionBatch = 100

/** The setting: whole years of inactivity after which a guest is anonymised (1–30); absent: retention is off. */
export const retentionYearsKey = 'privacy.retentionYears'

/** The retention period in years, or null when it is off. */
export function retentionYears(sqlite: Sqlite): number | null {
  const stored = Number(getSetting(sqlite, retentionYearsKey) ?? '')
  return Number.isInteger(stored) && stored >= 1 && stored <= 30 ? stored : null
}

/** Sets (1–30) or turns off (null) the retention period. Answers whether it changed. */
export function setRetentionYears(sqlite: Sqlite, years: number | null): boolean {
  const before = retentionYears(sqlite)
  if (before === years) return false
  putSetting(sqlite, retentionYearsKey, years === null ? '' : String(years))
  return true
}

/** The business date `years` years before `date` (YYYY-MM-DD); 29 February falls back to the 28th. */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const year = y - years
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export interface RetentionPreview {
  /** The period in force (or asked about), null: off (then nobody is affected). */
  years: number | null
  businessDate: string
  /** Guests inactive since before this date are anonymised (YYYY-MM-DD), null when off. */
  cutoff: string | null
  count: number
  guests: RetentionCandidate[]
}

/**
 * Who the retention period would anonymise today (the business date): their number and one page
 * of them, longest inactive first. `years` previews another period than the one saved.
 */
export function retentionPreview(ctx: OperationContext, input: { years?: number | null; limit: number; offset: number }): RetentionPreview {
  const years = input.years === undefined ? retentionYears(ctx.sqlite) : input.years
  const businessDate = today(ctx)
  if (years === null) return { years, businessDate, cutoff: null, count: 0, guests: [] }
  const cutoff = yearsBefore(businessDate, years)
  return {
    years,
    businessDate,
    cutoff,
    count: countRetentionCandidates(ctx.sqlite, cutoff),
    guests: retentionCandidates(ctx.sqlite, cutoff, input.limit, input.offset),
  }
}

/**
 * Anonymises every guest the saved retention period reaches today, as `retentionPreview` finds
 * them. `expected` is the count the manager confirmed: when it differs (a guest came back, the
 * period changed) nothing is done and RETENTION_CHANGED answers {expected, found}. VALIDATION
 * when retention is off. One audit row: the period, the cutoff and the count (no names).
 */
export function runRetention(ctx: OperationContext, expected: number): { anonymised: number; cutoff: string; years: number } {
  const actor = actorOf(ctx)
  const years = retentionYears(ctx.sqlite)
  if (years === null) {
    throw new AppError('VALIDATION', 'Retention is off: set the number of years first.', { issues: [{ path: 'years', message: 'Set the retention period (1–30 years) first.' }] })
  }
  const cutoff = yearsBefore(today(ctx), years)
  const ids = retentionCandidateIds(ctx.sqlite, cutoff)
  if (ids.length !== expected) {
    throw new AppError('RETENTION_CHANGED', `The preview found ${expected} guests; ${ids.length} are inactive now.`, { expected, found: ids.length })
  }
  const at = ctx.clock.now().toISOString()
  withSecureDelete(ctx.sqlite, () => {
    // In batches: one scan of the event log and reports per batch, not per guest.
    for (let i = 0; i < ids.length; i += retentionBatch) anonymisePeople(ctx.sqlite, ids.slice(i, i + retentionBatch), at, { compact: false })
    if (ids.length > 0) compactSearchIndex(ctx.sqlite)
  })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'privacy.retentionRun', entity: 'guest', detail: { years, cutoff, anonymised: ids.length } })
  return { anonymised: ids.length, cutoff, years }
}
