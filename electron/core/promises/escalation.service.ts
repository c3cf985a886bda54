import type { OperationContext } from '../context'
import type { EscalationStepRow } from '../db/tables/promise.table'
import { findPromptView } from '../prompts/prompt.repository'
import { ensureDefaultSteps, escalationCandidates, listEscalationSteps, markEscalated, markOverdue, overdueCandidates } from './escalation.repository'
import { defaultEscalationSteps, escalationNotifies, notifiedBetween, stepsReached, type EscalationNotify, type EscalationStep } from './escalation-steps'

/** Each department's steps, in order (a damaged `notify` is read as the lead). */
export function stepsByDepartment(rows: readonly EscalationStepRow[]): Map<string, EscalationStep[]> {
  const steps = new Map<string, EscalationStep[]>()
  for (const row of rows) {
    const notify = (escalationNotifies as readonly string[]).includes(row.notify) ? (row.notify as EscalationNotify) : 'lead'
    steps.set(row.department_code, [...(steps.get(row.department_code) ?? []), { afterMinutes: row.after_minutes, notify }])
  }
  return steps
}

/**
 * Escalates up to `limit` open prompts whose promise to acknowledge has passed, inside the
 * caller's transaction: the first time marks `escalated_at`; each step of the department reached
 * raises the level. A department without steps still escalates, to its lead. Emits
 * `prompt.escalated` and `prompt.updated` for each. Returns how many changed.
 */
export function escalateDuePrompts(ctx: OperationContext, now: Date, limit: number): number {
  const at = now.toISOString()
  // Departments created since migration 0008 escalate by the default steps until a manager sets theirs.
  ensureDefaultSteps(ctx.sqlite, defaultEscalationSteps)
  const candidates = escalationCandidates(ctx.sqlite, at, limit)
  if (candidates.length === 0) return 0
  const steps = stepsByDepartment(listEscalationSteps(ctx.sqlite))
  let changed = 0
  for (const row of candidates) {
    const own = steps.get(row.department_code) ?? []
    const reached = Math.max(row.escalation_level, stepsReached(new Date(row.escalate_at), own, now))
    if (row.escalated_at !== null && reached === row.escalation_level) continue
    if (!markEscalated(ctx.sqlite, row.id, row.escalation_level, reached, at)) continue
    const notify: EscalationNotify[] = own.length === 0 ? ['lead'] : notifiedBetween(own, row.escalation_level, reached)
    const prompt = findPromptView(ctx.sqlite, row.id)
    if (!prompt) continue
    ctx.emit('prompt.escalated', { prompt, notify, level: reached })
    ctx.emit('prompt.updated', { prompt })
    changed++
  }
  return changed
}

/**
 * Flags up to `limit` task prompts not done by their promise (due_at) as overdue, inside the
 * caller's transaction, and emits `prompt.updated`. Standing instructions are never overdue.
 */
export function flagOverduePrompts(ctx: OperationContext, now: Date, limit: number): number {
  const at = now.toISOString()
  let changed = 0
  for (const id of overdueCandidates(ctx.sqlite, at, limit)) {
    if (!markOverdue(ctx.sqlite, id, at)) continue
    const prompt = findPromptView(ctx.sqlite, id)
    if (prompt) ctx.emit('prompt.updated', { prompt })
    changed++
  }
  return changed
}
