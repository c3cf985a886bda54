import { isCardColumn } from './card-numbers'
import { pmsPresets, presetColumns } from './pms-presets'
import { ReportProblems, reportFields, type FieldName, type Mapping, type ReportError, type ReportKind, type StayReportKind } from './report-fields'
import type { ReportFile } from './report-file'
import { RowReader, type ColumnIndex } from './report-row-reader'
import { readRoomStatusRow, type RoomStatusReportRow } from './room-status-rows'
import { readStayRow, type StayReportRow } from './stay-report-rows'

export { redactCardNumbers, isCardColumn } from './card-numbers'
export { splitPmsName, type PmsName } from './pms-name'
export { pmsPresets, presetSummaries, type PmsPreset } from './pms-presets'
export {
  mappingSchema,
  reportKinds,
  reportFields,
  fieldNames,
  stayFieldNames,
  roomStatusFieldNames,
  type Mapping,
  type FieldName,
  type ReportError,
  type ReportKind,
  type StayReportKind,
} from './report-fields'
export type { StayReportRow } from './stay-report-rows'
export type { RoomStatusReportRow, RoomBlock } from './room-status-rows'
export type { DateOrder, StayStatus, Housekeeping, BlockKind } from './report-values'

/** A header as matched: full-width folded, lower case, letters and digits only ("Conf. No" = "CONF_NO" = "ｃｏｎｆ ｎｏ"). */
export function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

function findHeader(headers: string[], names: string[] | undefined): string | null {
  if (!names) return null
  const keys = new Map(headers.map((h) => [headerKey(h), h]))
  for (const name of names) {
    const found = keys.get(headerKey(name))
    if (found !== undefined && headerKey(name) !== '' && !isCardColumn(found)) return found
  }
  return null
}

/** A preset's mapping for these headers: each field the preset names and the file has. Null for an unknown preset id. */
export function mappingFromPreset(presetId: string, kind: ReportKind, headers: string[]): Mapping | null {
  const preset = pmsPresets.find((p) => p.id === presetId)
  if (!preset) return null
  const names = presetColumns(preset, kind)
  const columns: Mapping['columns'] = {}
  for (const { name } of reportFields(kind)) {
    const header = findHeader(headers, names[name])
    if (header) columns[name] = header
  }
  return { kind, columns, dateOrder: preset.dateOrder }
}

/**
 * A first mapping for a file nobody has mapped yet. Takes the preset that finds the most of the
 * kind's fields in these headers (a required field counts three), then fills fields it left out
 * from every other preset's names; a header is used once. `preset` is the chosen preset's id, or
 * null when no preset found a required field.
 */
export function suggestMapping(kind: ReportKind, headers: string[]): { mapping: Mapping; preset: string | null } {
  const fields = reportFields(kind)
  let best: { id: string; mapping: Mapping; score: number } | null = null
  for (const preset of pmsPresets) {
    const mapping = mappingFromPreset(preset.id, kind, headers)!
    const score = fields.reduce((sum, f) => sum + (mapping.columns[f.name] ? (f.required ? 3 : 1) : 0), 0)
    const requiredFound = fields.some((f) => f.required && mapping.columns[f.name])
    if (requiredFound && (!best || score > best.score)) best = { id: preset.id, mapping, score }
  }
  const mapping: Mapping = best ? { ...best.mapping, columns: { ...best.mapping.columns } } : { kind, columns: {}, dateOrder: 'ymd' }
  const used = new Set(Object.values(mapping.columns))
  for (const { name } of fields) {
    if (mapping.columns[name]) continue
    for (const preset of pmsPresets) {
      const header = findHeader(headers.filter((h) => !used.has(h)), presetColumns(preset, kind)[name])
      if (header) {
        mapping.columns[name] = header
        used.add(header)
        break
      }
    }
  }
  return { mapping, preset: best?.id ?? null }
}

/** A checked report: the rows read (only those without errors) and every problem, by line. */
export interface ReportCheck<Row> {
  rows: Row[]
  /** Any error means nothing may be applied. At most 500, then one 'more_errors'. */
  errors: ReportError[]
  /** Values left out (an unknown nationality, a phone that is not one): never block the file. */
  warnings: ReportError[]
}

/**
 * Checks every row of a report against a mapping and reads it into Zhike's terms.
 *
 * Column problems are reported once, at the header's line: a required field the mapping leaves
 * out ('required', column null), a mapped header the file does not have ('unknown_column'), a
 * mapped column that holds card data ('card_column', never read). Then every row: codes
 * 'required', 'too_long', 'bad_name', 'bad_date', 'ambiguous_date', 'dates_out_of_order',
 * 'bad_status', 'bad_vip', 'bad_time', 'bad_number', 'bad_party', 'bad_room_number',
 * 'bad_room_type', 'room_required' (in house without a room), 'duplicate_confirmation',
 * 'bad_housekeeping', 'bad_block', 'duplicate_room'. Warnings: 'bad_nationality', 'bad_phone',
 * 'bad_email', 'bad_salutation', 'bad_date'/'ambiguous_date' (birth date), 'remarks_cut',
 * 'companions_cut'. Never throws.
 */
export function validateReport(kind: 'room_status', mapping: Mapping, file: ReportFile): ReportCheck<RoomStatusReportRow>
export function validateReport(kind: StayReportKind, mapping: Mapping, file: ReportFile): ReportCheck<StayReportRow>
export function validateReport(kind: ReportKind, mapping: Mapping, file: ReportFile): ReportCheck<StayReportRow> | ReportCheck<RoomStatusReportRow>
export function validateReport(kind: ReportKind, mapping: Mapping, file: ReportFile): ReportCheck<StayReportRow> | ReportCheck<RoomStatusReportRow> {
  const errors = new ReportProblems()
  const warnings = new ReportProblems()
  const columns: ColumnIndex = new Map()
  const byKey = new Map(file.headers.map((h, index) => [headerKey(h), index]))
  for (const { name, required } of reportFields(kind)) {
    const header = mapping.columns[name]
    if (!header) {
      if (required) errors.add(file.headerLine, name, null, 'required', null, `No column is chosen for ${name}, which every ${kind} report needs.`)
      continue
    }
    if (isCardColumn(header) || file.ignoredColumns.includes(header)) {
      errors.add(file.headerLine, name, header, 'card_column', header, `The column "${header}" holds payment card data and is never read. Choose another column for ${name}.`)
      continue
    }
    const exact = file.headers.indexOf(header)
    const index = exact >= 0 ? exact : byKey.get(headerKey(header))
    if (index === undefined) {
      errors.add(file.headerLine, name, header, 'unknown_column', header, `The file has no column "${header}" for ${name}. Check the mapping against this file's headers.`)
      continue
    }
    columns.set(name, { index, header: file.headers[index] })
  }
  // A file that has none of the columns its mapping reads is another kind of file altogether:
  // one clear problem, not one per field and row.
  const mapped = Object.values(mapping.columns).filter(Boolean).length
  if (mapped > 0 && columns.size === 0) {
    const none = new ReportProblems()
    none.add(file.headerLine, null, null, 'not_this_report', kind, `This file has none of the columns of a ${kind} report (such as "${Object.values(mapping.columns)[0]}"). Check that it is the right report, or map its columns.`)
    return { rows: [], errors: none.done(), warnings: [] }
  }

  if (kind === 'room_status') {
    const rows: RoomStatusReportRow[] = []
    const seen = new Map<string, number>()
    for (const fileRow of file.rows) {
      const reader = new RowReader(fileRow, columns, errors, warnings)
      const row = readRoomStatusRow(reader, mapping.dateOrder)
      if (!row) continue
      const first = seen.get(row.roomNumber)
      if (first !== undefined) {
        reader.error('roomNumber', 'duplicate_room', `room ${row.roomNumber} is listed again (first on line ${first}).`)
        continue
      }
      seen.set(row.roomNumber, row.line)
      rows.push(row)
    }
    return { rows, errors: errors.done(), warnings: warnings.done() }
  }

  const rows: StayReportRow[] = []
  const seen = new Map<string, number>()
  for (const fileRow of file.rows) {
    const reader = new RowReader(fileRow, columns, errors, warnings)
    const row = readStayRow(reader, kind, mapping.dateOrder)
    const confirmation = reader.identifier('confirmation')
    // A repeated confirmation is an error even on a row with other errors: both are listed at once.
    if (confirmation !== null) {
      const key = confirmation.toUpperCase()
      const first = seen.get(key)
      if (first !== undefined) {
        reader.error('confirmation', 'duplicate_confirmation', `confirmation ${confirmation} is listed again (first on line ${first}).`)
        continue
      }
      seen.set(key, reader.line)
    }
    if (row) rows.push(row)
  }
  return { rows, errors: errors.done(), warnings: warnings.done() }
}

/** The kind's required fields the mapping leaves out (the screen marks them). */
export function missingRequired(mapping: Mapping): FieldName[] {
  return reportFields(mapping.kind)
    .filter((f) => f.required && !mapping.columns[f.name])
    .map((f) => f.name)
}
