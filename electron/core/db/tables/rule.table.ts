import type { Generated, Selectable, Insertable } from 'kysely'

export interface RuleTable {
  id: Generated<number>
  key: string
  /** A trigger of prompts/prompt-generation.ts `triggers`. */
  trigger: string
  category: string
  code: string
  /** Null matches any value. */
  value: string | null
  department_code: string
  /** low | normal | high | urgent */
  priority: string
  due_minutes: number
  template_en: string
  template_zh: string
  /** wanted (required/preferred) | unwanted (avoid/never) | any */
  polarity: Generated<string>
  active: 0 | 1
  /** task (acted on, falls due) | standing (a standing instruction: shown for the whole stay, acknowledged once, never overdue). */
  kind: Generated<string>
  /** pre_arrival: days before arrival; post_stay: days after departure. Null: at the event itself. */
  offset_days: Generated<number | null>
  /** Hotel local time 'HH:MM' for timed triggers (pre_arrival with offset, daily, post_stay). */
  at_time: Generated<string | null>
  /** JSON RuleConditions (rules/rule-conditions.ts): guest facts and stay facts. '{}' = none. */
  conditions: Generated<string>
  /** Minutes to acknowledge; null = the department's promise to acknowledge. */
  ack_minutes: Generated<number | null>
  /** Order on the rules screen and among prompts of equal priority. */
  position: Generated<number>
  /** 1 for the rules Zhike ships with every hotel (rules/builtin-rules.ts). */
  builtin: Generated<0 | 1>
  updated_at: Generated<string | null>
}
export type RuleRow = Selectable<RuleTable>
export type NewRuleRow = Insertable<RuleTable>
