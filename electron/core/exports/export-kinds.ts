import { z } from 'zod'
import type { Permission } from '../staff/roles'
import type { ExportKind } from './export-writers'
import { guestListRequest } from './guest-list.schemas'
import { auditExportParams } from '../audit/audit.schemas'

/**
 * The parameters each export kind takes (`export.start`'s `params`), checked before a job starts.
 * A kind not listed here takes none: `params` must be `{}` or absent.
 */
export const exportParams: Partial<Record<ExportKind, z.ZodType<Record<string, unknown>>>> = {
  'guest-list.csv': guestListRequest,
  'guest-list.xlsx': guestListRequest,
  // One guest's right-of-access export (privacy/privacy.operations.ts starts it).
  'guest-access.json': z.object({ guestId: z.number().int().positive(), lang: z.enum(['en', 'zh-CN']).default('en') }).strict(),
  'audit-log.csv': auditExportParams,
}

/** What each kind needs beyond `guest.export` (checked by `export.start`); absent: nothing more. */
export const exportPermissions: Partial<Record<ExportKind, Permission>> = { 'guest-access.json': 'guest.privacy', 'audit-log.csv': 'audit.read' }

const noParams = z.object({}).strict()

/** The schema for a kind's parameters. */
export function paramsSchema(kind: ExportKind): z.ZodType<Record<string, unknown>> {
  return exportParams[kind] ?? noParams
}

/** The file's extension: the kind's suffix after its last dot ('guest-list.csv' → 'csv'). */
export function extensionOf(kind: string): string {
  return kind.slice(kind.lastIndexOf('.') + 1)
}

const contentTypes: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  pdf: 'application/pdf',
}

/** The HTTP content type of an export's file, from its kind's extension. */
export function contentTypeOf(kind: string): string {
  return contentTypes[extensionOf(kind)] ?? 'application/octet-stream'
}

/**
 * The name the user sees (and the download gets): what the file holds, the business date, and
 * the extension, in the caller's language: 'guest-list-2026-12-01.csv', '联系名单-2026-12-01.xlsx'.
 */
export function downloadNameOf(kind: string, params: Record<string, unknown>, businessDate: string): string {
  const zh = params.lang === 'zh-CN'
  const base = kind.slice(0, kind.lastIndexOf('.'))
  const contact = (params.filter as { contactList?: boolean } | undefined)?.contactList === true
  const title =
    base === 'guest-list' ? (contact ? (zh ? '联系名单' : 'contact-list') : zh ? '宾客名单' : 'guest-list') : base.replace(/[^A-Za-z0-9._-]+/g, '-')
  return `${title}-${businessDate}.${extensionOf(kind)}`
}
