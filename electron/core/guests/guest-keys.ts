import { pinyin, segment } from 'pinyin-pro'
import { foldForSearch, hasHan, passportSpellings, phoneDigits } from './guest-name'

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

/** A Han name split where a person splits it: the surname (one character, or two: 欧阳, 司马, 诸葛) and the given name. */
export interface HanName {
  surname: string[]
  given: string[]
}

/**
 * The surname and given name of a Han name (folded, so traditional characters read as simplified).
 * A name written with a space (佐藤 健) splits there; otherwise pinyin-pro's surname list decides
 * whether the surname has two characters. Null for names without Han characters.
 */
export function hanName(nativeName: string): HanName | null {
  const folded = foldForSearch(nativeName)
  if (!hasHan(folded)) return null
  const words = folded.split(' ').filter(Boolean)
  if (words.length > 1) return { surname: Array.from(words[0]), given: Array.from(words.slice(1).join('')) }
  const characters = Array.from(folded)
  const first = segment(folded, { surname: 'head', toneType: 'none' })[0]
  const length = first && characters.length > 2 ? Math.min(2, Array.from(first.origin).length) : 1
  return { surname: characters.slice(0, length), given: characters.slice(length) }
}

/**
 * Pinyin of a Chinese name, reading the surname as a surname (单 Shan, 曾 Zeng, 解 Xie, 仇 Qiu,
 * 朴 Piao), as syllables without tones, ü written u. Empty for names without Han characters.
 * Traditional characters read as their simplified forms.
 */
export function namePinyin(nativeName: string): string[] {
  const reading = nameReadings(nativeName)[0]
  return reading ? [...reading.surname, ...reading.given] : []
}

/** One way to read a Han name: the surname's syllables and the given name's. */
export interface NameReading {
  surname: string[]
  given: string[]
}

const han1 = (text: string) => pinyin(text, pinyinOptions).map((s) => s.toLowerCase()).filter(Boolean)

/**
 * Every way a person may spell a Han name in pinyin: the surname read as a surname; each
 * given-name character in its usual readings (朝 chao and zhao; at most `readingsPerCharacter`
 * each and `readingCombinations` in all); ü spelled u, v and yu, as on keyboards and on passports
 * (吕 lu, lv, lyu; GB/T 28039-2011 §5.4 writes LYU). The usual reading first, ü as u.
 */
export function nameReadings(nativeName: string): NameReading[] {
  const name = hanName(nativeName)
  if (!name) return []
  const surname = pinyin(name.surname.join(''), { ...pinyinOptions, surname: 'all' }).map((s) => s.toLowerCase()).filter(Boolean)
  let givens: string[][] = [name.given.flatMap((c) => han1(c).slice(0, 1))]
  if (givens[0].length === name.given.length) {
    name.given.forEach((character, i) => {
      const others = pinyin(character, { ...pinyinOptions, multiple: true })
        .map((s) => s.toLowerCase())
        .filter((s) => s !== givens[0][i])
        .slice(0, readingsPerCharacter - 1)
      const more = givens.flatMap((g) => others.map((o) => g.map((s, j) => (j === i ? o : s))))
      givens = [...givens, ...more].slice(0, readingCombinations)
    })
  }
  const readings = new Map<string, NameReading>()
  for (const u of ['u', 'v', 'yu']) {
    for (const given of givens) {
      const spell = (syllables: string[]) => syllables.map((s) => s.replace(/v/g, u))
      const reading = { surname: spell(surname), given: spell(given) }
      readings.set([...reading.surname, '|', ...reading.given].join(' '), reading)
    }
  }
  return [...readings.values()]
}

/** A reading as words a person types: the surname as one word ("ouyang"), then each given syllable. */
const readingWords = (r: NameReading) => [r.surname.join(''), ...r.given].filter(Boolean)

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
  // From every later word on, so "wong ling" finds Mary Au Wong Ling.
  for (let i = 2; i < words.length - 1; i++) orders.push(words.slice(i).join(''))
  return orders
}

/** Every spelling of a name in Latin letters, as words: as folded, and as the guest's passport may write it. */
function spelledWords(name: string | null): string[][] {
  if (!name) return []
  return [nameWords(name), ...passportSpellings(name).map((s) => nameWords(s))].filter((w) => w.length > 0)
}

/** Prefix tokens of one person's name (native and romanized): every word, spelling and order. */
function nameTokens(g: Pick<GuestKeyFields, 'native_name' | 'roman_name'>): string[] {
  const tokens: string[] = []
  const native = foldForSearch(g.native_name).replace(/\s+/g, '')
  tokens.push(native)
  const han = hanName(g.native_name)
  if (han) {
    // The given name alone: 文静 finds 田文静; 娜娜 finds 欧阳娜娜; 健 finds 佐藤 健.
    if (han.given.length > 0 && han.surname.length > 0) tokens.push(han.given.join(''))
    for (const r of nameReadings(g.native_name)) tokens.push(...wordOrders(readingWords(r), false), [...r.surname, ...r.given].map((s) => s[0]).join(''))
  } else {
    for (const words of spelledWords(g.native_name)) tokens.push(...words, ...wordOrders(words))
  }
  for (const words of spelledWords(g.roman_name)) tokens.push(...words, ...wordOrders(words))
  return tokens
}

/**
 * Typed text as prefix tokens: without spaces, and without the punctuation names are split on
 * ("kowalska, anna", "KOWALSKA/ANNA", "jean-luc" → kowalskaanna, jeanluc). `folded` comes from foldForSearch.
 */
export function typedTokens(folded: string): string[] {
  return [...new Set([folded.replace(/\s+/g, ''), nameWords(folded).join('')])].filter(Boolean)
}

/** Tokens short input is matched against by prefix: "z", "zh", "zz", "庄", "ho", "lyu". Absorbed: profiles merged into this one. */
export function searchTokens(g: GuestKeyFields, absorbed: readonly GuestKeyFields[] = []): string[] {
  const tokens = new Set<string>()
  for (const person of [g, ...absorbed]) {
    for (const t of nameTokens(person)) if (t) tokens.add(t)
    const local = foldForSearch((person.email ?? '').split('@')[0]).replace(/\s+/g, '')
    if (local) tokens.add(local)
    // A company is found from the start of any of its words, short names (华为) included.
    const company = nameWords(person.company)
    for (const t of company.length > 1 ? [...company, ...wordOrders(company, false)] : company) if (t) tokens.add(t)
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
        const reading = nameReadings(p.native_name)[0]
        const syllables = reading ? [...reading.surname, ...reading.given] : []
        const words = nameWords(p.roman_name ?? (hasHan(p.native_name) ? null : p.native_name))
        return [
          p.native_name,
          p.roman_name,
          syllables.join(' '),
          ...(reading ? wordOrders(readingWords(reading), false) : []),
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

/** Every spelling of a person's name as word lists: each pinyin reading (surname as one word), the native and romanized names and their passport spellings. */
function nameSpellings(g: Pick<GuestKeyFields, 'native_name' | 'roman_name'>): string[][] {
  const spellings = nameReadings(g.native_name).map(readingWords)
  if (spellings.length === 0) spellings.push(...spelledWords(g.native_name))
  spellings.push(...spelledWords(g.roman_name))
  return spellings
}

/**
 * A name reduced to compare transliterations: the letters of each spelling, sorted, so that
 * 张伟 = 張偉 = ZHANG Wei = Wei Zhang, 吕思远 = LYU Siyuan, 欧阳娜娜 = OUYANG Nana and
 * "Ronald Mc Donald" = "Ronald McDonald" share a key. Keys only put profiles side by side;
 * `sameNameSpelling` decides.
 */
export function nameKey(g: Pick<GuestKeyFields, 'native_name' | 'roman_name'>): string[] {
  return [...new Set(nameSpellings(g).map((words) => Array.from(words.join('')).sort().join('')))].filter(Boolean)
}

/**
 * True when two names have a spelling in common, in any word order and spacing: the same words
 * (Wei Zhang, ZHANG Wei, 张伟), or the same letters run together in some order (Mc Donald,
 * McDonald). Names of more than four words compare in the order written and reversed.
 */
export function sameNameSpelling(a: Pick<GuestKeyFields, 'native_name' | 'roman_name'>, b: Pick<GuestKeyFields, 'native_name' | 'roman_name'>): boolean {
  const joined = (g: Pick<GuestKeyFields, 'native_name' | 'roman_name'>) => new Set(nameSpellings(g).flatMap((words) => orders(words).map((o) => o.join(''))))
  const left = joined(a)
  for (const spelling of joined(b)) if (left.has(spelling)) return true
  return false
}

/** Every order of up to four words; longer lists as written and reversed. */
function orders(words: string[]): string[][] {
  if (words.length > 4) return [words, [...words].reverse()]
  if (words.length <= 1) return [words]
  return words.flatMap((w, i) => orders([...words.slice(0, i), ...words.slice(i + 1)]).map((rest) => [w, ...rest]))
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
