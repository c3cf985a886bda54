/*
 * The shapes of recovery cases, steps and satisfaction records as operations answer them. Pure
 * types and word lists: the renderer imports them as types (src never imports electron code).
 */

/** Who raised it: a complaint (the guest said so) or an incident (staff noticed). */
export const caseKinds = ['complaint', 'incident'] as const
export type CaseKind = (typeof caseKinds)[number]

export const caseCategories = ['room', 'noise', 'food', 'service', 'billing', 'other'] as const
export type CaseCategory = (typeof caseCategories)[number]

export const caseSeverities = ['minor', 'moderate', 'serious'] as const
export type CaseSeverity = (typeof caseSeverities)[number]

export const caseStatuses = ['open', 'resolved', 'closed'] as const
export type CaseStatus = (typeof caseStatuses)[number]

/** Where a case was raised from. */
export const raisedFromPlaces = ['desk', 'board', 'card', 'cases'] as const
export type RaisedFrom = (typeof raisedFromPlaces)[number]

/**
 * The six steps of a service recovery, in the order they are meant to be taken (the source
 * documents' 六步: apologise and acknowledge, listen, a fair solution, compensation of added
 * value, keep the promise, follow up).
 */
export const caseSteps = ['apologise', 'listen', 'solution', 'compensation', 'promise', 'follow_up'] as const
export type CaseStepKey = (typeof caseSteps)[number]

export const compensationKinds = ['upgrade', 'discount', 'refund', 'amenity', 'meal', 'points', 'other'] as const
export type CompensationKind = (typeof compensationKinds)[number]

export interface StaffRef {
  id: number
  name: string
}

export interface CaseStepView {
  step: CaseStepKey
  /** 1..6 */
  position: number
  doneAt: string | null
  doneBy: StaffRef | null
  note: string | null
  skipped: boolean
  outOfOrderReason: string | null
  /** valueMinor: in the minor unit of `currency` (fen for CNY). */
  compensation: { kind: CompensationKind; valueMinor: number; currency: string } | null
  /** dueDate: a business date (YYYY-MM-DD). */
  /** keptOn: the business date (YYYY-MM-DD) the promise was kept, to set beside dueDate (issue 13 finding 14). */
  promise: { text: string; dueDate: string; department: string; keptAt: string | null; keptOn?: string | null; promptId: number | null } | null
  /** at: ISO instant. */
  followUp: { at: string; promptId: number | null; promptStatus: string | null } | null
}

export interface CaseSummary {
  id: number
  guestId: number
  /** Null for a guest who asked for discretion, to roles that may not see them. */
  guestName: { native: string | null; latin: string | null } | null
  stayId: number
  roomNumber: string | null
  arrival: string
  departure: string
  kind: CaseKind
  category: CaseCategory
  severity: CaseSeverity
  /** The department concerned (code). */
  department: string
  status: CaseStatus
  /** Resolved or closed with a solution agreed. */
  recovered: boolean
  raisedAt: string
  raisedBy: StaffRef
  raisedFrom: RaisedFrom
  owner: StaffRef | null
  firstResponseDueAt: string
  firstRespondedAt: string | null
  /** Responded after the promise, or still not responded and past it. */
  firstResponseLate: boolean
  resolutionDueAt: string
  resolvedAt: string | null
  /** Steps done or skipped, of 6. */
  stepsDone: number
  description: string
}

export interface SatisfactionView {
  id: number
  stayId: number
  /** 1..5 */
  score: number
  comment: string | null
  source: 'staff' | 'import'
  recordedAt: string
  recordedBy: StaffRef | null
  arrival: string
  departure: string
}

export interface CaseView extends CaseSummary {
  steps: CaseStepView[]
  /** ISO 4217 code of the hotel's currency. */
  currency: string
  lessonObservationId: number | null
  closedAt: string | null
  satisfaction: SatisfactionView[]
}

export interface OpenPromise {
  caseId: number
  text: string
  dueDate: string
  department: string
  madeAt: string
}

/** What the guest card shows of a guest's problems, recoveries and scores. */
export interface GuestRecoveryHistory {
  cases: CaseSummary[]
  openPromises: OpenPromise[]
  satisfaction: SatisfactionView[]
  averageScore: number | null
  /**
   * How each listed case was recovered (issue 13, "how it was recovered" on the next stay's flag):
   * the solution step's note and the compensation given, when those steps were done (not skipped).
   * One entry per case of `cases` that has either; absent otherwise.
   */
  howRecovered?: CaseOutcome[]
}

/** How a case was recovered: the solution agreed (the step's note) and the compensation given (minor unit of `currency`). */
export interface CaseOutcome {
  caseId: number
  solution: string | null
  compensation: { kind: string; valueMinor: number; currency: string } | null
}

/** What arrival and in-house lists carry per stay, null when the guest has nothing to remember. */
export interface StayRecoveryFlags {
  pastCases: number
  openPromises: number
}
