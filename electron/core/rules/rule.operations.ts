import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { findDepartment } from '../departments/department.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { polarities, priorities, triggers } from '../prompts/prompt-generation'
import { insertRule, ruleKeyTaken, listRules } from './rule.repository'

const template = z.string().trim().min(3, 'Write what the department should do.').max(500)

export const ruleOperations = {
  'rule.list': operation({
    kind: 'query',
    summary: 'The rules that turn preferences into department prompts.',
    permission: 'rule.read',
    input: z.object({}),
    handler: (ctx) =>
      listRules(ctx.sqlite).map((r) => ({
        id: r.id,
        key: r.key,
        trigger: r.trigger,
        category: r.category,
        code: r.code,
        value: r.value,
        department: r.department_code,
        priority: r.priority,
        dueMinutes: r.due_minutes,
        template: { en: r.template_en, zh: r.template_zh },
        polarity: r.polarity,
        active: r.active === 1,
      })),
  }),

  'rule.create': operation({
    kind: 'mutation',
    summary: 'Add a rule: when a guest has this preference, prompt this department.',
    permission: 'rule.write',
    input: z.object({
      key: z.string().regex(/^[a-z0-9-]{2,60}$/, 'Use lower-case letters, digits and dashes.'),
      trigger: z.enum(triggers),
      category: z.string().trim().min(1, 'Choose a category.').max(40),
      code: z.string().trim().min(1).max(40),
      value: z.string().trim().max(200).nullish().transform((v) => v || null),
      department: z.string().min(1).max(40),
      priority: z.enum(priorities).default('normal'),
      dueMinutes: z.number().int().min(0).max(7 * 24 * 60),
      template: z.object({ en: template, zh: template }),
      /** wanted: required/preferred preferences; unwanted: avoid/never; any: both (allergy alerts). */
      polarity: z.enum(polarities).default('wanted'),
    }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      if (!findDepartment(ctx.sqlite, input.department)) {
        throw new AppError('NOT_FOUND', `There is no department "${input.department}".`, { entity: 'department' })
      }
      if (ruleKeyTaken(ctx.sqlite, input.key)) {
        throw new AppError('VALIDATION', `key: a rule called ${input.key} already exists.`, { issues: [{ path: 'key', message: 'Already taken; choose another key.' }] })
      }
      const id = insertRule(ctx.sqlite, {
        key: input.key,
        trigger: input.trigger,
        category: input.category,
        code: input.code,
        value: input.value,
        department_code: input.department,
        priority: input.priority,
        due_minutes: input.dueMinutes,
        template_en: input.template.en,
        template_zh: input.template.zh,
        polarity: input.polarity,
        active: 1,
      })
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'rule.create', entity: 'rule', entityId: id })
      return { id }
    },
  }),
}
