import { pinyin } from 'pinyin-pro'
import { foldForSearch, phoneDigits } from './guest-name'

const han = /[\u3400-\u9fff]/

export interface GuestKeyFields {
  native_name: string
  roman_name: string | null
  phone: string | null
  email: string | null
  company: string | null
  birth_date?: string | null
  document_no?: string | null
}

/**
 * Pinyin of a Chinese name, reading the first character as a surname (单 Shan, 曾 Zeng,
 * 解 Xie, 仇 Qiu, 朴 Piao), as syllables without tones. Empty for names without Han characters.
 */
export function namePinyin(nativeName: string): string[] {
  const name = nativeName.replace(/\s+/g, '')
  if (!han.test(name)) return []
  return pinyin(name, { toneType: 'none', surname: 'head', type: 'array', nonZh: 'removed' })
    .map((s) => s.toLowerCase().replace(/ü|v/g, 'u'))
    .filter(Boolean)
}

/** Words of a romanized name, folded, in a stable order ("ZHUANG Zhiming" → ["zhiming", "zhuang"]). */
export function nameWords(name: string | null): string[] {
  return foldForSearch(name ?? '')
    .split(/[\s,.\-']+/)
    .filter(Boolean)
}

/** Everything substring search matches: names in every form, pinyin, phone digits, email, company. */
export function searchDocument(g: GuestKeyFields): string {
  const syllables = namePinyin(g.native_name)
  const words = nameWords(g.roman_name)
  return foldForSearch(
    [
      g.native_name,
      g.roman_name,
      words.join(''),
      syllables.join(' '),
      syllables.join(''),
      syllables.slice(1).join('') + syllables[0],
      syllables.map((s) => s[0]).join(''),
      phoneDigits(g.phone),
      g.email,
      g.company,
    ]
      .filter(Boolean)
      .join(' | '),
  )
}

/** Tokens short input is matched against by prefix: "z", "zh", "zz", "庄", "ho". */
export function searchTokens(g: GuestKeyFields): string[] {
  const syllables = namePinyin(g.native_name)
  const tokens = new Set<string>()
  const add = (t: string | null | undefined) => {
    const folded = foldForSearch(t ?? '').replace(/\s+/g, '')
    if (folded) tokens.add(folded)
  }
  add(g.native_name)
  const roman = nameWords(g.roman_name)
  for (const w of roman) add(w)
  // Typed as written, with or without spaces: "wong ling k" and "lingk" find WONG Ling Kam.
  if (roman.length > 1) {
    add(roman.join(''))
    add(roman.slice(1).join(''))
  }
  for (const w of nameWords(g.native_name)) add(w)
  if (syllables.length) {
    add(syllables.join(''))
    add(syllables.slice(1).join(''))
    add(syllables.map((s) => s[0]).join(''))
  }
  add((g.email ?? '').split('@')[0])
  return [...tokens]
}

/** A name reduced to compare transliterations: sorted words, so "ZHANG Wei" = "Wei Zhang" = 张伟. */
export function nameKey(g: Pick<GuestKeyFields, 'native_name' | 'roman_name'>): string[] {
  const keys = new Set<string>()
  const syllables = namePinyin(g.native_name)
  if (syllables.length) keys.add([syllables[0], syllables.slice(1).join('')].filter(Boolean).sort().join(' '))
  else if (g.native_name.trim()) keys.add(nameWords(g.native_name).sort().join(' '))
  if (g.roman_name) keys.add(nameWords(g.roman_name).sort().join(' '))
  return [...keys].filter(Boolean)
}

/** Keys that put two profiles side by side for the duplicate detector. Prefixed so search never sees them. */
export function matchKeys(g: GuestKeyFields): string[] {
  const keys = nameKey(g).map((k) => `\u0001n:${k}`)
  const digits = phoneDigits(g.phone)
  if (digits.length >= 7) keys.push(`\u0001p:${digits.slice(-8)}`)
  if (g.email) keys.push(`\u0001e:${g.email.trim().toLowerCase()}`)
  if (g.document_no) keys.push(`\u0001d:${g.document_no.replace(/[\s-]/g, '').toUpperCase()}`)
  return keys
}
