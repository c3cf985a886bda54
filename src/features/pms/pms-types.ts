import type { OutputOf } from '../../../electron/core/api'
import type { Mapping, ReportError, ReportKind } from '../../../electron/core/pms/report-mapping'

// The shapes of the pms.* operations (electron/core/pms/pms.operations.ts), from the one contract.

export type { Mapping, ReportError, ReportKind }

export type ReportPreview = OutputOf<'pms.preview'>
export type ImportOutcome = OutputOf<'pms.import'>
export type ReportWarning = ReportPreview['warnings'][number]
export type PmsPresetSummary = OutputOf<'pms.presets'>[number]
export type PmsImportEntry = OutputOf<'pms.imports'>[number]
export type PmsSettings = OutputOf<'pms.settings'>
