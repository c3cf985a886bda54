import type {
  CaseKind, CaseCategory, CaseSeverity, CaseStepKey, CaseSummary, CaseView, CompensationKind, GuestRecoveryHistory,
  RaisedFrom, SatisfactionView, StayRecoveryFlags,
} from '../../../electron/core/recovery/recovery.types'
import type { InputOf } from '../../../electron/core/api'
import type { RaisedByRoom } from '../../../electron/core/recovery/recovery.service'
import { call } from '../../api/client'

export type * from '../../../electron/core/recovery/recovery.types'

/*
 * The recovery operations as the screens call them (the contract in docs/architecture.md,
 * "Complaints and recovery"). Inputs are written out here so the screens read as the contract does.
 */

export interface RaiseInput {
  guestId?: number
  stayId?: number
  roomNumber?: string
  kind: CaseKind
  category: CaseCategory
  severity: CaseSeverity
  department: string
  description: string
  raisedFrom: RaisedFrom
}

/** What a department's staff get back for a case raised by room: no name, no description. */
export type { RaisedByRoom }

export interface StepInput {
  caseId: number
  step: CaseStepKey
  note?: string
  skipped?: boolean
  outOfOrderReason?: string
  compensation?: { kind: CompensationKind; valueMinor: number }
  promise?: { text: string; dueDate: string; department: string }
  followUp?: { at: string }
}

export const raiseCase = (input: RaiseInput): Promise<CaseView | RaisedByRoom> => call('recovery.raise', input)
export const listCases = (input: { status?: 'open' | 'resolved' | 'closed' | 'all'; guestId?: number; limit?: number }): Promise<{ cases: CaseSummary[] }> => call('recovery.list', input)
export const getCase = (caseId: number): Promise<CaseView> => call('recovery.get', { caseId })
export const assignCase = (caseId: number, ownerId: number): Promise<CaseView> => call('recovery.assign', { caseId, ownerId })
export const takeStep = (input: StepInput): Promise<CaseView> => call('recovery.step', input)
export const keepPromise = (caseId: number, note?: string): Promise<CaseView> => call('recovery.keepPromise', { caseId, ...(note ? { note } : {}) })
export const closeCase = (caseId: number, note?: string): Promise<CaseView> => call('recovery.close', { caseId, ...(note ? { note } : {}) })
export const proposeLesson = (input: InputOf<'recovery.proposeLesson'>): Promise<{ observationId: number }> => call('recovery.proposeLesson', input)
export const recordSatisfaction = (input: { stayId: number; score: number; comment?: string }): Promise<SatisfactionView> => call('satisfaction.record', input)
export const hotelCurrency = () => call('hotel.currency', {})

/** The guest card's recovery history (guest.card's `recovery`), null until core answers it. */
export function recoveryOfCard(card: unknown): GuestRecoveryHistory | null {
  const recovery = (card as { recovery?: GuestRecoveryHistory } | null | undefined)?.recovery
  return recovery ?? null
}

/** An arrival or in-house row's flags (its `recovery`), null when the guest has nothing to remember. */
export function recoveryOfStay(row: unknown): StayRecoveryFlags | null {
  return (row as { recovery?: StayRecoveryFlags | null } | null | undefined)?.recovery ?? null
}

/** Whether an answer of recovery.raise is the full case (desk, guest relations) or the room-only one. */
export function isCaseView(answer: CaseView | RaisedByRoom): answer is CaseView {
  return 'steps' in answer
}
