import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import type { RuleRow } from '../db/tables/rule.table'
import { findDepartment } from '../departments/department.repository'
import { AppError } from '../errors'
import { findGuest, listActivePreferences } from '../guests/guest.repository'
import { addDays } from '../clock'
import type { StayRow } from '../db/tables/stay.table'
import { hotelClockSettings, hotelInstant, isClockTime, today, type HotelClockSettings } from '../hotel-clock'
import { dueSlots } from '../scheduler/timed-firings'
import { operation } from '../operation'
import { placeholders, placeholdersOfTrigger, polarities, priorities, ruleKinds, triggers, unknownPlaceholders, type RuleFacts, type Trigger } from '../prompts/prompt-generation'
import { roomNumberOfStay } from '../prompts/prompt-facts.repository'
import { draftsFor } from '../prompts/prompt.service'
import { findStay, listArrivals, listInHouse } from '../stays/stay.repository'
import { listVocabulary } from '../vocabulary/vocabulary.repository'
import { builtinRules } from './builtin-rules'
import { ruleConditionsSchema } from './rule-conditions'
import { findRule, findRuleByKey, insertRule, listRules, nextRulePosition, reorderRules, ruleKeyTaken, toRuleFacts, updateRule } from './rule.repository'

const template = z.string().trim().min(3, 'Write what the department should do.').max(500)
const time = z.string().trim().refine(isClockTime, 'Give the time as HH:MM on a 24-hour clock, such as 08:00.')

/** What a manager writes: the same for create, update and preview. */
const ruleInput = z.object({
  key: z.string().regex(/^[a-z0-9-]{2,60}$/, 'Use lower-case letters, digits and dashes.').optional(),
  kind: z.enum(ruleKinds).default('task'),
  trigger: z.enum(triggers),
  /** Days before arrival (pre_arrival) or after departure (post_stay). */
  offsetDays: z.number().int().min(0).max(365).nullish().transform((v) => v ?? null),
  atTime: time.nullish().transform((v) => v ?? null),
  /** Null: a rule on the guest's facts only (conditions), one prompt per stay. */
  category: z.string().trim().max(40).nullish().transform((v) => v || null),
  /** Null: any item of the category. */
  code: z.string().trim().max(40).nullish().transform((v) => v || null),
  /** Null: any value. */
  value: z.string().trim().max(200).nullish().transform((v) => v || null),
  polarity: z.enum(polarities).default('wanted'),
  conditions: ruleConditionsSchema.default({}),
  department: z.string().min(1, 'Choose a department.').max(40),
  priority: z.enum(priorities).default('normal'),
  /** Minutes to acknowledge; null: the department's promise. */
  ackMinutes: z.number().int().min(1).max(7 * 24 * 60).nullish().transform((v) => v ?? null),
  /** Minutes to complete. */
  dueMinutes: z.number().int().min(0).max(7 * 24 * 60),
  template: z.object({ en: template, zh: template }).strict(),
})
  // A misspelt field ("ackMinute") is refused by name, not dropped to save a rule with the default.
  .strict()
type RuleInput = z.infer<typeof ruleInput>

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', `${path}: ${message}`, { issues: [{ path, message }] })
}

/**
 * Checks what zod cannot: placeholders Zhike knows, timing that fits the trigger, a vocabulary
 * category and code that exist, an active department. Throws VALIDATION naming the field.
 */
function assertRuleMakesSense(ctx: OperationContext, input: RuleInput): void {
  for (const lang of ['en', 'zh'] as const) {
    const unknown = unknownPlaceholders(input.template[lang])
    if (unknown.length > 0) {
      const what = unknown[0] === '{' || unknown[0] === '}' ? `A brace "${unknown[0]}" is not part of a placeholder.` : `{${unknown[0]}} is not a placeholder.`
      invalid(`template.${lang}`, `${what} Use ${placeholders.map((p) => `{${p}}`).join(' ')}.`)
    }
    // {note} (what a complaint or a promise says) is filled by the recovery service only.
    for (const [name, only] of Object.entries(placeholdersOfTrigger)) {
      if (input.template[lang].includes(`{${name}}`) && !only.includes(input.trigger)) invalid(`template.${lang}`, `{${name}} is filled only for complaints and recoveries: take it out.`)
    }
    if (input.category === null && input.template[lang].includes('{value}')) invalid(`template.${lang}`, '{value} names a preference: this rule has none. Choose a category, or take {value} out.')
    if ((input.template[lang].match(/\{/g) ?? []).length > 12) invalid(`template.${lang}`, 'Use at most 12 placeholders.')
  }
  const timed = input.trigger === 'daily' || input.trigger === 'post_stay' || (input.trigger === 'pre_arrival' && input.offsetDays !== null)
  if (timed && input.atTime === null) invalid('atTime', 'Say at what time of day this rule fires.')
  if (!timed && input.atTime !== null) invalid('atTime', 'Only daily, after-the-stay and days-before-arrival rules fire at a time of day.')
  if (input.trigger === 'post_stay' && input.offsetDays === null) invalid('offsetDays', 'Say how many days after departure.')
  if (input.offsetDays !== null && input.trigger !== 'pre_arrival' && input.trigger !== 'post_stay') {
    invalid('offsetDays', 'Only before-arrival and after-the-stay rules count days.')
  }
  if (input.category === null && (input.code !== null || input.value !== null)) invalid('category', 'Choose the category of the preference first.')
  if (input.code === null && input.value !== null) invalid('code', 'Choose the item before its value.')
  if (input.category !== null) {
    const vocabulary = listVocabulary(ctx.sqlite)
    if (!vocabulary.some((v) => v.category === input.category)) invalid('category', `There is no preference category "${input.category}".`)
    if (input.code !== null && !vocabulary.some((v) => v.category === input.category && v.code === input.code)) {
      invalid('code', `There is no "${input.code}" in ${input.category}.`)
    }
    // The exceptions are items of the same category: one that is not there excepts nothing.
    input.conditions.exceptCodes?.forEach((code, i) => {
      if (!vocabulary.some((v) => v.category === input.category && v.code === code)) invalid(`conditions.exceptCodes.${i}`, `There is no "${code}" in ${input.category} to leave out.`)
    })
    if (input.code !== null && input.conditions.exceptCodes?.includes(input.code)) {
      invalid('conditions.exceptCodes', `The rule is for ${input.code} only: leaving it out leaves nothing.`)
    }
  } else if (input.conditions.exceptCodes) {
    invalid('conditions.exceptCodes', 'Items to leave out belong to a category: choose the category first.')
  }
  if (input.conditions.exceptCodes && new Set(input.conditions.exceptCodes).size !== input.conditions.exceptCodes.length) {
    invalid('conditions.exceptCodes', 'Name each item to leave out once.')
  }
  for (const list of ['languages', 'strengths'] as const) {
    const items = input.conditions[list]
    if (items && new Set(items).size !== items.length) invalid(`conditions.${list}`, list === 'languages' ? 'Name each language once.' : 'Name each strength once.')
  }
  if (input.conditions.nationalities && new Set(input.conditions.nationalities).size !== input.conditions.nationalities.length) {
    invalid('conditions.nationalities', 'Name each country once.')
  }
  if (input.kind === 'task' && input.dueMinutes < 1) invalid('dueMinutes', 'Give the department at least a minute to do it.')
  if (input.kind === 'task' && input.ackMinutes !== null && input.ackMinutes > input.dueMinutes) invalid('ackMinutes', 'Acknowledge within the time to complete.')
  const department = findDepartment(ctx.sqlite, input.department)
  if (!department || department.active !== 1) invalid('department', `There is no department "${input.department}".`)
  // The recovery service's own prompts fire for a complaint or a promise, on no preference.
  if (input.trigger === 'recovery' && input.category !== null) invalid('category', 'A recovery rule fires for a complaint, not for a preference: leave the category empty.')
  if (input.kind === 'standing' && (input.trigger === 'check_out' || input.trigger === 'post_stay')) {
    invalid('kind', 'A standing instruction holds during a stay: choose a trigger before or during it.')
  }
}

function toRow(input: RuleInput) {
  return {
    kind: input.kind,
    trigger: input.trigger,
    offset_days: input.offsetDays,
    at_time: input.atTime,
    category: input.category ?? '',
    code: input.code ?? '',
    value: input.value,
    polarity: input.polarity,
    conditions: JSON.stringify(input.conditions),
    department_code: input.department,
    priority: input.priority,
    ack_minutes: input.ackMinutes,
    due_minutes: input.dueMinutes,
    template_en: input.template.en,
    template_zh: input.template.zh,
  }
}

/** A rule as the rules screen shows it. */
export function toRuleView(r: RuleRow) {
  const facts = toRuleFacts(r)
  return {
    id: r.id,
    key: r.key,
    kind: facts.kind,
    trigger: facts.trigger,
    offsetDays: facts.offsetDays,
    atTime: facts.atTime,
    category: facts.category,
    code: facts.code,
    value: facts.value,
    polarity: facts.polarity,
    conditions: facts.conditions,
    department: r.department_code,
    priority: facts.priority,
    ackMinutes: facts.ackMinutes,
    dueMinutes: r.due_minutes,
    template: facts.template,
    active: r.active === 1,
    position: r.position,
    builtin: r.builtin === 1,
    updatedAt: r.updated_at,
  }
}
export type RuleView = ReturnType<typeof toRuleView>

function freeKey(ctx: OperationContext, input: RuleInput): string {
  const base = [input.trigger, input.category, input.code, input.value].filter(Boolean).join('-').toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 50)
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`
    if (!ruleKeyTaken(ctx.sqlite, key)) return key
  }
}

function requireRule(ctx: OperationContext, id: number): RuleRow {
  const rule = findRule(ctx.sqlite, id)
  if (!rule) throw new AppError('NOT_FOUND', `No rule with id ${id}.`, { entity: 'rule', id })
  return rule
}

function audit(ctx: OperationContext, action: string, id: number, detail?: Record<string, unknown>): void {
  recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action, entity: 'rule', entityId: id, detail })
}

/**
 * When the scheduler would fire a timed rule (pre-arrival N days before at a time, daily at a
 * time, after the stay) for this stay: its next firing from `now`, with the daily occurrence.
 * Null when it will not fire for the stay any more (its time has passed, or the stay is over
 * first); undefined for a rule fired by a stay event.
 */
export function nextFiringFor(rule: RuleFacts, stay: Pick<StayRow, 'status' | 'arrival_date' | 'departure_date'>, now: Date, clock: Pick<HotelClockSettings, 'timeZone' | 'nightAuditTime'>): { at: Date; occurrence?: string } | null | undefined {
  if (rule.atTime === null) return undefined
  const { timeZone, nightAuditTime } = clock
  const offset = rule.offsetDays ?? 0
  if (rule.trigger === 'pre_arrival') {
    if (rule.offsetDays === null) return undefined
    const at = hotelInstant(addDays(stay.arrival_date, -offset), rule.atTime, timeZone)
    return stay.status === 'reserved' && at > now ? { at } : null
  }
  if (rule.trigger === 'post_stay') {
    const at = hotelInstant(addDays(stay.departure_date, offset), rule.atTime, timeZone)
    return at > now ? { at } : null
  }
  if (rule.trigger === 'daily') {
    // The first daily slot of a business date the guest is in house on (arrival ≤ date < departure).
    const slots = dueSlots([{ id: rule.id, trigger: 'daily', offsetDays: null, atTime: rule.atTime }], now, new Date(now.getTime() + 2 * 86_400_000), timeZone, nightAuditTime)
    const slot = slots.find((s) => s.stayDate >= stay.arrival_date && s.stayDate < stay.departure_date)
    return slot ? { at: slot.dueAt, occurrence: slot.keyDate } : null
  }
  return undefined
}

/**
 * Who among today's arrivals and in-house guests a rule would fire for, with what text: the
 * rule is not saved. Answers at most `limit` matches and how many stays were checked. A timed
 * rule's match says when the scheduler would fire it (firesAt) and is due from then; a stay with
 * no room yet has roomNumber null.
 */
function previewRule(ctx: OperationContext, input: RuleInput, limit: number) {
  const date = today(ctx)
  // A recovery rule fires for a complaint the recovery service handles, never for a stay's moment.
  if (input.trigger === 'recovery') return { businessDate: date, checked: 0, total: 0, matches: [] }
  const now = ctx.clock.now()
  const clock = hotelClockSettings(ctx.sqlite)
  const facts: RuleFacts = { ...toRuleFacts({ ...toRow(input), id: 0, key: 'preview', active: 1, position: 0, builtin: 0, updated_at: null } as RuleRow) }
  const stays = [
    ...listArrivals(ctx.sqlite, date).filter((s) => s.status === 'reserved').map((s) => ({ id: s.id, status: 'arriving' as const })),
    ...listInHouse(ctx.sqlite).map((s) => ({ id: s.id, status: 'in_house' as const })),
  ]
  const matches = []
  let total = 0
  for (const entry of stays) {
    const stay = findStay(ctx.sqlite, entry.id)
    const guest = stay ? findGuest(ctx.sqlite, stay.guest_id) : undefined
    if (!stay || !guest) continue
    const firing = nextFiringFor(facts, stay, now, clock)
    if (firing === null) continue
    const roomNumber = roomNumberOfStay(ctx.sqlite, stay.id)
    const drafts = draftsFor(ctx, guest, stay, roomNumber, facts.trigger as Trigger, { rules: [facts], at: firing?.at, occurrence: firing?.occurrence })
    total += drafts.length
    for (const draft of drafts) {
      if (matches.length >= limit) break
      const preference = draft.preferenceId === null ? undefined : listPreferenceFact(ctx, guest.id, draft.preferenceId)
      matches.push({
        stayId: stay.id,
        guestId: guest.id,
        guest: { nativeName: guest.native_name, romanName: guest.roman_name },
        roomNumber,
        status: entry.status,
        reason: preference ?? null,
        text: draft.text,
        /** When the scheduler would make the prompt (a timed rule), or null: at the stay event itself. */
        firesAt: firing ? firing.at.toISOString() : null,
        dueAt: draft.dueAt.toISOString(),
        department: draft.department,
      })
    }
  }
  return { businessDate: date, checked: stays.length, total, matches }
}

function listPreferenceFact(ctx: OperationContext, guestId: number, preferenceId: number) {
  const row = listActivePreferences(ctx.sqlite, guestId).find((p) => p.id === preferenceId)
  return row ? { category: row.category, code: row.code, value: row.value, strength: row.strength } : undefined
}

export const ruleOperations = {
  /** Every rule, in the managers' order: RuleView[] (see toRuleView). */
  'rule.list': operation({
    kind: 'query',
    summary: 'The rules that turn guests’ preferences and facts into department prompts, in order.',
    permission: 'rule.read',
    input: z.object({}),
    handler: (ctx) => listRules(ctx.sqlite).map(toRuleView),
  }),

  /**
   * Adds a rule (RuleInput: trigger, optional preference condition, conditions, department,
   * priority, promises in minutes, en/zh template). Answers { id }. Errors: VALIDATION naming the
   * field (unknown placeholder, time that does not fit the trigger, unknown category or code,
   * taken key), nothing saved.
   */
  'rule.create': operation({
    kind: 'mutation',
    summary: 'Add a rule: when a guest has this preference or these facts, prompt this department.',
    permission: 'rule.write',
    input: ruleInput,
    handler(ctx, input) {
      assertRuleMakesSense(ctx, input)
      if (input.trigger === 'recovery') invalid('trigger', 'The recovery rules are built in: change their department, priority and minutes instead.')
      if (input.key !== undefined && ruleKeyTaken(ctx.sqlite, input.key)) invalid('key', `A rule called ${input.key} already exists; choose another key.`)
      const key = input.key ?? freeKey(ctx, input)
      const id = insertRule(ctx.sqlite, { ...toRow(input), key, active: 1, position: nextRulePosition(ctx.sqlite), updated_at: ctx.clock.now().toISOString() })
      audit(ctx, 'rule.create', id, { key })
      // The hotel's own rule for a need a built-in rule covers replaces it: the built-in is switched off.
      for (const builtin of builtinRules.filter((b) => b.replaces?.includes(key))) {
        const row = findRuleByKey(ctx.sqlite, builtin.key)
        if (row && row.active === 1) {
          updateRule(ctx.sqlite, row.id, { active: 0, updated_at: ctx.clock.now().toISOString() })
          audit(ctx, 'rule.deactivate', row.id, { replacedBy: key })
        }
      }
      return { id }
    },
  }),

  /** Changes a rule (the whole RuleInput). Prompts already made keep their text. Answers the RuleView. */
  'rule.update': operation({
    kind: 'mutation',
    summary: 'Change a rule. Prompts it already made keep their words.',
    permission: 'rule.write',
    input: ruleInput.extend({ id: z.number().int().positive() }),
    handler(ctx, input) {
      const before = requireRule(ctx, input.id)
      assertRuleMakesSense(ctx, input)
      if (input.key !== undefined && input.key !== before.key && findRuleByKey(ctx.sqlite, input.key)) invalid('key', `A rule called ${input.key} already exists; choose another key.`)
      if (before.builtin === 1 && input.key !== undefined && input.key !== before.key) invalid('key', 'A built-in rule keeps its key; change its words or switch it off instead.')
      if ((before.trigger === 'recovery') !== (input.trigger === 'recovery')) invalid('trigger', 'A recovery rule stays a recovery rule, and no other rule becomes one.')
      updateRule(ctx.sqlite, input.id, { ...toRow(input), key: input.key ?? before.key, updated_at: ctx.clock.now().toISOString() })
      audit(ctx, 'rule.update', input.id, { key: before.key })
      return toRuleView(requireRule(ctx, input.id))
    },
  }),

  /** Switches a rule off (it makes no new prompts) or on again. Answers the RuleView. */
  'rule.setActive': operation({
    kind: 'mutation',
    summary: 'Switch a rule off or on.',
    permission: 'rule.write',
    input: z.object({ id: z.number().int().positive(), active: z.boolean() }),
    handler(ctx, input) {
      requireRule(ctx, input.id)
      updateRule(ctx.sqlite, input.id, { active: input.active ? 1 : 0, updated_at: ctx.clock.now().toISOString() })
      audit(ctx, input.active ? 'rule.activate' : 'rule.deactivate', input.id)
      return toRuleView(requireRule(ctx, input.id))
    },
  }),

  /** Orders the rules: `ids` first in that order, the rest after. Errors: NOT_FOUND for an unknown id. */
  'rule.reorder': operation({
    kind: 'mutation',
    summary: 'Put the rules in order.',
    permission: 'rule.write',
    input: z.object({ ids: z.array(z.number().int().positive()).min(1).max(2000) }),
    handler(ctx, input) {
      for (const id of input.ids) requireRule(ctx, id)
      if (new Set(input.ids).size !== input.ids.length) invalid('ids', 'Name each rule once.')
      reorderRules(ctx.sqlite, input.ids)
      audit(ctx, 'rule.reorder', input.ids[0], { ids: input.ids })
      return { ok: true as const }
    },
  }),

  /**
   * Before saving: who among today's arrivals and in-house guests this rule would fire for, with
   * what text and due time. `{ rule: RuleInput }` → { businessDate, checked (stays), total, matches[≤100] }.
   * Each match: { stayId, guestId, guest, roomNumber (null: no room yet), status ('arriving' | 'in_house'),
   * reason, text { en, zh }, firesAt (ISO: when the scheduler would fire a timed rule; null for a rule fired
   * by a stay event), dueAt (ISO: as the prompt would be stored; a standing instruction's is the departure),
   * department }. A timed rule whose time for a stay has passed, or comes after the stay, matches nobody there.
   */
  'rule.preview': operation({
    kind: 'query',
    summary: 'Try a rule before saving it: whom among today’s arrivals and in-house guests it would prompt for, and with what words.',
    permission: 'rule.read',
    input: z.object({ rule: ruleInput }),
    handler(ctx, input) {
      assertRuleMakesSense(ctx, input.rule)
      return previewRule(ctx, input.rule, 100)
    },
  }),
}
