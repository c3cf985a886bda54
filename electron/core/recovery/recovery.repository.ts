import { sql } from 'kysely'
import { all, first, qb, run, type Sqlite } from '../db/query'
import type { NewRecoveryCaseRow, RecoveryCaseRow, RecoveryStepRow, RecoveryStepTable } from '../db/tables/recovery.table'
import { caseSteps, type CaseStepKey } from './recovery.types'

/*
 * All SQL of recovery cases and their six steps (migration 0017). Instants are ISO 8601 UTC;
 * compensation is in the minor unit of the hotel's currency.
 */

/** Opens a case with its six step rows (none done). Returns the case id. */
export function insertCase(sqlite: Sqlite, row: NewRecoveryCaseRow): number {
  const id = run(sqlite, qb.insertInto('recovery_case').values(row)).lastInsertRowid
  run(
    sqlite,
    qb.insertInto('recovery_step').values(caseSteps.map((step, i) => ({ case_id: id, step, position: i + 1 }))),
  )
  return id
}

export function findCaseRow(sqlite: Sqlite, id: number): RecoveryCaseRow | undefined {
  return first(sqlite, qb.selectFrom('recovery_case').selectAll().where('id', '=', id))
}

export function updateCase(sqlite: Sqlite, id: number, changes: Partial<Omit<RecoveryCaseRow, 'id'>>): void {
  run(sqlite, qb.updateTable('recovery_case').set(changes).where('id', '=', id))
}

/** The six steps of a case, in order, with who did each. */
export function listStepRows(sqlite: Sqlite, caseId: number): (RecoveryStepRow & { done_by_name: string | null })[] {
  return all(
    sqlite,
    qb
      .selectFrom('recovery_step')
      .leftJoin('staff', 'staff.id', 'recovery_step.done_by')
      .selectAll('recovery_step')
      .select('staff.name as done_by_name')
      .where('recovery_step.case_id', '=', caseId)
      .orderBy('recovery_step.position'),
  )
}

type StepChanges = Partial<Omit<{ [K in keyof RecoveryStepTable]: RecoveryStepRow[K] }, 'id' | 'case_id' | 'step' | 'position'>>

export function updateStep(sqlite: Sqlite, caseId: number, step: CaseStepKey, changes: StepChanges): void {
  run(sqlite, qb.updateTable('recovery_step').set(changes).where('case_id', '=', caseId).where('step', '=', step))
}

/** The status of the prompts a case's steps made (follow-up), by prompt id. */
export function promptStatuses(sqlite: Sqlite, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map()
  return new Map(all(sqlite, qb.selectFrom('prompt').select(['id', 'status']).where('id', 'in', [...ids])).map((r) => [r.id, r.status]))
}

/** The case and step a prompt was made for: the first response, a promise or a follow-up. */
export function caseOfPrompt(sqlite: Sqlite, promptId: number): { caseId: number; step: CaseStepKey | 'first_response' } | undefined {
  const firstResponse = first(sqlite, qb.selectFrom('recovery_case').select('id').where('first_response_prompt_id', '=', promptId))
  if (firstResponse) return { caseId: firstResponse.id, step: 'first_response' }
  const step = first(
    sqlite,
    qb
      .selectFrom('recovery_step')
      .select(['case_id', 'step'])
      .where((w) => w.or([w('promise_prompt_id', '=', promptId), w('follow_up_prompt_id', '=', promptId)])),
  )
  return step ? { caseId: step.case_id, step: step.step as CaseStepKey } : undefined
}

/** Summary rows: the case with its guest, stay, room, who raised and owns it, and steps done. */
function summaries() {
  return qb
    .selectFrom('recovery_case as c')
    .innerJoin('guest', 'guest.id', 'c.guest_id')
    .innerJoin('stay', 'stay.id', 'c.stay_id')
    .leftJoin('room', 'room.id', 'stay.room_id')
    .innerJoin('staff as raiser', 'raiser.id', 'c.raised_by')
    .leftJoin('staff as owner', 'owner.id', 'c.owner_id')
    .selectAll('c')
    .select([
      'guest.native_name',
      'guest.roman_name',
      'guest.restricted as guest_restricted',
      'stay.arrival_date',
      'stay.departure_date',
      'room.number as room_number',
      'raiser.name as raised_by_name',
      'owner.name as owner_name',
      (eb) =>
        eb
          .selectFrom('recovery_step as s')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('s.case_id', '=', 'c.id')
          .where('s.done_at', 'is not', null)
          .as('steps_done'),
      (eb) =>
        eb
          .selectFrom('recovery_step as s')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('s.case_id', '=', 'c.id')
          .where('s.step', '=', 'solution')
          .where('s.done_at', 'is not', null)
          .where('s.skipped', '=', 0)
          .as('solution_done'),
    ])
}
export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof summaries>['execute']>>[number]

export function findCaseSummaryRow(sqlite: Sqlite, id: number): CaseSummaryRow | undefined {
  return first(sqlite, summaries().where('c.id', '=', id))
}

/**
 * Cases, open ones first; among open cases those still awaiting their first response come
 * first, the most overdue (earliest promised) first; then the newest.
 */
export function listCaseSummaryRows(sqlite: Sqlite, filter: { status?: string; guestId?: number }, limit: number): CaseSummaryRow[] {
  let q = summaries()
  if (filter.status) q = q.where('c.status', '=', filter.status)
  if (filter.guestId !== undefined) q = q.where('c.guest_id', '=', filter.guestId)
  return all(
    sqlite,
    q
      .orderBy(sql`CASE c.status WHEN 'open' THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN c.status = 'open' AND c.first_responded_at IS NULL THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN c.status = 'open' AND c.first_responded_at IS NULL THEN c.first_response_due_at END`)
      .orderBy('c.raised_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit),
  )
}

/** A guest's cases, newest first. */
export function listCaseRowsOfGuest(sqlite: Sqlite, guestId: number, limit: number): CaseSummaryRow[] {
  return all(sqlite, summaries().where('c.guest_id', '=', guestId).orderBy('c.raised_at', 'desc').orderBy('c.id', 'desc').limit(limit))
}

/** Promises made to a guest and not yet kept, oldest first (madeAt: when the promise was recorded). */
export function openPromisesOfGuest(sqlite: Sqlite, guestId: number): { caseId: number; text: string; dueDate: string; department: string; madeAt: string }[] {
  return all(
    sqlite,
    qb
      .selectFrom('recovery_step as s')
      .innerJoin('recovery_case as c', 'c.id', 's.case_id')
      .leftJoin('prompt as p', 'p.id', 's.promise_prompt_id')
      .select(['s.case_id', 's.promise_text', 's.promise_due_date', 's.promise_department', 'c.raised_at', 'p.created_at as made_at'])
      .where('c.guest_id', '=', guestId)
      .where('s.step', '=', 'promise')
      .where('s.promise_text', 'is not', null)
      .where('s.promise_kept_at', 'is', null)
      .where('s.skipped', '=', 0)
      .orderBy('s.promise_due_date')
      .orderBy('s.id'),
  ).map((r) => ({
    caseId: r.case_id,
    text: r.promise_text ?? '',
    dueDate: r.promise_due_date ?? '',
    department: r.promise_department ?? '',
    madeAt: r.made_at ?? r.raised_at,
  }))
}

/** The staff member's name and whether they are active. */
export function staffRef(sqlite: Sqlite, id: number): { id: number; name: string; role: string; active: number } | undefined {
  return first(sqlite, qb.selectFrom('staff').select(['id', 'name', 'role', 'active']).where('id', '=', id))
}

/** The stay with its room number, for a case's summary and its prompts. */
export function stayWithRoom(sqlite: Sqlite, stayId: number) {
  return first(
    sqlite,
    qb
      .selectFrom('stay')
      .leftJoin('room', 'room.id', 'stay.room_id')
      .selectAll('stay')
      .select('room.number as room_number')
      .where('stay.id', '=', stayId),
  )
}

/** The recovery case a lesson observation came from sets its lesson. */
export function setObservationCase(sqlite: Sqlite, observationId: number, caseId: number): void {
  run(sqlite, qb.updateTable('observation').set({ recovery_case_id: caseId }).where('id', '=', observationId))
}
