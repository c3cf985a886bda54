import { describe, expect, it } from 'vitest'
import { currencyDigits, formatMoney, maxCompensationMinor, toMajorText, toMinor } from '../../src/features/recovery/recovery-money'

describe('compensation typed in the hotel’s currency and sent in its minor unit', () => {
  it('knows each currency’s decimals', () => {
    expect(currencyDigits('CNY')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('KWD')).toBe(3)
  })

  it('turns yuan into fen exactly, without floating-point drift', () => {
    expect(toMinor('200', 'CNY')).toBe(20000)
    expect(toMinor('199.5', 'CNY')).toBe(19950)
    expect(toMinor('0.29', 'CNY')).toBe(29) // 0.29 * 100 is 28.999… in floating point
    expect(toMinor(' 12,30 ', 'CNY')).toBe(1230)
    expect(toMinor('0', 'CNY')).toBe(0)
    expect(toMinor('1500', 'JPY')).toBe(1500)
    expect(toMinor('1.234', 'KWD')).toBe(1234)
  })

  it('refuses what is not a plain amount: negative, too many decimals, words, empty', () => {
    for (const typed of ['-5', '12.345', 'abc', '', '1e3', '1 000', '12.']) expect(toMinor(typed, 'CNY'), typed).toBeNull()
    expect(toMinor('15.5', 'JPY')).toBeNull()
  })

  it('shows minor units back as major ones, and formats money in the UI language', () => {
    expect(toMajorText(19950, 'CNY')).toBe('199.5')
    expect(formatMoney(19950, 'CNY', 'en')).toMatch(/199\.50/)
    expect(formatMoney(19950, 'CNY', 'zh-CN')).toBe('¥199.50')
    expect(formatMoney(1500, 'JPY', 'en')).toMatch(/1,500/)
    expect(maxCompensationMinor('CNY')).toBe(10_000_000)
  })
})
