import { describe, expect, it } from 'vitest'
import { stepProblems, type StepDraft } from '../../src/features/recovery/step-checks'

const clock = { businessDate: '2026-12-01', timeZone: 'Asia/Shanghai', now: new Date('2026-12-01T18:00:00Z') } // 02:00 on 2 Dec at the hotel, still business date 1 Dec
const draft = (patch: Partial<StepDraft>): StepDraft => ({
  step: 'solution', skipped: false, note: '', outOfOrder: false, outOfOrderReason: '', value: '', currency: 'CNY',
  promiseText: '', promiseDueDate: '2026-12-01', followedUpNow: false, followUpDate: '2026-12-02', followUpTime: '10:00', ...patch,
})
const fields = (d: StepDraft) => stepProblems(d, clock).map((p) => `${p.field}:${p.key}`)

describe('the step form names every problem at once, with the server’s bounds', () => {
  it('flags an absurd compensation together with a missing out-of-order reason', () => {
    expect(fields(draft({ step: 'compensation', outOfOrder: true, value: '99999999' }))).toEqual(['outOfOrderReason:outOfOrderMissing', 'compensationValue:valueTooLarge'])
    expect(stepProblems(draft({ step: 'compensation', value: '100000.01' }), clock)[0].values).toEqual({ maxMinor: 10_000_000 })
  })

  it('accepts 0 and exactly 100,000 in the major unit, refuses a negative or a third decimal', () => {
    expect(fields(draft({ step: 'compensation', value: '0' }))).toEqual([])
    expect(fields(draft({ step: 'compensation', value: '100000' }))).toEqual([])
    expect(fields(draft({ step: 'compensation', value: '100000', currency: 'JPY' }))).toEqual([])
    expect(fields(draft({ step: 'compensation', value: '-5' }))).toEqual(['compensationValue:valueInvalid'])
    expect(fields(draft({ step: 'compensation', value: '1.234' }))).toEqual(['compensationValue:valueInvalid'])
  })

  it('refuses a promise due before the business date, not one due on it (the night before the audit counts as that day)', () => {
    expect(fields(draft({ step: 'promise', promiseText: 'Quiet room', promiseDueDate: '2026-11-30', outOfOrder: true }))).toEqual(['outOfOrderReason:outOfOrderMissing', 'promiseDueDate:promisePast'])
    expect(fields(draft({ step: 'promise', promiseText: 'Quiet room', promiseDueDate: '2026-12-01' }))).toEqual([])
    expect(fields(draft({ step: 'promise', promiseText: ' ', promiseDueDate: '2026-02-30' }))).toEqual(['promiseText:promiseTextMissing', 'promiseDueDate:dateInvalid'])
    expect(fields(draft({ step: 'promise', promiseText: 'x', promiseDueDate: '2027-12-02' }))).toEqual(['promiseDueDate:tooFarAhead'])
  })

  it('refuses a follow-up that is not in the future at the hotel, whatever the device’s zone', () => {
    expect(fields(draft({ step: 'follow_up', followUpDate: '2026-12-02', followUpTime: '01:59' }))).toEqual(['followUpAt:followUpPast'])
    expect(fields(draft({ step: 'follow_up', followUpDate: '2026-12-02', followUpTime: '02:01' }))).toEqual([])
    expect(fields(draft({ step: 'follow_up', followUpTime: '25:00' }))).toEqual(['followUpAt:followUpInvalid'])
    expect(fields(draft({ step: 'follow_up', followUpDate: '2020-01-01', followedUpNow: true }))).toEqual([])
  })

  it('a skip needs only its reason, whatever the step’s fields hold', () => {
    expect(fields(draft({ step: 'compensation', skipped: true, value: '99999999' }))).toEqual(['note:skipReasonMissing'])
    expect(fields(draft({ step: 'compensation', skipped: true, note: 'Guest declined' }))).toEqual([])
  })
})
