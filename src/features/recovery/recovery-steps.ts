import type { CaseStepKey, CaseStepView } from '../../../electron/core/recovery/recovery.types'
import { caseSteps } from './recovery-words'

/*
 * The six steps' order, as the case page reads it (pure: test/unit/recovery-steps.test.ts). Core
 * enforces the same rules (recovery.step); these only shape the checklist and the form.
 */

/** The six steps in the order they are meant to be taken (mirrors core's `caseSteps`). */
export const stepOrder: readonly CaseStepKey[] = caseSteps

/** A step taken (done or skipped). A promise made but not yet kept is not taken. */
export function isTaken(step: Pick<CaseStepView, 'doneAt' | 'skipped'>): boolean {
  return step.doneAt !== null || step.skipped
}

type OrderedStep = Pick<CaseStepView, 'step' | 'doneAt' | 'skipped'> & Partial<Pick<CaseStepView, 'promise' | 'followUp'>>

/**
 * A step taken for the order of steps (as core's rule): done or skipped, a promise MADE (it stays a
 * dated task until kept), a follow-up scheduled. The steps after it need no out-of-order reason.
 */
function isUnderWay(step: OrderedStep): boolean {
  return isTaken(step) || (step.step === 'promise' && !!step.promise) || (step.step === 'follow_up' && !!step.followUp)
}

/** Where a step stands on the checklist. */
export type StepState = 'done' | 'skipped' | 'waiting' | 'next' | 'later'

/**
 * The step to take next: the first in order that is neither done nor skipped nor, for the
 * promise, made (a promise made waits to be kept while the follow-up goes ahead); null when all
 * six are taken.
 */
export function nextStep(steps: readonly OrderedStep[]): CaseStepKey | null {
  for (const key of stepOrder) {
    const found = steps.find((s) => s.step === key)
    if (!found || !(isTaken(found) || (found.step === 'promise' && !!found.promise))) return key
  }
  return null
}

/**
 * The earlier steps still open when `step` is taken now: when any, doing it first needs a reason
 * (core answers VALIDATION 'outOfOrderReason' without one).
 */
export function earlierOpenSteps(steps: readonly OrderedStep[], step: CaseStepKey): CaseStepKey[] {
  const at = stepOrder.indexOf(step)
  return stepOrder.slice(0, at).filter((key) => {
    const found = steps.find((s) => s.step === key)
    return !found || !isUnderWay(found)
  })
}

/** Whether taking `step` now needs a reason for doing it out of order. */
export function needsOutOfOrderReason(steps: readonly OrderedStep[], step: CaseStepKey): boolean {
  return earlierOpenSteps(steps, step).length > 0
}

/** A step's state on the checklist; `waiting`: a promise made and not kept yet, or a follow-up scheduled. */
export function stepState(steps: readonly CaseStepView[], step: CaseStepView): StepState {
  if (step.skipped) return 'skipped'
  if (step.doneAt) return 'done'
  if ((step.step === 'promise' && step.promise) || (step.step === 'follow_up' && step.followUp)) return 'waiting'
  return nextStep(steps) === step.step ? 'next' : 'later'
}

/** Steps done or skipped, of six. */
export function stepsTaken(steps: readonly Pick<CaseStepView, 'doneAt' | 'skipped'>[]): number {
  return steps.filter(isTaken).length
}
