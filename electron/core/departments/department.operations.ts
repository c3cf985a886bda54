import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { invalidate } from '../db/store-cache'
import { AppError } from '../errors'
import { operation } from '../operation'
import { promiseCacheKey } from '../prompts/prompt.service'
import { departmentDependents, findDepartment, listDepartments, retireDepartment, setDepartmentPromiseMinutes, updateDepartment } from './department.repository'
import { createDepartment, departmentName, longestPromiseMinutes, newDepartmentInput } from './department.service'

export const departmentOperations = {
  /**
   * The hotel's active departments, each followed by its outlets:
   * `{ code, name: { en, zh }, promiseMinutes, ackMinutes, parentCode }[]` (minutes to act and to acknowledge).
   */
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
        ackMinutes: d.ack_minutes,
        parentCode: d.parent_code,
      })),
  }),

  /**
   * Adds a department, or an outlet of one (`parentCode`). Input: `{ code (a–z and _, 2–40),
   * name: { en, zh }, promiseMinutes 1–10080, parentCode? }`; the promise to acknowledge starts at
   * 10 minutes (or the promise to act, if shorter). Managers and administrators; audited.
   * Errors: VALIDATION naming `code` (taken, also by a retired department) or `parentCode`.
   */
  'department.create': operation({
    kind: 'mutation',
    summary: 'Add a department, or an outlet of one (parentCode: a Food & Beverage outlet such as the Chinese restaurant).',
    permission: 'hotel.write',
    input: newDepartmentInput,
    handler(ctx, input) {
      const actor = actorOf(ctx)
      createDepartment(ctx.sqlite, input)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'department.create', entity: 'department', detail: input })
      return { code: input.code }
    },
  }),

  /**
   * Renames a department or outlet and/or sets the minutes it promises to act in (new prompts only;
   * a promise to acknowledge longer than the new promise is shortened to it). Input:
   * `{ code, name?: { en, zh }, promiseMinutes? }`. Errors: VALIDATION (neither given, or a bad
   * name), NOT_FOUND (no such active department).
   */
  'department.update': operation({
    kind: 'mutation',
    summary: 'Rename a department or outlet, or change the minutes it promises to act in (new prompts only).',
    permission: 'hotel.write',
    input: z
      .object({
        code: z.string().min(1).max(40),
        name: departmentName.optional(),
        promiseMinutes: z.number().int().min(1, 'Give at least 1 minute.').max(longestPromiseMinutes, 'At most a week (10080 minutes).').optional(),
      })
      .refine((i) => i.name || i.promiseMinutes, 'Give a new name or new promise minutes.'),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const before = findDepartment(ctx.sqlite, input.code)
      if (!before || before.active !== 1) throw new AppError('NOT_FOUND', `There is no department "${input.code}".`, { entity: 'department' })
      if (input.name) updateDepartment(ctx.sqlite, input.code, { name_en: input.name.en, name_zh: input.name.zh })
      if (input.promiseMinutes) setDepartmentPromiseMinutes(ctx.sqlite, input.code, input.promiseMinutes)
      invalidate(ctx.sqlite, promiseCacheKey)
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actor.staffId,
        action: 'department.update',
        entity: 'department',
        detail: { code: input.code, before: { name: { en: before.name_en, zh: before.name_zh }, promiseMinutes: before.promise_minutes }, name: input.name, promiseMinutes: input.promiseMinutes },
      })
      return { code: input.code }
    },
  }),

  /**
   * Retires a department or outlet: it leaves every list and can be given no new staff, rules or
   * prompts; its history stays. Only when nothing depends on it. Input `{ code }`.
   * Errors: NOT_FOUND; DEPARTMENT_IN_USE with `details: { staff, rules, outlets, openPrompts }`
   * (counts; move the staff, switch off or retarget the rules, retire the outlets, finish the
   * prompts first); VALIDATION for the hotel's last department.
   */
  'department.retire': operation({
    kind: 'mutation',
    summary: 'Managers: retire a department that no active staff, rule, outlet or open prompt depends on.',
    permission: 'hotel.write',
    input: z.object({ code: z.string().min(1).max(40) }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const department = findDepartment(ctx.sqlite, input.code)
      if (!department || department.active !== 1) throw new AppError('NOT_FOUND', `There is no department "${input.code}".`, { entity: 'department' })
      const uses = departmentDependents(ctx.sqlite, input.code)
      const reasons = [
        uses.staff ? `${uses.staff} active staff (move them to another department first)` : '',
        uses.rules ? `${uses.rules} active rules (switch them off or give them another department)` : '',
        uses.outlets ? `${uses.outlets} outlets (retire them first)` : '',
        uses.openPrompts ? `${uses.openPrompts} open prompts (let them be done or declined)` : '',
      ].filter(Boolean)
      if (reasons.length > 0) {
        throw new AppError('DEPARTMENT_IN_USE', `${department.name_en} cannot be retired yet: it still has ${reasons.join(', ')}.`, { department: input.code, ...uses })
      }
      if (listDepartments(ctx.sqlite).length <= 1) {
        const message = 'A hotel needs at least one department.'
        throw new AppError('VALIDATION', message, { issues: [{ path: 'code', message }] })
      }
      retireDepartment(ctx.sqlite, input.code)
      invalidate(ctx.sqlite, promiseCacheKey)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'department.retire', entity: 'department', detail: { code: input.code } })
      return { code: input.code }
    },
  }),
}
