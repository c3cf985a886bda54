import { describe, expect, it } from 'vitest'
import { fromMinor, isCurrencyCode, minorUnits, toMinor } from '../../electron/core/recovery/currency'

describe('money in the minor unit of the hotel’s currency', () => {
  it('knows the decimals of each currency from Intl: fen for CNY, none for JPY, three for KWD', () => {
    expect(minorUnits('CNY')).toBe(2)
    expect(minorUnits('HKD')).toBe(2)
    expect(minorUnits('MOP')).toBe(2)
    expect(minorUnits('JPY')).toBe(0)
    expect(minorUnits('KRW')).toBe(0)
    expect(minorUnits('KWD')).toBe(3)
  })

  it('turns an amount into whole minor units and back, exactly', () => {
    expect(toMinor(300, 'CNY')).toBe(30000)
    expect(toMinor(12.5, 'CNY')).toBe(1250)
    expect(toMinor(0.1 + 0.2, 'CNY')).toBe(30)
    // 1.005 is 1.00499999… in binary: the decimal text decides, so it is 101 fen, not 100.
    expect(toMinor(1.005, 'CNY')).toBe(101)
    expect(toMinor(1500, 'JPY')).toBe(1500)
    expect(toMinor(1.2345, 'KWD')).toBe(1235)
    expect(toMinor(-2.5, 'CNY')).toBe(-250)
    expect(fromMinor(1250, 'CNY')).toBe(12.5)
    expect(fromMinor(30000, 'CNY')).toBe(300)
    expect(fromMinor(1500, 'JPY')).toBe(1500)
    expect(fromMinor(1235, 'KWD')).toBe(1.235)
    for (const minor of [0, 1, 99, 101, 123456789]) expect(toMinor(fromMinor(minor, 'CNY'), 'CNY')).toBe(minor)
  })

  it('refuses what is not an amount', () => {
    expect(() => toMinor(Number.NaN, 'CNY')).toThrow(RangeError)
    expect(() => toMinor(Number.POSITIVE_INFINITY, 'CNY')).toThrow(RangeError)
  })

  it('accepts only ISO 4217 codes Intl knows, in upper case', () => {
    expect(isCurrencyCode('CNY')).toBe(true)
    expect(isCurrencyCode('MOP')).toBe(true)
    expect(isCurrencyCode('cny')).toBe(false)
    expect(isCurrencyCode('RMB')).toBe(false)
    expect(isCurrencyCode('XYZ')).toBe(false)
    expect(isCurrencyCode('')).toBe(false)
    expect(isCurrencyCode('CNYY')).toBe(false)
  })
})
