import { describe, expect, it } from 'vitest'
import { daysCovered, formatMinutes, formatPercent, isRealDate, lastDays, lateParts, rangeProblem, ruleName } from '../../src/features/reports/report-range'

describe('the promise report range', () => {
  it('defaults to the last 7 business dates up to today, across a month end', () => {
    expect(lastDays('2026-03-03', 7)).toEqual({ from: '2026-02-25', to: '2026-03-03' })
    expect(daysCovered('2026-02-25', '2026-03-03')).toBe(7)
  })
  it('names what is wrong with a range, as core would refuse it', () => {
    expect(isRealDate('2026-02-29')).toBe(false)
    expect(isRealDate('2028-02-29')).toBe(true)
    expect(rangeProblem('2026-02-30', '2026-03-01')).toBe('fromInvalid')
    expect(rangeProblem('2026-03-01', '')).toBe('toInvalid')
    expect(rangeProblem('2026-03-02', '2026-03-01')).toBe('order')
    expect(rangeProblem('2025-01-01', '2026-01-02')).toBe('tooLong') // 367 days
    expect(rangeProblem('2025-01-01', '2026-01-01')).toBeNull() // 366 days
    expect(rangeProblem('2025-01-01', '2025-12-31')).toBeNull()
    expect(rangeProblem('2023-12-31', '2024-12-30')).toBeNull() // 366 days, a leap year
  })
})

describe('the figures as shown', () => {
  it('writes percentages and minutes in the UI language, a dash for none', () => {
    expect(formatPercent(66.7, 'en')).toBe('66.7%')
    expect(formatPercent(100, 'zh-CN')).toBe('100%')
    expect(formatPercent(null, 'en')).toBe('—')
    expect(formatMinutes(1234.5, 'en')).toBe('1,234.5')
    expect(formatMinutes(null, 'zh-CN')).toBe('—')
  })
  it('gives lateness in minutes, then hours, then days', () => {
    expect(lateParts(95)).toEqual({ unit: 'minutes', major: 95, minor: 0 })
    expect(lateParts(150)).toEqual({ unit: 'hours', major: 2, minor: 30 })
    expect(lateParts(3 * 1440 + 125)).toEqual({ unit: 'days', major: 3, minor: 2 })
  })
  it('shortens a long rule template and keeps its placeholders', () => {
    expect(ruleName('Recommend Sichuan dishes to {guest}  (room {room}).')).toBe('Recommend Sichuan dishes to {guest} (room {room}).')
    expect(ruleName('x'.repeat(100), 10)).toBe('xxxxxxxxx…')
  })
})
