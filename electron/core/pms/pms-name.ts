// A guest's name as a PMS prints it ("ZHANG/WEI MR", "Kowalska, Anna Ms", "张伟先生") turned into
// what guest profiles keep: the native name, the romanized name as "SURNAME Given" (how Zhike
// stores it: "HO Ka Chun", "SCHMIDT Katrin") and the salutation.

export type Salutation = 'mr' | 'ms' | 'mrs' | 'dr' | 'prof'

/** A name ready for guest.create: `nativeName` is never empty when the input held a letter. */
export interface PmsName {
  nativeName: string
  romanName: string | null
  salutation: Salutation | null
}

const latinTitles: Record<string, Salutation> = {
  MR: 'mr', MISTER: 'mr', MSTR: 'mr', SIR: 'mr', MS: 'ms', MISS: 'ms', MLLE: 'ms', MRS: 'mrs', MME: 'mrs', MADAM: 'mrs',
  DR: 'dr', DOCTOR: 'dr', PROF: 'prof', PROFESSOR: 'prof',
}
const hanTitles: [string, Salutation][] = [['先生', 'mr'], ['女士', 'ms'], ['小姐', 'ms'], ['太太', 'mrs'], ['夫人', 'mrs'], ['博士', 'dr'], ['教授', 'prof']]

// Han, kana and hangul: such a name is the guest's own script, never a romanization.
const nativeScript = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff\u{20000}-\u{3134f}]/u

const titleCase = (word: string) =>
  word.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase())

/** A word-run as written, unless it is all capitals ("ANNA MARIA" → "Anna Maria"). */
const asWritten = (text: string) => (text === text.toUpperCase() && /\p{Lu}/u.test(text) ? titleCase(text) : text)

function takeLatinTitle(words: string[]): { words: string[]; salutation: Salutation | null } {
  let salutation: Salutation | null = null
  const rest = words.filter((word, i) => {
    const title = latinTitles[word.replace(/\.$/, '').toUpperCase()]
    // A title is the first or last word; "MR" in the middle of "ZHANG MR WEI" is kept as a word too.
    if (title && !salutation && (i === 0 || i === words.length - 1) && words.length > 1) {
      salutation = title
      return false
    }
    return true
  })
  return { words: rest, salutation }
}

/** Splits a native-script name from its title: "张伟先生" → 张伟 + mr. */
function splitNative(text: string): { name: string; salutation: Salutation | null } {
  let name = text.replace(/\s+/g, ' ').trim()
  for (const [title, salutation] of hanTitles) {
    if (name.endsWith(title) && name.length > title.length) return { name: name.slice(0, -title.length).trim(), salutation }
  }
  const latin = takeLatinTitle(name.split(' '))
  if (latin.salutation) name = latin.words.join(' ')
  return { name, salutation: latin.salutation }
}

/**
 * Reads a PMS guest name. `printed` is the report's name column; `native` an optional second
 * column (a Chinese name).
 *
 * - Han, kana or hangul script → nativeName, as written; a title after it (先生, 女士, 小姐 ms, 夫人/
 *   太太 mrs, 博士 dr, 教授 prof) becomes the salutation.
 * - "SURNAME/GIVEN TITLE" (OPERA) and "Surname, Given" → romanName "SURNAME Given"; it is also the
 *   nativeName when there is no native-script name, since the surname stays recognisable that way.
 * - A Latin name without "/" or "," (order unknown) → nativeName as written (title-cased if all
 *   capitals), romanName null.
 * - Titles MR/MRS/MS/MISS/DR/PROF (with or without a dot, first or last word) → salutation.
 * Never throws; an input with no letters comes back as it was (trimmed) in nativeName.
 */
export function splitPmsName(printed: string, native?: string | null): PmsName {
  const text = printed.replace(/\s+/g, ' ').trim()
  const second = native?.trim() ? splitNative(native) : null
  if (nativeScript.test(text)) {
    const own = splitNative(text)
    return { nativeName: own.name, romanName: null, salutation: own.salutation ?? second?.salutation ?? null }
  }
  let romanName: string | null = null
  let nativeName: string
  let salutation: Salutation | null
  const split = /^([^/,]+?)\s*[/,]\s*(.+)$/.exec(text)
  if (split) {
    const given = takeLatinTitle(split[2].replace(/[/,]/g, ' ').split(/\s+/).filter(Boolean))
    const surname = takeLatinTitle(split[1].split(/\s+/))
    salutation = given.salutation ?? surname.salutation
    const givenText = asWritten(given.words.join(' '))
    romanName = [surname.words.join(' ').toUpperCase(), givenText].filter(Boolean).join(' ')
    nativeName = romanName
  } else {
    const plain = takeLatinTitle(text.split(' '))
    salutation = plain.salutation
    nativeName = asWritten(plain.words.join(' '))
  }
  if (second?.name) {
    return { nativeName: second.name, romanName: romanName ?? (nativeName !== second.name ? nativeName : null), salutation: salutation ?? second.salutation }
  }
  return { nativeName: nativeName || text, romanName, salutation }
}
