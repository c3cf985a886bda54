import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { invalidate } from '../db/store-cache'
import { findDepartment, listDepartments } from '../departments/department.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { promiseCacheKey } from '../prompts/prompt.service'
import { findPromptView } from '../prompts/prompt.repository'
import type { PromptView } from '../prompts/prompt.view'
import { listEscalatedOpen, listEscalationSteps, replaceEscalationSteps, setDepartmentPromises } from './escalation.repository'
import { stepsByDepartment } from './escalation.service'
import { defaultEscalationSteps, escalationNotifies, maxEscalationSteps, stepProblems } from './escalation-steps'

const week = 7 * 24 * 60

export const escalationOperations = {
  /**
   * Every active department's promises and escalation steps, in the department list's order:
   * `{ department, name: { en, zh }, parentDepartment, ackMinutes, promiseMinutes, steps: { afterMinutes, notify }[] }[]`.
   * ackMinutes: minutes to acknowledge a prompt (then it escalates); promiseMinutes: minutes to complete;
   * afterMinutes: minutes after the acknowledge promise was broken; notify: lead | duty_manager | guest_relations.
   */
  'escalation.steps': operation({
    kind: 'query',
    summary: 'Each department’s promises (acknowledge, complete) and escalation steps.',
    permission: 'rule.read',
    input: z.object({}),
    handler(ctx) {
      const steps = stepsByDepartment(listEscalationSteps(ctx.sqlite))
      return listDepartments(ctx.sqlite).map((d) => ({
        department: d.code,
        name: { en: d.name_en, zh: d.name_zh },
        parentDepartment: d.parent_code,
        ackMinutes: d.ack_minutes,
        promiseMinutes: d.promise_minutes,
        steps: steps.get(d.code) ?? [...defaultEscalationSteps],
      }))
    },
  }),

  /**
   * Managers set a department's promises and escalation steps (new prompts take the new promises;
   * steps apply at once, to every open prompt). Input: `{ department, ackMinutes 1–10080, promiseMinutes 1–10080,
   * steps: { afterMinutes 0–10080, notify }[] }` (1–5 steps, afterMinutes ascending). A department never set escalates by the defaults (lead at once, duty manager after 15 minutes).
   * Errors: VALIDATION with issues naming the field to fix: 'department' (unknown or switched off), a step
   * ('steps.N.afterMinutes' out of order, 'steps.N.notify' a step written twice), 'ackMinutes'. Answers the department as `escalation.steps` lists it.
   */
  'escalation.setSteps': operation({
    kind: 'mutation',
    summary: 'Managers: set a department’s promises and escalation steps.',
    permission: 'rule.write',
    input: z.object({
      department: z.string().min(1).max(40),
      ackMinutes: z.number().int().min(1, 'Give at least 1 minute to acknowledge.').max(week, 'At most a week (10080 minutes).'),
      promiseMinutes: z.number().int().min(1, 'Give at least 1 minute to complete.').max(week, 'At most a week (10080 minutes).'),
      steps: z
        .array(
          z.object({
            afterMinutes: z.number().int().min(0, 'Minutes after the promise cannot be negative.').max(week, 'At most a week (10080 minutes).'),
            notify: z.enum(escalationNotifies),
          }),
        )
        .min(1, 'Give at least one step: someone must hear of a broken promise.')
        .max(maxEscalationSteps, `At most ${maxEscalationSteps} steps.`),
    }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const department = findDepartment(ctx.sqlite, input.department)
      if (!department || department.active !== 1) {
        const message = `There is no department "${input.department}".`
        throw new AppError('VALIDATION', `department: ${message}`, { issues: [{ path: 'department', message }] })
      }
      const problems = stepProblems(input.steps)
      if (problems.length > 0) throw new AppError('VALIDATION', `${problems[0].path}: ${problems[0].message}`, { issues: problems })
      if (input.ackMinutes > input.promiseMinutes) {
        const message = 'Acknowledge within the time to complete: give fewer minutes to acknowledge.'
        throw new AppError('VALIDATION', `ackMinutes: ${message}`, { issues: [{ path: 'ackMinutes', message }] })
      }
      setDepartmentPromises(ctx.sqlite, department.code, input.ackMinutes, input.promiseMinutes)
      replaceEscalationSteps(ctx.sqlite, department.code, input.steps)
      invalidate(ctx.sqlite, promiseCacheKey)
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actor.staffId,
        action: 'escalation.setSteps',
        entity: 'department',
        detail: { department: department.code, ackMinutes: input.ackMinutes, promiseMinutes: input.promiseMinutes, steps: input.steps },
      })
      return {
        department: department.code,
        name: { en: department.name_en, zh: department.name_zh },
        parentDepartment: department.parent_code,
        ackMinutes: input.ackMinutes,
        promiseMinutes: input.promiseMinutes,
        steps: input.steps,
      }
    },
  }),

  /**
   * The lead's and duty manager's view: escalated prompts still open, newest escalation first
   * (at most `limit`, 1–500, default 200): `{ prompt: PromptView, level, escalatedAt, overdueAt }[]`.
   * level: escalation steps taken (0: escalated, no step yet).
   */
  'prompt.escalations': operation({
    kind: 'query',
    summary: 'Managers: escalated prompts still open, newest first.',
    permission: 'hotel.write',
    audit: readsGuestsInAnswer,
    input: z.object({ limit: z.number().int().min(1).max(500).default(200) }),
    handler(ctx, input) {
      return listEscalatedOpen(ctx.sqlite, input.limit).flatMap((row) => {
        const prompt: PromptView | undefined = findPromptView(ctx.sqlite, row.id)
        return prompt ? [{ prompt, level: row.escalation_level, escalatedAt: row.escalated_at!, overdueAt: row.overdue_at }] : []
      })
    },
  }),
}
