import { first, all, prepared, qb, run, type Sqlite } from '../db/query'
import type { NewRuleRow, RuleRow } from '../db/tables/rule.table'
import { triggers, type Polarity, type Priority, type RuleFacts, type Trigger } from '../prompts/prompt-generation'
import { cached, invalidate } from '../db/store-cache'

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

export function listRules(sqlite: Sqlite): RuleRow[] {
  return all(sqlite, qb.selectFrom('rule').selectAll().orderBy('department_code').orderBy('key'))
}

const activeForTrigger = prepared((a: { trigger: string }) =>
  qb.selectFrom('rule').selectAll().where('active', '=', 1).where('trigger', '=', a.trigger),
)

/** The active rules of a trigger. Shared objects: never mutate them. */
export function activeRulesFor(sqlite: Sqlite, trigger: Trigger): readonly RuleFacts[] {
  // Inside a transaction what is read may yet roll back (which clears every cache anyway).
  return cached(sqlite, activeRulesKey(trigger), () => activeForTrigger.all(sqlite, { trigger }).map(toRuleFacts))
}

export function toRuleFacts(r: RuleRow): RuleFacts {
  return {
    id: r.id,
    trigger: r.trigger as Trigger,
    category: r.category,
    code: r.code,
    value: r.value,
    department: r.department_code,
    priority: r.priority as Priority,
    dueMinutes: r.due_minutes,
    template: { en: r.template_en, zh: r.template_zh },
    polarity: r.polarity as Polarity,
  }
}

export function ruleKeyTaken(sqlite: Sqlite, key: string): boolean {
  return first(sqlite, qb.selectFrom('rule').select('id').where('key', '=', key)) !== undefined
}
