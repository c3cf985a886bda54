import { placeholdersOf, type RuleConditions, type RuleInput, type RuleKind, type RulePolarity, type RulePriority, type RuleStrength, type RuleTrigger, type RuleView } from './rule-types'

/*
 * The rule form's rules, pure (unit-tested in test/unit/rule-form.test.ts): which fields a
 * trigger uses, the defaults, the checks made before asking the store, and how the store's
 * refusals land beside their fields.
 */

/** The form as the screen edits it: '' is an empty number or time box, null an empty picker. */
export interface RuleForm {
  kind: RuleKind
  trigger: RuleTrigger
  offsetDays: number | ''
  atTime: string
  category: string | null
  code: string | null
  value: string | null
  polarity: RulePolarity
  strengths: RuleStrength[]
  /** Items of the category a category-wide rule leaves out ('allergy', 'dislike'). */
  exceptCodes: string[]
  vipMin: number | ''
  languages: string[]
  nationalities: string[]
  visit: '' | 'first' | 'returning'
  occasion: '' | 'birthday' | 'anniversary'
  /** Only guests who had a problem (a recovery case) during this stay. */
  recoveryCase: boolean
  minNights: number | ''
  maxNights: number | ''
  department: string | null
  priority: RulePriority
  ackMinutes: number | ''
  dueMinutes: number | ''
  templateEn: string
  templateZh: string
}

/** A field's need: not shown, shown and may stay empty, shown and must be filled. */
export type Need = 'hidden' | 'optional' | 'required'

export const defaultTime = '10:00'

/**
 * When a trigger fires decides the timing fields: pre-arrival may be N days before at a time
 * (without days: when the room is assigned); post-stay is always N days after, at a time;
 * daily is at a time on each day of the stay; the others fire at the event itself.
 */
export function timingOf(trigger: RuleTrigger, offsetDays: number | ''): { offsetDays: Need; atTime: Need } {
  if (trigger === 'pre_arrival') return { offsetDays: 'optional', atTime: offsetDays === '' ? 'hidden' : 'required' }
  if (trigger === 'post_stay') return { offsetDays: 'required', atTime: 'required' }
  if (trigger === 'daily') return { offsetDays: 'hidden', atTime: 'required' }
  return { offsetDays: 'hidden', atTime: 'hidden' }
}

/** A standing instruction is acknowledged once and never falls due: it has no minutes to complete. */
export const usesDueMinutes = (kind: RuleKind) => kind === 'task'

export function emptyRuleForm(): RuleForm {
  return {
    kind: 'task',
    trigger: 'check_in',
    offsetDays: '',
    atTime: '',
    category: null,
    code: null,
    value: null,
    polarity: 'wanted',
    strengths: [],
    exceptCodes: [],
    vipMin: '',
    languages: [],
    nationalities: [],
    visit: '',
    occasion: '',
    recoveryCase: false,
    minNights: '',
    maxNights: '',
    department: null,
    priority: 'normal',
    ackMinutes: '',
    dueMinutes: 60,
    templateEn: '',
    templateZh: '',
  }
}

/** Choosing a trigger fills the timing it needs with sensible defaults and clears what it does not use. */
export function withTrigger(form: RuleForm, trigger: RuleTrigger): RuleForm {
  const offsetDays = trigger === 'post_stay' ? (form.offsetDays === '' ? 1 : form.offsetDays) : trigger === 'pre_arrival' ? form.offsetDays : ''
  const timing = timingOf(trigger, offsetDays)
  const atTime = timing.atTime === 'hidden' ? '' : form.atTime || defaultTime
  return { ...form, trigger, offsetDays, atTime }
}

/** Days before arrival set or cleared: the time comes and goes with them. */
export function withOffsetDays(form: RuleForm, offsetDays: number | ''): RuleForm {
  const timing = timingOf(form.trigger, offsetDays)
  return { ...form, offsetDays, atTime: timing.atTime === 'hidden' ? '' : form.atTime || defaultTime }
}

/** A narrower vocabulary choice depends on the wider one: a new category clears code and value. */
export function withCategory(form: RuleForm, category: string | null): RuleForm {
  return { ...form, category, code: null, value: null, exceptCodes: [] }
}
export function withCode(form: RuleForm, code: string | null): RuleForm {
  return { ...form, code, value: null }
}

export function formFromRule(rule: RuleView): RuleForm {
  const c = rule.conditions ?? {}
  return {
    kind: rule.kind,
    trigger: rule.trigger,
    offsetDays: rule.offsetDays ?? '',
    atTime: rule.atTime ?? '',
    category: rule.category,
    code: rule.code,
    value: rule.value,
    polarity: rule.polarity,
    strengths: c.strengths ?? [],
    exceptCodes: c.exceptCodes ?? [],
    vipMin: c.vipMin ?? '',
    languages: c.languages ?? [],
    nationalities: c.nationalities ?? [],
    visit: c.visit ?? '',
    occasion: c.occasion ?? '',
    recoveryCase: c.recoveryCase === true,
    minNights: c.minNights ?? '',
    maxNights: c.maxNights ?? '',
    department: rule.department,
    priority: rule.priority,
    ackMinutes: rule.ackMinutes ?? '',
    dueMinutes: rule.dueMinutes,
    templateEn: rule.template.en,
    templateZh: rule.template.zh,
  }
}

const orNull = <T>(v: T | '') => (v === '' ? null : v)

/** What the store is sent: fields the trigger or kind does not use are left out, empty conditions dropped. */
export function ruleInputOf(form: RuleForm, key?: string): RuleInput {
  const timing = timingOf(form.trigger, form.offsetDays)
  const conditions: RuleConditions = {}
  if (form.category && form.strengths.length > 0) conditions.strengths = [...form.strengths]
  if (form.category && form.exceptCodes.length > 0) conditions.exceptCodes = [...form.exceptCodes]
  if (form.vipMin !== '') conditions.vipMin = form.vipMin
  if (form.languages.length > 0) conditions.languages = [...form.languages]
  if (form.nationalities.length > 0) conditions.nationalities = form.nationalities.map((n) => n.trim().toUpperCase())
  if (form.visit) conditions.visit = form.visit
  if (form.occasion) conditions.occasion = form.occasion
  if (form.recoveryCase) conditions.recoveryCase = true
  if (form.minNights !== '') conditions.minNights = form.minNights
  if (form.maxNights !== '') conditions.maxNights = form.maxNights
  return {
    ...(key ? { key } : {}),
    kind: form.kind,
    trigger: form.trigger,
    offsetDays: timing.offsetDays === 'hidden' ? null : orNull(form.offsetDays),
    atTime: timing.atTime === 'hidden' ? null : form.atTime || null,
    category: form.category,
    code: form.category ? form.code : null,
    value: form.category && form.code ? form.value : null,
    polarity: form.polarity,
    conditions,
    department: form.department ?? '',
    priority: form.priority,
    ackMinutes: orNull(form.ackMinutes),
    // A standing instruction never falls due; the store still keeps a number.
    dueMinutes: form.dueMinutes === '' ? 0 : form.dueMinutes,
    template: { en: form.templateEn.trim(), zh: form.templateZh.trim() },
  }
}

/** A translated message: an i18n key and its values. */
export interface FieldProblem {
  key: string
  values?: Record<string, string | number>
}
/** Problems by the store's field path ('template.en', 'atTime', 'conditions.vipMin', …). */
export type FieldProblems = Record<string, FieldProblem>

/** The names in braces a template uses that are not placeholders (of this trigger: {note} is a recovery rule's only), each once: "{rooom}" → ['rooom']. */
export function unknownPlaceholders(template: string, trigger: RuleTrigger = 'check_in'): string[] {
  const names = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!.trim())
  const known = placeholdersOf(trigger)
  return [...new Set(names.filter((n) => !known.includes(n)))]
}

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/
const maxMinutes = 7 * 24 * 60

function checkTemplate(text: string, trigger: RuleTrigger): FieldProblem | null {
  if (text.trim().length < 3) return { key: 'rules.check.templateRequired' }
  const unknown = unknownPlaceholders(text, trigger)
  if (unknown.length > 0) return { key: 'rules.check.unknownPlaceholder', values: { names: unknown.map((n) => `{${n}}`).join(' ') } }
  if (/[{}]/.test(text.replace(/\{[^{}]*\}/g, ''))) return { key: 'rules.check.braces' }
  return null
}

/** The checks made before the store is asked: what a manager can fix at once, beside the field. */
export function checkRuleForm(form: RuleForm): FieldProblems {
  const out: FieldProblems = {}
  const timing = timingOf(form.trigger, form.offsetDays)
  const en = checkTemplate(form.templateEn, form.trigger)
  if (en) out['template.en'] = en
  const zh = checkTemplate(form.templateZh, form.trigger)
  if (zh) out['template.zh'] = zh
  if (!form.department) out.department = { key: 'rules.check.departmentRequired' }
  if (form.kind === 'standing' && (form.trigger === 'check_out' || form.trigger === 'post_stay')) out.kind = { key: 'rules.check.standingTrigger' }
  if (timing.offsetDays === 'required' && form.offsetDays === '') out.offsetDays = { key: 'rules.check.offsetRequired' }
  else if (form.offsetDays !== '' && timing.offsetDays !== 'hidden' && (!Number.isInteger(form.offsetDays) || form.offsetDays < 0 || form.offsetDays > 365)) {
    out.offsetDays = { key: 'rules.check.offsetRange' }
  }
  if (timing.atTime === 'required' && !clockTime.test(form.atTime)) out.atTime = { key: 'rules.check.time' }
  if (usesDueMinutes(form.kind) && (form.dueMinutes === '' || !Number.isInteger(form.dueMinutes) || form.dueMinutes < 0 || form.dueMinutes > maxMinutes)) {
    out.dueMinutes = { key: 'rules.check.minutes', values: { max: maxMinutes } }
  }
  if (form.ackMinutes !== '' && (!Number.isInteger(form.ackMinutes) || form.ackMinutes < 1 || form.ackMinutes > maxMinutes)) {
    out.ackMinutes = { key: 'rules.check.minutes', values: { max: maxMinutes } }
  }
  if (form.vipMin !== '' && (!Number.isInteger(form.vipMin) || form.vipMin < 1 || form.vipMin > 5)) out['conditions.vipMin'] = { key: 'rules.check.vip' }
  for (const field of ['minNights', 'maxNights'] as const) {
    const n = form[field]
    if (n !== '' && (!Number.isInteger(n) || n < 1 || n > 365)) out[`conditions.${field}`] = { key: 'rules.check.nights' }
  }
  if (form.minNights !== '' && form.maxNights !== '' && !out['conditions.maxNights'] && form.minNights > form.maxNights) {
    out['conditions.maxNights'] = { key: 'rules.check.nightsOrder' }
  }
  const badCountries = form.nationalities.filter((n) => !/^[A-Za-z]{2}$/.test(n.trim()))
  if (badCountries.length > 0) out['conditions.nationalities'] = { key: 'rules.check.countries', values: { codes: badCountries.join(', ') } }
  return out
}

/** The form's field paths: a refusal on any other path is said above the form. */
export const formFields = [
  'key',
  'kind',
  'trigger',
  'offsetDays',
  'atTime',
  'category',
  'code',
  'value',
  'polarity',
  'conditions.strengths',
  'conditions.exceptCodes',
  'conditions.vipMin',
  'conditions.languages',
  'conditions.nationalities',
  'conditions.visit',
  'conditions.occasion',
  'conditions.recoveryCase',
  'conditions.minNights',
  'conditions.maxNights',
  'department',
  'priority',
  'ackMinutes',
  'dueMinutes',
  'template.en',
  'template.zh',
] as const

/** A refusal's path as a form field: 'rule.template.en' (preview input) and 'conditions.languages.0' land on their field. */
export function fieldOfPath(path: string): string | null {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p))
  if (parts[0] === 'rule') parts.shift()
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.')
    if ((formFields as readonly string[]).includes(candidate)) return candidate
  }
  return null
}

/**
 * The store's VALIDATION issues beside their fields, in the screen's language: the store speaks
 * English, so each field's message comes from our own checks where they see the problem (an
 * unknown placeholder, named), else from a sentence for that field.
 */
export function problemsFromIssues(issues: readonly { path: string; message: string }[], form: RuleForm): { fields: FieldProblems; other: string[] } {
  const fields: FieldProblems = {}
  const other: string[] = []
  const ours = checkRuleForm(form)
  for (const issue of issues) {
    const field = fieldOfPath(issue.path)
    if (!field) {
      other.push(issue.message)
      continue
    }
    if (fields[field]) continue
    // The store names the unknown placeholder first ("{rooom} is not a placeholder. Use {guest} …").
    const named = issue.message.match(/\{([^{}]*)\}/)
    if (ours[field]) fields[field] = ours[field]
    else if (field.startsWith('template.') && named) fields[field] = { key: 'rules.check.unknownPlaceholder', values: { names: named[0] } }
    else fields[field] = { key: `rules.refused.${field.replace('conditions.', '')}`, values: { message: issue.message } }
  }
  return { fields, other }
}

/** A placeholder put in at the caret (or over the selection): the new text and where the caret goes. */
export function insertPlaceholder(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  const token = `{${name}}`
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length }
}

/** The rule order after moving one rule up (-1) or down (+1); null at either end. */
export function moveRule(ids: readonly number[], id: number, delta: -1 | 1): number[] | null {
  const at = ids.indexOf(id)
  const to = at + delta
  if (at < 0 || to < 0 || to >= ids.length) return null
  const next = [...ids]
  next[at] = ids[to]!
  next[to] = id
  return next
}
