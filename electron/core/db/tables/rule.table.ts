import type { Generated, Selectable, Insertable } from 'kysely'

export interface RuleTable {
  id: Generated<number>
  key: string
  /** reservation | check_in */
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
}
export type RuleRow = Selectable<RuleTable>
export type NewRuleRow = Insertable<RuleTable>
