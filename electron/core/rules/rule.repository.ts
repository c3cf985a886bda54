import { first, all, prepared, qb, run, type Sqlite } from '../db/query'
import type { NewRuleRow, RuleRow } from '../db/tables/rule.table'
import type { Polarity, Priority, RuleFacts, Trigger } from '../prompts/prompt-generation'

export function insertRule(sqlite: Sqlite, rule: NewRuleRow): number {
  return run(sqlite, qb.insertInto('rule').values(rule)).lastInsertRowid
}

export function listRules(sqlite: Sqlite): RuleRow[] {
  return all(sqlite, qb.selectFrom('rule').selectAll().orderBy('department_code').orderBy('key'))
}

const activeForTrigger = prepared((a: { trigger: string }) =>
  qb.selectFrom('rule').selectAll().where('active', '=', 1).where('trigger', '=', a.trigger),
)

export function activeRulesFor(sqlite: Sqlite, trigger: Trigger): RuleFacts[] {
  return activeForTrigger.all(sqlite, { trigger }).map(toRuleFacts)
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
