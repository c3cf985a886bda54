import { describe, expect, it } from 'vitest'
import type { CaseStepKey, CaseStepView } from '../../electron/core/recovery/recovery.types'
import { earlierOpenSteps, needsOutOfOrderReason, nextStep, stepOrder, stepState, stepsTaken } from '../../src/features/recovery/recovery-steps'

const keys: CaseStepKey[] = ['apologise', 'listen', 'solution', 'compensation', 'promise', 'follow_up']

/** Six steps, the ones named done (or skipped, or with a promise/follow-up waiting). */
function steps(done: CaseStepKey[] = [], extra: Partial<Record<CaseStepKey, Partial<CaseStepView>>> = {}): CaseStepView[] {
  return keys.map((step, i) => ({
    step, position: i + 1, doneAt: done.includes(step) ? '2026-12-01T10:00:00.000Z' : null, doneBy: null, note: null, skipped: false,
    outOfOrderReason: null, compensation: null, promise: null, followUp: null, ...extra[step],
  }))
}

describe('the six steps of a recovery, in order', () => {
  it('are the source documents’ six, apologise first and follow up last', () => {
    expect(stepOrder).toEqual(keys)
  })

  it('the next step is the first neither done nor skipped; none when all six are taken', () => {
    expect(nextStep(steps())).toBe('apologise')
    expect(nextStep(steps(['apologise', 'listen']))).toBe('solution')
    expect(nextStep(steps(['apologise'], { listen: { skipped: true, doneAt: '2026-12-01T10:05:00.000Z' } }))).toBe('solution')
    // A skipped step counts as taken even before core stamps it.
    expect(nextStep(steps(['apologise'], { listen: { skipped: true } }))).toBe('solution')
    expect(nextStep(steps(keys))).toBeNull()
  })

  it('a step taken while an earlier one is open needs a reason, naming the open ones', () => {
    const s = steps(['apologise'])
    expect(needsOutOfOrderReason(s, 'listen')).toBe(false)
    expect(needsOutOfOrderReason(s, 'compensation')).toBe(true)
    expect(earlierOpenSteps(s, 'compensation')).toEqual(['listen', 'solution'])
    expect(needsOutOfOrderReason(s, 'apologise')).toBe(false)
  })

  it('a promise made but not kept is waiting, not done, and counts as taken for the order: the follow-up needs no reason', () => {
    const s = steps(['apologise', 'listen', 'solution', 'compensation'], { promise: { promise: { text: 'A quiet room', dueDate: '2026-12-03', department: 'front_office', keptAt: null, promptId: 4 } } })
    expect(stepState(s, s[4])).toBe('waiting')
    expect(nextStep(s)).toBe('follow_up')
    expect(needsOutOfOrderReason(s, 'follow_up')).toBe(false)
    expect(stepState(s, s[5])).toBe('next')
    expect(stepsTaken(s)).toBe(4)
    // Not made yet: the follow-up still comes after it.
    const unmade = steps(['apologise', 'listen', 'solution', 'compensation'])
    expect(needsOutOfOrderReason(unmade, 'follow_up')).toBe(true)
    expect(nextStep(unmade)).toBe('promise')
  })

  it('says which step is next, which are done, skipped or still to do', () => {
    const s = steps(['apologise'], { listen: { skipped: true, doneAt: '2026-12-01T10:05:00.000Z' } })
    expect(s.map((x) => stepState(s, x))).toEqual(['done', 'skipped', 'next', 'later', 'later', 'later'])
  })
})
