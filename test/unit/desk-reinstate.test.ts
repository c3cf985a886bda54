import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { mayOfferUndo } from '../../src/features/checkin/undo-notices'
import { mayReinstate, reinstateFailure } from '../../src/features/checkin/reinstate'
import { checkPromiseForm, promiseProblemsFromIssues, type PromiseForm } from '../../src/features/settings/promise-form'
import { emptyRuleForm, formFromRule, problemsFromIssues, ruleInputOf, withCategory } from '../../src/features/rules/rule-form'
import type { RuleView } from '../../src/features/rules/rule-types'
import { messages } from '../../src/i18n/messages'

async function translator(lng: 'en' | 'zh-CN') {
  const t = i18next.createInstance()
  await t.init({ resources: { en: { translation: messages.en }, 'zh-CN': { translation: messages['zh-CN'] } }, lng, interpolation: { escapeValue: false } })
  return t.t
}

const events = (by: string | null) => [
  { kind: 'reservation', at: '2026-12-01T02:00:00.000Z', staffName: 'Wang Fang' },
  { kind: 'check_in', at: '2026-12-01T06:00:00.000Z', staffName: by },
]

describe('the desk’s Undo, offered only to whoever did it or a manager', () => {
  it('hides the Undo of a colleague’s check-in from front desk, not from managers; keeps it when no one is named', () => {
    const li = { name: 'Li Na', role: 'front_desk' }
    expect(mayOfferUndo(li, events('Li Na'), 'check_in')).toBe(true)
    expect(mayOfferUndo(li, events('Zhao Lei'), 'check_in')).toBe(false)
    expect(mayOfferUndo({ name: 'Chen Manager', role: 'manager' }, events('Zhao Lei'), 'check_in')).toBe(true)
    expect(mayOfferUndo({ name: 'Admin', role: 'admin' }, events('Zhao Lei'), 'check_in')).toBe(true)
    expect(mayOfferUndo(li, events(null), 'check_in')).toBe(true)
    expect(mayOfferUndo(li, undefined, 'check_in')).toBe(true)
    expect(mayOfferUndo(null, events('Li Na'), 'check_in')).toBe(false)
  })

  it('reads the latest check-out when a guest was checked out, undone and checked out again', () => {
    const twice = [
      { kind: 'check_out', at: '2026-12-01T03:00:00.000Z', staffName: 'Li Na' },
      { kind: 'check_out_undone', at: '2026-12-01T03:05:00.000Z', staffName: 'Li Na' },
      { kind: 'check_out', at: '2026-12-01T03:10:00.000Z', staffName: 'Zhao Lei' },
    ]
    expect(mayOfferUndo({ name: 'Li Na', role: 'front_desk' }, twice, 'check_out')).toBe(false)
    expect(mayOfferUndo({ name: 'Zhao Lei', role: 'front_desk' }, twice, 'check_out')).toBe(true)
  })

  it('says a refused undo naming the person, in English and Chinese', async () => {
    const en = await translator('en')
    const zh = await translator('zh-CN')
    expect(en('errors.UNDO_NOT_YOURS', { by: 'Zhao Lei', context: 'check_out' })).toBe('Zhao Lei checked this guest out: only Zhao Lei or a manager can undo the check-out.')
    expect(zh('errors.UNDO_NOT_YOURS', { by: '赵磊', context: 'check_in' })).toBe('此次入住由赵磊办理：只有赵磊本人或经理可以撤销。')
  })
})

describe('reinstating a no-show', () => {
  const base = { mode: 'standalone' as const, status: 'no_show', departure: '2026-12-03', today: '2026-12-01', handlesStays: true }
  it('is offered for a no-show whose stay is not over, standalone, to roles that handle stays', () => {
    expect(mayReinstate(base)).toBe(true)
    expect(mayReinstate({ ...base, departure: '2026-12-01' })).toBe(false)
    expect(mayReinstate({ ...base, status: 'reserved' })).toBe(false)
    expect(mayReinstate({ ...base, status: 'cancelled' })).toBe(false)
    expect(mayReinstate({ ...base, mode: 'with_pms' })).toBe(false)
    expect(mayReinstate({ ...base, handlesStays: false })).toBe(false)
    expect(mayReinstate({ ...base, today: '' })).toBe(false)
  })

  it('says a refusal in words in both languages', async () => {
    const date = (d: string) => `<${d}>`
    const en = await translator('en')
    const zh = await translator('zh-CN')
    const notNoShow = { code: 'STAY_NOT_RESERVED', details: { status: 'reserved' } }
    expect(reinstateFailure(en, notNoShow, date, () => 'other')).toBe('Nothing to reinstate: this stay is no longer a no-show (it is now Reserved).')
    expect(reinstateFailure(zh, { code: 'STAY_DATES', details: { departure: '2026-11-30' } }, date, () => 'other')).toContain('<2026-11-30>')
    expect(reinstateFailure(en, { code: 'PMS_OWNS_STAYS' }, date, () => 'other')).toBe('other')
    expect(zh('desk.reinstate.button')).toBe('恢复预订')
  })
})

describe('a step written twice', () => {
  const form: PromiseForm = { ackMinutes: 10, promiseMinutes: 60, steps: [{ afterMinutes: 0, notify: 'lead' }, { afterMinutes: 15, notify: 'duty_manager' }, { afterMinutes: 15, notify: 'duty_manager' }] }
  it('is named beside that step, by our check and from the store’s refusal', async () => {
    expect(checkPromiseForm(form)['steps.2.notify']).toEqual({ key: 'settings.promises.stepTwice', values: { step: 3 } })
    const sound = { ...form, steps: form.steps.slice(0, 2) }
    expect(promiseProblemsFromIssues([{ path: 'steps.1.notify' }], sound)['steps.1.notify']).toEqual({ key: 'settings.promises.stepTwice', values: { step: 2 } })
    expect((await translator('en'))('settings.promises.stepTwice', { step: 3 })).toMatch(/^Step 3 repeats/)
  })
})

describe('items a rule leaves out', () => {
  const rule = { ...ruleInputOf({ ...emptyRuleForm(), category: 'food', department: 'restaurant', templateEn: 'Food', templateZh: '餐' }), id: 1, active: 1, builtin: 1, conditions: { exceptCodes: ['allergy', 'dislike'] } } as unknown as RuleView
  it('are kept through an edit, and cleared with a new category', () => {
    const form = formFromRule(rule)
    expect(form.exceptCodes).toEqual(['allergy', 'dislike'])
    expect(ruleInputOf(form).conditions.exceptCodes).toEqual(['allergy', 'dislike'])
    expect(ruleInputOf(withCategory(form, 'room')).conditions.exceptCodes).toBeUndefined()
  })
  it('a refusal of one lands beside the field, in words', async () => {
    const { fields, other } = problemsFromIssues([{ path: 'conditions.exceptCodes.1', message: 'There is no "dislikes" in food to leave out.' }], formFromRule(rule))
    expect(other).toEqual([])
    expect(fields['conditions.exceptCodes']?.key).toBe('rules.refused.exceptCodes')
    expect((await translator('zh-CN'))('rules.refused.exceptCodes')).toBe('该项不在此类别中，或重复列出：请从此类别中选择，每项一次。')
  })
})
