import type { GuestListRow } from './guest-list.repository'
import { prefRecord, prefUnit, stayFactsOf } from './guest-list.repository'
import type { GuestListColumn, GuestListField } from './guest-list.schemas'

type Lang = 'en' | 'zh-CN'

const headers: Record<GuestListField, { en: string; zh: string }> = {
  nativeName: { en: 'Name', zh: '姓名' },
  romanName: { en: 'Romanized name', zh: '拼音/英文名' },
  salutation: { en: 'Salutation', zh: '称谓' },
  phone: { en: 'Phone', zh: '电话' },
  email: { en: 'Email', zh: '电子邮件' },
  nationality: { en: 'Nationality or region', zh: '国籍/地区' },
  languages: { en: 'Languages', zh: '语言' },
  vip: { en: 'VIP level', zh: 'VIP 等级' },
  lastStay: { en: 'Last stay', zh: '最近入住' },
  stays: { en: 'Stays', zh: '入住次数' },
  company: { en: 'Company', zh: '公司' },
  homeCity: { en: 'Home city', zh: '常住城市' },
  marketingConsent: { en: 'Marketing consent', zh: '营销联系同意' },
}

const salutations: Record<string, { en: string; zh: string }> = {
  mr: { en: 'Mr', zh: '先生' },
  ms: { en: 'Ms', zh: '女士' },
  mrs: { en: 'Mrs', zh: '夫人' },
  dr: { en: 'Dr', zh: '博士' },
  prof: { en: 'Prof', zh: '教授' },
}
const strengthWords: Record<string, { en: string; zh: string }> = {
  required: { en: 'required', zh: '必须' },
  preferred: { en: 'preferred', zh: '偏好' },
  avoid: { en: 'avoid', zh: '避免' },
  never: { en: 'never', zh: '禁忌' },
}
const consentWords = { given: { en: 'given', zh: '已同意' }, withdrawn: { en: 'withdrawn', zh: '已撤回' }, notAsked: { en: 'not asked', zh: '未询问' } }

const pick = (lang: Lang, words: { en: string; zh: string }) => (lang === 'zh-CN' ? words.zh : words.en)

/**
 * Turns a list's rows into cells (strings and numbers, never formulas), with headers and
 * vocabulary labels in the list's language. Pure: the writers and the preview share it.
 */
export class GuestListFormat {
  readonly header: string[]

  constructor(
    readonly columns: readonly GuestListColumn[],
    readonly lang: Lang,
    /** Vocabulary labels keyed `category|code|value`. */
    private readonly labels: Map<string, { en: string; zh: string }>,
  ) {
    this.header = columns.map((c) => {
      if (!c.startsWith('preferences:')) return pick(lang, headers[c as GuestListField])
      const category = c.slice('preferences:'.length)
      const label = labels.get(`${category}||`)
      return label ? pick(lang, label) : category
    })
  }

  private label(key: string, fallback: string): string {
    const l = this.labels.get(key)
    return l ? pick(this.lang, l) : fallback
  }

  /** "Hobby: Calligraphy (preferred); Tea: Oolong (required)": one category's preferences in words. */
  private preferences(category: string, packed: string | null): string {
    if (!packed) return ''
    return packed
      .split(prefRecord)
      .map((record) => {
        const [code = '', value = '', strength = ''] = record.split(prefUnit)
        const codeLabel = this.label(`${category}|${code}|`, code)
        const valueLabel = this.label(`${category}|${code}|${value}`, value)
        const s = strengthWords[strength]
        return `${codeLabel}: ${valueLabel}${s ? ` (${pick(this.lang, s)})` : ''}`
      })
      .sort()
      .join('; ')
  }

  /** One row's cells, in column order: text, or a number for VIP level and stays. */
  cells(row: GuestListRow): (string | number)[] {
    return this.columns.map((c, i) => {
      switch (c) {
        case 'nativeName':
          return row.native_name
        case 'romanName':
          return row.roman_name ?? ''
        case 'salutation':
          return row.salutation ? pick(this.lang, salutations[row.salutation] ?? { en: row.salutation, zh: row.salutation }) : ''
        case 'phone':
          return row.phone ?? ''
        case 'email':
          return row.email ?? ''
        case 'nationality':
          return row.nationality ?? ''
        case 'languages':
          return row.languages.split(',').filter(Boolean).join(', ')
        case 'vip':
          return row.vip
        case 'lastStay':
          return stayFactsOf(row).lastStay ?? ''
        case 'stays':
          return stayFactsOf(row).stays
        case 'company':
          return row.company ?? ''
        case 'homeCity':
          return row.home_city ?? ''
        case 'marketingConsent':
          return pick(this.lang, row.consent_marketing === 1 ? consentWords.given : row.consent_marketing === 0 ? consentWords.withdrawn : consentWords.notAsked)
        default:
          return this.preferences(c.slice('preferences:'.length), row[`pref_${i}`] ?? null)
      }
    })
  }
}

/**
 * One CSV cell per RFC 4180, safe to open in a spreadsheet: text that starts with = + - or @
 * (or a tab or carriage return) gets a leading apostrophe so it is never run as a formula, and a
 * cell holding a comma, quote or line break is quoted with its quotes doubled.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value)
  let text = value
  if (text.length > 0 && formulaStart.has(text.charCodeAt(0))) text = `'${text}`
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** = + - @ tab CR: a first character that makes a spreadsheet read the cell as a formula (OWASP, CSV injection). */
const formulaStart = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d])
const needsQuotes = /[",\r\n]/

/** One CSV record, CRLF-terminated. */
export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}
