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
 * first, the most overdue (earliest promised) first; then the newest. `withoutRestricted`
 * leaves out the cases of guests who asked for discretion.
 */
export function listCaseSummaryRows(sqlite: Sqlite, filter: { status?: string; guestId?: number; withoutRestricted?: boolean }, limit: number): CaseSummaryRow[] {
  let q = summaries()
  if (filter.status) q = q.where('c.status', '=', filter.status)
  if (filter.withoutRestricted) q = q.where('guest.restricted', '=', 0)
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

/** Why the recovery service cancelled a prompt: the step it stood for was withdrawn, moved, skipped, or the case ended. */
export const recoveryCancelReason = 'recovery_withdrawn'

/**
 * Withdraws a prompt a case made when its step no longer needs it (a follow-up moved, a promise
 * or follow-up skipped, the case closed): an open or acknowledged prompt is cancelled; in every
 * status its dedupe key is freed, so the same slot (a follow-up at the same time) can be made
 * again. Answers whether an open prompt was cancelled.
 */
export function withdrawRecoveryPrompt(sqlite: Sqlite, promptId: number): boolean {
  const open = run(
    sqlite,
    qb
      .updateTable('prompt')
      .set({ status: 'cancelled', cancel_reason: recoveryCancelReason })
      .where('id', '=', promptId)
      .where('status', 'in', ['open', 'acknowledged']),
  ).changes
  run(
    sqlite,
    qb
      .updateTable('prompt')
      .set((eb) => ({ dedupe_key: sql<string>`${eb.ref('dedupe_key')} || ':withdrawn' || ${eb.ref('id')}` }))
      .where('id', '=', promptId)
      .where('dedupe_key', 'not like', '%:withdrawn%'),
  )
  return open === 1
}

/** The open or acknowledged prompts a case made (first response, promise, follow-ups: dedupe key `recovery:<case>:…`). */
export function openPromptIdsOfCase(sqlite: Sqlite, caseId: number): number[] {
  return all(
    sqlite,
    qb
      .selectFrom('prompt')
      .select('id')
      .where('trigger', '=', 'recovery')
      .where('dedupe_key', 'like', `recovery:${caseId}:%`)
      .where('status', 'in', ['open', 'acknowledged']),
  ).map((r) => r.id)
}

/** Where a prompt came from: its dedupe key and its rule's key (to tell a "we promised last time" reminder). */
export function promptOrigin(sqlite: Sqlite, promptId: number): { dedupeKey: string; ruleKey: string | null } | undefined {
  const row = first(
    sqlite,
    qb
      .selectFrom('prompt')
      .leftJoin('rule', 'rule.id', 'prompt.rule_id')
      .select(['prompt.dedupe_key', 'rule.key as rule_key'])
      .where('prompt.id', '=', promptId),
  )
  return row ? { dedupeKey: row.dedupe_key, ruleKey: row.rule_key } : undefined
}

/** A step row by its id, with its case's guest. */
export function findStepRow(sqlite: Sqlite, stepId: number): (RecoveryStepRow & { guest_id: number }) | undefined {
  return first(
    sqlite,
    qb
      .selectFrom('recovery_step')
      .innerJoin('recovery_case', 'recovery_case.id', 'recovery_step.case_id')
      .selectAll('recovery_step')
      .select('recovery_case.guest_id')
      .where('recovery_step.id', '=', stepId),
  )
}

/**
 * The open "we promised last time" reminders of one promise step at later stays (rule
 * `ruleId`, dedupe key `<stay>:<rule>:-@promise<step>`, recovery-memory.ts).
 */
export function openRemindersOfPromise(sqlite: Sqlite, ruleId: number, stepId: number): number[] {
  return all(
    sqlite,
    qb
      .selectFrom('prompt')
      .select('id')
      .where('trigger', '=', 'recovery')
      .where('rule_id', '=', ruleId)
      .where('dedupe_key', 'like', `%:-@promise${stepId}`)
      .where('status', 'in', ['open', 'acknowledged']),
  ).map((r) => r.id)
}

/**
 * The same case raised moments ago (a double tap): the same stay, guest, kind, category,
 * department, words and staff member, raised at or after `since` (ISO). Its id, or undefined.
 */
export function recentIdenticalCase(
  sqlite: Sqlite,
  c: { stayId: number; guestId: number; kind: string; category: string; department: string; description: string; raisedBy: number; since: string },
): number | undefined {
  return first(
    sqlite,
    qb
      .selectFrom('recovery_case')
      .select('id')
      .where('stay_id', '=', c.stayId)
      .where('guest_id', '=', c.guestId)
      .where('kind', '=', c.kind)
      .where('category', '=', c.category)
      .where('department_code', '=', c.department)
      .where('description', '=', c.description)
      .where('raised_by', '=', c.raisedBy)
      .where('raised_at', '>=', c.since)
      .orderBy('id', 'desc'),
  )?.id
}

/** Has any compensation been recorded (in the hotel's currency)? Then the currency may no longer change. */
export function compensationRecorded(sqlite: Sqlite): boolean {
  return first(sqlite, qb.selectFrom('recovery_step').select('id').where('compensation_minor', 'is not', null).limit(1)) !== undefined
}

/** Is `category` (and `code` within it) a word of the preference vocabulary? */
export function vocabularyKnows(sqlite: Sqlite, category: string, code?: string): boolean {
  let q = qb.selectFrom('vocabulary').select('category').where('category', '=', category)
  if (code !== undefined) q = q.where('code', '=', code)
  return first(sqlite, q.limit(1)) !== undefined
}

/**
 * Erasure (privacy/erasure.service.ts): the recovery work of erased guests ends. Their open
 * recovery prompts (first response, promise, follow-up, next-stay reminders) are cancelled and
 * their cases not closed yet are closed at `at` by nobody (closed_by NULL); kind, category,
 * dates, compensation and scores stay for the statistics. Answers the prompt ids cancelled and
 * the number of cases closed.
 */
export function endRecoveryOfGuests(sqlite: Sqlite, guestIds: readonly number[], at: string): { promptIds: number[]; cases: number } {
  if (guestIds.length === 0) return { promptIds: [], cases: 0 }
  const promptIds = all(
    sqlite,
    qb
      .selectFrom('prompt')
      .select('id')
      .where('trigger', '=', 'recovery')
      .where('guest_id', 'in', [...guestIds])
      .where('status', 'in', ['open', 'acknowledged']),
  ).map((r) => r.id)
  if (promptIds.length > 0) {
    run(sqlite, qb.updateTable('prompt').set({ status: 'cancelled', cancel_reason: recoveryCancelReason }).where('id', 'in', promptIds))
  }
  const cases = run(
    sqlite,
    qb.updateTable('recovery_case').set({ status: 'closed', closed_at: at, closed_by: null }).where('guest_id', 'in', [...guestIds]).where('status', '!=', 'closed'),
  ).changes
  return { promptIds, cases }
}
