import type { Mapping, ReportError, ReportKind } from '../../../electron/core/pms/report-mapping'

// What the screen expects of the pms.* operations (electron/core/pms/pms.operations.ts). Kept here
// until those operations are in electron/core/api.ts for the typed client; then these become
// OutputOf<'pms.preview'> and so on, and pms-api.ts calls `call` directly.

export type { Mapping, ReportError, ReportKind }

export interface ReportWarning {
  line: number
  field?: string | null
  column?: string | null
  code: string
  value?: string | null
  message: string
}

export interface ReportPreview {
  headers: string[]
  sample: { line: number; cells: string[] }[]
  mapping: Mapping
  mappingSource: 'given' | 'saved' | 'suggested'
  preset: string | null
  rows: number
  errors: ReportError[]
  warnings: ReportWarning[]
}

export interface ImportOutcome {
  importId: number
  status: 'applied' | 'rejected'
  rows: number
  errors: ReportError[]
  warnings: ReportWarning[]
  events: Record<string, number>
  newProfiles: number
  unmatched: number
  roomsUpdated: number
  unchanged: number
}

export interface PmsPresetSummary {
  id: string
  name: { en: string; zh: string }
  kinds: ReportKind[]
}

export interface PmsImportEntry {
  id: number
  kind: string
  fileName: string
  via: string
  at: string
  rows: number
  status: string
  events: Record<string, number>
  unmatched: number
  roomsUpdated: number
  errors: number
}

export interface PmsSettings {
  mode: 'standalone' | 'with_pms'
  watchFolder: string | null
  watching: boolean
}
