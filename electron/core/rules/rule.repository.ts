import { first, all, prepared, qb, run, type Sqlite } from '../db/query'
import type { NewRuleRow, RuleRow } from '../db/tables/rule.table'
import { triggers, type Polarity, type Priority, type RuleFacts, type Trigger } from '../prompts/prompt-generation'
import { cached, invalidate } from '../db/store-cache'
import { parseConditions } from './rule-conditions'

// Active rules by trigger are read for every guest a stay event touches (3,000 in one PMS
// import): kept per store, and forgotten by every function here that writes rules.
const activeRulesKey = (trigger: Trigger) => `rules.active.${trigger}`
function forgetActiveRules(sqlite: Sqlite): void {
  for (const trigger of triggers) invalidate(sqlite, activeRulesKey(trigger))
}

export function insertRule(sqlite: Sqlite, rule: NewRuleRow): number {
  forgetActiveRules(sqlite)
  return run(sqlite, qb.insertInto('rule').values(rule)).lastInsertRowid
}

/** Every rule, in the managers' order. */
export function listRules(sqlite: Sqlite): RuleRow[] {
  return all(sqlite, qb.selectFrom('rule').selectAll().orderBy('position').orderBy('id'))
}

export function findRule(sqlite: Sqlite, id: number): RuleRow | undefined {
  return first(sqlite, qb.selectFrom('rule').selectAll().where('id', '=', id))
}

export function findRuleByKey(sqlite: Sqlite, key: string): RuleRow | undefined {
  return first(sqlite, qb.selectFrom('rule').selectAll().where('key', '=', key))
}

/** The position after every rule: a new rule goes last. */
export function nextRulePosition(sqlite: Sqlite): number {
  const last = first(sqlite, qb.selectFrom('rule').select((eb) => eb.fn.max('position').as('p')))
  return Number(last?.p ?? 0) + 10
}

export function updateRule(sqlite: Sqlite, id: number, changes: Partial<Omit<NewRuleRow, 'id'>>): boolean {
  forgetActiveRules(sqlite)
  return run(sqlite, qb.updateTable('rule').set(changes).where('id', '=', id)).changes === 1
}

/** Sets the order: the rules named, in this order, first; the others keep theirs after them. */
export function reorderRules(sqlite: Sqlite, ids: readonly number[]): void {
  forgetActiveRules(sqlite)
  const rest = listRules(sqlite).filter((r) => !ids.includes(r.id))
  ;[...ids, ...rest.map((r) => r.id)].forEach((id, i) => run(sqlite, qb.updateTable('rule').set({ position: (i + 1) * 10 }).where('id', '=', id)))
}

const activeForTrigger = prepared((a: { trigger: string }) =>
  qb.selectFrom('rule').selectAll().where('active', '=', 1).where('trigger', '=', a.trigger).orderBy('position').orderBy('id'),
)

/** The active rules of a trigger. Shared objects: never mutate them. */
export function activeRulesFor(sqlite: Sqlite, trigger: Trigger): readonly RuleFacts[] {
  // Inside a transaction what is read may yet roll back (which clears every cache anyway).
  return cached(sqlite, activeRulesKey(trigger), () => activeForTrigger.all(sqlite, { trigger }).map(toRuleFacts))
}

/** A stored rule as the generator reads it. '' category or code means "none"; damaged conditions match nothing. */
export function toRuleFacts(r: RuleRow): RuleFacts {
  const conditions = parseConditions(r.conditions ?? '{}')
  return {
    id: r.id,
    kind: r.kind === 'standing' ? 'standing' : 'task',
    trigger: r.trigger as Trigger,
    category: r.category === '' ? null : r.category,
    code: r.code === '' ? null : r.code,
    value: r.value,
    department: r.department_code,
    priority: r.priority as Priority,
    ackMinutes: r.ack_minutes ?? null,
    dueMinutes: r.due_minutes,
    template: { en: r.template_en, zh: r.template_zh },
    polarity: r.polarity as Polarity,
    // A damaged condition list must not widen a rule to every guest: it then never fires.
    conditions: conditions ?? { vipMin: 5, visit: 'first', minNights: 365, maxNights: 1 },
    offsetDays: r.offset_days ?? null,
    atTime: r.at_time ?? null,
    position: r.position ?? 0,
  }
}

export function ruleKeyTaken(sqlite: Sqlite, key: string): boolean {
  return first(sqlite, qb.selectFrom('rule').select('id').where('key', '=', key)) !== undefined
}
