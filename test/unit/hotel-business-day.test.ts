import { describe, expect, it } from 'vitest'
import { businessDayFrom } from '../../src/app/hotel-time-format'
import { dayInWords, monthGrid, monthTitle, shiftMonth, weekdayNames } from '../../src/app/calendar-month'

describe('the hotel’s today and tomorrow', () => {
  it('count from the business date, not the device: before the night audit, 01:30 on 2 Dec is still 1 Dec', () => {
    const clock = { businessDate: '2026-12-01' }
    expect(businessDayFrom(clock, 0)).toBe('2026-12-01')
    expect(businessDayFrom(clock, 1)).toBe('2026-12-02')
    expect(businessDayFrom({ businessDate: '2026-12-31' }, 1)).toBe('2027-01-01')
  })

  it('are unknown (null) until the hotel’s clock answers', () => {
    expect(businessDayFrom(undefined, 1)).toBeNull()
  })
})

describe('a calendar in the app’s language', () => {
  it('lays December 2026 out from Monday: the 1st is a Tuesday, 31 days, whole weeks', () => {
    const weeks = monthGrid(2026, 12)
    expect(weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'])
    expect(weeks.flat().filter(Boolean)).toHaveLength(31)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
    expect(monthGrid(2028, 2).flat().filter(Boolean)).toHaveLength(29)
  })

  it('speaks English or Chinese as the app does, whatever the browser', () => {
    expect(weekdayNames('en')[0]).toBe('Mon')
    expect(weekdayNames('zh-CN')[0]).toBe('周一')
    expect(monthTitle(2026, 12, 'en')).toBe('December 2026')
    expect(monthTitle(2026, 12, 'zh-CN')).toBe('2026年12月')
    expect(dayInWords('2026-12-01', 'zh-CN')).toBe('2026年12月1日星期二')
    expect(shiftMonth(2026, 12, 1)).toEqual({ year: 2027, month: 1 })
    expect(shiftMonth(2026, 1, -1)).toEqual({ year: 2025, month: 12 })
  })
})
