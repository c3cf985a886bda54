import type { InputOf } from '../../../electron/core/api'

/** The filter form's state: strings, as the fields hold them. */
export interface ListForm {
  category: string
  /** '' any; otherwise 'code|value' (value '' for any value of that code). */
  preference: string
  strength: '' | 'required' | 'preferred' | 'avoid' | 'never'
  vip: '' | '0' | '1' | '2' | '3' | 'vip'
  nationalities: string
  lastStayFrom: string
  lastStayTo: string
  consent: 'any' | 'given' | 'withdrawn' | 'not_asked'
  contactList: boolean
  columns: string[]
  lang: 'en' | 'zh-CN'
}

export const fieldColumns = ['nativeName', 'romanName', 'salutation', 'phone', 'email', 'nationality', 'languages', 'vip', 'lastStay', 'stays', 'company', 'homeCity', 'marketingConsent'] as const

/** The interest list of the source story: calligraphy lovers who agreed to be contacted. */
export function initialForm(lang: 'en' | 'zh-CN'): ListForm {
  return {
    category: 'interest',
    preference: '',
    strength: '',
    vip: '',
    nationalities: '',
    lastStayFrom: '',
    lastStayTo: '',
    consent: 'any',
    contactList: false,
    columns: ['nativeName', 'romanName', 'phone', 'email', 'lastStay', 'preferences:interest'],
    lang,
  }
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v)

/** Which form fields hold something the list cannot use yet (a half-typed date, a bad country code). */
export function formProblems(form: ListForm): ('lastStayFrom' | 'lastStayTo' | 'nationalities' | 'columns')[] {
  const problems: ('lastStayFrom' | 'lastStayTo' | 'nationalities' | 'columns')[] = []
  if (form.lastStayFrom && !isDate(form.lastStayFrom)) problems.push('lastStayFrom')
  if (form.lastStayTo && !isDate(form.lastStayTo)) problems.push('lastStayTo')
  if (nationalityCodes(form.nationalities).some((c) => !/^[A-Z]{2}$/.test(c))) problems.push('nationalities')
  if (form.columns.length === 0) problems.push('columns')
  return problems
}

function nationalityCodes(text: string): string[] {
  return text
    .split(/[\s,，、;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean)
}

type PreviewInput = InputOf<'guestList.preview'>

/** The operation's {filter, columns, lang} from the form (call only when formProblems is empty). */
export function listRequest(form: ListForm): Omit<PreviewInput, 'limit'> {
  const [code = '', value = ''] = form.preference.split('|')
  const preferences = form.category
    ? [
        {
          category: form.category,
          ...(code ? { code } : {}),
          ...(value ? { value } : {}),
          ...(form.strength ? { strengths: [form.strength] } : {}),
        },
      ]
    : []
  const nationalities = nationalityCodes(form.nationalities)
  return {
    filter: {
      preferences,
      ...(form.vip === 'vip' ? { vip: [1, 2, 3] } : form.vip ? { vip: [Number(form.vip)] } : {}),
      ...(nationalities.length ? { nationalities } : {}),
      ...(form.lastStayFrom ? { lastStayFrom: form.lastStayFrom } : {}),
      ...(form.lastStayTo ? { lastStayTo: form.lastStayTo } : {}),
      consent: form.consent,
      contactList: form.contactList,
    },
    columns: form.columns,
    lang: form.lang,
  }
}

/** Percent done of a job, 0–100 (0 while the total is not known). */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0
  return Math.min(100, Math.round((100 * done) / total))
}

/** "12.3 KB" / "1.2 MB". */
export function formatBytes(bytes: number, language: string): string {
  const n = new Intl.NumberFormat(language, { maximumFractionDigits: 1 })
  if (bytes < 1024) return `${n.format(bytes)} B`
  if (bytes < 1024 * 1024) return `${n.format(bytes / 1024)} KB`
  return `${n.format(bytes / 1024 / 1024)} MB`
}
