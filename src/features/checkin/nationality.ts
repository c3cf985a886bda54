import { regionName } from '../settings/phone-countries'

/**
 * A guest's nationality as the card shows it: a two-letter code ("DE", "mo") named in the UI
 * language ("Germany", "德国", "中国澳门"); anything else, as it was typed.
 */
export function nationalityName(value: string | null | undefined, language: string): string | null {
  const text = value?.trim()
  if (!text) return null
  return /^[A-Za-z]{2}$/.test(text) ? regionName(text.toUpperCase(), language) : text
}
