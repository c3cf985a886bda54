import { describe, expect, it } from 'vitest'
import { addStep, checkPromiseForm, promiseProblemsFromIssues, removeStep, type PromiseForm } from '../../src/features/settings/promise-form'
import { clockTimeOk, timeZoneChoices } from '../../src/features/settings/hotel-clock-form'

const housekeeping: PromiseForm = { ackMinutes: 10, promiseMinutes: 60, steps: [{ afterMinutes: 0, notify: 'lead' }] }

describe('a department’s promises', () => {
  it('accepts sound promises and steps in order', () => {
    expect(checkPromiseForm(housekeeping)).toEqual({})
    expect(checkPromiseForm({ ...housekeeping, steps: [] })).toEqual({})
  })

  it('refuses an acknowledgement promised after completion, empty or fractional minutes', () => {
    expect(checkPromiseForm({ ...housekeeping, ackMinutes: 90 }).ackMinutes?.key).toBe('settings.promises.ackAfterDone')
    expect(checkPromiseForm({ ...housekeeping, ackMinutes: '' }).ackMinutes?.key).toBe('settings.promises.minutes')
    expect(checkPromiseForm({ ...housekeeping, promiseMinutes: 1.5 }).promiseMinutes?.key).toBe('settings.promises.minutes')
  })

  it('names the step that comes too early', () => {
    const form: PromiseForm = { ...housekeeping, steps: [{ afterMinutes: 30, notify: 'lead' }, { afterMinutes: 10, notify: 'duty_manager' }] }
    expect(checkPromiseForm(form)).toEqual({ 'steps.1.afterMinutes': { key: 'settings.promises.stepOrder', values: { step: 2, min: 30 } } })
    expect(promiseProblemsFromIssues([{ path: 'steps.1.afterMinutes' }], form)['steps.1.afterMinutes']?.key).toBe('settings.promises.stepOrder')
  })

  it('adds a step after the last, telling the next person up, and removes one', () => {
    const two = addStep(housekeeping)
    expect(two.steps).toEqual([{ afterMinutes: 0, notify: 'lead' }, { afterMinutes: 15, notify: 'duty_manager' }])
    expect(addStep({ ...housekeeping, steps: [] }).steps).toEqual([{ afterMinutes: 0, notify: 'lead' }])
    expect(removeStep(two, 0).steps).toEqual([{ afterMinutes: 15, notify: 'duty_manager' }])
  })
})

describe('the hotel clock form', () => {
  it('takes a real 24-hour time only', () => {
    expect(['04:00', '23:59', '00:00'].map(clockTimeOk)).toEqual([true, true, true])
    expect(['4:00', '24:00', '12:60', '0400', ''].map(clockTimeOk)).toEqual([false, false, false, false, false])
  })

  it('lists the zones with spaces for searching, and always UTC', () => {
    expect(timeZoneChoices(['Asia/Hong_Kong'])).toEqual([{ value: 'Asia/Hong_Kong', label: 'Asia/Hong Kong' }])
    expect(timeZoneChoices().map((z) => z.value)).toEqual(expect.arrayContaining(['Asia/Shanghai', 'Asia/Macau', 'UTC']))
  })
})
