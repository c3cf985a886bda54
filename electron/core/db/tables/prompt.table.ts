import type { Generated, Selectable, Insertable } from 'kysely'

export interface PromptTable {
  id: Generated<number>
  /** stay:rule:category.code=value (or '-' for a rule on guest facts)[@business date for daily rules]: makes generation idempotent. */
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
  /** open | acknowledged | done | declined | cancelled */
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
  /** task | standing (a standing instruction: never overdue, shown until the stay ends). */
  kind: Generated<string>
  /** When the acknowledge promise (escalate_at) was broken and the prompt escalated; level = steps taken. */
  escalated_at: Generated<string | null>
  escalation_level: Generated<number>
  /** When the completion promise (due_at) was broken. */
  overdue_at: Generated<string | null>
  assigned_to: Generated<number | null>
  assigned_at: Generated<string | null>
  /** A timed prompt: when it should have fired; late_minutes when it fired after that (app closed, machine asleep). */
  scheduled_for: Generated<string | null>
  late_minutes: Generated<number | null>
  /** Guest relations read this decline (their queue). */
  decline_read_at: Generated<string | null>
  decline_read_by: Generated<number | null>
  /** When the next escalation step falls due (escalate_at before the first; NULL after the last); read only while open. */
  next_escalation_at: Generated<string | null>
  /** Why a cancelled prompt was cancelled: check_out, withdrawn, undone, … (NULL before migration 0009). */
  cancel_reason: Generated<string | null>
}
export type PromptRow = Selectable<PromptTable>
export type NewPromptRow = Insertable<PromptTable>
