import anyAscii from 'any-ascii'
import * as OpenCC from 'opencc-js'

const salutations: Record<string, { en: string; zh: string }> = {
  mr: { en: 'Mr', zh: '先生' },
  ms: { en: 'Ms', zh: '女士' },
  mrs: { en: 'Mrs', zh: '夫人' },
  dr: { en: 'Dr', zh: '博士' },
  prof: { en: 'Prof.', zh: '教授' },
}

const hanOrKana = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/

/** How prompts name a guest: "Mr HO Ka Chun" in English, "何家俊先生" in Chinese. */
export function displayName(
  guest: { native_name: string; roman_name: string | null; salutation: string | null },
  lang: 'en' | 'zh',
): string {
  const title = guest.salutation ? salutations[guest.salutation] : undefined
  if (lang === 'en') {
    const name = guest.roman_name || guest.native_name
    return title ? `${title.en} ${name}` : name
  }
  const native = guest.native_name || guest.roman_name || ''
  if (!title) return native
  return hanOrKana.test(native) ? `${native}${title.zh}` : `${native} ${title.zh}`
}

let simplified: ((text: string) => string) | undefined
/** Traditional (standard, Hong Kong and Taiwan forms) to simplified Chinese, with OpenCC's data. Built on first use. */
export function toSimplified(text: string): string {
  if (!simplified) {
    const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' })
    const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' })
    simplified = (t) => fromTaiwan(fromHongKong(t))
  }
  return simplified(text)
}

const han = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u
/** Apostrophes of every shape people and keyboards type inside names (O'Brien, O’Brien, Oʼ). */
const apostrophes = /['\u2018\u2019\u201b\u02bc\u02bb\u0060\u00b4\u2032]/g
/** Invisible characters: formatting (zero-width spaces and joiners, direction marks, BOM, tags) and every default-ignorable code point (Hangul fillers, variation selectors). */
const invisible = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu
/** Hyphens and dashes of every shape people and word processors put inside names (Jean‐Luc, Jean–Luc). */
const hyphens = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g
/** Greek letter pairs with one Latin spelling on passports (ELOT 743: ΟΥ → OU, ΑΥ → AV, ΕΥ → EV, ΓΓ → NG, ΜΠ → MP, ΝΤ → NT). */
const greekPairs: [RegExp, string][] = [
  [/ου/g, 'ou'],
  [/αυ/g, 'av'],
  [/ευ/g, 'ev'],
  [/ηυ/g, 'iv'],
  [/γγ/g, 'ng'],
  [/γκ/g, 'gk'],
  [/γξ/g, 'nx'],
  [/γχ/g, 'nch'],
  [/μπ/g, 'mp'],
  [/ντ/g, 'nt'],
]
/** Letters of alphabets that are searched by their Latin spelling: Đ→d, ø→o, ł→l, ß→ss, Иван→ivan. */
const transliterated = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u

/**
 * Folds text the way a person searching expects, identically for stored and typed text: case,
 * accents, full-width forms (NFKC), traditional or simplified characters (OpenCC), letters that
 * Unicode decomposition leaves alone (any-ascii: Đ, ø, ł, ß), apostrophes and invisible
 * characters do not matter. "ＺＨＡＮＧ", "Zhāng" and "zhang" are the same; so are 陳 and 陈,
 * "O’Brien" and "obrien".
 */
export function foldForSearch(text: string): string {
  let folded = text.normalize('NFKC').replace(invisible, '').replace(apostrophes, '').replace(hyphens, '-')
  if (han.test(folded)) folded = toSimplified(folded)
  folded = folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC')
  if (/[\u0370-\u03ff]/.test(folded)) for (const [pair, latin] of greekPairs) folded = folded.toLowerCase().replace(pair, latin)
  if (/[^\x00-\x7f]/.test(folded)) {
    folded = Array.from(folded, (ch) => (ch.charCodeAt(0) > 0x7f && transliterated.test(ch) ? anyAscii(ch) : ch)).join('')
  }
  return folded.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** True when the text holds a Han character (CJK ideographs, including those beyond the Basic Multilingual Plane). */
export function hasHan(text: string): boolean {
  return han.test(text)
}

export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').normalize('NFKC').replace(/\D/g, '')
}


/** German and Nordic letters as machine-readable passport lines write them (ICAO Doc 9303 Part 3, §6: Ä AE, Ö OE, Ü UE, Ø OE, Å AA, Æ AE, ß SS). */
const passportLatin: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ø: 'oe', å: 'aa', æ: 'ae', ß: 'ss' }
/** Russian Cyrillic as passports write it (ICAO Doc 9303 Part 3, §6, table B: Ю IU, Я IA, Й I, Щ SHCH, Ъ IE…). */
const passportCyrillic: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e',
  ю: 'iu', я: 'ia', і: 'i', ї: 'i', є: 'ie', ґ: 'g', ў: 'u',
}

/**
 * Other spellings of a name a guest's passport may carry, folded like foldForSearch: the
 * machine-readable forms of German and Nordic letters (Müller → mueller, Søren → soeren) and
 * ICAO's transliteration of Cyrillic (Юлия → iuliia). Empty when the name has none.
 */
export function passportSpellings(name: string): string[] {
  const lower = name.normalize('NFC').toLowerCase()
  const spellings = new Set<string>()
  if (/[äöüøåæß]/.test(lower)) spellings.add(foldForSearch(lower.replace(/[äöüøåæß]/g, (c) => passportLatin[c])))
  if (/[\u0400-\u04ff]/.test(lower)) spellings.add(foldForSearch(lower.replace(/[\u0400-\u04ff]/g, (c) => passportCyrillic[c] ?? c)))
  spellings.delete(foldForSearch(name))
  return [...spellings]
}
