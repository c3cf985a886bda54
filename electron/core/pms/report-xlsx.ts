import ExcelJS from 'exceljs'

/**
 * The first sheet with rows of an XLSX workbook, as text: `table[n - 1]` is Excel's row n (rows
 * Excel has nothing in are empty arrays), at most `maxRows` rows. Throws whatever exceljs throws
 * on a damaged workbook; `readReportFile` turns that into REPORT_FILE 'unreadable'.
 */
export async function readWorkbookRows(bytes: Uint8Array, maxRows: number): Promise<string[][]> {
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
