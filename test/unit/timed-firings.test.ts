import { describe, expect, it } from 'vitest'
import { businessDateOfFiring, dueSlots, fireKey, lateMinutesOf, type TimedRule } from '../../electron/core/scheduler/timed-firings'
import { notifiedBetween, stepProblems, stepsReached } from '../../electron/core/promises/escalation-steps'

const daily = (id: number, atTime: string): TimedRule => ({ id, trigger: 'daily', offsetDays: null, atTime })
const at = (iso: string) => new Date(iso)

describe('what timed rules fall due between two instants', () => {
  it('a daily rule falls due once per hotel day in the window, never at its lower bound', () => {
    const slots = dueSlots([daily(1, '09:00')], at('2026-12-01T01:00:00Z'), at('2026-12-03T01:00:00Z'), 'Asia/Shanghai', '04:00')
    expect(slots.map((s) => [s.dueAt.toISOString(), s.keyDate])).toEqual([
      ['2026-12-02T01:00:00.000Z', '2026-12-02'],
      ['2026-12-03T01:00:00.000Z', '2026-12-03'],
    ])
  })

  it('a firing before the audit time belongs to the previous business date', () => {
    expect(businessDateOfFiring('2026-12-02', '02:30', '04:00')).toBe('2026-12-01')
    expect(businessDateOfFiring('2026-12-02', '22:00', '04:00')).toBe('2026-12-02')
    const [slot] = dueSlots([daily(1, '02:30')], at('2026-12-01T12:00:00Z'), at('2026-12-02T12:00:00Z'), 'Asia/Shanghai', '04:00')
    expect(slot).toMatchObject({ firingDate: '2026-12-02', stayDate: '2026-12-01', keyDate: '2026-12-01' })
  })

  it('pre-arrival matches arrivals N days ahead; post-stay departures N days back', () => {
    const rules: TimedRule[] = [
      { id: 2, trigger: 'pre_arrival', offsetDays: 2, atTime: '10:00' },
      { id: 3, trigger: 'post_stay', offsetDays: 3, atTime: '10:00' },
    ]
    const slots = dueSlots(rules, at('2026-12-01T00:00:00Z'), at('2026-12-01T03:00:00Z'), 'Asia/Shanghai', '04:00')
    expect(slots.map((s) => [s.ruleId, s.stayDate, s.keyDate])).toEqual([
      [2, '2026-12-03', '2026-12-01'],
      [3, '2026-11-28', '2026-12-01'],
    ])
  })

  it('the spring-forward night has its 02:30 once (after the gap); the fall-back night its 01:30 once', () => {
    const spring = dueSlots([daily(1, '02:30')], at('2026-03-07T12:00:00Z'), at('2026-03-09T12:00:00Z'), 'America/New_York', '04:00')
    expect(spring.map((s) => s.firingDate)).toEqual(['2026-03-08', '2026-03-09'])
    expect(spring[0].dueAt.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-08T07:00:00Z')) // 03:00 EDT, the first minute after the gap
    const autumn = dueSlots([daily(1, '01:30')], at('2026-10-31T12:00:00Z'), at('2026-11-02T12:00:00Z'), 'America/New_York', '04:00')
    expect(autumn.map((s) => s.firingDate)).toEqual(['2026-11-01', '2026-11-02'])
    // Ticking through the repeated hour in small windows still finds the 01:30 of 11-01 exactly once.
    let found = 0
    for (let t = Date.parse('2026-11-01T04:00:00Z'); t < Date.parse('2026-11-01T08:00:00Z'); t += 5 * 60_000) {
      found += dueSlots([daily(1, '01:30')], new Date(t), new Date(t + 5 * 60_000), 'America/New_York', '04:00').length
    }
    expect(found).toBe(1)
  })

  it('a store closed for weeks fires only the last fortnight', () => {
    const slots = dueSlots([daily(1, '09:00')], at('2026-10-01T00:00:00Z'), at('2026-12-01T02:00:00Z'), 'Asia/Shanghai', '04:00')
    expect(slots).toHaveLength(14)
  })

  it('keys and lateness', () => {
    expect(fireKey(7, 42, '2026-12-01')).toBe('rule:7:stay:42:2026-12-01')
    expect(lateMinutesOf(at('2026-12-01T01:00:00Z'), at('2026-12-01T01:00:20Z'), 30_000)).toBeNull()
    expect(lateMinutesOf(at('2026-12-01T01:00:00Z'), at('2026-12-01T01:00:40Z'), 30_000)).toBe(1)
    expect(lateMinutesOf(at('2026-12-01T01:00:00Z'), at('2026-12-01T03:30:00Z'), 30_000)).toBe(150)
  })
})

describe('escalation steps', () => {
  const steps = [
    { afterMinutes: 0, notify: 'lead' as const },
    { afterMinutes: 15, notify: 'duty_manager' as const },
    { afterMinutes: 30, notify: 'guest_relations' as const },
  ]
  it('counts the steps reached after the promise to acknowledge', () => {
    const promise = at('2026-12-01T06:10:00Z')
    expect(stepsReached(promise, steps, at('2026-12-01T06:09:00Z'))).toBe(0)
    expect(stepsReached(promise, steps, promise)).toBe(1)
    expect(stepsReached(promise, steps, at('2026-12-01T06:25:00Z'))).toBe(2)
    expect(stepsReached(promise, steps, at('2026-12-02T00:00:00Z'))).toBe(3)
    expect(notifiedBetween(steps, 0, 3)).toEqual(['lead', 'duty_manager', 'guest_relations'])
    expect(notifiedBetween(steps, 1, 2)).toEqual(['duty_manager'])
  })
  it('refuses steps out of order or too many, naming the step', () => {
    expect(stepProblems(steps)).toEqual([])
    expect(stepProblems([steps[1], steps[0]])).toEqual([{ path: 'steps.1.afterMinutes', message: 'Step 2 comes after step 1: give it at least 15 minutes.' }])
    expect(stepProblems(Array.from({ length: 6 }, () => steps[0]))[0].message).toBe('At most 5 steps; remove 1.')
  })
})
