import type { Sqlite } from '../db/query'
import { getSetting } from '../setup/setting.repository'

/*
 * The hotel's currency (setting `hotel.currency`, ISO 4217, default CNY) and money in its minor
 * unit. Amounts are stored as integers in the minor unit (fen for CNY, cents for USD, yen for
 * JPY: 0 decimals), so sums are exact. The number of decimals comes from Intl (the CLDR data the
 * runtime ships), never a hand-written table.
 */

export const currencyKey = 'hotel.currency'
export const defaultCurrency = 'CNY'

let known: ReadonlySet<string> | null = null
/** The ISO 4217 codes this runtime knows (Intl.supportedValuesOf('currency')). */
export function knownCurrencies(): ReadonlySet<string> {
  known ??= new Set(Intl.supportedValuesOf('currency'))
  return known
}

/** Is this an ISO 4217 code Intl knows ('CNY', 'usd' is not: codes are upper case)? */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && knownCurrencies().has(code)
}

const decimals = new Map<string, number>()
/**
 * Decimals of the currency's minor unit: 2 for CNY (fen) and USD, 0 for JPY and KRW, 3 for
 * KWD. An unknown code throws a RangeError (check with `isCurrencyCode` first).
 */
export function minorUnits(currency: string): number {
  let n = decimals.get(currency)
  if (n === undefined) {
    n = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    decimals.set(currency, n)
  }
  return n
}

/**
 * An amount in major units (12.5 yuan) as an integer in the minor unit (1250 fen), rounded half
 * away from zero to the nearest minor unit. Throws a RangeError for a value that is not finite.
 */
export function toMinor(amount: number, currency: string): number {
  if (!Number.isFinite(amount)) throw new RangeError(`Not an amount: ${amount}`)
  const scaled = amount * 10 ** minorUnits(currency)
  // 1.005 * 100 is 100.49999…: round the decimal text, not the binary float.
  const rounded = Math.round(Math.abs(Number(scaled.toPrecision(15))))
  return amount < 0 ? -rounded : rounded
}

/**
 * The largest compensation accepted, in the currency's minor unit: one hundred thousand in its
 * major unit (10,000,000 fen for CNY, 100,000 for JPY, 100,000,000 for KWD). More is absurd for
 * a hotel's goodwill gesture.
 */
export function maxCompensationMinorOf(currency: string): number {
  return 100_000 * 10 ** minorUnits(currency)
}

/** An integer in the minor unit (1250 fen) as an amount in major units (12.5 yuan). */
export function fromMinor(minor: number, currency: string): number {
  const units = minorUnits(currency)
  return Number((minor / 10 ** units).toFixed(units))
}

/** The hotel's currency; a missing or damaged setting reads as CNY. */
export function hotelCurrency(sqlite: Sqlite): string {
  const stored = getSetting(sqlite, currencyKey)
  return stored && isCurrencyCode(stored) ? stored : defaultCurrency
}
