import { describe, expect, it } from 'vitest'
import { datesBetween, declineReasons, lateness, percentile, promiseFigures, promiseReport, rate, worstOffenders, type PromptFacts } from '../../electron/core/reports/promise-report'

const t0 = Date.parse('2026-12-01T02:00:00.000Z')
const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString()

/** A housekeeping task issued at t0 + `issued` minutes: acknowledge within 10, done within 30. */
function prompt(id: number, over: Partial<PromptFacts> & { issued?: number } = {}): PromptFacts {
  const issued = over.issued ?? 0
  return {
    id,
    createdAt: at(issued),
    escalateAt: at(issued + 10),
    dueAt: at(issued + 30),
    acknowledgedAt: null,
    doneAt: null,
    declinedAt: null,
    declineReason: null,
    status: 'open',
    kind: 'task',
    ruleId: 1,
    ruleKey: 'periodicals',
    ruleText: { en: 'Periodicals', zh: '期刊' },
    department: 'housekeeping',
    departmentName: { en: 'Housekeeping', zh: '客房部' },
    room: '1001',
    ...over,
  }
}

describe('percentile', () => {
  it('interpolates between ranks, and is null for no values', () => {
    expect(percentile([], 0.5)).toBeNull()
    expect(percentile([7], 0.9)).toBe(7)
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1)
    expect(percentile([10, 20, 30], 0.5)).toBe(20)
  })
  it('rates in percent with one decimal, null over nothing', () => {
    expect(rate(2, 3)).toBe(66.7)
    expect(rate(0, 0)).toBeNull()
  })
})

describe('promiseFigures', () => {
  const now = new Date(t0 + 120 * 60_000)
  it('counts acknowledgements and completions within their promises', () => {
    const figures = promiseFigures(
      [
        prompt(1, { acknowledgedAt: at(5), doneAt: at(20), status: 'done' }), // both kept
        prompt(2, { acknowledgedAt: at(15), doneAt: at(40), status: 'done' }), // both broken
        prompt(3, { doneAt: at(8), status: 'done' }), // done unacknowledged: acknowledged at 8, kept
        prompt(4, { declinedAt: at(12), declineReason: 'Guest refused', status: 'declined' }), // ack broken; not rated for done
      ],
      now,
    )
    expect(figures.issued).toBe(4)
    expect(figures.ackJudged).toBe(4)
    expect(figures.ackWithin).toBe(2)
    expect(figures.ackWithinPct).toBe(50)
    expect(figures.doneJudged).toBe(3)
    expect(figures.doneWithin).toBe(2)
    expect(figures.doneWithinPct).toBe(66.7)
    expect(figures.declined).toBe(1)
    expect(figures.ackMinutes).toEqual({ median: 10, p90: 14.1 })
    expect(figures.doneMinutes).toEqual({ median: 20, p90: 36 })
  })

  it('judges an open prompt only once its promise has passed, and never rates a cancelled one', () => {
    const figures = promiseFigures(
      [
        prompt(1, { issued: 115 }), // still inside both promises at now
        prompt(2, { issued: 0 }), // past both: broken twice
        prompt(3, { acknowledgedAt: at(3), status: 'cancelled' }),
      ],
      now,
    )
    expect(figures).toMatchObject({ issued: 3, cancelled: 1, ackJudged: 1, ackWithin: 0, doneJudged: 1, doneWithin: 0, ackWithinPct: 0, doneWithinPct: 0 })
    expect(figures.ackMinutes.median).toBeNull()
  })

  it('counts standing instructions for acknowledgement only, never as overdue', () => {
    const figures = promiseFigures([prompt(1, { kind: 'standing', acknowledgedAt: at(4), status: 'acknowledged' }), prompt(2, { kind: 'standing', issued: 0 })], now)
    expect(figures).toMatchObject({ ackJudged: 2, ackWithin: 1, doneJudged: 0, doneWithinPct: null })
    expect(worstOffenders([prompt(2, { kind: 'standing' })], now)[0]).toMatchObject({ promise: 'acknowledge', lateMinutes: 110, stillOpen: true })
  })
})

describe('worst offenders and declines', () => {
  const now = new Date(t0 + 200 * 60_000)
  it('lists the prompts most late, against the promise broken worst, latest first', () => {
    const worst = worstOffenders(
      [
        prompt(1, { acknowledgedAt: at(5), doneAt: at(20), status: 'done' }),
        prompt(2, { acknowledgedAt: at(50), doneAt: at(95), status: 'done', room: '1202' }),
        prompt(3, { acknowledgedAt: at(12), status: 'acknowledged', issued: 150, department: 'restaurant' }),
        prompt(4, { status: 'cancelled' }),
      ],
      now,
    )
    expect(worst.map((w) => [w.id, w.promise, w.lateMinutes, w.stillOpen])).toEqual([
      [2, 'done', 65, false],
      [3, 'done', 20, true],
    ])
    expect(worst[0].room).toBe('1202')
    expect(lateness(prompt(5, { acknowledgedAt: at(10), doneAt: at(30), status: 'done' }), now)).toBeNull()
  })

  it('counts the same reason in other case or spacing together', () => {
    const reasons = declineReasons([
      prompt(1, { declinedAt: at(1), declineReason: 'Guest  refused', status: 'declined' }),
      prompt(2, { declinedAt: at(1), declineReason: 'guest refused', status: 'declined', department: 'restaurant' }),
      prompt(3, { declinedAt: at(1), declineReason: 'Out of stock', status: 'declined' }),
    ])
    expect(reasons).toEqual([
      { reason: 'Guest refused', count: 2, departments: ['housekeeping', 'restaurant'] },
      { reason: 'Out of stock', count: 1, departments: ['housekeeping'] },
    ])
  })
})

describe('promiseReport', () => {
  it('groups by department, rule and every day of the range', () => {
    expect(datesBetween('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
    const report = promiseReport(
      [
        prompt(1, { acknowledgedAt: at(5), doneAt: at(20), status: 'done' }),
        prompt(2, { acknowledgedAt: at(50), status: 'acknowledged', department: 'restaurant', departmentName: { en: 'Restaurant', zh: '餐厅' }, ruleId: 2, ruleKey: 'sichuan' }),
        prompt(3, { acknowledgedAt: at(2), doneAt: at(3), status: 'done', issued: 24 * 60 }),
      ],
      { from: '2026-11-30', to: '2026-12-03', now: new Date(t0 + 3 * 24 * 3_600_000), dateOf: (iso) => iso.slice(0, 10) },
    )
    expect(report.byDepartment.map((d) => [d.department, d.issued, d.ackWithinPct, d.doneWithinPct])).toEqual([
      ['housekeeping', 2, 100, 100],
      ['restaurant', 1, 0, 0],
    ])
    expect(report.byRule.map((r) => [r.ruleKey, r.issued])).toEqual([
      ['periodicals', 2],
      ['sichuan', 1],
    ])
    expect(report.byDay.map((d) => [d.date, d.issued])).toEqual([
      ['2026-11-30', 0],
      ['2026-12-01', 2],
      ['2026-12-02', 1],
      ['2026-12-03', 0],
    ])
    expect(report.totals.issued).toBe(3)
    expect(report.worst[0]).toMatchObject({ id: 2, department: 'restaurant' })
  })
})
