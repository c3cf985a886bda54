import { call } from '../../api/client'
import type { ImportOutcome, Mapping, PmsImportEntry, PmsPresetSummary, PmsSettings, ReportKind, ReportPreview } from './pms-types'

export type * from './pms-types'

// Until the pms.* operations are in the typed contract (electron/core/api.ts), they are called
// by name with the shapes in pms-types.ts.
const callPms = call as unknown as <T>(method: string, input: unknown) => Promise<T>

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
  return callPms('pms.preview', { kind, ...upload, ...(choice.mapping ? { mapping: choice.mapping } : {}), ...(choice.preset ? { preset: choice.preset } : {}) })
}

/** Imports a checked report with the mapping shown on screen. */
export function importReport(kind: ReportKind, upload: ReportUpload, mapping: Mapping): Promise<ImportOutcome> {
  return callPms('pms.import', { kind, ...upload, mapping, via: 'upload' })
}

export const saveMapping = (mapping: Mapping) => callPms<{ kind: ReportKind }>('pms.saveMapping', { mapping })
export const listPresets = () => callPms<PmsPresetSummary[]>('pms.presets', {})
export const listImports = (limit: number) => callPms<PmsImportEntry[]>('pms.imports', { limit })
export const readPmsSettings = () => callPms<PmsSettings>('pms.settings', {})
export const writePmsSettings = (input: { mode?: PmsSettings['mode']; watchFolder?: string | null }) => callPms<PmsSettings>('pms.setSettings', input)
