/** One choice in the phone-country list: the code stored, and what the list shows. */
export interface CountryOption {
  value: string
  label: string
}

/**
 * The countries libphonenumber knows, named in the UI language and sorted as that language
 * sorts (pinyin order in Chinese): "China (CN)", "中国 (CN)". A code the browser cannot name
 * is shown as the code alone.
 */
export function countryOptions(codes: readonly string[], language: string): CountryOption[] {
  const names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' })
  const options = codes.map((code) => {
    const name = names.of(code) ?? code
    return { value: code, label: name === code ? code : `${name} (${code})` }
  })
  const collator = new Intl.Collator([language, 'en'])
  return options.sort((a, b) => collator.compare(a.label, b.label))
}

/** The country's name in the UI language, with its code: what a success message says. */
export function countryLabel(code: string, language: string): string {
  return countryOptions([code], language)[0].label
}
