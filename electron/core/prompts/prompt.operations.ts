import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { actorOf, type Actor, type OperationContext } from '../context'
import { findDepartment } from '../departments/department.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { roleAllows, seesAllDepartments } from '../staff/roles'
import { today } from '../hotel-clock'
import { assignPrompt, findPromptView, listAssignees, listBoard, listPromptsOfStay, updatePromptStatus } from './prompt.repository'
import type { PromptView } from './prompt.view'
import { promptAsSeenBy } from './prompt-visibility'
import { recoveryPromptCompleted } from '../recovery/recovery.service'

const promptId = z.number().int().positive()

/** Department staff act on their own department's prompts and, for F&B, on its outlets' too. */
function assertDepartment(actor: Actor, department: string, parentDepartment: string | null): void {
  if (!seesAllDepartments(actor.role) && actor.department !== department && actor.department !== parentDepartment) {
    throw new AppError('FORBIDDEN', `You work in ${actor.department}; this belongs to ${department}.`, { department })
  }
}

function transition(
  ctx: OperationContext,
  id: number,
  from: readonly PromptView['status'][],
  to: 'acknowledged' | 'done' | 'declined',
  reason?: string,
): PromptView {
  const actor = actorOf(ctx)
  const prompt = findPromptView(ctx.sqlite, id)
  if (!prompt) throw new AppError('NOT_FOUND', `No prompt with id ${id}.`, { entity: 'prompt', id })
  assertDepartment(actor, prompt.department, prompt.parentDepartment)
  if ((to === 'done' || to === 'declined') && prompt.kind === 'standing') {
    // i18n context 'standing' picks the sentence that says why (errors.PROMPT_STATE_standing).
    throw new AppError('PROMPT_STATE', 'A standing instruction holds for the whole stay: it closes when the guest checks out.', {
      status: prompt.status,
      context: 'standing',
    })
  }
  const at = ctx.clock.now().toISOString()
  const change =
    to === 'declined' ? { status: to, at, by: actor.staffId, reason: reason ?? '' } : { status: to, at, by: actor.staffId }
  if (!updatePromptStatus(ctx.sqlite, id, from, change)) {
    throw new AppError('PROMPT_STATE', `This prompt is already ${prompt.status}.`, { status: prompt.status })
  }
  const updated = findPromptView(ctx.sqlite, id)!
  ctx.emit('prompt.updated', { prompt: updated })
  // A recovery case's promise or follow-up done on a board marks its step (recovery/recovery.service.ts).
  if (to === 'done') recoveryPromptCompleted(ctx, updated)
  return promptAsSeenBy(actor.role, updated)
}

/** A department named in the input: VALIDATION on 'department' when the hotel has none of that code. */
function requireDepartmentCode(sqlite: Parameters<typeof findDepartment>[0], code: string) {
  const department = findDepartment(sqlite, code)
  if (!department) throw new AppError('VALIDATION', `department: There is no department "${code}".`, { issues: [{ path: 'department', message: `There is no department "${code}".` }] })
  return department
}

export const promptOperations = {
  'prompt.board': operation({
    kind: 'query',
    summary:
      'A department’s board, its outlets’ prompts included. which "open" (default): first its standing instructions ' +
      '(kind "standing": allergies, hearing needs; of guests in house or arriving by the business date; acknowledged ones stay), ' +
      'then open and acknowledged tasks by priority, escalated first within a priority, newest first among urgent tasks ' +
      '(created_at desc) and soonest due first among the others (due_at). which "closed": the latest done, declined and closed. ' +
      'Filters: floor (the room’s floor); assignedTo: a staff id, "me" or "unassigned" (tasks only; standing instructions are ' +
      'everyone’s and always shown). Answers PromptView[] (limit 1–500, default 200). FORBIDDEN for another department’s staff.',
    permission: 'prompt.read',
    audit: readsGuestsInAnswer,
    input: z.object({
      department: z.string().min(1).max(40),
      which: z.enum(['open', 'closed']).default('open'),
      limit: z.number().int().min(1).max(500).default(200),
      floor: z.number().int().min(-10).max(300).optional(),
      assignedTo: z.union([z.number().int().positive(), z.literal('me'), z.literal('unassigned')]).optional(),
    }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      assertDepartment(actor, input.department, requireDepartmentCode(ctx.sqlite, input.department).parent_code)
      const assignedTo = input.assignedTo === 'me' ? actor.staffId : input.assignedTo
      return listBoard(ctx.sqlite, input.department, input.which, input.limit, { today: today(ctx), filter: { floor: input.floor, assignedTo } }).map((p) =>
        promptAsSeenBy(actor.role, p),
      )
    },
  }),

  'prompt.assignees': operation({
    kind: 'query',
    summary:
      'Who a department’s prompts may be assigned to: its active staff and, for an outlet, its parent department’s, ' +
      'by name: [{ id, name, department }]. FORBIDDEN for another department’s staff.',
    permission: 'prompt.read',
    input: z.object({ department: z.string().min(1).max(40) }),
    handler(ctx, input) {
      const department = requireDepartmentCode(ctx.sqlite, input.department)
      assertDepartment(actorOf(ctx), department.code, department.parent_code)
      return listAssignees(ctx.sqlite, department.parent_code ? [department.code, department.parent_code] : [department.code])
    },
  }),

  'prompt.assign': operation({
    kind: 'mutation',
    summary:
      'Assign an open or acknowledged prompt to an attendant (staffId), or to no one (null). The front desk, guest relations, ' +
      'managers and the department’s lead may give it to anyone of the department; an attendant may only take one nobody holds ' +
      '(staffId = their own) or give back one they hold (null): FORBIDDEN otherwise. The attendant must be active and work in the prompt’s department (or, for ' +
      'an outlet, its parent): VALIDATION otherwise. PROMPT_STATE when the prompt is closed. Emits prompt.updated; answers the PromptView.',
    permission: 'prompt.act',
    input: z.object({ promptId, staffId: z.number().int().positive().nullable() }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const prompt = findPromptView(ctx.sqlite, input.promptId)
      if (!prompt) throw new AppError('NOT_FOUND', `No prompt with id ${input.promptId}.`, { entity: 'prompt', id: input.promptId })
      assertDepartment(actor, prompt.department, prompt.parentDepartment)
      if (!roleAllows(actor.role, 'prompt.assign')) {
        const takes = input.staffId === actor.staffId && (prompt.assignedTo === null || prompt.assignedTo.id === actor.staffId)
        const givesBack = input.staffId === null && prompt.assignedTo?.id === actor.staffId
        if (!takes && !givesBack) throw new AppError('FORBIDDEN', 'Only the department’s lead hands prompts to others; you may take one yourself.')
      }
      if (input.staffId !== null) {
        const allowed = listAssignees(ctx.sqlite, prompt.parentDepartment ? [prompt.department, prompt.parentDepartment] : [prompt.department])
        if (!allowed.some((s) => s.id === input.staffId)) {
          throw new AppError('VALIDATION', `Staff ${input.staffId} is not an active member of ${prompt.department}.`, {
            issues: [{ path: 'staffId', message: `Choose someone who works in ${prompt.department}.` }],
          })
        }
      }
      if (!assignPrompt(ctx.sqlite, prompt.id, input.staffId, ctx.clock.now().toISOString())) {
        throw new AppError('PROMPT_STATE', `This prompt is already ${prompt.status}.`, { status: prompt.status })
      }
      const updated = findPromptView(ctx.sqlite, prompt.id)!
      ctx.emit('prompt.updated', { prompt: updated })
      return promptAsSeenBy(actor.role, updated)
    },
  }),

  'prompt.ofStay': operation({
    kind: 'query',
    summary: 'Every prompt made for one stay, in every department.',
    permission: 'guest.read',
    audit: readsGuestsInAnswer,
    input: z.object({ stayId: z.number().int().positive() }),
    handler: (ctx, input) => {
      const actor = actorOf(ctx)
      return listPromptsOfStay(ctx.sqlite, input.stayId).map((p) => promptAsSeenBy(actor.role, p))
    },
  }),

  'prompt.acknowledge': operation({
    kind: 'mutation',
    summary: 'Say you have seen a prompt and will act on it.',
    permission: 'prompt.act',
    input: z.object({ promptId }),
    handler: (ctx, input) => transition(ctx, input.promptId, ['open'], 'acknowledged'),
  }),

  'prompt.complete': operation({
    kind: 'mutation',
    summary: 'Mark a task done. A standing instruction is never done (PROMPT_STATE): it closes when the stay ends.',
    permission: 'prompt.act',
    input: z.object({ promptId }),
    handler: (ctx, input) => transition(ctx, input.promptId, ['open', 'acknowledged'], 'done'),
  }),

  'prompt.decline': operation({
    kind: 'mutation',
    summary: 'Decline a prompt, saying why it cannot be done.',
    permission: 'prompt.act',
    input: z.object({ promptId, reason: z.string().trim().min(3, 'Say why, in a few words.').max(500) }),
    handler: (ctx, input) => transition(ctx, input.promptId, ['open', 'acknowledged'], 'declined', input.reason),
  }),
}
