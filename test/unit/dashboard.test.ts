import { describe, expect, it } from 'vitest'
import { arrivalSummary, monthBuckets, observationSummary, repeatFigures, shiftMonth, topPreferences, weekBuckets, weekStart } from '../../electron/core/reports/dashboard'
import { departmentSeriesKey, formatMonth, isEmptyHotel, observationWeekRows, presetPeriod } from '../../src/features/dashboard/dashboard-view'

describe('dashboard calendar buckets', () => {
  it('starts weeks on Monday, whatever day the period starts', () => {
    expect(weekStart('2026-12-03')).toBe('2026-11-30') // Thursday
    expect(weekStart('2026-11-30')).toBe('2026-11-30') // Monday itself
    expect(weekStart('2026-12-06')).toBe('2026-11-30') // Sunday belongs to the week before
    expect(weekStart('2027-01-01')).toBe('2026-12-28') // across a year
  })

  it('lists every week touching the period, the last one included', () => {
    const weeks = weekBuckets('2026-09-03', '2026-12-01')
    expect(weeks[0]).toEqual({ key: '2026-08-31', first: '2026-08-31', past: '2026-09-07' })
    expect(weeks.at(-1)).toEqual({ key: '2026-11-30', first: '2026-11-30', past: '2026-12-07' })
    expect(weeks).toHaveLength(14)
    expect(weekBuckets('2026-12-01', '2026-12-01')).toHaveLength(1)
  })

  it('gives the 12 calendar months ending with the month of the date, across years and leap Februaries', () => {
    const months = monthBuckets('2026-02-15', 12)
    expect(months.map((m) => m.key)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'])
    expect(months.at(-1)).toEqual({ key: '2026-02', first: '2026-02-01', past: '2026-03-01' })
    expect(shiftMonth('2028-02-29', 1)).toBe('2028-03-01')
    expect(shiftMonth('2026-01-31', -1)).toBe('2025-12-01')
  })
})

describe('dashboard figures', () => {
  it('gives every month its repeat rate, one decimal, and no rate for an empty month', () => {
    const buckets = monthBuckets('2026-12-01', 3)
    const figures = repeatFigures(buckets, [
      { key: '2026-11', guests: 3, repeatGuests: 2 },
      { key: '2026-12', guests: 7, repeatGuests: 3 },
    ])
    expect(figures).toEqual([
      { key: '2026-10', guests: 0, repeatGuests: 0, ratePct: null },
      { key: '2026-11', guests: 3, repeatGuests: 2, ratePct: 66.7 },
      { key: '2026-12', guests: 7, repeatGuests: 3, ratePct: 42.9 },
    ])
  })

  it('ranks codes per category, most held first, ties by code, the vocabulary order for categories, five at most', () => {
    const count = (category: string, code: string, preferred: number, never = 0) => ({ category, code, required: 0, preferred, avoid: 0, never })
    const top = topPreferences(
      [count('room', 'floor', 5), count('food', 'cuisine', 2), count('food', 'allergy', 1, 1), count('zz_custom', 'x', 1), ...['a', 'b', 'c', 'd', 'e', 'f'].map((c, i) => count('amenity', c, i + 1)), count('room', 'view', 0)],
      ['access', 'food', 'room', 'amenity'],
    )
    expect(top.map((c) => c.category)).toEqual(['food', 'room', 'amenity', 'zz_custom'])
    expect(top[0].codes.map((c) => [c.code, c.total])).toEqual([['allergy', 2], ['cuisine', 2]])
    expect(top[1].codes.map((c) => c.code)).toEqual(['floor']) // a code nobody holds is left out
    expect(top[2].codes.map((c) => c.code)).toEqual(['f', 'e', 'd', 'c', 'b'])
    expect(top[2].total).toBe(21)
  })

  it('counts observations that became preferences (accepted or merged) against those reviewed', () => {
    const weeks = weekBuckets('2026-11-23', '2026-12-01')
    const summary = observationSummary(weeks, [
      { week: '2026-11-23', department: 'housekeeping', accepted: 1, merged: 0, rejected: 1, open: 1 },
      { week: '2026-11-23', department: 'restaurant', accepted: 0, merged: 1, rejected: 0, open: 0 },
      { week: '2026-11-30', department: 'restaurant', accepted: 1, merged: 0, rejected: 0, open: 1 },
    ])
    expect(summary.totals).toEqual({ recorded: 6, becamePreference: 3, accepted: 2, merged: 1, rejected: 1, open: 2, conversionPct: 75 })
    expect(summary.byDepartment.map((d) => [d.department, d.recorded, d.conversionPct])).toEqual([
      ['housekeeping', 3, 50],
      ['restaurant', 3, 100],
    ])
    expect(summary.byWeek.map((w) => [w.week, w.recorded, w.departments])).toEqual([
      ['2026-11-23', 4, { housekeeping: 3, restaurant: 1 }],
      ['2026-11-30', 2, { housekeeping: 0, restaurant: 2 }],
    ])
    // The screen's chart rows: one column per department, zero where none were recorded.
    expect(observationWeekRows({ observations: summary } as never, (w) => w)).toEqual([
      { week: '2026-11-23', d_housekeeping: 3, d_restaurant: 1 },
      { week: '2026-11-30', d_housekeeping: 0, d_restaurant: 2 },
    ])
  })

  it('groups arrivals by day and VIP level, and flags alerts as the guest card does', () => {
    const arrival = (stayId: number, arrival: string, vip: number) => ({ stayId, guestId: stayId, arrival, vip, nativeName: `G${stayId}`, romanName: null })
    const summary = arrivalSummary(
      '2026-12-01',
      7,
      [arrival(1, '2026-12-01', 0), arrival(2, '2026-12-01', 2), arrival(3, '2026-12-03', 3), arrival(4, '2026-12-07', 1)],
      [
        { stayId: 1, category: 'food', code: 'cuisine', value: 'sichuan', strength: 'preferred' }, // not an alert
        { stayId: 2, category: 'access', code: 'hearing', value: 'hard_of_hearing', strength: 'required' },
        { stayId: 3, category: 'amenity', code: 'flowers', value: 'lily', strength: 'never' },
        { stayId: 3, category: 'food', code: 'allergy', value: 'peanut', strength: 'preferred' },
      ],
    )
    expect([summary.from, summary.to, summary.total, summary.withAlerts, summary.vips]).toEqual(['2026-12-01', '2026-12-07', 4, 2, 3])
    expect(summary.byDay.map((d) => d.total)).toEqual([2, 0, 1, 0, 0, 0, 1])
    expect(summary.byDay[0]).toEqual({ date: '2026-12-01', total: 2, withAlerts: 1, vip: [1, 0, 1, 0] })
    expect(summary.byVip).toEqual([
      { vip: 0, total: 1, withAlerts: 0 },
      { vip: 1, total: 1, withAlerts: 0 },
      { vip: 2, total: 1, withAlerts: 1 },
      { vip: 3, total: 1, withAlerts: 1 },
    ])
    expect(summary.alertGuests.map((a) => [a.stayId, a.alerts.map((x) => x.code)])).toEqual([
      [2, ['hearing']],
      [3, ['flowers', 'allergy']],
    ])
  })
})

describe('dashboard screen helpers', () => {
  it('words months and periods in the UI language', () => {
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026')
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月')
    expect(presetPeriod('2026-12-01', 90)).toEqual({ from: '2026-09-03', to: '2026-12-01' })
    expect(presetPeriod('2026-12-01', 365)).toEqual({ from: '2025-12-02', to: '2026-12-01' })
    expect(departmentSeriesKey('food-and-beverage.2')).toBe('d_food_and_beverage_2')
  })

  it('knows a new hotel has nothing to show', () => {
    const empty = {
      repeat: { byMonth: [{ guests: 0 }] },
      preferences: [],
      observations: { totals: { recorded: 0 } },
      unfulfilled: { guests: 0 },
      arrivals: { total: 0 },
    }
    expect(isEmptyHotel(empty as never)).toBe(true)
    expect(isEmptyHotel({ ...empty, arrivals: { total: 1 } } as never)).toBe(false)
  })
})
