import type { InputOf } from '../../../electron/core/api'
import { call } from '../../api/client'
import type { ImportOutcome, Mapping, ReportKind, ReportPreview } from './pms-types'

export type * from './pms-types'

/** A report file as the operations take it. */
export interface ReportUpload {
  fileName: string
  /** base64 */
  content: string
}

/**
 * Reads a report without applying it. `preset` asks core for that PMS's mapping of this file's
 * headers (pms.preview's `preset` input); `mapping` checks the file against the mapping shown.
 */
export function previewReport(kind: ReportKind, upload: ReportUpload, choice: { mapping?: Mapping; preset?: string } = {}): Promise<ReportPreview> {
  return call('pms.preview', { kind, ...upload, ...(choice.mapping ? { mapping: choice.mapping } : {}), ...(choice.preset ? { preset: choice.preset } : {}) })
}

/** Imports a checked report with the mapping shown on screen. */
export function importReport(kind: ReportKind, upload: ReportUpload, mapping: Mapping): Promise<ImportOutcome> {
  return call('pms.import', { kind, ...upload, mapping, via: 'upload' })
}

export const saveMapping = (mapping: Mapping) => call('pms.saveMapping', { mapping })
export const listPresets = () => call('pms.presets', {})
export const listImports = (limit: number) => call('pms.imports', { limit })
export const readPmsSettings = () => call('pms.settings', {})
export const writePmsSettings = (input: InputOf<'pms.setSettings'>) => call('pms.setSettings', input)
