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
 * Walks at most `maxNodes` values; input with more is refused whole ('too-large'), so padding a
 * body with an unknown field cannot hide a bad string from the check.
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
  return stack.length > 0 ? { path: '', reason: 'too-large' } : null
}

function textProblem(text: string): TextProblem['reason'] | null {
  if (forbidden.test(text)) return 'control'
  if (!text.isWellFormed()) return 'surrogate'
  return null
}

const join = (a: string, b: string) => (a ? `${a}.${b}` : b)
