import { parse } from 'csv-parse/sync'
import { AppError, type ErrorCode } from '../errors'
import { isCardColumn, redactCardNumbers } from './card-numbers'
import { readWorkbookRows } from './report-xlsx'

/** A PMS report as read from its file: the header row's texts and every row below it. */
export interface ReportFile {
  /** Header texts, trimmed; a repeated header gets " (2)", " (3)"; an empty one stays "". */
  headers: string[]
  /** The header's row number (1-based, as Excel shows it). */
  headerLine: number
  /** Rows below the header with at least one non-empty cell; `cells` has one entry per header. */
  rows: ReportRow[]
  /** Columns dropped unread because their header names payment card data. */
  ignoredColumns: string[]
}

export interface ReportRow {
  /** 1-based row number as a user sees it in Excel (a CSV record holding a line break is one row). */
  line: number
  cells: string[]
  /**
   * The cells before card numbers were removed, kept only when a cell of the row changed: the
   * confirmation number is the booking's key, and a 16-digit confirmation that happens to pass
   * the Luhn check must stay itself (RowReader.identifier). Never shown, stored or logged otherwise.
   */
  unredacted?: string[]
}

export const reportFileLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 50_000, maxTitleLines: 10 } as const

export type ReportFileProblem = 'too_large' | 'too_many_rows' | 'empty' | 'no_header' | 'unreadable'

// 'REPORT_FILE' is added to errorCodes (electron/core/errors.ts) with the PMS import operations.
const reportFileCode = 'REPORT_FILE' as ErrorCode

/** The AppError a report file is refused with: code REPORT_FILE, `details.reason`. */
export function reportFileError(reason: ReportFileProblem, message: string, more: Record<string, unknown> = {}): AppError {
  return new AppError(reportFileCode, message, { reason, ...more })
}

/**
 * How refusals name the file and what to do about it, so a caller reading its own kind of file (a
 * room list) does not speak of PMS reports. Each is a sentence part, English, no final stop.
 */
export interface ReportFileWording {
  /** What the file is: "report", "room list". */
  kind: string
  /** How to get a good file again: "Export the report from the PMS again". */
  again: string
  /** How to make a smaller file: "Export one day's report". */
  smaller: string
  /** Column names a header row holds, quoted: '"Conf No", "Name", "Arrival"'. */
  headerExample: string
}

/** The reader's own wording: a PMS report (the PMS import). */
export const pmsReportWording: ReportFileWording = {
  kind: 'report',
  again: 'Export the report from the PMS again',
  smaller: "Export one day's report",
  headerExample: '"Conf No", "Name", "Arrival"',
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)
const isOldExcel = (b: Uint8Array) => b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

/**
 * Reads a PMS report file (CSV or XLSX) into its header and rows.
 *
 * - XLSX is recognised by its bytes (a zip: "PK"), whatever the name says; the first sheet with
 *   rows is read. Dates become ISO dates (2026-12-01, or "2026-12-01 14:30" with a time; a time
 *   alone "14:30"), numbers are written without a trailing ".0".
 * - CSV (or .txt): UTF-8 with or without BOM, UTF-16 with BOM, otherwise GB18030 (Chinese PMS
 *   exports in GBK). The delimiter (comma, semicolon, tab or |) is sniffed from the first lines.
 * - The header is the first row, within the first 11, with at least two non-empty cells and at
 *   least three quarters as many as the fullest of those rows: title lines above it ("Arrivals,
 *   01-DEC-26") are skipped.
 * - Every cell goes through `redactCardNumbers`, and a column whose header names card data
 *   (`isCardColumn`) is dropped before anything reads it. Control characters are removed, and
 *   full-width digits and letters folded.
 *
 * Throws AppError REPORT_FILE with `details.reason`: 'too_large' (over 10 MB), 'too_many_rows'
 * (over 50,000 rows below the header), 'empty', 'no_header', 'unreadable' (old .xls, a damaged
 * workbook, a CSV quote left open). Nothing else is ever thrown.
 */
export async function readReportFile(bytes: Uint8Array, fileName: string, wording: ReportFileWording = pmsReportWording): Promise<ReportFile> {
  try {
    return await readReportFileUnchecked(bytes, fileName, wording)
  } catch (error) {
    if (error instanceof AppError) throw error
    throw reportFileError('unreadable', `The file ${fileName} could not be read as CSV or XLSX. ${wording.again} as .csv or .xlsx.`)
  }
}

async function readReportFileUnchecked(bytes: Uint8Array, fileName: string, wording: ReportFileWording): Promise<ReportFile> {
  if (bytes.length > reportFileLimits.maxBytes) {
    throw reportFileError('too_large', `The file ${fileName} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; Zhike reads ${wording.kind}s up to 10 MB. ${wording.smaller}, or fewer columns.`)
  }
  if (bytes.length === 0) throw reportFileError('empty', `The file ${fileName} is empty. ${wording.again}.`)
  if (isOldExcel(bytes)) {
    throw reportFileError('unreadable', `The file ${fileName} is an old Excel workbook (.xls). Save it as .xlsx or .csv and import that.`)
  }
  let table: string[][]
  if (isZip(bytes)) {
    table = await readWorkbookRows(bytes, reportFileLimits.maxRows + reportFileLimits.maxTitleLines + 1, wording)
  } else {
    if (/\.(xlsx|xlsm)$/i.test(fileName)) {
      throw reportFileError('unreadable', `The file ${fileName} is named like a workbook but is not one. ${wording.again} as .xlsx or .csv.`)
    }
    table = readCsvRows(decodeText(bytes), fileName, wording)
  }
  return toReportFile(table, fileName, wording)
}

/** UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030: what Chinese PMSs and Excel save. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    // ignoreBOM: false (the default) drops a UTF-8 BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

const delimiters = [',', ';', '\t', '|'] as const

/**
 * The delimiter (comma, semicolon, tab or |) that splits the most of the first lines into the
 * same number of cells, quotes respected: a semicolon file whose names hold commas stays a
 * semicolon file. Ties go to the delimiter making more cells, then to the comma.
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 12 + reportFileLimits.maxTitleLines).filter((l) => l.trim() !== '')
  let best: string = ','
  let bestScore = 0
  for (const d of delimiters) {
    const frequency = new Map<number, number>()
    for (const line of lines) {
      let count = 0
      let quoted = false
      for (const c of line) {
        if (c === '"') quoted = !quoted
        else if (c === d && !quoted) count++
      }
      if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1)
    }
    for (const [count, lineCount] of frequency) {
      const score = lineCount * 1000 + Math.min(count, 999)
      if (score > bestScore) {
        best = d
        bestScore = score
      }
    }
  }
  return best
}

function readCsvRows(text: string, fileName: string, wording: ReportFileWording): string[][] {
  if (text.trim() === '') throw reportFileError('empty', `The file ${fileName} holds no text. ${wording.again}.`)
  try {
    return parse(text, {
      delimiter: sniffDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: reportFileLimits.maxRows + reportFileLimits.maxTitleLines + 2,
    }) as string[][]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw reportFileError('unreadable', `The file ${fileName} is not a readable CSV${line ? ` (near line ${line})` : ''}: a quoted cell may be left open. ${wording.again}.`, line ? { line } : {})
  }
}

// C0 and C1 controls but tab and line feed; the BOM and other stray marks a cell never needs.
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/g

/** A cell as Zhike reads it: no card numbers, no control characters, full-width forms folded, trimmed. */
export function cleanCell(value: string): string {
  return redactCardNumbers(cleanText(value)).trim()
}

/** A cell without control characters, full-width forms folded, trimmed; card numbers still in it. */
function cleanText(value: string): string {
  const text = value.replace(/\r\n?/g, '\n').replace(controls, '')
  return text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (/[０-９Ａ-Ｚａ-ｚ\u3000]/.test(c) ? c.normalize('NFKC') : c)).trim()
}

const filled = (row: string[]) => row.filter((c) => c !== '').length

function toReportFile(table: string[][], fileName: string, wording: ReportFileWording): ReportFile {
  const texts = table.map((row) => row.map((c) => cleanText(String(c ?? ''))))
  const cleaned = texts.map((row) => row.map((c) => redactCardNumbers(c).trim()))
  if (cleaned.every((row) => filled(row) === 0)) throw reportFileError('empty', `The file ${fileName} has no rows. ${wording.again}.`)
  const top = cleaned.slice(0, reportFileLimits.maxTitleLines + 1)
  const fullest = Math.max(...top.map(filled))
  const headerIndex = top.findIndex((row) => filled(row) >= 2 && filled(row) * 4 >= fullest * 3)
  if (headerIndex < 0) {
    throw reportFileError('no_header', `No header row was found in the first ${reportFileLimits.maxTitleLines + 1} rows of ${fileName}. The ${wording.kind} needs a row of column names (such as ${wording.headerExample}).`)
  }
  const rawHeaders = cleaned[headerIndex].map((h) => h.replace(/\s+/g, ' '))
  const keep = rawHeaders.map((h) => !isCardColumn(h))
  const headers = uniqueHeaders(rawHeaders.filter((_, i) => keep[i]))
  const ignoredColumns = rawHeaders.filter((h, i) => !keep[i] && h !== '')
  const rows: ReportRow[] = []
  for (let i = headerIndex + 1; i < cleaned.length; i++) {
    if (filled(cleaned[i]) === 0) continue
    if (rows.length === reportFileLimits.maxRows) {
      throw reportFileError('too_many_rows', `The file ${fileName} has more than ${reportFileLimits.maxRows.toLocaleString('en')} rows. ${wording.smaller}, or split it into smaller files.`)
    }
    const kept = cleaned[i].filter((_, c) => keep[c] ?? true)
    const row: ReportRow = { line: i + 1, cells: headers.map((_, c) => kept[c] ?? '') }
    if (cleaned[i].some((c, j) => c !== texts[i][j])) {
      const original = texts[i].filter((_, c) => keep[c] ?? true)
      // Not enumerable: JSON (a log line, an answer, a stored report) never carries it.
      Object.defineProperty(row, 'unredacted', { value: headers.map((_, c) => original[c] ?? ''), enumerable: false })
    }
    rows.push(row)
  }
  return { headers, headerLine: headerIndex + 1, rows, ignoredColumns }
}

function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>()
  return headers.map((h) => {
    if (h === '') return h
    const n = (seen.get(h) ?? 0) + 1
    seen.set(h, n)
    return n === 1 ? h : `${h} (${n})`
  })
}
