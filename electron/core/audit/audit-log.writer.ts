import { DateTime } from 'luxon'
import type { Sqlite } from '../db/query'
import { writeChunk } from '../exports/guest-list.writer'
import { csvLine } from '../exports/guest-list.format'
import type { ExportOutput, ExportRequest, ExportWriterResult } from '../exports/export-writers'
import { iterateAuditLog } from './audit-search.repository'
import { auditExportParams, resolveAuditFilter } from './audit.schemas'
import { auditEntryView, type AuditEntryView } from './audit-view'

const headers = {
  en: ['Time (hotel)', 'Time (UTC)', 'Staff code', 'Staff', 'Terminal', 'Action', 'Guest id', 'Guest', 'Entity', 'Entity id', 'Detail'],
  'zh-CN': ['时间（酒店）', '时间（UTC）', '员工编号', '员工', '终端', '操作', '客人编号', '客人', '对象', '对象编号', '详情'],
}

const guestStates = {
  en: { anonymised: '(anonymised)', missing: '(no such guest)', hidden: '(hidden)' },
  'zh-CN': { anonymised: '（已匿名化）', missing: '（无此客人）', hidden: '（不显示）' },
}

function guestCell(entry: AuditEntryView, lang: 'en' | 'zh-CN'): string {
  const guest = entry.guest
  if (!guest) return ''
  if (guest.state === 'anonymised' || guest.state === 'missing' || guest.state === 'hidden') return guestStates[lang][guest.state]
  return [guest.name, guest.romanName].filter(Boolean).join(' / ')
}

/**
 * The audit log rows a filter finds, newest first, as CSV: UTF-8 with a byte-order mark (Excel
 * reads Chinese), CRLF, RFC 4180 quoting and the spreadsheet-formula guard of `csvCell` (the one
 * the guest lists use). Times in the hotel's zone and in UTC. Streams row by row.
 */
export async function writeAuditLogCsv(sqlite: Sqlite, request: ExportRequest, out: ExportOutput): Promise<ExportWriterResult> {
  const params = auditExportParams.parse(request.params)
  const filter = resolveAuditFilter(params.filter, params.timeZone)
  out.progress(0, 0)
  let chunk = `\uFEFF${csvLine(headers[params.lang])}`
  let rows = 0
  for (const row of iterateAuditLog(sqlite, filter)) {
    const entry = auditEntryView(row, request.requestedBy.role)
    chunk += csvLine([
      DateTime.fromISO(entry.at, { zone: 'utc' }).setZone(params.timeZone).toFormat('yyyy-MM-dd HH:mm:ss'),
      entry.at,
      entry.staff?.code ?? '',
      entry.staff?.name ?? '',
      entry.terminal ?? '',
      entry.action,
      entry.guest?.id ?? '',
      guestCell(entry, params.lang),
      entry.entity,
      entry.entityId ?? '',
      entry.detail === null ? '' : typeof entry.detail === 'string' ? entry.detail : JSON.stringify(entry.detail),
    ])
    rows++
    if (chunk.length >= 64 * 1024) {
      await writeChunk(out.stream, chunk)
      chunk = ''
      out.progress(rows, 0)
      if (out.cancelled()) return { guests: rows, details: { rows } }
    }
  }
  await writeChunk(out.stream, chunk)
  out.progress(rows, rows)
  return { guests: rows, details: { rows } }
}
