import type { DepartmentTable } from './tables/department.table'
import type { StaffTable } from './tables/staff.table'
import type { RoomTable } from './tables/room.table'
import type { GuestTable } from './tables/guest.table'
import type { PreferenceTable } from './tables/preference.table'
import type { ArrivalMatchTable, PmsImportTable, StayCompanionTable, StayEventTable, StayTable } from './tables/stay.table'
import type { RuleTable } from './tables/rule.table'
import type { PromptTable } from './tables/prompt.table'
import type { VocabularyTable } from './tables/vocabulary.table'
import type { AuditTable } from './tables/audit.table'
import type { GuestConsentTable } from './tables/consent.table'
import type { CoreEventTable, StaffSessionTable } from './tables/session.table'
import type { SettingTable } from './tables/settings.table'
import type { ObservationTable } from './tables/observation.table'
import type { RecoveryCaseTable, RecoveryStepTable, SatisfactionTable } from './tables/recovery.table'
import type { GuestChangeTable, GuestMergeTable, GuestPairFlagTable, GuestTokenTable, GuestMatchKeyTable, DuplicateCandidateTable } from './tables/guest-history.table'

/** Kysely's view of the schema: one entry per table, row types match the columns exactly. */
import type { EscalationStepTable, NightAuditTable, ScheduledFireTable } from './tables/promise.table'
export interface Database {
  department: DepartmentTable
  staff: StaffTable
  room: RoomTable
  guest: GuestTable
  preference: PreferenceTable
  stay: StayTable
  rule: RuleTable
  prompt: PromptTable
  vocabulary: VocabularyTable
  audit_log: AuditTable
  setting: SettingTable
  observation: ObservationTable
  guest_change: GuestChangeTable
  guest_consent: GuestConsentTable
  guest_merge: GuestMergeTable
  guest_pair_flag: GuestPairFlagTable
  guest_token: GuestTokenTable
  guest_match_key: GuestMatchKeyTable
  duplicate_candidate: DuplicateCandidateTable
  staff_session: StaffSessionTable
  core_event: CoreEventTable
  stay_companion: StayCompanionTable
  stay_event: StayEventTable
  arrival_match: ArrivalMatchTable
  pms_import: PmsImportTable
  escalation_step: EscalationStepTable
  scheduled_fire: ScheduledFireTable
  night_audit: NightAuditTable
  recovery_case: RecoveryCaseTable
  recovery_step: RecoveryStepTable
  satisfaction: SatisfactionTable
}
