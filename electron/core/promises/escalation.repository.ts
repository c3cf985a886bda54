import { sql } from 'kysely'
import { all, qb, run, type Sqlite } from '../db/query'
import type { EscalationStepRow } from '../db/tables/promise.table'
import { stepSlackMs } from './escalation-steps'

/** Every department's steps, in order. */
export function listEscalationSteps(sqlite: Sqlite): EscalationStepRow[] {
  return all(sqlite, qb.selectFrom('escalation_step').selectAll().orderBy('department_code').orderBy('position'))
}

/** Replaces a department's steps (positions 1…n, in the order given). */
export function replaceEscalationSteps(sqlite: Sqlite, department: string, steps: readonly { afterMinutes: number; notify: string }[]): void {
  run(sqlite, qb.deleteFrom('escalation_step').where('department_code', '=', department))
  steps.forEach((step, i) => {
    run(sqlite, qb.insertInto('escalation_step').values({ department_code: department, position: i + 1, after_minutes: step.afterMinutes, notify: step.notify }))
  })
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

/** A department's promises: minutes to acknowledge and to complete (new prompts only). */
export function setDepartmentPromises(sqlite: Sqlite, department: string, ackMinutes: number, promiseMinutes: number): void {
  run(sqlite, qb.updateTable('department').set({ ack_minutes: ackMinutes, promise_minutes: promiseMinutes }).where('code', '=', department))
}

/**
 * Open prompts whose acknowledge promise has passed and that have a step to take now: not yet
 * escalated, or whose department's next step (position level + 1) has come. Oldest promise first.
 */
export function escalationCandidates(sqlite: Sqlite, now: string, limit: number) {
  return all(
    sqlite,
    qb
      .selectFrom('prompt')
      .leftJoin('escalation_step as next', (join) =>
        join.onRef('next.department_code', '=', 'prompt.department_code').on(sql<boolean>`next.position = prompt.escalation_level + 1`),
      )
      .select(['prompt.id', 'prompt.department_code', 'prompt.escalate_at', 'prompt.escalated_at', 'prompt.escalation_level'])
      .where('prompt.status', '=', 'open')
      .where('prompt.escalate_at', '<=', now)
      .where((eb) =>
        eb.or([
          eb('prompt.escalated_at', 'is', null),
          sql<boolean>`(julianday(${now}) - julianday(prompt.escalate_at)) * 86400000.0 >= next.after_minutes * 60000 - ${stepSlackMs}`,
        ]),
      )
      .orderBy('prompt.escalate_at')
      .limit(limit),
  )
}

/** Marks a prompt escalated to `level`, if it is still open at the level read (another process may have been first). */
export function markEscalated(sqlite: Sqlite, id: number, fromLevel: number, level: number, escalatedAt: string): boolean {
  return (
    run(
      sqlite,
      qb
        .updateTable('prompt')
        .set({ escalation_level: level, escalated_at: sql<string>`coalesce(escalated_at, ${escalatedAt})` })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .where('escalation_level', '=', fromLevel),
    ).changes === 1
  )
}

/** Task prompts not done by their promise (due_at), not yet flagged. */
export function overdueCandidates(sqlite: Sqlite, now: string, limit: number): number[] {
  return all(
    sqlite,
    qb
      .selectFrom('prompt')
      .select('id')
      .where('status', 'in', ['open', 'acknowledged'])
      .where('overdue_at', 'is', null)
      .where('due_at', '<=', now)
      .where('kind', '=', 'task')
      .orderBy('due_at')
      .limit(limit),
  ).map((r) => r.id)
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
