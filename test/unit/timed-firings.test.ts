import { describe, expect, it } from 'vitest'
import { businessDateOfFiring, dueSlots, dueTimeRanges, fireKey, lateMinutesOf, type TimedRule } from '../../electron/core/scheduler/timed-firings'
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

describe('the times of day a window can make due (the scheduler reads only those rules)', () => {
  const every = Array.from({ length: 1440 }, (_, m) => daily(m + 1, `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`))
  const inRanges = (ranges: [string, string][]) => every.filter((r) => ranges.some(([a, b]) => r.atTime >= a && r.atTime <= b))
  const windows: [string, string, string][] = [
    ['Asia/Shanghai', '2026-12-01T00:29:50Z', '2026-12-01T00:30:20Z'],
    ['Asia/Shanghai', '2026-12-01T15:59:40Z', '2026-12-01T16:00:10Z'], // across the hotel's midnight
    ['Asia/Shanghai', '2026-11-20T00:00:00Z', '2026-12-01T00:00:00Z'], // the app closed for days
    ['America/New_York', '2026-03-08T06:59:00Z', '2026-03-08T07:01:30Z'], // spring forward: 02:00–02:59 do not exist
    ['America/New_York', '2026-11-01T05:30:00Z', '2026-11-01T06:31:00Z'], // fall back: 01:30 comes twice
    ['Europe/London', '2026-03-29T00:59:30Z', '2026-03-29T01:00:30Z'],
  ]

  for (const [zone, from, to] of windows) {
    it(`${zone} ${from} → ${to}: the rules in the ranges give exactly the slots all rules give`, () => {
      const ranges = dueTimeRanges(at(from), at(to), zone)
      const all = dueSlots(every, at(from), at(to), zone, '04:00')
      const read = dueSlots(inRanges(ranges), at(from), at(to), zone, '04:00')
      expect(read).toEqual(all)
      expect(all.length).toBeGreaterThan(0)
    })
  }

  it('a 30-second window reads at most the one or two minutes in it', () => {
    expect(dueTimeRanges(at('2026-12-01T00:30:00Z'), at('2026-12-01T00:30:30Z'), 'Asia/Shanghai')).toEqual([])
    expect(dueTimeRanges(at('2026-12-01T00:29:50Z'), at('2026-12-01T00:30:20Z'), 'Asia/Shanghai')).toEqual([['08:30', '08:30']])
    expect(dueTimeRanges(at('2026-12-01T00:30:00Z'), at('2026-12-01T00:30:00Z'), 'Asia/Shanghai')).toEqual([])
  })
})
