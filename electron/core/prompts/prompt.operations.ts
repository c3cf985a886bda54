import { z } from 'zod'
import { actorOf, type Actor, type OperationContext } from '../context'
import { findDepartment } from '../departments/department.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { seesAllDepartments } from '../staff/roles'
import { findPromptView, listBoard, listPromptsOfStay, updatePromptStatus } from './prompt.repository'
import type { PromptView } from './prompt.view'

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
  const at = ctx.clock.now().toISOString()
  const change =
    to === 'declined' ? { status: to, at, by: actor.staffId, reason: reason ?? '' } : { status: to, at, by: actor.staffId }
  if (!updatePromptStatus(ctx.sqlite, id, from, change)) {
    throw new AppError('PROMPT_STATE', `This prompt is already ${prompt.status}.`, { status: prompt.status })
  }
  const updated = findPromptView(ctx.sqlite, id)!
  ctx.emit('prompt.updated', { prompt: updated })
  return updated
}

export const promptOperations = {
  'prompt.board': operation({
    kind: 'query',
    summary: 'A department’s prompts: open work by priority and due time, or recently closed work.',
    permission: 'prompt.read',
    input: z.object({
      department: z.string().min(1).max(40),
      which: z.enum(['open', 'closed']).default('open'),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    handler(ctx, input) {
      assertDepartment(actorOf(ctx), input.department, findDepartment(ctx.sqlite, input.department)?.parent_code ?? null)
      return listBoard(ctx.sqlite, input.department, input.which, input.limit)
    },
  }),

  'prompt.ofStay': operation({
    kind: 'query',
    summary: 'Every prompt made for one stay, in every department.',
    permission: 'guest.read',
    input: z.object({ stayId: z.number().int().positive() }),
    handler: (ctx, input) => listPromptsOfStay(ctx.sqlite, input.stayId),
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
    summary: 'Mark a prompt done.',
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
