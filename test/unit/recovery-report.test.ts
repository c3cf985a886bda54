import { describe, expect, it } from 'vitest'
import { minutesSummary, recoveryReport, returnRates, satisfactionTrend, weekOf, weeksBetween, withinPromise, type CaseFacts } from '../../electron/core/recovery/recovery-report'
import { formatMoney, minorDigits } from '../../src/features/reports/recovery-report-format'

const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * 60_000).toISOString()
const base = '2026-12-01T02:00:00.000Z'

function aCase(id: number, over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id,
    guestId: id,
    stayId: id * 10,
    kind: 'complaint',
    category: 'noise',
    department: 'housekeeping',
    departmentName: { en: 'Housekeeping', zh: '客房部' },
    raisedAt: base,
    status: 'open',
    recovered: false,
    firstResponseDueAt: at(base, 15),
    firstRespondedAt: null,
    resolutionDueAt: at(base, 24 * 60),
    resolvedAt: null,
    ...over,
  }
}

describe('recovery report figures', () => {
  it('puts a date in the week of its Monday, and lists every week touching the range', () => {
    expect(weekOf('2026-12-07')).toBe('2026-12-07') // a Monday
    expect(weekOf('2026-12-13')).toBe('2026-12-07') // the Sunday after
    expect(weekOf('2026-12-06')).toBe('2026-11-30')
    expect(weeksBetween('2026-12-03', '2026-12-14')).toEqual(['2026-11-30', '2026-12-07', '2026-12-14'])
    expect(weeksBetween('2025-12-01', '2026-12-01')).toHaveLength(53)
  })

  it('gives median and p90 by interpolating between ranks', () => {
    expect(minutesSummary([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({ median: 55, p90: 91 })
    expect(minutesSummary([7])).toEqual({ median: 7, p90: 7 })
    expect(minutesSummary([])).toEqual({ median: null, p90: null })
  })

  it('judges a promise kept, broken, or not yet due', () => {
    const now = new Date(at(base, 60))
    const result = withinPromise(
      [
        { dueAt: at(base, 15), doneAt: at(base, 10) }, // kept
        { dueAt: at(base, 15), doneAt: at(base, 15) }, // kept on the minute
        { dueAt: at(base, 15), doneAt: at(base, 40) }, // late
        { dueAt: at(base, 15), doneAt: null }, // still open past its promise: broken
        { dueAt: at(base, 120), doneAt: null }, // not due yet: not judged
      ],
      now,
    )
    expect(result).toEqual({ judged: 4, within: 2, pct: 50 })
    expect(withinPromise([{ dueAt: at(base, 120), doneAt: null }], now).pct).toBeNull()
  })

  it('counts return rates per guest: recovered, all, and never complained', () => {
    const cohort = [
      { guestId: 1, stayId: 11, departure: '2026-12-03' }, // recovered, came back
      { guestId: 2, stayId: 21, departure: '2026-12-03' }, // recovered, did not come back
      { guestId: 3, stayId: 31, departure: '2026-12-04' }, // never complained, came back
      { guestId: 3, stayId: 32, departure: '2026-12-09' }, //   (the return is in the range too: still one guest)
      { guestId: 4, stayId: 41, departure: '2026-12-05' }, // never complained, no return
      { guestId: 5, stayId: 51, departure: '2026-12-05' }, // complained, not recovered, came back
    ]
    const later = [
      { guestId: 1, stayId: 12, arrival: '2026-12-20' },
      { guestId: 1, stayId: 11, arrival: '2026-12-01' }, // the cohort stay itself is no return
      { guestId: 3, stayId: 32, arrival: '2026-12-07' },
      { guestId: 4, stayId: 41, arrival: '2026-12-02' },
      { guestId: 5, stayId: 52, arrival: '2026-12-05' }, // back the same day it left
    ]
    const rates = returnRates(cohort, later, { recoveredStayIds: new Set([11, 21]), guestsWithCases: new Set([1, 2, 5]) })
    expect(rates.recovered).toEqual({ guests: 2, returned: 1, pct: 50 })
    expect(rates.all).toEqual({ guests: 5, returned: 3, pct: 60 })
    expect(rates.neverComplained).toEqual({ guests: 2, returned: 1, pct: 50 })
    expect(returnRates([], [], { recoveredStayIds: new Set(), guestsWithCases: new Set() }).all).toEqual({ guests: 0, returned: 0, pct: null })
  })

  it('averages satisfaction by week, the latest record of a stay counting', () => {
    const trend = satisfactionTrend(
      [
        { id: 1, stayId: 100, score: 2, date: '2026-12-01', recordedAt: at(base, 0) },
        { id: 2, stayId: 100, score: 4, date: '2026-12-02', recordedAt: at(base, 60) }, // replaces 1
        { id: 3, stayId: 200, score: 5, date: '2026-12-03', recordedAt: at(base, 0) },
        { id: 4, stayId: 300, score: 3, date: '2026-12-08', recordedAt: at(base, 0) },
      ],
      ['2026-11-30', '2026-12-07', '2026-12-14'],
    )
    expect(trend.byPeriod).toEqual([
      { period: '2026-11-30', average: 4.5, count: 2 },
      { period: '2026-12-07', average: 3, count: 1 },
      { period: '2026-12-14', average: null, count: 0 },
    ])
    expect(trend.average).toBe(4)
    expect(trend.count).toBe(3)
  })

  it('puts the whole report together: totals, categories by week, departments, compensation', () => {
    const now = new Date('2026-12-10T00:00:00.000Z') // every promise of the three cases is due by now
    const cases = [
      aCase(1, { firstRespondedAt: at(base, 5), resolvedAt: at(base, 600), status: 'resolved', recovered: true }),
      aCase(2, { kind: 'incident', category: 'food', department: 'restaurant', departmentName: { en: 'Restaurant', zh: '餐厅' }, firstRespondedAt: at(base, 25), raisedAt: base }),
      aCase(3, { category: 'food', raisedAt: '2026-12-08T02:00:00.000Z', firstResponseDueAt: '2026-12-08T02:15:00.000Z', resolutionDueAt: '2026-12-09T02:00:00.000Z' }),
    ]
    const report = recoveryReport(
      {
        cases,
        compensations: [
          { caseId: 1, kind: 'meal', minor: 8800 },
          { caseId: 2, kind: 'meal', minor: 1200 },
          { caseId: 1, kind: 'upgrade', minor: 50000 },
          { caseId: 99, kind: 'refund', minor: 1 }, // a case outside the range (or department)
        ],
        cohort: [],
        laterStays: [],
        recoveredStayIds: new Set(),
        guestsWithCases: new Set(),
        satisfaction: [],
      },
      { from: '2026-12-01', to: '2026-12-08', now, dateOf: (iso) => iso.slice(0, 10) },
    )
    expect(report.totals).toEqual({ cases: 3, complaints: 2, incidents: 1, open: 2, resolved: 1, firstResponseWithinPct: 33.3, resolutionWithinPct: 33.3, compensationMinor: 60000 })
    expect(report.byCategory.find((c) => c.category === 'food')!.cases).toBe(2)
    expect(report.byCategory.map((c) => c.category)).toEqual(['room', 'noise', 'food', 'service', 'billing', 'other'])
    expect(report.byPeriod).toEqual([
      { period: '2026-11-30', byCategory: { room: 0, noise: 1, food: 1, service: 0, billing: 0, other: 0 } },
      { period: '2026-12-07', byCategory: { room: 0, noise: 0, food: 1, service: 0, billing: 0, other: 0 } },
    ])
    expect(report.byDepartment).toEqual([
      { department: 'housekeeping', name: { en: 'Housekeeping', zh: '客房部' }, cases: 2 },
      { department: 'restaurant', name: { en: 'Restaurant', zh: '餐厅' }, cases: 1 },
    ])
    expect(report.responseTimes.firstResponseMinutes).toEqual({ median: 15, p90: 23 })
    expect(report.responseTimes.resolutionMinutes).toEqual({ median: 600, p90: 600 })
    expect(report.responseTimes.firstResponsePromiseMinutes).toBe(15)
    expect(report.compensation.byKind).toEqual([
      { kind: 'upgrade', count: 1, totalMinor: 50000 },
      { kind: 'meal', count: 2, totalMinor: 10000 },
    ])
  })
})

describe('money in the hotel currency', () => {
  it('divides minor units by the currency digits and formats in the language', () => {
    expect(minorDigits('CNY')).toBe(2)
    expect(minorDigits('JPY')).toBe(0)
    expect(formatMoney(12345, 'CNY', 'en')).toBe('CN¥123.45')
    expect(formatMoney(12345, 'CNY', 'zh-CN')).toBe('¥123.45')
    expect(formatMoney(500, 'JPY', 'en')).toBe('¥500')
    expect(formatMoney(100, 'USD', 'en')).toBe('$1.00')
  })
})
