import { z } from 'zod'
import { visibleName } from '../name-schema'
import { actorOf } from '../context'
import { invalidate } from '../db/store-cache'
import { AppError } from '../errors'
import { operation } from '../operation'
import { promiseCacheKey } from '../prompts/prompt.service'
import { findDepartment, insertDepartment, listDepartments } from './department.repository'

export const departmentOperations = {
  'department.list': operation({
    kind: 'query',
    summary: 'The hotel’s departments and the minutes each promises to act in.',
    permission: 'hotel.read',
    input: z.object({}),
    handler: (ctx) =>
      listDepartments(ctx.sqlite).map((d) => ({
        code: d.code,
        name: { en: d.name_en, zh: d.name_zh },
        promiseMinutes: d.promise_minutes,
      })),
  }),

  'department.create': operation({
    kind: 'mutation',
    summary: 'Add a department.',
    permission: 'hotel.write',
    input: z.object({
      code: z.string().regex(/^[a-z_]{2,40}$/, 'Use lower-case letters and _ only.'),
      name: z.object({ en: visibleName(60, 'Enter a name in letters.'), zh: visibleName(60, 'Enter a name in letters.') }),
      promiseMinutes: z.number().int().min(1).max(7 * 24 * 60),
    }),
    handler(ctx, input) {
      actorOf(ctx)
      if (findDepartment(ctx.sqlite, input.code)) {
        throw new AppError('VALIDATION', `Department ${input.code} already exists.`, { issues: [{ path: 'code', message: 'Already exists.' }] })
      }
      insertDepartment(ctx.sqlite, {
        code: input.code,
        name_en: input.name.en,
        name_zh: input.name.zh,
        promise_minutes: input.promiseMinutes,
        active: 1,
      })
      invalidate(ctx.sqlite, promiseCacheKey)
      return { code: input.code }
    },
  }),
}
