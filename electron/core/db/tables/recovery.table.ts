import type { Generated, Insertable, Selectable } from 'kysely'

/** A complaint or incident against a guest and a stay (migration 0017). Instants are ISO 8601 UTC. */
export interface RecoveryCaseTable {
  id: Generated<number>
  guest_id: number
  stay_id: number
  /** complaint | incident */
  kind: string
  /** room | noise | food | service | billing | other */
  category: string
  /** minor | moderate | serious */
  severity: string
  department_code: string
  description: string
  raised_by: number
  raised_at: string
  /** desk | board | card | cases */
  raised_from: string
  owner_id: number | null
  /** open | resolved | closed */
  status: Generated<string>
  first_response_due_at: string
  first_responded_at: string | null
  resolution_due_at: string
  resolved_at: string | null
  closed_at: string | null
  closed_by: number | null
  first_response_prompt_id: number | null
  lesson_observation_id: number | null
}
export type RecoveryCaseRow = Selectable<RecoveryCaseTable>
export type NewRecoveryCaseRow = Insertable<RecoveryCaseTable>

/** One of the six steps of a case; a row per step from the moment the case opens. */
export interface RecoveryStepTable {
  id: Generated<number>
  case_id: number
  /** apologise | listen | solution | compensation | promise | follow_up */
  step: string
  /** 1..6, the order the steps are meant to be taken in. */
  position: number
  done_at: string | null
  done_by: number | null
  note: string | null
  /** 0 | 1: passed over, with the reason in `note`. */
  skipped: Generated<number>
  out_of_order_reason: string | null
  compensation_kind: string | null
  /** In the minor unit of the hotel's currency (fen for CNY). */
  compensation_minor: number | null
  promise_text: string | null
  /** Business date (YYYY-MM-DD) the promise is due by. */
  promise_due_date: string | null
  promise_department: string | null
  promise_prompt_id: number | null
  promise_kept_at: string | null
  follow_up_at: string | null
  follow_up_prompt_id: number | null
}
export type RecoveryStepRow = Selectable<RecoveryStepTable>
export type NewRecoveryStepRow = Insertable<RecoveryStepTable>

/** A guest's satisfaction with a stay: score 1–5, entered by staff or imported from a survey file. */
export interface SatisfactionTable {
  id: Generated<number>
  guest_id: number
  stay_id: number
  score: number
  comment: string | null
  /** staff | import */
  source: string
  /** The date the guest answered (YYYY-MM-DD), when the file says. */
  answered_on: string | null
  recorded_at: string
  recorded_by: number | null
  import_file: string | null
}
export type SatisfactionRow = Selectable<SatisfactionTable>
export type NewSatisfactionRow = Insertable<SatisfactionTable>
