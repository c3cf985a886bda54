/**
 * The order lists of guests are read in, the same whichever language the screen speaks:
 * a Han name by its pinyin, read with the surname's own reading (曾 Zeng under Z, 单 Shan under S,
 * where ICU's pinyin collation files them under C and D), a name in Latin letters as it is written,
 * both in one alphabet (安娜 "an na" before Anna, 张 before Zoe).
 * @module
 */
import { namePinyin } from './guest-keys'

/** The names a guest is listed under. */
export interface ListedName {
  nativeName: string
  romanName: string | null
  /** ISO 3166-1 alpha-2, when known: a Japanese or Korean name in kanji or hanja is not read in pinyin. */
  nationality?: string | null
}

/** Countries whose names may be written in Han characters but are not read in Chinese. */
const readElsewhere = new Set(['JP', 'KR', 'KP'])

/** What a name is ordered by; build it once per guest, since reading pinyin is the costly part. */
export interface NameSortKey {
  /** Pinyin syllables ("zeng zhi wei") or the Latin name as written. */
  reading: string
  /** The name as written, for guests whose readings are the same (汤 and 唐 are both "tang"). */
  written: string
}

const kana = /[\u3040-\u30ff]/

/** Chooses what a guest's name is read as: pinyin of a Han name, else the name in Latin letters. */
export function nameSortKey(name: ListedName): NameSortKey {
  const native = name.nativeName.trim()
  const roman = name.romanName?.trim()
  // Japanese names (kana, or a Japanese or Korean guest's kanji or hanja) are not read in
  // pinyin: they are listed by their romanized form.
  const notChinese = kana.test(native) || readElsewhere.has(name.nationality ?? '')
  const syllables = notChinese && roman ? [] : namePinyin(native)
  if (syllables.length) return { reading: syllables.join(' '), written: native }
  // Other names are listed the way the lists show them: by the romanized form ("BIANCHI Marco",
  // surname first) when there is one, else as written.
  return { reading: roman || native, written: native }
}

// Built once: a collator built per comparison costs more than the comparison.
const readingOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true })
const writtenOrder = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true })

/** Compares two keys: by reading (letters before case and accents), then by the name as written. */
export function compareNameKeys(a: NameSortKey, b: NameSortKey): number {
  return readingOrder.compare(a.reading, b.reading) || writtenOrder.compare(a.written, b.written) || (a.written < b.written ? -1 : a.written > b.written ? 1 : 0)
}

/** Compares two guests by name. Reads pinyin on every call: to sort a list, use `sortByName`. */
export function compareNames(a: ListedName, b: ListedName): number {
  return compareNameKeys(nameSortKey(a), nameSortKey(b))
}

/**
 * A new array of `items` in name order, each name read once. `ahead` orders first (status,
 * VIP…); the name decides only between items it calls equal. Stable: equal names keep their order.
 */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => ListedName, ahead?: (a: T, b: T) => number): T[] {
  return items
    .map((item) => ({ item, key: nameSortKey(nameOf(item)) }))
    .sort((a, b) => (ahead ? ahead(a.item, b.item) : 0) || compareNameKeys(a.key, b.key))
    .map(({ item }) => item)
}
