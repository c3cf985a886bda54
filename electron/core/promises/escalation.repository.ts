import { sql } from 'kysely'
import { all, prepared, qb, run, type Sqlite } from '../db/query'
import type { EscalationStepRow } from '../db/tables/promise.table'
import { stepSlackMs } from './escalation-steps'

/** Every department's steps, in order. */
export function listEscalationSteps(sqlite: Sqlite): EscalationStepRow[] {
  return all(sqlite, qb.selectFrom('escalation_step').selectAll().orderBy('department_code').orderBy('position'))
}

/**
 * Replaces a department's steps (positions 1…n, in the order given), and re-times the next step
 * of its open prompts already escalated (those not yet escalated wait for their promise).
 */
export function replaceEscalationSteps(sqlite: Sqlite, department: string, steps: readonly { afterMinutes: number; notify: string }[]): void {
  run(sqlite, qb.deleteFrom('escalation_step').where('department_code', '=', department))
  steps.forEach((step, i) => {
    run(sqlite, qb.insertInto('escalation_step').values({ department_code: department, position: i + 1, after_minutes: step.afterMinutes, notify: step.notify }))
  })
  retimeNextEscalation(sqlite, department)
}

/**
 * Sets next_escalation_at of a department's open, escalated prompts from its steps: the
 * promise (escalate_at) plus the next step's minutes, less the comparison slack; NULL after the
 * last step. The same rule as nextEscalationAt, in SQL, as migration 0009 backfilled it.
 */
export function retimeNextEscalation(sqlite: Sqlite, department: string): number {
  return run(
    sqlite,
    qb
      .updateTable('prompt')
      .set({
        next_escalation_at: sql<string | null>`(SELECT strftime('%Y-%m-%dT%H:%M:%fZ', julianday(prompt.escalate_at) + (s.after_minutes * 60000 - ${stepSlackMs}) / 86400000.0)
          FROM escalation_step s WHERE s.department_code = prompt.department_code AND s.position = prompt.escalation_level + 1)`,
      })
      .where('status', '=', 'open')
      .where('escalated_at', 'is not', null)
      .where('department_code', '=', department),
  ).changes
}

/** Gives each department without steps (created after migration 0008) the default ones; returns how many departments it gave them to. */
export function ensureDefaultSteps(sqlite: Sqlite, steps: readonly { afterMinutes: number; notify: string }[]): number {
  const bare = all(
    sqlite,
    qb
      .selectFrom('department')
      .select('code')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('escalation_step as s').select('s.position').whereRef('s.department_code', '=', 'department.code')))),
  )
  for (const { code } of bare) replaceEscalationSteps(sqlite, code, steps)
  return bare.length
}

const departmentsWithoutSteps = prepared(() =>
  qb
    .selectFrom('department')
    .select('code')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('escalation_step as s').select('s.position').whereRef('s.department_code', '=', 'department.code'))))
    .limit(1),
)

/** Whether some department has no steps (one indexed look, for every tick). */
export function someDepartmentWithoutSteps(sqlite: Sqlite): boolean {
  return departmentsWithoutSteps.first(sqlite, {}) !== undefined
}

/** A department's promises: minutes to acknowledge and to complete (new prompts only). */
export function setDepartmentPromises(sqlite: Sqlite, department: string, ackMinutes: number, promiseMinutes: number): void {
  run(sqlite, qb.updateTable('department').set({ ack_minutes: ackMinutes, promise_minutes: promiseMinutes }).where('code', '=', department))
}

const dueEscalations = prepared((a: { now: string; limit: number }) =>
  qb
    .selectFrom('prompt')
    .select(['id', 'department_code', 'escalate_at', 'escalated_at', 'escalation_level'])
    // Literals, not parameters: SQLite uses a partial index only when the query names its terms as written.
    .where(sql<boolean>`status = 'open'`)
    .where('next_escalation_at', 'is not', null)
    .where('next_escalation_at', '<=', a.now)
    .orderBy('next_escalation_at')
    .orderBy('id')
    .limit(a.limit),
)

/**
 * Open prompts with an escalation step due by `now` (ISO instant): their acknowledge promise
 * broken and not yet escalated, or their department's next step come. Earliest step first, at
 * most `limit`. Reads the index on next_escalation_at (migration 0009).
 */
export function escalationCandidates(sqlite: Sqlite, now: string, limit: number) {
  return dueEscalations.all(sqlite, { now, limit })
}

/**
 * Marks a prompt escalated to `level`, with its next step due at `next` (null: none left), if it
 * is still open at the level read (another process may have been first).
 */
export function markEscalated(sqlite: Sqlite, id: number, fromLevel: number, level: number, escalatedAt: string, next: string | null): boolean {
  return (
    run(
      sqlite,
      qb
        .updateTable('prompt')
        .set({ escalation_level: level, escalated_at: sql<string>`coalesce(escalated_at, ${escalatedAt})`, next_escalation_at: next })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .where('escalation_level', '=', fromLevel),
    ).changes === 1
  )
}

const dueOverdue = prepared((a: { now: string; limit: number }) =>
  qb
    .selectFrom('prompt')
    .select('id')
    // Literals, not parameters: SQLite uses a partial index only when the query names its terms as written.
    .where(sql<boolean>`status IN ('open', 'acknowledged')`)
    .where('overdue_at', 'is', null)
    .where(sql<boolean>`kind = 'task'`)
    .where('due_at', '<=', a.now)
    .orderBy('due_at')
    .limit(a.limit),
)

/** Task prompts not done by their promise (due_at), not yet flagged; at most `limit`, earliest first. */
export function overdueCandidates(sqlite: Sqlite, now: string, limit: number): number[] {
  return dueOverdue.all(sqlite, { now, limit }).map((r) => r.id)
}

export function markOverdue(sqlite: Sqlite, id: number, at: string): boolean {
  return run(sqlite, qb.updateTable('prompt').set({ overdue_at: at }).where('id', '=', id).where('overdue_at', 'is', null)).changes === 1
}

/** Escalated prompts still open, newest escalation first. */
export function listEscalatedOpen(sqlite: Sqlite, limit: number) {
  return all(
    sqlite,
    qb
      .selectFrom('prompt')
      .select(['id', 'escalated_at', 'escalation_level', 'overdue_at'])
      .where('status', '=', 'open')
      .where('escalated_at', 'is not', null)
      .orderBy('escalated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit),
  )
}
