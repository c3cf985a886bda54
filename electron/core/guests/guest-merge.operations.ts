import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { operation } from '../operation'
import { listMerges } from './guest-merge.repository'
import { choosableFields, mergeGuests, mergePreview, unmergeGuests } from './guest-merge.service'

const guestId = z.number().int().positive()

export const guestMergeOperations = {
  'guest.mergePreview': operation({
    kind: 'query',
    summary: 'What a merge would do: conflicting fields to choose, what always survives, what moves.',
    permission: 'guest.merge',
    audit: { guests: (input: { survivorId: number; mergedId: number }) => [input.survivorId, input.mergedId] },
    input: z.object({ survivorId: guestId, mergedId: guestId }),
    handler: (ctx, input) => mergePreview(ctx, input.survivorId, input.mergedId),
  }),

  'guest.merge': operation({
    kind: 'mutation',
    summary: 'Merge a duplicate into the surviving profile, choosing each conflicting field.',
    permission: 'guest.merge',
    input: z.object({
      survivorId: guestId,
      mergedId: guestId,
      choose: z.partialRecord(z.enum(choosableFields), z.enum(['survivor', 'merged'])).default({}),
    }),
    handler: (ctx, input) => mergeGuests(ctx, input),
  }),

  'guest.unmerge': operation({
    kind: 'mutation',
    summary: 'Undo a merge, in any order: the merged-away profile and its rows come back; what changed after the merge stays and is named.',
    permission: 'guest.merge',
    input: z.object({ mergeId: z.number().int().positive() }),
    handler: (ctx, input) => unmergeGuests(ctx, input.mergeId),
  }),

  'guest.merges': operation({
    kind: 'query',
    summary: 'Recent merges, newest first (to review or undo).',
    permission: 'guest.merge',
    audit: readsGuestsInAnswer,
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
    handler: (ctx, input) =>
      listMerges(ctx.sqlite, input.limit).map((m) => ({
        id: m.id,
        survivorId: m.survivor_id,
        mergedId: m.merged_id,
        at: m.at,
        undoneAt: m.undone_at,
        staff: m.staff,
        survivorName: m.survivor_name,
        mergedName: m.merged_roman && m.merged_roman !== m.merged_name ? `${m.merged_name} (${m.merged_roman})` : m.merged_name,
      })),
  }),

}
