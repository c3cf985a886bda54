import { pinyin } from 'pinyin-pro'
import { foldForSearch, hasHan, phoneDigits } from './guest-name'

export interface GuestKeyFields {
  native_name: string
  roman_name: string | null
  phone: string | null
  /** The phone in E.164 ("+8613924681357"), when it could be read; digits are searched in both forms. */
  phone_e164?: string | null
  email: string | null
  company: string | null
  birth_date?: string | null
  document_no?: string | null
}

const pinyinOptions = { toneType: 'none', type: 'array', nonZh: 'removed', v: true } as const

/** At most this many readings per given-name character, and reading combinations per name (polyphonic characters). */
const readingsPerCharacter = 2
const readingCombinations = 4

/**
 * Pinyin of a Chinese name, reading the first character as a surname (单 Shan, 曾 Zeng,
 * 解 Xie, 仇 Qiu, 朴 Piao), as syllables without tones, ü written u. Empty for names without
 * Han characters. Traditional characters read as their simplified forms.
 */
export function namePinyin(nativeName: string): string[] {
  return defaultReading(nativeName).map((s) => s.replace(/v/g, 'u'))
}

function defaultReading(nativeName: string): string[] {
  const name = foldForSearch(nativeName).replace(/\s+/g, '')
  if (!hasHan(name)) return []
  return pinyin(name, { ...pinyinOptions, surname: 'head' })
    .map((s) => s.toLowerCase())
    .filter(Boolean)
}

/**
 * Every way a person may spell a Han name in pinyin, as syllable lists: the surname read as a
 * surname; each given-name character in its usual readings (朝 chao and zhao; at most
 * `readingsPerCharacter` each and `readingCombinations` in all); ü spelled u, v and yu, as on
 * keyboards and on passports (吕 lu, lv, lyu; GB/T 28039-2011 §5.4 writes LYU). Default first.
 */
export function nameReadings(nativeName: string): string[][] {
  const reading = defaultReading(nativeName)
  if (reading.length === 0) return []
  const characters = Array.from(foldForSearch(nativeName).replace(/\s+/g, '')).filter((c) => hasHan(c))
  let combinations: string[][] = [reading]
  if (characters.length === reading.length) {
    for (let i = 1; i < characters.length; i++) {
      const others = pinyin(characters[i], { ...pinyinOptions, multiple: true })
        .filter((s) => s !== reading[i])
        .slice(0, readingsPerCharacter - 1)
      const more = combinations.flatMap((c) => others.map((o) => c.map((s, j) => (j === i ? o : s))))
      combinations = [...combinations, ...more].slice(0, readingCombinations)
    }
  }
  const spellings = new Map<string, string[]>()
  for (const c of combinations) {
    for (const u of ['u', 'v', 'yu']) {
      const spelled = c.map((s) => s.replace(/v/g, u))
      spellings.set(spelled.join(' '), spelled)
    }
  }
  return [...spellings.values()]
}

/** Words of a name, folded ("ZHUANG Zhiming" → ["zhuang", "zhiming"], "O’Brien" → ["obrien"]). */
export function nameWords(name: string | null): string[] {
  return foldForSearch(name ?? '')
    .split(/[\s,.\-/]+/)
    .filter(Boolean)
}

/**
 * A name's words run together in every order a person types it: as written, the given names
 * alone, and the first word last ("GAN Weiming" → ganweiming, weiming, weiminggan). Latin names
 * with three words or more also put the last word first ("Mary Ann Smith" → smithmaryann).
 */
function wordOrders(words: string[], lastFirst = true): string[] {
  if (words.length < 2) return words
  const rest = words.slice(1)
  const orders = [words.join(''), rest.join(''), rest.join('') + words[0]]
  if (lastFirst && words.length > 2) orders.push(words[words.length - 1] + words.slice(0, -1).join(''))
  return orders
}

/** Prefix tokens of one person's name (native and romanized): every word, spelling and order. */
function nameTokens(g: Pick<GuestKeyFields, 'native_name' | 'roman_name'>): string[] {
  const tokens: string[] = []
  const native = foldForSearch(g.native_name).replace(/\s+/g, '')
  tokens.push(native)
  if (hasHan(native)) {
    const characters = Array.from(native)
    // The given name alone: 文静 finds 田文静; 娜娜 finds 欧阳娜娜.
    if (characters.length >= 2) tokens.push(characters.slice(1).join(''))
    if (characters.length >= 4) tokens.push(characters.slice(2).join(''))
    for (const r of nameReadings(g.native_name)) tokens.push(...wordOrders(r, false), r.map((s) => s[0]).join(''))
  } else {
    const words = nameWords(g.native_name)
    tokens.push(...words, ...wordOrders(words))
  }
  const roman = nameWords(g.roman_name)
  tokens.push(...roman, ...wordOrders(roman))
  return tokens
}

/** Tokens short input is matched against by prefix: "z", "zh", "zz", "庄", "ho", "lyu". Absorbed: profiles merged into this one. */
export function searchTokens(g: GuestKeyFields, absorbed: readonly GuestKeyFields[] = []): string[] {
  const tokens = new Set<string>()
  for (const person of [g, ...absorbed]) {
    for (const t of nameTokens(person)) if (t) tokens.add(t)
    const local = foldForSearch((person.email ?? '').split('@')[0]).replace(/\s+/g, '')
    if (local) tokens.add(local)
  }
  return [...tokens]
}

/** What a guest is found by, field by field, each folded as search folds typed text. */
export interface SearchSections {
  name: string
  phone: string
  email: string
  company: string
}

/** The searchable text of a guest (and of profiles merged into it), by what it came from. */
export function searchSections(g: GuestKeyFields, absorbed: readonly GuestKeyFields[] = []): SearchSections {
  const people = [g, ...absorbed]
  const unique = (parts: (string | null | undefined)[]) => [...new Set(parts.map((p) => foldForSearch(p ?? '')).filter(Boolean))].join(' ')
  return {
    name: unique(
      people.flatMap((p) => {
        const syllables = namePinyin(p.native_name)
        const words = nameWords(p.roman_name ?? (hasHan(p.native_name) ? null : p.native_name))
        return [
          p.native_name,
          p.roman_name,
          syllables.join(' '),
          ...wordOrders(syllables, false),
          syllables.map((s) => s[0]).join(''),
          ...wordOrders(words),
        ]
      }),
    ),
    phone: unique(people.flatMap((p) => [phoneDigits(p.phone), phoneDigits(p.phone_e164)])),
    email: unique(people.map((p) => p.email)),
    company: unique(people.map((p) => p.company)),
  }
}

/**
 * Everything substring search matches, one line per field (typed text never holds a line
 * break, so no match spans two fields): names in every form, pinyin, phone digits as typed and
 * in E.164, email, company — of this guest and of profiles merged into it.
 */
export function searchDocument(g: GuestKeyFields, absorbed: readonly GuestKeyFields[] = []): string {
  const s = searchSections(g, absorbed)
  return [s.name, s.phone, s.email, s.company].join('\n')
}

/** A name reduced to compare transliterations: sorted words, so "ZHANG Wei" = "Wei Zhang" = 张伟 = 張偉. */
export function nameKey(g: Pick<GuestKeyFields, 'native_name' | 'roman_name'>): string[] {
  const keys = new Set<string>()
  const syllables = namePinyin(g.native_name)
  if (syllables.length) keys.add([syllables[0], syllables.slice(1).join('')].filter(Boolean).sort().join(' '))
  else if (g.native_name.trim()) keys.add(nameWords(g.native_name).sort().join(' '))
  if (g.roman_name) keys.add(nameWords(g.roman_name).sort().join(' '))
  return [...keys].filter(Boolean)
}

/** An identity document number as compared: no spaces or dashes, upper case, full-width folded. */
export function documentKey(documentNo: string | null | undefined): string {
  return (documentNo ?? '').normalize('NFKC').replace(/[\s-]/g, '').toUpperCase()
}

/**
 * Keys that put two profiles side by side for the duplicate detector: name, name with birth
 * date, phone (last 8 digits), email and document. Kept apart from search tokens, so they can
 * never be typed into search.
 */
export function matchKeys(g: GuestKeyFields): string[] {
  const names = nameKey(g)
  const keys = names.map((k) => `n:${k}`)
  if (g.birth_date) keys.push(...names.map((k) => `nb:${k}|${g.birth_date}`))
  const digits = phoneDigits(g.phone)
  if (digits.length >= 7) keys.push(`p:${digits.slice(-8)}`)
  if (g.email) keys.push(`e:${foldForSearch(g.email)}`)
  const document = documentKey(g.document_no)
  if (document) keys.push(`d:${document}`)
  return keys
}
