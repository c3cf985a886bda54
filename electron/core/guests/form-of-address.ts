/**
 * How prompts address a guest: the way the staff will speak to them, never the passport line.
 * "郑总" when that is what the guest is called, "Dr Nair" and "Nair 博士" for Dr NAIR Priya,
 * "Mr Ho" and "何先生" for Mr 何家俊 (HO Ka Chun), the full name when there is no title.
 * @module
 */
import { appliesToStay, isNegative, type PreferenceFact } from './preference'
import { hanName, namePinyin } from './guest-keys'

/** What a form of address is built from. */
export interface AddressedGuest {
  nativeName: string
  romanName: string | null
  /**
   * The stored salutation: a code ('mr', 'ms', 'mrs', 'dr', 'prof'), a bare title typed as text
   * ("Mr", "先生", "小姐"), or a complete form of address ("郑总", "Dr Nair").
   */
  salutation: string | null
  /** ISO 3166-1 alpha-2: a Japanese or Korean name in Han characters does not split like a Chinese one. */
  nationality?: string | null
  /** The guest's "address as" preference ("郑总", "Dr Nair"), when there is one: it wins. */
  addressAs?: string | null
}

/** A bare title: what it is in each language. */
interface Title {
  en: string
  zh: string
}

const mr: Title = { en: 'Mr', zh: '先生' }
const ms: Title = { en: 'Ms', zh: '女士' }
const mrs: Title = { en: 'Mrs', zh: '夫人' }
const miss: Title = { en: 'Miss', zh: '小姐' }
const dr: Title = { en: 'Dr', zh: '博士' }
const prof: Title = { en: 'Professor', zh: '教授' }

/** Bare titles, by code and by the words people type for them (lower case, without a final full stop). */
const titles: Record<string, Title> = {
  mr, mister: mr, 先生: mr,
  ms, 女士: ms,
  mrs, 夫人: mrs, 太太: mrs,
  miss, 小姐: miss,
  dr, doctor: dr, 博士: dr, 医生: { en: 'Dr', zh: '医生' },
  prof, professor: prof, 教授: prof,
}

/** Han characters, kana and hangul: text an English-reading colleague may not be able to say. */
const notLatin = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af\u{20000}-\u{3134f}]/u
const han = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u
/** Countries whose Han-character names are not split by the Chinese surname list. */
const readElsewhere = new Set(['JP', 'KR', 'KP'])
/** Name particles that stay in lower case inside a name (Muhammad Hafiz bin Ismail, Ludwig van Beethoven). */
const particles = new Set(['bin', 'binti', 'bte', 'bt', 'van', 'von', 'der', 'den', 'de', 'da', 'di', 'do', 'dos', 'das', 'du', 'la', 'le', 'al', 'el', 'y'])

/** The bare title a salutation stands for, or undefined when it is not one (empty, or a complete form of address). */
function bareTitle(salutation: string | null): Title | undefined {
  const key = (salutation ?? '').normalize('NFKC').trim().toLowerCase().replace(/\.$/, '')
  return Object.hasOwn(titles, key) ? titles[key] : undefined
}

/** A word in all capitals: "NAIR", "O'BRIEN", "SMITH-JONES" (at least one letter, no lower case). */
function isCapitals(word: string): boolean {
  return /\p{Lu}/u.test(word) && word === word.toUpperCase()
}

/** "NAIR" → "Nair", "O'BRIEN" → "O'Brien", "SMITH-JONES" → "Smith-Jones". */
function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())
}

/** A whole name in all capitals, as a person writes it: "MUHAMMAD HAFIZ BIN ISMAIL" → "Muhammad Hafiz bin Ismail". */
function titleCaseName(name: string): string {
  const words = name.trim().split(/\s+/)
  return words.map((w, i) => (i > 0 && particles.has(w.toLowerCase()) ? w.toLowerCase() : isCapitals(w) ? titleCase(w) : w)).join(' ')
}

/**
 * The surname as a name in Latin letters spells it, in the case a person writes it. Romanized
 * names are stored surname first with the surname in capitals ("NAIR Priya", "HO Ka Chun"); the
 * spelling in the native name wins when it holds the same words ("Priya Nair" → "Nair",
 * "Ana de Souza" → "de Souza"), else the capitals are title-cased. A name all in capitals
 * ("CHAN TAI MAN") gives its first word for a guest with a Chinese name, and nothing otherwise:
 * which word is the surname cannot be told. A name in ordinary case gives its first word for
 * a Chinese name, its last for others (written given name first).
 */
function latinSurname(guest: AddressedGuest): string | null {
  const roman = (guest.romanName ?? '').trim() || (notLatin.test(guest.nativeName) ? '' : guest.nativeName.trim())
  if (!roman) return null
  const words = roman.split(/\s+/)
  const chinese = han.test(guest.nativeName) && !readElsewhere.has(guest.nationality ?? '')
  const leading: string[] = []
  for (const word of words) {
    if (!isCapitals(word)) break
    leading.push(word)
  }
  let surname: string | null
  if (leading.length > 0 && leading.length < words.length) surname = leading.join(' ')
  else if (words.length === 1) surname = words[0]
  else if (leading.length === words.length) surname = chinese ? words[0] : null
  else surname = chinese ? words[0] : words[words.length - 1]
  if (!surname) return null
  const native = guest.nativeName.normalize('NFC')
  const at = native.toLowerCase().indexOf(surname.toLowerCase())
  const bounded = at >= 0 && /^$|\s/.test(native.charAt(at - 1)) && /^$|\s/.test(native.charAt(at + surname.length))
  const written = bounded ? native.slice(at, at + surname.length) : surname
  if (!isCapitals(written)) return written
  return titleCase(written)
}

/**
 * The surname of a name in Han characters as it is written (陳, not the folded 陈; 欧阳 as one
 * surname), or null for other names. A Japanese or Korean name splits only where it is written
 * with a space (佐藤 健): the Chinese surname list would split 田中健 as 田 + 中健.
 */
function hanSurname(guest: AddressedGuest): string | null {
  const native = guest.nativeName.normalize('NFC').trim()
  if (!han.test(native)) return null
  const words = native.split(/\s+/)
  if (words.length > 1) return han.test(words[0]) ? words[0] : null
  if (readElsewhere.has(guest.nationality ?? '')) return null
  const split = hanName(native)
  return split ? Array.from(native).slice(0, split.surname.length).join('') : null
}

/** The pinyin of a Chinese surname, for English when no romanized name was stored: 欧阳 → "Ouyang". */
function pinyinSurname(guest: AddressedGuest, surname: string): string | null {
  if (readElsewhere.has(guest.nationality ?? '')) return null
  const syllables = namePinyin(guest.nativeName).slice(0, Array.from(surname).length)
  return syllables.length ? titleCase(syllables.join('')) : null
}

/** The full name, as prompts named guests without a title: the romanized name in English, the native one in Chinese. */
function fullName(guest: AddressedGuest, lang: 'en' | 'zh'): string {
  const native = guest.nativeName.trim()
  const roman = guest.romanName?.trim() ?? ''
  return lang === 'en' ? roman || native : native || roman
}

/**
 * How a prompt in `lang` addresses the guest, first of:
 * 1. the stored form of address (the "address as" preference, else a salutation that is more
 *    than a bare title, such as "郑总" or "Dr Nair"), as it is; English uses it only when it is
 *    in Latin letters, since a colleague reading English may not read 郑总;
 * 2. a bare title with the surname only: "Dr Nair" (never "Dr NAIR Priya"), "Mr Ho"; in Chinese
 *    "张先生", "欧阳女士" for a Chinese name and "Nair 博士" for a name in Latin letters;
 * 3. without a title, the full name as stored.
 * When the surname cannot be told (a name all in capitals with no Chinese name beside it), the
 * title goes with the whole name in ordinary case: "Mr Muhammad Hafiz bin Ismail".
 */
export function formOfAddress(guest: AddressedGuest, lang: 'en' | 'zh'): string {
  const title = bareTitle(guest.salutation)
  const stored = [guest.addressAs, title ? null : guest.salutation].map((s) => s?.normalize('NFKC').trim()).filter((s): s is string => Boolean(s))
  const usable = stored.find((s) => lang === 'zh' || !notLatin.test(s))
  if (usable) return usable
  if (!title) return fullName(guest, lang)
  if (lang === 'zh') {
    const surname = hanSurname(guest)
    if (surname) return `${surname}${title.zh}`
    const latin = latinSurname(guest)
    return `${latin ?? titleCaseName(fullName(guest, 'en'))} ${title.zh}`
  }
  const hanFamily = hanSurname(guest)
  const surname = latinSurname(guest) ?? (hanFamily ? pinyinSurname(guest, hanFamily) : null)
  if (surname) return `${title.en} ${surname}`
  const name = fullName(guest, 'en')
  return `${title.en} ${notLatin.test(name) ? name : titleCaseName(name)}`
}

/**
 * The guest's "address as" preference that holds for this stay (service / address_as, wanted,
 * for every stay or for this one), or null. The one made for this stay wins over a standing one.
 */
export function addressAsPreference(preferences: readonly PreferenceFact[], stayId: number | null): string | null {
  const held = preferences.filter((p) => p.category === 'service' && p.code === 'address_as' && p.value.trim() && !isNegative(p.strength) && appliesToStay(p, stayId))
  const chosen = held.find((p) => p.scope !== 'always') ?? held[0]
  return chosen ? chosen.value.trim() : null
}

/** Both languages' forms of address for a guest row and their preferences: what prompt templates put in `{guest}`. */
export function formsOfAddress(
  guest: { native_name: string; roman_name: string | null; salutation: string | null; nationality: string | null },
  preferences: readonly PreferenceFact[],
  stayId: number | null,
): { en: string; zh: string } {
  const addressed: AddressedGuest = {
    nativeName: guest.native_name,
    romanName: guest.roman_name,
    salutation: guest.salutation,
    nationality: guest.nationality,
    addressAs: addressAsPreference(preferences, stayId),
  }
  return { en: formOfAddress(addressed, 'en'), zh: formOfAddress(addressed, 'zh') }
}
