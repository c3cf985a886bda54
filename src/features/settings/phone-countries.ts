/** One choice in the phone-country list: the code stored, and what the list shows. */
export interface CountryOption {
  value: string
  label: string
}

/**
 * Hong Kong, Macao and Taiwan are regions of China, named as a Chinese front desk names them
 * (中国香港, 中国澳门, 中国台湾) and in English by their own names, without "SAR China": the
 * list is of countries and regions.
 */
const regionNames: Record<string, { en: string; zh: string }> = {
  HK: { en: 'Hong Kong', zh: '中国香港' },
  MO: { en: 'Macao', zh: '中国澳门' },
  TW: { en: 'Taiwan', zh: '中国台湾' },
}

/**
 * The countries and regions libphonenumber knows, named in the UI language and sorted as that
 * language sorts (pinyin order in Chinese): "China (CN)", "中国 (CN)", "中国澳门（MO）". A code
 * the browser cannot name is shown as the code alone.
 */
export function countryOptions(codes: readonly string[], language: string): CountryOption[] {
  const names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' })
  const chinese = language.startsWith('zh')
  const options = codes.map((code) => {
    const name = regionName(code, language, names)
    return { value: code, label: name === code ? code : chinese ? `${name}（${code}）` : `${name} (${code})` }
  })
  const collator = new Intl.Collator([language, 'en'])
  return options.sort((a, b) => collator.compare(a.label, b.label))
}

/**
 * A country or region's name in the UI language, without its code ("Germany", "德国"; Hong Kong,
 * Macao and Taiwan as above); a code the browser cannot name comes back as the code.
 */
export function regionName(code: string, language: string, names = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' })): string {
  const region = regionNames[code]
  if (region) return language.startsWith('zh') ? region.zh : region.en
  try {
    return names.of(code) ?? code
  } catch {
    return code
  }
}

/** The country's name in the UI language, with its code: what a success message says. */
export function countryLabel(code: string, language: string): string {
  return countryOptions([code], language)[0].label
}

/** Other names people type for a country: older or local spellings the display names do not use. */
const aliases: Record<string, string[]> = {
  MO: ['Macau', 'Aomen'],
  HK: ['Hong Kong', 'Xianggang'],
  TW: ['Taiwan'],
  CN: ['China', 'PRC', 'Zhongguo'],
  GB: ['UK', 'Britain', 'England'],
  US: ['USA', 'America'],
  KR: ['Korea'],
  AE: ['UAE'],
}

const englishNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' })
const chineseNames = new Intl.DisplayNames(['zh-CN'], { type: 'region', fallback: 'code' })
const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim()

/**
 * The options a typed search leaves, best first: the code itself ("mo" → Macao), then names
 * (in the UI language, in English, in Chinese, or an alias such as "Macau") that start with the
 * search, then names with a word that starts with it, then names that contain it.
 */
export function filterCountries<T extends CountryOption>(options: readonly T[], search: string): T[] {
  const typed = fold(search)
  if (!typed) return [...options]
  const rank = (option: T): number => {
    if (option.value.toLowerCase() === typed) return 0
    const names = [option.label, englishNames.of(option.value) ?? '', chineseNames.of(option.value) ?? '', ...(aliases[option.value] ?? [])].map(fold)
    if (names.some((n) => n.startsWith(typed))) return 1
    if (names.some((n) => n.split(/[\s(（),-]+/).some((w) => w.startsWith(typed)))) return 2
    if (names.some((n) => n.includes(typed))) return 3
    return 9
  }
  return options
    .map((option, index) => ({ option, index, rank: rank(option) }))
    .filter((o) => o.rank < 9)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((o) => o.option)
}
