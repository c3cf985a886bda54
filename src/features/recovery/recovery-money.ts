/*
 * Money in the hotel's currency (pure: test/unit/recovery-money.test.ts). Staff type major units
 * ("200" or "199.50" yuan); core stores and answers the minor unit (fen) as an integer.
 */

/** How many minor-unit digits a currency has (CNY 2, JPY 0, KWD 3), as Intl knows it. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  } catch {
    return 2
  }
}

/**
 * A typed amount in major units as an integer of minor units; null when it is not a plain
 * non-negative number with at most the currency's decimals ("12.345" yuan, "-5", "abc").
 * A comma as decimal separator is read as a point; spaces and thousands separators are not.
 */
export function toMinor(typed: string, currency: string): number | null {
  const digits = currencyDigits(currency)
  const text = typed.trim().replace(',', '.')
  const pattern = digits > 0 ? new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`) : /^\d+$/
  if (!pattern.test(text)) return null
  const [whole, fraction = ''] = text.split('.')
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0')
  return Number.isSafeInteger(minor) ? minor : null
}

/** Minor units as the major-unit text an input shows ("199.5" for 19950 fen). */
export function toMajorText(minor: number, currency: string): string {
  const digits = currencyDigits(currency)
  return String(minor / 10 ** digits)
}

/** "¥199.50" / "CN¥199.50", in the UI language's way of writing money. */
export function formatMoney(minor: number, currency: string, language: string): string {
  const digits = currencyDigits(currency)
  try {
    return new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, { style: 'currency', currency }).format(minor / 10 ** digits)
  } catch {
    return `${minor / 10 ** digits} ${currency}`
  }
}

/** The largest compensation core accepts: one hundred thousand in the currency's major unit. */
export function maxCompensationMinor(currency: string): number {
  return 100_000 * 10 ** currencyDigits(currency)
}
