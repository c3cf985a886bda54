/** What the sign-in screen knows about a colleague (`staff.directory`): no codes, no roles. */
export interface DirectoryEntry {
  id: number
  name: string
  romanName: string | null
  departmentName: { en: string; zh: string }
}

/** What `session.signIn` is told besides the PIN: a picked name (staffId) or a typed code. */
export type SignInIdentity = { staffId: number } | { code: string }

/** The same shape core's `staffCode` accepts (electron/core/staff/staff.operations.ts). */
const codeShape = /^[a-z0-9_-]{2,20}$/

const inLanguage = (text: { en: string; zh: string }, language: string) => (language.startsWith('zh') ? text.zh : text.en)

/** "林雅琴 (LAM Nga Kam) · Front Office": name, roman name if it differs, department. */
export function staffLabel(entry: DirectoryEntry, language: string): string {
  const roman = entry.romanName && entry.romanName !== entry.name ? ` (${entry.romanName})` : ''
  return `${entry.name}${roman} · ${inLanguage(entry.departmentName, language)}`
}

/**
 * One option per colleague, labelled in `language`. A picked option puts its label in the field,
 * so labels must be unique: namesakes in one department are numbered (2), (3)… in directory order.
 */
export function staffOptions(directory: readonly DirectoryEntry[], language: string): { id: number; label: string }[] {
  const seen = new Map<string, number>()
  return directory.map((entry) => {
    const base = staffLabel(entry, language)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return { id: entry.id, label: n === 1 ? base : `${base} (${n})` }
  })
}

/**
 * What the field holds, as sign-in needs it: a picked option (its label, in either language, since
 * the language can change after picking) is that colleague's id; anything else is a staff code,
 * trimmed and lower-cased. Null when it is neither (empty, or a half-typed name).
 */
export function signInIdentity(typed: string, directory: readonly DirectoryEntry[], language: string): SignInIdentity | null {
  const text = typed.trim()
  if (!text) return null
  const other = language.startsWith('zh') ? 'en' : 'zh'
  for (const lang of [language, other]) {
    const picked = staffOptions(directory, lang).find((o) => o.label === text)
    if (picked) return { staffId: picked.id }
  }
  const code = text.toLowerCase()
  return codeShape.test(code) ? { code } : null
}

/** How long a locked-out sign-in waits, in the unit a person reads: seconds under a minute, else minutes. */
export function waitFor(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const s = Math.max(1, Math.ceil(seconds))
  return s < 60 ? { unit: 'seconds', count: s } : { unit: 'minutes', count: Math.ceil(s / 60) }
}
