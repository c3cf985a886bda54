import { all, qb, type Sqlite } from '../db/query'
import { hotelCurrency } from './currency'
import type { CaseOutcome } from './recovery.types'

/**
 * How the given cases were recovered, for the next stay's "had a problem last time" flag: the
 * solution step's note and the compensation step's kind and value, each when done and not
 * skipped. Cases with neither are left out. One read by the step table's (case_id, step) key.
 */
export function howCasesWereRecovered(sqlite: Sqlite, caseIds: readonly number[]): CaseOutcome[] {
  if (caseIds.length === 0) return []
  const rows = all(
    sqlite,
    qb
      .selectFrom('recovery_step')
      .select(['case_id', 'step', 'note', 'compensation_kind', 'compensation_minor'])
      .where('case_id', 'in', caseIds)
      .where('step', 'in', ['solution', 'compensation'])
      .where('done_at', 'is not', null)
      .where('skipped', '=', 0),
  )
  const currency = hotelCurrency(sqlite)
  const byCase = new Map<number, CaseOutcome>()
  for (const r of rows) {
    const outcome = byCase.get(r.case_id) ?? { caseId: r.case_id, solution: null, compensation: null }
    if (r.step === 'solution' && r.note) outcome.solution = r.note
    if (r.step === 'compensation' && r.compensation_minor !== null) {
      outcome.compensation = { kind: r.compensation_kind ?? 'other', valueMinor: r.compensation_minor, currency }
    }
    if (outcome.solution !== null || outcome.compensation !== null) byCase.set(r.case_id, outcome)
  }
  return caseIds.flatMap((id) => (byCase.has(id) ? [byCase.get(id)!] : []))
}
