import type { z } from 'zod'
import { departmentOperations } from './departments/department.operations'
import { guestOperations } from './guests/guest.operations'
import { guestDuplicateOperations } from './guests/guest-duplicate.operations'
import { consentOperations } from './guests/consent.operations'
import { identityDocumentOperations } from './guests/identity-document.operations'
import { guestMergeOperations } from './guests/guest-merge.operations'
import { guestPrintOperations } from './guests/guest-print.operations'
import { hotelSettingsOperations } from './setup/hotel-settings.operations'
import { hotelCurrencyOperations } from './recovery/hotel-currency.operations'
import { hotelProfileOperations } from './setup/hotel-profile.operations'
import { hotelClockOperations } from './setup/hotel-clock.operations'
import { observationOperations } from './observations/observation.operations'
import { otaOperations } from './ota/ota.operations'
import { pmsOperations } from './pms/pms.operations'
import { promptOperations } from './prompts/prompt.operations'
import { reportOperations } from './reports/report.operations'
import { recoveryReportOperations } from './recovery/recovery-report.operations'
import { satisfactionImportOperations } from './recovery/satisfaction-import.operations'
import { dashboardOperations } from './reports/dashboard.operations'
import { roomOperations } from './rooms/room.operations'
import { roomImportOperations } from './rooms/room-import.operations'
import { ruleOperations } from './rules/rule.operations'
import { setupOperations } from './setup/setup.operations'
import { staffOperations } from './staff/staff.operations'
import { stayOperations } from './stays/stay.operations'
import { terminalOperations } from './terminals/terminal.operations'
import { vocabularyOperations } from './vocabulary/vocabulary.operations'
import { nightAuditOperations } from './night-audit/night-audit.operations'
import { escalationOperations } from './promises/escalation.operations'
import { declineQueueOperations } from './promises/decline-queue.operations'
import { backupOperations } from './backup/backup.operations'
import { exportOperations } from './exports/export.operations'
import { transferOperations } from './transfer/transfer.operations'
import { privacyOperations } from './privacy/privacy.operations'
import { auditOperations } from './audit/audit.operations'
import { recoveryOperations } from './recovery/recovery.operations'

/**
 * THE contract. Every operation Zhike offers, declared once. The Electron IPC bridge, the
 * hub's HTTP routes, GET /api/schema and the renderer's client types all derive from it.
 */
export const operations = {
  ...setupOperations,
  ...hotelSettingsOperations,
  ...hotelCurrencyOperations,
  ...hotelProfileOperations,
  ...hotelClockOperations,
  ...staffOperations,
  ...departmentOperations,
  ...vocabularyOperations,
  ...roomOperations,
  ...roomImportOperations,
  ...guestOperations,
  ...guestMergeOperations,
  ...guestDuplicateOperations,
  ...consentOperations,
  ...identityDocumentOperations,
  ...guestPrintOperations,
  ...otaOperations,
  ...stayOperations,
  ...pmsOperations,
  ...promptOperations,
  ...observationOperations,
  ...ruleOperations,
  ...reportOperations,
  ...recoveryReportOperations,
  ...satisfactionImportOperations,
  ...dashboardOperations,
  ...terminalOperations,
  ...nightAuditOperations,
  ...escalationOperations,
  ...declineQueueOperations,
  ...backupOperations,
  ...exportOperations,
  ...transferOperations,
  ...privacyOperations,
  ...auditOperations,
  ...recoveryOperations,
}

export type Api = typeof operations
export type OperationName = keyof Api
export type InputOf<K extends OperationName> = z.input<Api[K]['input']>
export type OutputOf<K extends OperationName> = ReturnType<Api[K]['handler']>
