import { describe, expect, it } from 'vitest'
import {
  checkRuleForm,
  emptyRuleForm,
  fieldOfPath,
  formFromRule,
  insertPlaceholder,
  moveRule,
  problemsFromIssues,
  ruleInputOf,
  timingOf,
  unknownPlaceholders,
  withCategory,
  withCode,
  withOffsetDays,
  withTrigger,
  type RuleForm,
} from '../../src/features/rules/rule-form'

const pillow: RuleForm = {
  ...emptyRuleForm(),
  category: 'amenity',
  code: 'pillow',
  department: 'housekeeping',
  templateEn: 'Firm pillow for {guest} in {room}',
  templateZh: '为{room}的{guest}准备硬枕',
}

describe('timing fields per trigger', () => {
  it('shows days and a time only where the trigger uses them', () => {
    expect(timingOf('check_in', '')).toEqual({ offsetDays: 'hidden', atTime: 'hidden' })
    expect(timingOf('reservation', 3)).toEqual({ offsetDays: 'hidden', atTime: 'hidden' })
    expect(timingOf('daily', '')).toEqual({ offsetDays: 'hidden', atTime: 'required' })
    expect(timingOf('post_stay', '')).toEqual({ offsetDays: 'required', atTime: 'required' })
    // Pre-arrival without days fires when the room is assigned; with days, at a time.
    expect(timingOf('pre_arrival', '')).toEqual({ offsetDays: 'optional', atTime: 'hidden' })
    expect(timingOf('pre_arrival', 2)).toEqual({ offsetDays: 'optional', atTime: 'required' })
  })

  it('fills the timing a new trigger needs and clears what it does not use', () => {
    const post = withTrigger(pillow, 'post_stay')
    expect(post).toMatchObject({ offsetDays: 1, atTime: '10:00' })
    const back = withTrigger(post, 'check_in')
    expect(back).toMatchObject({ offsetDays: '', atTime: '' })
    expect(ruleInputOf(back)).toMatchObject({ offsetDays: null, atTime: null })
    const daily = withTrigger({ ...pillow, atTime: '07:30' }, 'daily')
    expect(daily.atTime).toBe('07:30')
    const pre = withTrigger(pillow, 'pre_arrival')
    expect(pre).toMatchObject({ offsetDays: '', atTime: '' })
    expect(withOffsetDays(pre, 2)).toMatchObject({ offsetDays: 2, atTime: '10:00' })
    expect(withOffsetDays(withOffsetDays(pre, 2), '')).toMatchObject({ offsetDays: '', atTime: '' })
  })
})

describe('vocabulary choices', () => {
  it('clears the narrower choices when a wider one changes', () => {
    const chosen = { ...pillow, value: 'firm' }
    expect(withCode(chosen, 'duvet')).toMatchObject({ category: 'amenity', code: 'duvet', value: null })
    expect(withCategory(chosen, 'food')).toMatchObject({ category: 'food', code: null, value: null })
  })
})

describe('checks before saving', () => {
  it('accepts a complete rule', () => {
    expect(checkRuleForm(pillow)).toEqual({})
  })

  it('names an unknown placeholder beside the template it is in', () => {
    const problems = checkRuleForm({ ...pillow, templateEn: 'Firm pillow for {guest} in {rooom} {rooom}' })
    expect(problems['template.en']).toEqual({ key: 'rules.check.unknownPlaceholder', values: { names: '{rooom}' } })
    expect(problems['template.zh']).toBeUndefined()
    expect(unknownPlaceholders('{ guest } {vip}{date}{x}')).toEqual(['x'])
    expect(checkRuleForm({ ...pillow, templateZh: '给{guest准备' })['template.zh']).toEqual({ key: 'rules.check.braces' })
  })

  it('refuses an empty template, no department, an impossible time, missing days after departure', () => {
    const problems = checkRuleForm({ ...withTrigger(pillow, 'post_stay'), templateZh: ' ', department: null, atTime: '25:00', offsetDays: '' })
    expect(Object.keys(problems).sort()).toEqual(['atTime', 'department', 'offsetDays', 'template.zh'])
    expect(checkRuleForm({ ...withTrigger(pillow, 'daily'), atTime: '9:00' }).atTime).toEqual({ key: 'rules.check.time' })
    expect(checkRuleForm({ ...withTrigger(pillow, 'daily'), atTime: '09:00' }).atTime).toBeUndefined()
  })

  it('checks the conditions: VIP 1–5, nights in order, two-letter countries', () => {
    const problems = checkRuleForm({ ...pillow, vipMin: 6, minNights: 5, maxNights: 2, nationalities: ['JP', 'Japan'] })
    expect(problems['conditions.vipMin']?.key).toBe('rules.check.vip')
    expect(problems['conditions.maxNights']?.key).toBe('rules.check.nightsOrder')
    expect(problems['conditions.nationalities']).toEqual({ key: 'rules.check.countries', values: { codes: 'Japan' } })
  })

  it('asks minutes to complete of a task only, never of a standing instruction', () => {
    expect(checkRuleForm({ ...pillow, dueMinutes: '' }).dueMinutes?.key).toBe('rules.check.minutes')
    expect(checkRuleForm({ ...pillow, kind: 'standing', dueMinutes: '' }).dueMinutes).toBeUndefined()
    expect(checkRuleForm({ ...pillow, ackMinutes: 0 }).ackMinutes?.key).toBe('rules.check.minutes')
  })

  it('keeps a standing instruction to the stay: not at check-out or after it', () => {
    expect(checkRuleForm({ ...pillow, kind: 'standing', trigger: 'check_out' }).kind?.key).toBe('rules.check.standingTrigger')
    expect(checkRuleForm({ ...pillow, kind: 'standing', trigger: 'check_in' }).kind).toBeUndefined()
  })
})

describe('what the store is sent', () => {
  it('sends a pillow rule as the contract has it, without empty conditions', () => {
    expect(ruleInputOf(pillow)).toEqual({
      kind: 'task',
      trigger: 'check_in',
      offsetDays: null,
      atTime: null,
      category: 'amenity',
      code: 'pillow',
      value: null,
      polarity: 'wanted',
      conditions: {},
      department: 'housekeeping',
      priority: 'normal',
      ackMinutes: null,
      dueMinutes: 60,
      template: { en: 'Firm pillow for {guest} in {room}', zh: '为{room}的{guest}准备硬枕' },
    })
  })

  it('sends the conditions set, upper-cases countries, and drops strengths of a rule without a category', () => {
    const input = ruleInputOf({ ...pillow, strengths: ['avoid'], vipMin: 3, nationalities: ['jp'], visit: 'returning', occasion: 'birthday', minNights: 2 })
    expect(input.conditions).toEqual({ strengths: ['avoid'], vipMin: 3, nationalities: ['JP'], visit: 'returning', occasion: 'birthday', minNights: 2 })
    expect(ruleInputOf({ ...pillow, category: null, code: 'pillow', value: 'firm', strengths: ['avoid'] })).toMatchObject({ category: null, code: null, value: null, conditions: {} })
  })

  it('reads a stored rule back into the same form', () => {
    const input = ruleInputOf({ ...withTrigger(pillow, 'post_stay'), offsetDays: 3, atTime: '11:00', vipMin: 2, ackMinutes: 15 })
    const view = { ...input, id: 7, key: 'firm-pillow', active: true, position: 3, builtin: false, updatedAt: null }
    expect(ruleInputOf(formFromRule(view))).toEqual(input)
  })
})

describe("the store's refusals", () => {
  it('land beside their fields, the placeholder named, other paths above the form', () => {
    const form = { ...pillow, templateEn: 'For {guest} in {rooom}' }
    const { fields, other } = problemsFromIssues(
      [
        { path: 'rule.template.en', message: '{rooom} is not a placeholder. Use {guest} {room} {value}.' },
        { path: 'template.zh', message: '{x} is not a placeholder. Use {guest} {room}.' },
        { path: 'code', message: 'There is no amenity.pilow.' },
        { path: 'conditions.languages.1', message: 'Too short.' },
        { path: '', message: 'Something else.' },
      ],
      form,
    )
    expect(fields['template.en']).toEqual({ key: 'rules.check.unknownPlaceholder', values: { names: '{rooom}' } })
    // Our own check sees nothing wrong with the Chinese text here: the store's first name is used.
    expect(fields['template.zh']).toEqual({ key: 'rules.check.unknownPlaceholder', values: { names: '{x}' } })
    expect(fields.code).toEqual({ key: 'rules.refused.code', values: { message: 'There is no amenity.pilow.' } })
    expect(fields['conditions.languages']?.key).toBe('rules.refused.languages')
    expect(other).toEqual(['Something else.'])
    expect(fieldOfPath('template')).toBeNull()
    expect(fieldOfPath('rule.conditions.vipMin')).toBe('conditions.vipMin')
  })
})

describe('placeholders and order', () => {
  it('puts a placeholder at the caret or over the selection', () => {
    expect(insertPlaceholder('Pillow for ', 11, 11, 'guest')).toEqual({ text: 'Pillow for {guest}', caret: 18 })
    expect(insertPlaceholder('Pillow for X in 8', 11, 12, 'guest')).toEqual({ text: 'Pillow for {guest} in 8', caret: 18 })
  })

  it('moves a rule one place up or down, never past either end', () => {
    expect(moveRule([1, 2, 3], 2, -1)).toEqual([2, 1, 3])
    expect(moveRule([1, 2, 3], 2, 1)).toEqual([1, 3, 2])
    expect(moveRule([1, 2, 3], 1, -1)).toBeNull()
    expect(moveRule([1, 2, 3], 3, 1)).toBeNull()
    expect(moveRule([1, 2, 3], 9, 1)).toBeNull()
  })
})
