import { z } from 'zod'
import { visibleName } from '../name-schema'
import { actorOf } from '../context'
import { invalidate } from '../db/store-cache'
import { AppError } from '../errors'
import { operation } from '../operation'
import { promiseCacheKey } from '../prompts/prompt.service'
import type { Sqlite } from '../db/query'
import { findDepartment, insertDepartment, listDepartments, updateDepartment } from './department.repository'

const refuse = (path: string, message: string) => new AppError('VALIDATION', message, { issues: [{ path, message }] })

/** An outlet hangs under an active department that is not itself an outlet: one level only. */
function assertParent(sqlite: Sqlite, parentCode: string): void {
  const parent = findDepartment(sqlite, parentCode)
  if (!parent || parent.active !== 1) {
    throw refuse('parentCode', `There is no department "${parentCode}" to put this outlet under; choose one from the department list.`)
  }
  if (parent.parent_code !== null) {
    throw refuse('parentCode', `"${parentCode}" is itself an outlet of ${parent.parent_code}; put the new outlet under ${parent.parent_code} instead.`)
  }
}

export const departmentOperations = {
  'department.list': operation({
    kind: 'query',
    summary: 'The hotel’s departments, each followed by its outlets (parentCode), and the minutes each promises to act in.',
    permission: 'hotel.read',
    input: z.object({}),
    handler: (ctx) =>
      listDepartments(ctx.sqlite).map((d) => ({
        code: d.code,
        name: { en: d.name_en, zh: d.name_zh },
        promiseMinutes: d.promise_minutes,
        parentCode: d.parent_code,
      })),
  }),

  'department.create': operation({
    kind: 'mutation',
    summary: 'Add a department, or an outlet of one (parentCode: a Food & Beverage outlet such as the Chinese restaurant).',
    permission: 'hotel.write',
    input: z.object({
      code: z.string().regex(/^[a-z_]{2,40}$/, 'Use lower-case letters and _ only.'),
      name: z.object({ en: visibleName(60, 'Enter a name in letters.'), zh: visibleName(60, 'Enter a name in letters.') }),
      promiseMinutes: z.number().int().min(1).max(7 * 24 * 60),
      parentCode: z.string().min(1).max(40).nullish(),
    }),
    handler(ctx, input) {
      actorOf(ctx)
      if (findDepartment(ctx.sqlite, input.code)) {
        throw new AppError('VALIDATION', `Department ${input.code} already exists.`, { issues: [{ path: 'code', message: 'Already exists.' }] })
      }
      if (input.parentCode) assertParent(ctx.sqlite, input.parentCode)
      insertDepartment(ctx.sqlite, {
        code: input.code,
        name_en: input.name.en,
        name_zh: input.name.zh,
        promise_minutes: input.promiseMinutes,
        active: 1,
        parent_code: input.parentCode ?? null,
      })
      invalidate(ctx.sqlite, promiseCacheKey)
      return { code: input.code }
    },
  }),

  'department.update': operation({
    kind: 'mutation',
    summary: 'Rename a department or outlet, or change the minutes it promises to act in (new prompts only).',
    permission: 'hotel.write',
    input: z.object({
      code: z.string().min(1).max(40),
      name: z.object({ en: visibleName(60, 'Enter a name in letters.'), zh: visibleName(60, 'Enter a name in letters.') }).optional(),
      promiseMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
    }).refine((i) => i.name || i.promiseMinutes, 'Give a new name or new promise minutes.'),
    handler(ctx, input) {
      actorOf(ctx)
      if (!findDepartment(ctx.sqlite, input.code)) throw new AppError('NOT_FOUND', `There is no department "${input.code}".`, { entity: 'department' })
      updateDepartment(ctx.sqlite, input.code, {
        ...(input.name ? { name_en: input.name.en, name_zh: input.name.zh } : {}),
        ...(input.promiseMinutes ? { promise_minutes: input.promiseMinutes } : {}),
      })
      invalidate(ctx.sqlite, promiseCacheKey)
      return { code: input.code }
    },
  }),
}
