import { stayEventKinds, undoEventKinds } from '../stays/stay-event.repository'

/**
 * Actions written to the audit log by name (`recordAudit` calls), beside the operation names core
 * writes for every change and every read of guest data. Keep it in step with the code: the audit
 * log's screen offers these as filters and translates each (`src/i18n/audit.*.json`), and a test
 * checks every one has words in both languages.
 */
export const writtenAuditActions: readonly string[] = [
  'audit.search', 'audit.export',
  'consent.record', 'consent.stay_needs_removed', 'consent.stay_only', 'guest.document.view',
  'session.changePin', 'session.pinChangeFailed', 'session.pinChangeRefused',
  'backup.failed', 'backup.restoreFailed', 'backup.restored', 'backup.settings', 'backup.written',
  'department.create', 'department.retire', 'department.update',
  'escalation.setSteps', 'export',
  'guest.briefingPack', 'guest.create', 'guest.exportOta', 'guest.importOta', 'guest.merge', 'guest.not_duplicate', 'guest.print',
  'guest.undo', 'guest.unmerge', 'guest.update', 'guest.view',
  'hotel.clearLogo', 'hotel.setClock', 'hotel.setLogo', 'hotel.setName', 'hotel.setPhoneCountry', 'hotel.setCurrency',
  'nightAudit.run',
  'observation.record', 'observation.accepted', 'observation.merged', 'observation.rejected',
  'pms.import', 'pms.mapping', 'pms.settings',
  'preference.add', 'preference.update', 'preference.confirm', 'preference.retire',
  'prompt.readDecline',
  'recovery.raise', 'recovery.assign', 'recovery.step', 'recovery.keepPromise', 'recovery.close', 'recovery.proposeLesson', 'satisfaction.record',
  'satisfaction.import',
  'room.create', 'room.import', 'room.reinstate', 'room.retire', 'room.status', 'room.update',
  'rule.create', 'rule.deactivate', 'rule.update', 'rule.reorder',
  'session.failed', 'session.lockedOut', 'session.refused', 'session.revoke', 'session.signIn', 'session.signOut', 'session.unlock',
  'setup.refused', 'staff.create',
  ...[...stayEventKinds, ...undoEventKinds].map((kind) => `stay.${kind}`),
  'stay.import', 'terminals.configure', 'transfer.import', 'vocabulary.add',
]

/** What audit needs to know of an operation: core audits mutations, and queries that declare `audit`. */
export interface AuditedOperation {
  kind: 'query' | 'mutation'
  audit?: unknown
}

/**
 * Every action the audit log can hold: the written ones and the names of the operations core
 * audits (mutations, and reads of guest data), sorted, each once.
 */
export function knownAuditActions(operations: Record<string, AuditedOperation>): string[] {
  const named = Object.entries(operations)
    .filter(([, op]) => op.kind === 'mutation' || op.audit !== undefined)
    .map(([name]) => name)
  return [...new Set([...writtenAuditActions, ...named])].sort()
}

/** The i18n key of an action's words ('guest.card' → 'auditLog.actions.guest_card'). */
export function auditActionLabelKey(action: string): string {
  return `auditLog.actions.${action.replace(/\./g, '_')}`
}
