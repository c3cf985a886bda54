import { inflateRawSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import { AppError } from '../errors'
import type { ReportFileWording } from './report-file'

/** What a report workbook may unpack to, all parts together (a 10 MB file of text is ~100 MB of XML at most). */
export const maxUnpackedBytes = 150 * 1024 * 1024

/**
 * Refuses a workbook that would unpack to more than `budget` bytes (a "zip bomb": a few MB that
 * inflate to gigabytes and would exhaust the store process's memory) before exceljs unpacks
 * anything. Every entry of the zip's central directory is inflated here with an output cap, so
 * a size the directory lies about does not help. Throws REPORT_FILE 'too_large' or 'unreadable',
 * worded for a PMS report unless `wording` names another kind of file.
 */
export function assertUnpackedSize(bytes: Uint8Array, budget: number, wording: Pick<ReportFileWording, 'kind' | 'again'> = { kind: 'report', again: 'Export the report from the PMS again' }): void {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const tooLarge = () =>
    new AppError('REPORT_FILE', `This workbook unpacks to far more than a ${wording.kind} holds. ${wording.again}, or as CSV.`, { reason: 'too_large' })
  const unreadable = () => new AppError('REPORT_FILE', `This workbook is damaged. ${wording.again} as .xlsx or .csv.`, { reason: 'unreadable' })
  // End of central directory: the last "PK\x05\x06" within the final 64 KiB + 22 bytes.
  let eocd = -1
  for (let i = data.length - 22; i >= Math.max(0, data.length - 65_557); i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw unreadable()
  const entries = data.readUInt16LE(eocd + 10)
  let at = data.readUInt32LE(eocd + 16)
  if (entries === 0xffff || at === 0xffffffff) throw tooLarge() // zip64: no report needs it
  let left = budget
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== 0x02014b50) throw unreadable()
    const method = data.readUInt16LE(at + 10)
    const compressed = data.readUInt32LE(at + 20)
    const declared = data.readUInt32LE(at + 24)
    const nameLength = data.readUInt16LE(at + 28)
    const extraLength = data.readUInt16LE(at + 30)
    const commentLength = data.readUInt16LE(at + 32)
    const local = data.readUInt32LE(at + 42)
    if (compressed === 0xffffffff || declared === 0xffffffff || local === 0xffffffff) throw tooLarge()
    if (declared > left) throw tooLarge()
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50) throw unreadable()
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28)
    if (start + compressed > data.length) throw unreadable()
    const body = data.subarray(start, start + compressed)
    let size: number
    if (method === 0) size = compressed
    else if (method === 8) {
      try {
        size = inflateRawSync(body, { maxOutputLength: left + 1 }).length
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw tooLarge()
        throw unreadable()
      }
    } else throw unreadable()
    if (size > left) throw tooLarge()
    left -= size
    at += 46 + nameLength + extraLength + commentLength
  }
}

/**
 * The first sheet with rows of an XLSX workbook, as text: `table[n - 1]` is Excel's row n (rows
 * Excel has nothing in are empty arrays), at most `maxRows` rows. Throws whatever exceljs throws
 * on a damaged workbook; `readReportFile` turns that into REPORT_FILE 'unreadable'.
 */
export async function readWorkbookRows(bytes: Uint8Array, maxRows: number, wording?: Pick<ReportFileWording, 'kind' | 'again'>): Promise<string[][]> {
  assertUnpackedSize(bytes, maxUnpackedBytes, wording)
  const workbook = new ExcelJS.Workbook()
  // exceljs's types want a Node Buffer; a view on the same memory copies nothing.
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer)
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0)
  if (!sheet) return []
  const table: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > maxRows) return
    while (table.length < number - 1) table.push([])
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value)
    })
    table.push(Array.from(cells, (c) => c ?? ''))
  })
  return table
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A number as a person typed it: 2 not "2.0", 0.3 not "0.30000000000000004". */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return ''
  return String(Number(n.toPrecision(15)))
}

/**
 * A date cell as ISO text. exceljs reads Excel's serial dates as UTC instants: a date alone is
 * "2026-12-01", a time alone (Excel's day 0, 1899-12-30) is "14:30", both is "2026-12-01 14:30".
 */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return ''
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const minutes = Math.round((d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()) / 60)
  const time = minutes === 0 ? '' : `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`
  if (date === '1899-12-30' || date === '1899-12-31') return time || '00:00'
  return time ? `${date} ${time}` : date
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return dateText(value)
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('')
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue)
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('error' in value && typeof value.error === 'string') return value.error
  }
  return ''
}
