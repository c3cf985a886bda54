import type { OperationContext } from '../context'
import type { EscalationStepRow } from '../db/tables/promise.table'
import { findPromptView } from '../prompts/prompt.repository'
import { ensureDefaultSteps, escalationCandidates, listEscalationSteps, markEscalated, markOverdue, overdueCandidates, someDepartmentWithoutSteps } from './escalation.repository'
import { defaultEscalationSteps, escalationNotifies, nextEscalationAt, notifiedBetween, stepsReached, type EscalationNotify, type EscalationStep } from './escalation-steps'

/** Each department's steps, in order (a damaged `notify` is read as the lead). */
export function stepsByDepartment(rows: readonly EscalationStepRow[]): Map<string, EscalationStep[]> {
  const steps = new Map<string, EscalationStep[]>()
  for (const row of rows) {
    const notify = (escalationNotifies as readonly string[]).includes(row.notify) ? (row.notify as EscalationNotify) : 'lead'
    steps.set(row.department_code, [...(steps.get(row.department_code) ?? []), { afterMinutes: row.after_minutes, notify }])
  }
  return steps
}

/** What one slice of escalation or overdue work did: `done` false when it stopped at its limit or time. */
export interface SliceResult {
  changed: number
  done: boolean
}

/**
 * Escalates open prompts with an escalation step due by `now`, inside the caller's
 * transaction, taking at most `limit` and stopping once `performance.now()` passes `until` (ms;
 * a slice holds the store only so long): the first time marks `escalated_at`; each step of the
 * department reached raises the level; the next step's time is stored. A department without
 * steps still escalates, once, to its lead. Emits `prompt.escalated` and `prompt.updated` for each.
 */
export function escalateDuePrompts(ctx: OperationContext, now: Date, limit: number, until = Infinity): SliceResult {
  const at = now.toISOString()
  // Departments created since migration 0008 escalate by the default steps until a manager sets theirs.
  if (someDepartmentWithoutSteps(ctx.sqlite)) ensureDefaultSteps(ctx.sqlite, defaultEscalationSteps)
  const candidates = escalationCandidates(ctx.sqlite, at, limit)
  if (candidates.length === 0) return { changed: 0, done: true }
  const steps = stepsByDepartment(listEscalationSteps(ctx.sqlite))
  let changed = 0
  let taken = 0
  for (const row of candidates) {
    if (performance.now() > until) return { changed, done: false }
    taken++
    const own = steps.get(row.department_code) ?? []
    const escalateAt = new Date(row.escalate_at)
    const reached = Math.max(row.escalation_level, stepsReached(escalateAt, own, now))
    const next = nextEscalationAt(escalateAt, own, reached, true)?.toISOString() ?? null
    const first = row.escalated_at === null
    if (!markEscalated(ctx.sqlite, row.id, row.escalation_level, reached, at, next)) continue
    // Re-timed only (a step's time reached within the slack): nothing new to tell.
    if (!first && reached === row.escalation_level) continue
    const notify: EscalationNotify[] = own.length === 0 ? ['lead'] : notifiedBetween(own, row.escalation_level, reached)
    const prompt = findPromptView(ctx.sqlite, row.id)
    if (!prompt) continue
    ctx.emit('prompt.escalated', { prompt, notify, level: reached })
    ctx.emit('prompt.updated', { prompt })
    changed++
  }
  return { changed, done: taken < limit }
}

/**
 * Flags task prompts not done by their promise (due_at) as overdue, inside the caller's
 * transaction, at most `limit` and until `performance.now()` passes `until`, and emits
 * `prompt.updated`. Standing instructions are never overdue.
 */
export function flagOverduePrompts(ctx: OperationContext, now: Date, limit: number, until = Infinity): SliceResult {
  const at = now.toISOString()
  const ids = overdueCandidates(ctx.sqlite, at, limit)
  let changed = 0
  let taken = 0
  for (const id of ids) {
    if (performance.now() > until) return { changed, done: false }
    taken++
    if (!markOverdue(ctx.sqlite, id, at)) continue
    const prompt = findPromptView(ctx.sqlite, id)
    if (prompt) ctx.emit('prompt.updated', { prompt })
    changed++
  }
  return { changed, done: taken < limit }
}
