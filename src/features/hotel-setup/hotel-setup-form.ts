/**
 * The Hotel & departments page's rules, pure (test/unit/hotel-setup-form.test.ts). Core checks
 * everything again; these say what to fix beside the field before anything is sent.
 */

/** The largest logo core keeps (electron/core/setup/hotel-profile.ts#maxLogoBytes). */
export const maxLogoBytes = 256 * 1024
/** A week, the longest promise a department may make (core: department.service.ts). */
export const longestPromiseMinutes = 7 * 24 * 60
const nameMax = 80
const departmentNameMax = 60
const codeShape = /^[a-z_]{2,40}$/

/** An i18n key under hotelSetup.problems, with its values. */
export interface Problem {
  key: string
  values?: Record<string, string | number>
}
export type Problems = Record<string, Problem>

/** Letters or digits somewhere, and nothing longer than the limit. */
const hasLetters = (v: string) => /[\p{L}\p{N}]/u.test(v)

export interface HotelNameForm {
  en: string
  zh: string
}

/** Both names are needed: the sign-in screen and printed cards show the one of the reader's language. */
export function hotelNameProblems(form: HotelNameForm): Problems {
  const out: Problems = {}
  for (const lang of ['en', 'zh'] as const) {
    const v = form[lang].trim()
    if (!v) out[lang] = { key: lang === 'en' ? 'nameEnMissing' : 'nameZhMissing' }
    else if (!hasLetters(v)) out[lang] = { key: 'nameLetters' }
    else if (v.length > nameMax) out[lang] = { key: 'nameLong', values: { max: nameMax } }
  }
  return out
}

/** What a file's first bytes say it is. PNG and JPEG are the only logos core keeps. */
export function sniffLogo(head: Uint8Array): 'image/png' | 'image/jpeg' | 'other' {
  const starts = (...sig: number[]) => sig.every((b, i) => head[i] === b)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  return 'other'
}

/**
 * Why a chosen file cannot be the logo (by its size and bytes, never its name), or null. The size
 * is checked first, before anything is read or sent: a 10 MB photo is told "at most 256 KB" here,
 * not refused by the hub as a too-large request.
 */
export function logoProblem(file: { size: number; head: Uint8Array }): Problem | null {
  if (file.size === 0) return { key: 'logoEmpty' }
  if (file.size > maxLogoBytes) return { key: 'logoLarge', values: { kilobytes: Math.ceil(file.size / 1024), max: maxLogoBytes / 1024 } }
  if (sniffLogo(file.head) === 'other') return { key: 'logoKind' }
  return null
}

/**
 * Core's refusal of a logo (LOGO_FILE `details`) in the page's words where the page has some: a
 * header that does not read ('unreadable') or a size in pixels out of range ('dimensions'); null
 * for the rest (the error's own sentence says it).
 */
export function logoRefusal(details: Record<string, unknown> | undefined): Problem | null {
  if (details?.detected === 'unreadable') return { key: 'logoDamaged' }
  if (details?.detected === 'dimensions') {
    const n = (v: unknown) => (typeof v === 'number' ? v : 0)
    return { key: 'logoPixels', values: { width: n(details.width), height: n(details.height), min: n(details.minPixels), max: n(details.maxPixels) } }
  }
  return null
}

export interface DepartmentForm {
  code: string
  en: string
  zh: string
  promiseMinutes: number | ''
  parentCode: string | null
}

/** A new department's or a renamed one's problems, by the store's paths ('code', 'name.en', 'name.zh', 'promiseMinutes'). */
export function departmentProblems(form: DepartmentForm, options: { existingCodes?: readonly string[]; checkCode?: boolean } = {}): Problems {
  const out: Problems = {}
  if (options.checkCode !== false) {
    const code = form.code.trim()
    if (!codeShape.test(code)) out.code = { key: 'codeShape' }
    else if (options.existingCodes?.includes(code)) out.code = { key: 'codeTaken', values: { code } }
  }
  for (const lang of ['en', 'zh'] as const) {
    const v = form[lang].trim()
    if (!v || !hasLetters(v)) out[`name.${lang}`] = { key: 'departmentName' }
    else if (v.length > departmentNameMax) out[`name.${lang}`] = { key: 'nameLong', values: { max: departmentNameMax } }
  }
  const m = form.promiseMinutes
  if (m === '' || !Number.isInteger(m) || m < 1 || m > longestPromiseMinutes) out.promiseMinutes = { key: 'minutes', values: { max: longestPromiseMinutes } }
  return out
}

/**
 * A code people can read from the English name ("Kids' Club" → kids_club), for the add form to
 * offer; letters a–z and _ only, as core requires. Empty when the name has no Latin letters.
 */
export function suggestCode(english: string): string {
  return english
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40)
}

/** The store's refusal (`details.issues`) beside the field it names; our own checks word it where they see it. */
export function problemsFromIssues(issues: readonly { path: string; message: string }[], ours: Problems): Problems {
  const out: Problems = {}
  for (const issue of issues) {
    out[issue.path] = ours[issue.path] ?? { key: 'refused', values: { message: issue.message } }
  }
  return out
}

export type ChecklistStep = 'rooms' | 'departments' | 'rules' | 'staff'

/** The "Set up your hotel" checklist: what a new hotel still needs, in the order to do it. */
export function setupChecklist(counts: { rooms: number; departments: number; rules: number; staff: number }): { step: ChecklistStep; count: number; done: boolean }[] {
  return [
    { step: 'rooms', count: counts.rooms, done: counts.rooms > 0 },
    { step: 'departments', count: counts.departments, done: counts.departments > 0 },
    { step: 'rules', count: counts.rules, done: counts.rules > 0 },
    // The administrator alone cannot run a hotel: someone at the desk and in the departments.
    { step: 'staff', count: counts.staff, done: counts.staff > 1 },
  ]
}
