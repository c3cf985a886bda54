import { describe, expect, it } from 'vitest'
import { conditionsHold, ruleConditionsSchema, type GuestStayFacts } from '../../electron/core/rules/rule-conditions'
import { categoriesInWords } from '../../electron/core/recovery/recovery-memory'
import { checkRuleForm, emptyRuleForm, formFromRule, ruleInputOf, unknownPlaceholders } from '../../src/features/rules/rule-form'
import type { RuleView } from '../../src/features/rules/rule-types'

const facts: GuestStayFacts = { vip: 0, languages: [], nationality: null, previousStays: 0, arrival: '2026-12-01', departure: '2026-12-02', occasionDates: { birthday: [], anniversary: [] } }

describe('the "had a problem during this stay" condition (issue 13)', () => {
  it('holds only for a guest with a recovery case on the stay; unknown reads as no', () => {
    const c = ruleConditionsSchema.parse({ recoveryCase: true })
    expect(conditionsHold(c, { ...facts, recoveryCase: true })).toBe(true)
    expect(conditionsHold(c, { ...facts, recoveryCase: false })).toBe(false)
    expect(conditionsHold(c, facts)).toBe(false)
    expect(conditionsHold({}, facts)).toBe(true)
    expect(ruleConditionsSchema.safeParse({ recoveryCase: false }).success).toBe(false)
  })

  it('the rules form sends the checkbox as { recoveryCase: true } and reads it back', () => {
    const form = { ...emptyRuleForm(), trigger: 'post_stay' as const, offsetDays: 3 as const, atTime: '10:00', recoveryCase: true, department: 'guest_relations', templateEn: 'Call {guest}', templateZh: '致电{guest}' }
    const input = ruleInputOf(form)
    expect(input.conditions).toEqual({ recoveryCase: true })
    expect(ruleInputOf({ ...form, recoveryCase: false }).conditions).toEqual({})
    const view: RuleView = { ...input, id: 1, key: 'k', active: true, position: 1, builtin: true, updatedAt: null }
    expect(formFromRule(view).recoveryCase).toBe(true)
  })

  it('{note} is a placeholder of recovery rules only', () => {
    expect(unknownPlaceholders('We promised {guest}: {note}', 'recovery')).toEqual([])
    expect(unknownPlaceholders('We promised {guest}: {note}', 'check_in')).toEqual(['note'])
    const recoveryForm = { ...emptyRuleForm(), trigger: 'recovery' as const, department: 'front_office', templateEn: 'We promised {guest}: {note}', templateZh: '承诺{guest}：{note}' }
    expect(checkRuleForm(recoveryForm)['template.en']).toBeUndefined()
    expect(checkRuleForm({ ...recoveryForm, trigger: 'check_in' })['template.en']).toMatchObject({ key: 'rules.check.unknownPlaceholder' })
  })

  it('names the categories of earlier problems in words, never codes', () => {
    expect(categoriesInWords(['noise'], 'en')).toBe('noise')
    expect(categoriesInWords(['noise', 'room'], 'en')).toBe('noise and the room')
    expect(categoriesInWords(['billing', 'food', 'noise'], 'en')).toBe('billing, food and noise')
    expect(categoriesInWords(['noise', 'room'], 'zh')).toBe('噪音、客房')
  })
})
