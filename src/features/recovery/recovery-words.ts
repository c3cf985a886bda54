import type { CaseCategory, CaseKind, CaseSeverity, CaseStepKey, CompensationKind } from '../../../electron/core/recovery/recovery.types'

// The renderer takes only types from core: these lists mirror recovery.types.ts, and `satisfies`
// keeps them in step (test/unit/recovery-words.test.ts checks the order too).
export const caseKinds = ['complaint', 'incident'] as const satisfies readonly CaseKind[]
export const caseCategories = ['room', 'noise', 'food', 'service', 'billing', 'other'] as const satisfies readonly CaseCategory[]
export const caseSeverities = ['minor', 'moderate', 'serious'] as const satisfies readonly CaseSeverity[]
export const caseSteps = ['apologise', 'listen', 'solution', 'compensation', 'promise', 'follow_up'] as const satisfies readonly CaseStepKey[]
export const compensationKinds = ['upgrade', 'discount', 'refund', 'amenity', 'meal', 'points', 'other'] as const satisfies readonly CompensationKind[]
