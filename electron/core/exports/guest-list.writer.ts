import type { Writable } from 'node:stream'
import type { Sqlite } from '../db/query'
import type { ExportOutput, ExportRequest, ExportWriterResult } from './export-writers'
import { csvLine, GuestListFormat } from './guest-list.format'
import { countGuestList, iterateGuestList, vocabularyLabels } from './guest-list.repository'
import { guestListRequest, type GuestListRequest } from './guest-list.schemas'

/** Writes `text` and waits for 'drain' when the stream asks it to (back-pressure). */
export async function writeChunk(stream: Writable, text: string | Buffer): Promise<void> {
  if (stream.write(text)) return
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error) => {
      stream.off('drain', onDrain)
      stream.off('error', done)
      if (error) reject(error)
      else resolve()
    }
    const onDrain = () => done()
    stream.once('drain', onDrain)
    stream.once('error', done)
  })
}

/** Lets the event loop breathe (a cancel, a progress message) without slowing a tight loop. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve))

function prepare(sqlite: Sqlite, request: ExportRequest): { list: GuestListRequest; format: GuestListFormat; total: number; details: Record<string, unknown> } {
  const list = guestListRequest.parse(request.params)
  const categories = [...new Set(list.columns.filter((c) => c.startsWith('preferences:')).map((c) => c.slice('preferences:'.length)))]
  const format = new GuestListFormat(list.columns, list.lang, vocabularyLabels(sqlite, categories))
  const counts = countGuestList(sqlite, list.filter)
  return { list, format, total: counts.listed, details: { matched: counts.matched, leftOut: counts.leftOut, contactList: list.filter.contactList } }
}

/**
 * A guest list as CSV: UTF-8 with a byte-order mark (so Excel reads Chinese correctly), CRLF
 * line ends, RFC 4180 quoting, spreadsheet-formula guard (`csvCell`). Streams row by row.
 * Callable directly (benchmarks): `writeGuestListCsv(sqlite, {kind, params, …}, {stream, progress(){}, cancelled: () => false})`.
 */
export async function writeGuestListCsv(sqlite: Sqlite, request: ExportRequest, out: ExportOutput): Promise<ExportWriterResult> {
  const { list, format, total, details } = prepare(sqlite, request)
  out.progress(0, total)
  let chunk = `\uFEFF${csvLine(format.header)}`
  let done = 0
  let flushes = 0
  for (const row of iterateGuestList(sqlite, list.filter, list.columns)) {
    chunk += csvLine(format.cells(row))
    done++
    if (chunk.length >= 64 * 1024) {
      await writeChunk(out.stream, chunk)
      chunk = ''
      out.progress(done, total)
      if (++flushes % 8 === 0) await breathe()
      if (out.cancelled()) return { guests: done, details }
    }
  }
  await writeChunk(out.stream, chunk)
  out.progress(done, total)
  return { guests: done, details }
}

/**
 * A guest list as an XLSX workbook (exceljs's streaming WorkbookWriter: rows are committed and
 * zipped as they come, never all held), one sheet, a bold frozen header row. Cells are typed
 * strings and numbers, never formulas.
 */
export async function writeGuestListXlsx(sqlite: Sqlite, request: ExportRequest, out: ExportOutput): Promise<ExportWriterResult> {
  const { list, format, total, details } = prepare(sqlite, request)
  out.progress(0, total)
  // Loaded here, not at the top: a CSV export's worker starts without exceljs (~0.4 s).
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out.stream, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Zhike'
  const sheet = workbook.addWorksheet(list.lang === 'zh-CN' ? '宾客' : 'Guests', { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.columns = format.header.map((header, i) => ({ header, key: `c${i}`, width: Math.max(12, Math.min(40, header.length * 2 + 4)) }))
  sheet.getRow(1).font = { bold: true }
  sheet.getRow(1).commit()
  let done = 0
  for (const row of iterateGuestList(sqlite, list.filter, list.columns)) {
    sheet.addRow(format.cells(row)).commit()
    done++
    if (done % 2000 === 0) {
      out.progress(done, total)
      await breathe()
      if (out.cancelled()) return { guests: done, details }
    }
  }
  sheet.commit()
  await workbook.commit()
  out.progress(done, total)
  return { guests: done, details }
}
