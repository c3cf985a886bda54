/*
 * The recovery report's money and words as the screen shows them: pure, so they are unit-tested.
 * Amounts arrive in the minor unit of the hotel's currency (fen for CNY).
 */
import type { OutputOf } from '../../../electron/core/api'

/** The recovery report as report.recovery answers it. */
export type RecoveryReport = OutputOf<'report.recovery'>

/** How many minor units a currency has (2 for CNY and USD, 0 for JPY), as Intl knows it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/** An amount in minor units as money in the UI language: 12345 CNY → "¥123.45" (zh-CN), "CN¥123.45" (en). */
export function formatMoney(minor: number, currency: string, language: string): string {
  const digits = minorDigits(currency)
  const value = minor / 10 ** digits
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
  } catch {
    return `${value.toFixed(digits)} ${currency}`
  }
}

/** An average score (1–5) with at most two decimals; an em dash with none. */
export function formatScore(value: number | null, language: string): string {
  if (value === null) return '—'
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value)
}

/** The currency's name in the UI language ("人民币", "Chinese Yuan"), for sentences; the code when unknown. */
export function currencyName(currency: string, language: string): string {
  try {
    return new Intl.DisplayNames([language === 'en' ? 'en-GB' : language], { type: 'currency' }).of(currency) ?? currency
  } catch {
    return currency
  }
}
