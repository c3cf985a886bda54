import { all, qb, type Sqlite } from '../db/query'
import type { CaseFacts, CohortStay, CompensationFacts, LaterStay, SatisfactionFacts } from './recovery-report'

/*
 * The recovery report's reads (report.recovery). Instants are ISO text, so text order is time
 * order; dates are YYYY-MM-DD. A manager's occasional read: recovery_case is searched by its
 * raised_at index, the rest by the stay and guest indexes.
 */

/** Restricts a query to one department and its outlets (as report.promises does). */
const inDepartment = (department: string | undefined) => (department ? [department] : null)

/**
 * Cases raised in [fromInstant, toInstant), with their department's names and whether each was
 * recovered (resolved or closed with the solution step done, not skipped).
 */
export function casesRaisedBetween(sqlite: Sqlite, fromInstant: string, toInstant: string, department?: string): CaseFacts[] {
  let query = qb
    .selectFrom('recovery_case as c')
    .innerJoin('department as d', 'd.code', 'c.department_code')
    .leftJoin('recovery_step as s', (j) => j.onRef('s.case_id', '=', 'c.id').on('s.step', '=', 'solution'))
    .select([
      'c.id',
      'c.guest_id',
      'c.stay_id',
      'c.kind',
      'c.category',
      'c.department_code',
      'd.name_en',
      'd.name_zh',
      'c.raised_at',
      'c.status',
      'c.first_response_due_at',
      'c.first_responded_at',
      'c.resolution_due_at',
      'c.resolved_at',
      's.done_at as solution_done_at',
      's.skipped as solution_skipped',
    ])
    .where('c.raised_at', '>=', fromInstant)
    .where('c.raised_at', '<', toInstant)
  const only = inDepartment(department)
  if (only) query = query.where((w) => w.or([w('d.code', 'in', only), w('d.parent_code', 'in', only)]))
  return all(sqlite, query.orderBy('c.raised_at').orderBy('c.id')).map((r) => ({
    id: r.id,
    guestId: r.guest_id,
    stayId: r.stay_id,
    kind: r.kind,
    category: r.category,
    department: r.department_code,
    departmentName: { en: r.name_en, zh: r.name_zh },
    raisedAt: r.raised_at,
    status: r.status,
    recovered: (r.status === 'resolved' || r.status === 'closed') && r.solution_done_at !== null && !r.solution_skipped,
    firstResponseDueAt: r.first_response_due_at,
    firstRespondedAt: r.first_responded_at,
    resolutionDueAt: r.resolution_due_at,
    resolvedAt: r.resolved_at,
  }))
}

/** The compensation given (step done, not skipped, with a value) on the cases raised in [fromInstant, toInstant). */
export function compensationsBetween(sqlite: Sqlite, fromInstant: string, toInstant: string): CompensationFacts[] {
  const rows = all(
    sqlite,
    qb
      .selectFrom('recovery_step as s')
      .innerJoin('recovery_case as c', 'c.id', 's.case_id')
      .select(['s.case_id', 's.compensation_kind', 's.compensation_minor'])
      .where('s.step', '=', 'compensation')
      .where('s.skipped', '=', 0)
      .where('s.done_at', 'is not', null)
      .where('s.compensation_minor', 'is not', null)
      .where('c.raised_at', '>=', fromInstant)
      .where('c.raised_at', '<', toInstant),
  )
  return rows.map((r) => ({ caseId: r.case_id, kind: r.compensation_kind ?? 'other', minor: r.compensation_minor ?? 0 }))
}

const notHeld = ['cancelled', 'no_show']

/**
 * Stays departing `from`..`to` (business dates) that took place: the return-rate cohort. A stay
 * checked out departed on the business date of its check-out (`checked_out_at` in
 * [fromInstant, toInstant), `dateOf` giving its business date: a check-out at 00:30 before the
 * night audit, or a guest leaving early, counts for that day); any other stay (or one checked out
 * with no instant recorded) on its departure date.
 */
export function staysDepartingBetween(sqlite: Sqlite, from: string, to: string, fromInstant: string, toInstant: string, dateOf: (iso: string) => string): CohortStay[] {
  const rows = all(
    sqlite,
    qb
      .selectFrom('stay')
      .select(['id', 'guest_id', 'departure_date', 'status', 'checked_out_at'])
      .where((w) =>
        w.or([
          w.and([w('status', '=', 'checked_out'), w('checked_out_at', '>=', fromInstant), w('checked_out_at', '<', toInstant)]),
          // Checked out with no recorded instant (an old import): its departure date.
          w.and([w.or([w('status', '<>', 'checked_out'), w('checked_out_at', 'is', null)]), w('departure_date', '>=', from), w('departure_date', '<=', to)]),
        ]),
      )
      .where('status', 'not in', notHeld)
      .where('withdrawn_at', 'is', null),
  )
  return rows.map((r) => ({
    guestId: r.guest_id,
    stayId: r.id,
    departure: r.status === 'checked_out' && r.checked_out_at !== null ? dateOf(r.checked_out_at) : r.departure_date,
  }))
}

/** The cohort guests' stays arriving `from`..`today` (not cancelled, no-show or withdrawn): possible returns. */
export function staysArrivingBetween(sqlite: Sqlite, guestIds: readonly number[], from: string, today: string): LaterStay[] {
  const out: LaterStay[] = []
  for (let i = 0; i < guestIds.length; i += 500) {
    const chunk = guestIds.slice(i, i + 500)
    const rows = all(
      sqlite,
      qb
        .selectFrom('stay')
        .select(['id', 'guest_id', 'arrival_date'])
        .where('guest_id', 'in', chunk)
        .where('arrival_date', '>=', from)
        .where('arrival_date', '<=', today)
        .where('status', 'not in', notHeld)
        .where('withdrawn_at', 'is', null),
    )
    for (const r of rows) out.push({ guestId: r.guest_id, stayId: r.id, arrival: r.arrival_date })
  }
  return out
}

/**
 * Of the given stays, those with a recovered case (resolved or closed with the solution step
 * done; of `department` and its outlets when given), and the guests among `guestIds` with any
 * recovery case at all, ever.
 */
export function recoveryOfCohort(sqlite: Sqlite, stayIds: readonly number[], guestIds: readonly number[], department?: string): { recoveredStayIds: Set<number>; guestsWithCases: Set<number> } {
  const recoveredStayIds = new Set<number>()
  const guestsWithCases = new Set<number>()
  const only = inDepartment(department)
  for (let i = 0; i < stayIds.length; i += 500) {
    let query = qb
      .selectFrom('recovery_case as c')
      .innerJoin('department as d', 'd.code', 'c.department_code')
      .innerJoin('recovery_step as s', (j) => j.onRef('s.case_id', '=', 'c.id').on('s.step', '=', 'solution'))
      .select('c.stay_id')
      .where('c.stay_id', 'in', stayIds.slice(i, i + 500))
      .where('c.status', 'in', ['resolved', 'closed'])
      .where('s.done_at', 'is not', null)
      .where('s.skipped', '=', 0)
    if (only) query = query.where((w) => w.or([w('d.code', 'in', only), w('d.parent_code', 'in', only)]))
    for (const r of all(sqlite, query)) recoveredStayIds.add(r.stay_id)
  }
  for (let i = 0; i < guestIds.length; i += 500) {
    const rows = all(sqlite, qb.selectFrom('recovery_case').select('guest_id').distinct().where('guest_id', 'in', guestIds.slice(i, i + 500)))
    for (const r of rows) guestsWithCases.add(r.guest_id)
  }
  return { recoveredStayIds, guestsWithCases }
}

/**
 * Satisfaction records dated `from`..`to`: answered on those dates (answered_on), or, without an
 * answer date, recorded in [fromInstant, toInstant). `dateOf` gives a recorded instant's business date.
 */
export function satisfactionBetween(sqlite: Sqlite, from: string, to: string, fromInstant: string, toInstant: string, dateOf: (iso: string) => string): SatisfactionFacts[] {
  const rows = all(
    sqlite,
    qb
      .selectFrom('satisfaction')
      .select(['id', 'stay_id', 'score', 'answered_on', 'recorded_at'])
      .where((w) =>
        w.or([
          w.and([w('answered_on', '>=', from), w('answered_on', '<=', to)]),
          w.and([w('answered_on', 'is', null), w('recorded_at', '>=', fromInstant), w('recorded_at', '<', toInstant)]),
        ]),
      ),
  )
  return rows.map((r) => ({ id: r.id, stayId: r.stay_id, score: r.score, date: r.answered_on ?? dateOf(r.recorded_at), recordedAt: r.recorded_at }))
}
