import type { Generated, Selectable, Insertable } from 'kysely'

export interface PromptTable {
  id: Generated<number>
  /** stay:rule:preference — makes generation idempotent. */
  dedupe_key: string
  stay_id: number
  guest_id: number
  rule_id: number
  preference_id: number | null
  department_code: string
  trigger: string
  text_en: string
  text_zh: string
  priority: string
  /** open | acknowledged | done | declined */
  status: string
  due_at: string
  escalate_at: string
  created_at: string
  acknowledged_at: string | null
  acknowledged_by: number | null
  done_at: string | null
  done_by: number | null
  declined_at: string | null
  declined_by: number | null
  decline_reason: string | null
}
export type PromptRow = Selectable<PromptTable>
export type NewPromptRow = Insertable<PromptTable>
