import { z } from 'zod'
import { operation } from '../operation'
import { categoryOrder } from './base-vocabulary'
import { actorOf } from '../context'
import { invalidate } from '../db/store-cache'
import { recordAudit } from '../audit/audit.repository'
import { vocabularyCacheKey } from '../prompts/prompt.service'
import { listVocabulary, upsertVocabulary } from './vocabulary.repository'

export const vocabularyOperations = {
  'vocabulary.list': operation({
    kind: 'query',
    summary: 'Labels for every preference category, code and value, in each UI language.',
    permission: 'hotel.read',
    input: z.object({}),
    handler: (ctx) => ({
      categoryOrder,
      entries: listVocabulary(ctx.sqlite).map((v) => ({
        category: v.category,
        code: v.code,
        value: v.value,
        label: { en: v.label_en, zh: v.label_zh },
      })),
    }),
  }),

  'vocabulary.add': operation({
    kind: 'mutation',
    summary: 'Add or relabel a vocabulary entry: a category, a code within it, or a value of a code.',
    permission: 'vocabulary.write',
    input: z.object({
      category: z.string().regex(/^[a-z_]{1,40}$/, 'Use lower-case letters and _ only.'),
      code: z.string().regex(/^[a-z_]{0,40}$/, 'Use lower-case letters and _ only.').default(''),
      value: z.string().trim().max(60).default(''),
      label: z.object({ en: z.string().trim().min(1, 'Give an English label.').max(80), zh: z.string().trim().min(1, 'Give a Chinese label.').max(80) }),
    }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      upsertVocabulary(ctx.sqlite, input)
      invalidate(ctx.sqlite, vocabularyCacheKey)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'vocabulary.add', entity: 'vocabulary', entityId: null, detail: input })
      return { category: input.category, code: input.code, value: input.value }
    },
  }),
}
