import { createHash } from 'node:crypto'
import { actorOf, type OperationContext } from '../context'
import { recordAudit } from '../audit/audit.repository'
import { AppError } from '../errors'
import type { Sqlite } from '../db/query'
import { applyRoomStatus } from '../rooms/room-status.service'
import { findRoomByNumber } from '../rooms/room.repository'
import { inTransaction } from '../db/transaction'
import { getSetting, putSetting } from '../setup/setting.repository'
import { isCardColumn } from './card-numbers'
import { insertPmsImport } from './pms.repository'
import type { ReportFile } from './report-file'
import { mappingSchema, missingRequired, suggestMapping, validateReport, type Mapping, type ReportError, type ReportKind, type RoomStatusReportRow } from './report-mapping'
import { applyStayReport, checkStayReport, type StayReportOutcome } from './stay-report'
import { today } from '../hotel-clock'

const mappingKey = (kind: ReportKind) => `pms.mapping.${kind}`

/** The hotel's saved mapping for a report kind; a damaged setting counts as none (the screen asks again). */
export function savedMapping(sqlite: Sqlite, kind: ReportKind): Mapping | null {
  const raw = getSetting(sqlite, mappingKey(kind))
  if (!raw) return null
  try {
    const parsed = mappingSchema.safeParse(JSON.parse(raw))
    return parsed.success && parsed.data.kind === kind ? parsed.data : null
  } catch {
    return null
  }
}

export function saveMapping(ctx: OperationContext, mapping: Mapping): void {
  const actor = actorOf(ctx)
  putSetting(ctx.sqlite, mappingKey(mapping.kind), JSON.stringify(mapping))
  recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'pms.mapping', entity: 'setting', detail: { kind: mapping.kind } })
}

/** Headers and first rows for the mapping screen, with card columns blanked out. */
export function previewOf(file: ReportFile, rows: number): { headers: string[]; sample: { line: number; cells: string[] }[] } {
  const hidden = file.headers.map((h) => isCardColumn(h))
  return {
    headers: file.headers.map((h, i) => (hidden[i] ? '' : h)),
    sample: file.rows.slice(0, rows).map((r) => ({ line: r.line, cells: r.cells.map((c, i) => (hidden[i] ? '' : c)) })),
  }
}

/** A report checked whole: the file's own errors, then (if none) the store's (unknown rooms…). */
export function checkReport(ctx: OperationContext, kind: ReportKind, mapping: Mapping, file: ReportFile) {
  const check = validateReport(kind, mapping, file)
  const errors: ReportError[] = [...check.errors]
  if (errors.length === 0 && kind === 'room_status') {
    for (const row of check.rows as RoomStatusReportRow[]) {
      if (!findRoomByNumber(ctx.sqlite, row.roomNumber)) {
        errors.push({ line: row.line, field: 'roomNumber', column: mapping.columns.roomNumber ?? null, code: 'unknown_room', value: row.roomNumber, message: `There is no room ${row.roomNumber} in Zhike.` })
      }
    }
  }
  if (errors.length === 0 && kind !== 'room_status') {
    for (const p of checkStayReport(ctx, kind, check.rows as Parameters<typeof checkStayReport>[2])) {
      errors.push({ line: p.line, field: p.field as ReportError['field'], column: mapping.columns[p.field as keyof Mapping['columns']] ?? null, code: p.code, value: p.value, message: p.message })
    }
  }
  return { rows: check.rows, errors, warnings: check.warnings }
}

export interface ImportOutcome {
  importId: number
  status: 'applied' | 'rejected'
  rows: number
  errors: ReportError[]
  warnings: { line: number; code: string; message: string }[]
  events: StayReportOutcome['events']
  matched: StayReportOutcome['matched']
  newProfiles: number
  unmatched: number
  roomsUpdated: number
  unchanged: number
}

/**
 * Imports one PMS report inside the caller's transaction: the mapping given, else the one saved
 * for the kind; the whole file is checked first and nothing is applied if any row is bad. Every
 * import, applied or rejected, is logged (pms_import) with its report. Throws REPORT_INVALID
 * when no mapping is set and the file's headers do not make one.
 */
export function importReport(
  ctx: OperationContext,
  input: { kind: ReportKind; fileName: string; bytes: Uint8Array; mapping?: Mapping; via: 'upload' | 'watch' | 'api' },
  file: ReportFile,
): ImportOutcome {
  const actor = actorOf(ctx)
  const mapping = input.mapping ?? savedMapping(ctx.sqlite, input.kind) ?? usableSuggestion(input.kind, file)
  const at = ctx.clock.now().toISOString()
  const checksum = createHash('sha256').update(input.bytes).digest('hex')
  const checked = checkReport(ctx, input.kind, mapping, file)
  const base = {
    rows: file.rows.length,
    warnings: checked.warnings.map((w) => ({ line: w.line, code: w.code, message: w.message })),
    events: { reservation: 0, pre_arrival: 0, check_in: 0, room_move: 0, dates_changed: 0, check_out: 0, withdrawn: 0 },
    matched: {},
    newProfiles: 0,
    unmatched: 0,
    roomsUpdated: 0,
    unchanged: 0,
  }
  const log = (status: 'applied' | 'rejected', report: Omit<ImportOutcome, 'importId'>) => {
    const importId = insertPmsImport(ctx.sqlite, { kind: input.kind, fileName: input.fileName, checksum, via: input.via, at, staffId: actor.staffId, rows: file.rows.length, status, report })
    ctx.emit('pms.imported', { importId, kind: input.kind, fileName: input.fileName, status })
    return importId
  }
  if (checked.errors.length > 0) {
    const outcome = { ...base, status: 'rejected' as const, errors: checked.errors }
    return { importId: log('rejected', outcome), ...outcome }
  }
  let outcome: Omit<ImportOutcome, 'importId'>
  try {
    // A savepoint: if applying fails half-way, the store is as it was, and the failure is logged.
    outcome = inTransaction(ctx.sqlite, () => applyChecked(ctx, input.kind, checked.rows, base))
  } catch (error) {
    const known = error instanceof AppError
    if (!known) console.error('[pms.import] applying the file failed', error)
    const failed = {
      ...base,
      status: 'rejected' as const,
      errors: [{ line: 0, field: null, column: null, code: known ? error.code.toLowerCase() : 'apply_failed', value: null, message: known ? error.message : 'Zhike could not apply this file; nothing was applied. The error is in the log.' }],
    }
    return { importId: log('rejected', failed), ...failed }
  }
  const importId = log('applied', outcome)
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'pms.import', entity: 'pms_import', entityId: importId, detail: { kind: input.kind, rows: file.rows.length, via: input.via } })
  return { importId, ...outcome }
}


type ImportBase = Omit<ImportOutcome, 'importId' | 'status' | 'errors'>

function applyChecked(ctx: OperationContext, kind: ReportKind, rows: unknown[], base: ImportBase): Omit<ImportOutcome, 'importId'> {
  if (kind === 'room_status') {
    let roomsUpdated = 0
    let unchanged = 0
    for (const row of rows as RoomStatusReportRow[]) {
      const block = row.block === undefined || row.block === null ? row.block : { ...row.block, reason: row.block.reason ?? 'PMS' }
      const { changed } = applyRoomStatus(ctx, { roomNumber: row.roomNumber, roomType: row.roomType, housekeeping: row.housekeeping, block }, 'pms')
      if (changed.length > 0) roomsUpdated++
      else unchanged++
    }
    return { ...base, status: 'applied', errors: [], roomsUpdated, unchanged }
  } else {
    const applied = applyStayReport(ctx, kind, rows as Parameters<typeof applyStayReport>[2], today(ctx))
    return {
      ...base,
      status: 'applied',
      errors: [],
      warnings: [...base.warnings, ...applied.warnings],
      events: applied.events,
      matched: applied.matched,
      newProfiles: applied.newProfiles,
      unmatched: applied.unmatched,
      unchanged: applied.unchanged,
    }
  }
}

/** With no saved mapping, the suggestion is used only when it covers every required field. */
function usableSuggestion(kind: ReportKind, file: ReportFile): Mapping {
  const { mapping } = suggestMapping(kind, file.headers)
  const missing = missingRequired(mapping)
  if (missing.length > 0) {
    throw new AppError('REPORT_INVALID', `Set the column mapping for ${kind} reports first: Zhike cannot tell which columns hold ${missing.join(', ')}.`, {
      reason: 'no_mapping',
      kind,
      missing,
    })
  }
  return mapping
}

export const hotelModeSetting = 'pms.mode'
export const watchFolderSetting = 'pms.watchFolder'
export const watchActorSetting = 'pms.watchActor'
/** When the watch folder was last looked at (ISO time): the settings screen shows it, so a stalled watcher is noticed. */
export const watchScanSetting = 'pms.watchLastScan'
/** What went wrong with the watch folder lately ('' when nothing): the settings screen shows it. */
export const watchProblemSetting = 'pms.watchProblem'
