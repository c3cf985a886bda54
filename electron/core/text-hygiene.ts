/**
 * Text that may not enter the store: NUL and the other C0 control characters (tab, line feed and
 * carriage return excepted), DEL, and lone UTF-16 surrogates (not Unicode text at all; SQLite and
 * JSON would store them as garbage). Checked on every operation's input before its schema.
 */
// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

export interface TextProblem {
  /** Dotted path to the offending string, e.g. `guest.nativeName` or `names.2`. */
  path: string
  reason: 'control' | 'surrogate' | 'too-large'
}

/**
 * The first string (or object key) in `input` that holds a forbidden character, or null.
 * Walks at most `maxNodes` values; input with more is refused whole ('too-large', with the path
 * of the list or object it was walking then), so padding a body with an unknown field cannot hide
 * a bad string from the check.
 */
export function findBadText(input: unknown, maxNodes = 100_000): TextProblem | null {
  const stack: { value: unknown; path: string }[] = [{ value: input, path: '' }]
  let seen = 0
  while (stack.length > 0 && seen++ < maxNodes) {
    const { value, path } = stack.pop()!
    if (typeof value === 'string') {
      const problem = textProblem(value)
      if (problem) return { path, reason: problem }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: join(path, String(i)) }))
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const keyProblem = textProblem(k)
        if (keyProblem) return { path: join(path, '(key)'), reason: keyProblem }
        stack.push({ value: v, path: join(path, k) })
      }
    }
  }
  if (stack.length === 0) return null
  // The list or object being walked when the budget ran out: where the values are to remove.
  const next = stack[stack.length - 1]!.path
  return { path: next.includes('.') ? next.slice(0, next.lastIndexOf('.')) : '', reason: 'too-large' }
}

function textProblem(text: string): TextProblem['reason'] | null {
  if (forbidden.test(text)) return 'control'
  if (!text.isWellFormed()) return 'surrogate'
  return null
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b)

/** Characters of Chinese and Japanese text, where full-width punctuation is the normal form. */
const cjkText = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u
/** Full-width and half-width forms (ＡＢＣ１２３, ＋, ｶﾀｶﾅ) and the ideographic space. */
const widthForms = /[\u3000\uff01-\uffef]+/gu
/** Full-width punctuation, kept as typed inside Chinese text (，：（）！？). */
const cjkPunctuation = /[\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u

/**
 * Text as the store keeps it: full-width and half-width forms folded (NFKC), so digits, letters
 * and spaces typed on a Chinese keyboard ("１３９ ８８８８", "ＺＨＡＮＧ", "１２Ａ") are plain ones;
 * the rest is only composed (NFC), so what a person wrote (① ② in a list, 30 m², H₂O, ℃, …)
 * stays as written. In text that holds Chinese or Japanese, full-width punctuation stays as typed:
 * it is correct there. (Unicode Standard Annex #15, Normalization Forms C and KC.)
 */
export function foldTextInput(text: string): string {
  const keepPunctuation = cjkText.test(text)
  return text
    .normalize('NFC')
    .replace(widthForms, (run) => Array.from(run, (c) => (keepPunctuation && cjkPunctuation.test(c) ? c : c.normalize('NFKC'))).join(''))
}

/**
 * Every string value in an operation's input, folded by foldTextInput (object keys are left as
 * they are). Returns the same shape; non-text values are untouched. Runs after findBadText.
 */
export function foldInputText<T>(input: T): T {
  // Iterative, not recursive: a body nested 100,000 deep must not overflow the stack.
  const root: { value: unknown } = { value: input }
  const stack: { holder: Record<string | number, unknown>; key: string | number }[] = [{ holder: root, key: 'value' }]
  while (stack.length > 0) {
    const { holder, key } = stack.pop()!
    const value = holder[key]
    let copy: unknown = value
    if (typeof value === 'string') copy = foldTextInput(value)
    else if (Array.isArray(value)) {
      const items = value.slice()
      items.forEach((_, i) => stack.push({ holder: items as unknown as Record<number, unknown>, key: i }))
      copy = items
    } else if (value !== null && typeof value === 'object') {
      // fromEntries and defineProperty make own properties, so a "__proto__" key stays a plain key.
      const fields = Object.fromEntries(Object.entries(value))
      for (const k of Object.keys(fields)) stack.push({ holder: fields, key: k })
      copy = fields
    }
    if (copy !== value) Object.defineProperty(holder, key, { value: copy, writable: true, enumerable: true, configurable: true })
  }
  return root.value as T
}

/**
 * Invisible characters a name may not hold: formatting characters (direction overrides and
 * isolates, zero-width spaces, word joiners, BOM, tag letters, interlinear annotation) and every
 * default-ignorable code point (Hangul fillers, soft hyphen), except the zero-width joiner and
 * non-joiner (Persian and Indic names need them) and variation selectors (Japanese names use
 * ideographic variation sequences).
 */
const invisibleInName = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u
const allowedInvisible = /[\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u

/**
 * True when a name can be read: it holds a visible letter or digit, and no invisible or
 * direction-control character ("\u200b", "\u202e鬼" and a Hangul filler alone are refused, as a
 * name of spaces is).
 */
export function isVisibleName(text: string): boolean {
  for (const c of text) if (invisibleInName.test(c) && !allowedInvisible.test(c)) return false
  return /[\p{L}\p{N}]/u.test(text)
}
