import type { Selectable } from 'kysely'

/** One escalation step of a department: `after_minutes` after the acknowledge promise is broken, tell `notify`. */
export interface EscalationStepTable {
  department_code: string
  position: number
  after_minutes: number
  /** lead (the department's lead: its department_lead staff, and managers) | duty_manager | guest_relations */
  notify: string
}
export type EscalationStepRow = Selectable<EscalationStepTable>

/** A timed firing claimed once: `key` names what fired (rule, stay, date); a store never fires it twice. */
export interface ScheduledFireTable {
  key: string
  due_at: string
  fired_at: string
  late_minutes: number | null
}

/** A business date closed by the night audit. */
export interface NightAuditTable {
  business_date: string
  run_at: string
  /** Null: the automatic audit at the set time. */
  staff_id: number | null
  late_minutes: number | null
  /** JSON NightAuditReport. */
  report: string
}
export type NightAuditRow = Selectable<NightAuditTable>
