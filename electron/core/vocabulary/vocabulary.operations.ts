import { z } from 'zod'
import { operation } from '../operation'
import { categoryOrder } from './base-vocabulary'
import { listVocabulary } from './vocabulary.repository'

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
}
