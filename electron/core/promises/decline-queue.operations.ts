import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { AppError } from '../errors'
import { operation } from '../operation'
import { findPromptView } from '../prompts/prompt.repository'
import type { PromptView } from '../prompts/prompt.view'
import { countUnreadDeclines, findDeclineState, listUnreadDeclines, markDeclineRead } from './decline-queue.repository'

export const declineQueueOperations = {
  /**
   * Guest relations' queue (guest relations, managers): declined prompts nobody has read yet,
   * oldest first, at most `limit` (1–500, default 200): `{ total, prompts: PromptView[] }`. Each
   * prompt names its department, guest, room and `declined: { at, by (who declined), reason }`.
   */
  'prompt.declinedQueue': operation({
    kind: 'query',
    summary: 'Guest relations: declined prompts not yet read, with their reasons.',
    permission: 'prompt.review',
    audit: readsGuestsInAnswer,
    input: z.object({ limit: z.number().int().min(1).max(500).default(200) }),
    handler(ctx, input) {
      const prompts = listUnreadDeclines(ctx.sqlite, input.limit).flatMap((id) => {
        const view: PromptView | undefined = findPromptView(ctx.sqlite, id)
        return view ? [view] : []
      })
      return { total: countUnreadDeclines(ctx.sqlite), prompts }
    },
  }),

  /**
   * Guest relations mark a declined prompt read: it leaves the queue. Reading it twice is no
   * error. Answers `{ promptId, readAt }`. Errors: NOT_FOUND; PROMPT_STATE when the prompt was not declined.
   */
  'prompt.readDecline': operation({
    kind: 'mutation',
    summary: 'Guest relations: mark a declined prompt read.',
    permission: 'prompt.review',
    input: z.object({ promptId: z.number().int().positive() }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const state = findDeclineState(ctx.sqlite, input.promptId)
      if (!state) throw new AppError('NOT_FOUND', `No prompt with id ${input.promptId}.`, { entity: 'prompt', id: input.promptId })
      if (state.status !== 'declined') throw new AppError('PROMPT_STATE', `This prompt is ${state.status}, not declined.`, { status: state.status })
      if (state.decline_read_at) return { promptId: state.id, readAt: state.decline_read_at }
      const at = ctx.clock.now().toISOString()
      markDeclineRead(ctx.sqlite, state.id, at, actor.staffId)
      recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'prompt.readDecline', entity: 'prompt', entityId: state.id })
      return { promptId: state.id, readAt: at }
    },
  }),
}
