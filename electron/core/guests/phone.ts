import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js'
import type { Sqlite } from '../db/query'
import { getSetting } from '../setup/setting.repository'

/** Setting: the country a phone number without a country prefix belongs to (ISO 3166-1 alpha-2). */
export const phoneCountryKey = 'hotel.phoneCountry'
export const defaultPhoneCountry: CountryCode = 'CN'

/** The hotel's phone country; a missing or damaged setting reads as CN, so search and writes still work. */
export function hotelPhoneCountry(sqlite: Sqlite): CountryCode {
  const stored = getSetting(sqlite, phoneCountryKey)
  return stored && isPhoneCountry(stored) ? stored : defaultPhoneCountry
}

/** True for a country libphonenumber has numbering rules for ("CN", "MO", "SG"…). */
export function isPhoneCountry(code: string): code is CountryCode {
  return isSupportedCountry(code)
}

/**
 * A phone number in E.164 ("+8613924681357"), read with libphonenumber: "+86 139 2468 1357",
 * "008613924681357" and "139 2468 1357" (in a CN hotel) are the same number. Null when the
 * text is not a valid number for any country (ITU-T E.164; national rules from libphonenumber's
 * metadata).
 */
export function phoneE164(typed: string | null | undefined, country: CountryCode): string | null {
  if (!typed) return null
  const parsed = parsePhoneNumberFromString(typed.normalize('NFKC'), country)
  return parsed && parsed.isValid() ? parsed.number : null
}

/**
 * Digits to look for when a phone is typed into search: a number with its country prefix (+86,
 * 0086) is reduced to its national number, which the stored number holds however it was typed.
 * Other text gives its digits unchanged.
 */
export function phoneSearchDigits(typed: string, country: CountryCode): string {
  const digits = typed.normalize('NFKC').replace(/\D/g, '')
  if (!/^\s*(\+|00)/.test(typed.normalize('NFKC'))) return digits
  const parsed = parsePhoneNumberFromString(typed.normalize('NFKC'), country)
  return parsed?.nationalNumber ?? digits
}
