/**
 * What the full export carries (issue 11, guest files 5), table by table, in the order it is
 * written and read back: a table comes after every table it refers to, so a reader can check
 * references as rows arrive (a guest merged into a later guest is checked at the end).
 *
 * Every table of the store is either exported here or named in `notExported` with the reason;
 * `test/integration/transfer.test.ts` fails when a migration adds a table that is in neither list.
 */
export const exportedTables = [
  'department',
  'staff',
  'room',
  'vocabulary',
  'setting',
  'rule',
  'escalation_step',
  'guest',
  'stay',
  'stay_companion',
  'preference',
  'observation',
  'prompt',
  // A case's lesson is an observation (above) that points back at its case: checked at the end.
  'recovery_case',
  'recovery_step',
  'satisfaction',
  'guest_change',
  'guest_consent',
  'guest_merge',
  'guest_pair_flag',
  'stay_event',
  'arrival_match',
  'pms_import',
  'night_audit',
  'scheduled_fire',
] as const
export type ExportedTable = (typeof exportedTables)[number]

/** Tables left out of the file, and why. */
export const notExported: Record<string, string> = {
  schema_migration: 'carried in the header as the schema version',
  sqlite_sequence: 'carried in the header as the next ids',
  audit_log: "the store's own record of who did what; the import itself is audited there",
  staff_session: 'secrets (session token hashes)',
  core_event: 'live events, kept 48 hours',
  guest_token: 'search index, rebuilt on import',
  guest_match_key: 'duplicate keys, rebuilt on import',
  duplicate_candidate: 'duplicate pairs, rebuilt on import',
  guest_fts: 'search index, rebuilt on import',
}

/** Tables whose name starts with one of these are SQLite's or FTS5's own (guest_fts_data…). */
export const internalTablePrefixes = ['sqlite_', 'guest_fts']

/** Columns left out: secrets and what the import derives again through the guest index. */
export const omittedColumns: Partial<Record<ExportedTable, readonly string[]>> = {
  staff: ['pin_hash'],
  guest: ['search_key', 'phone_e164'],
}

/**
 * Settings that belong to the machine or are derived, not to the hotel: they are neither
 * exported nor replaced by an import (a folder path means nothing on another computer).
 */
export const localSettingKeys = [
  'guest.index.version',
  'pms.watchFolder',
  'pms.watchActor',
  'pms.watchLastScan',
  'pms.watchProblem',
  'scheduler.lastTickAt',
  'terminals.serve',
]
/** Setting keys starting with these are local too (backup folders and schedules of this machine). */
export const localSettingPrefixes = ['backup.', 'backups.', 'terminal.', 'terminals.', 'exports.']

/** Whether a setting stays with its machine (never exported, never replaced by an import). */
export function isLocalSetting(key: string): boolean {
  return localSettingKeys.includes(key) || localSettingPrefixes.some((p) => key.startsWith(p))
}

/** The hash a staff member gets when the file names them and this store knows no PIN for their code: it matches no PIN. */
export const noPinHash = '!no-pin: imported without a PIN'
