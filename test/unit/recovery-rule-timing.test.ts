import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import en from '../../src/i18n/rules.en.json'
import zh from '../../src/i18n/rules.zh-CN.json'
import { timingWords } from '../../src/features/rules/rule-summary'

// Issue 13 finding 12: the rules list says when the post-stay follow-up fires, without opening Edit.
const i18n = i18next.createInstance()
await i18n.init({ lng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zh } }, interpolation: { escapeValue: false } })

describe('a timed rule’s timing in the rules list', () => {
  it('says the days after departure and the time, in both languages', () => {
    const rule = { trigger: 'post_stay', offsetDays: 3, atTime: '10:00' }
    expect(timingWords(rule, i18n.getFixedT('en'))).toBe('3 days after departure, 10:00')
    expect(timingWords({ ...rule, offsetDays: 1 }, i18n.getFixedT('en'))).toBe('1 day after departure, 10:00')
    expect(timingWords({ ...rule, offsetDays: 0 }, i18n.getFixedT('en'))).toBe('On the day of departure, 10:00')
    expect(timingWords(rule, i18n.getFixedT('zh-CN'))).toBe('离店后 3 天，10:00')
  })

  it('says nothing for a rule that fires on an event', () => {
    expect(timingWords({ trigger: 'check_in', offsetDays: null, atTime: null }, i18n.getFixedT('en'))).toBeNull()
    expect(timingWords({ trigger: 'daily', offsetDays: null, atTime: '09:30' }, i18n.getFixedT('en'))).toBe('Every day at 09:30')
  })
})
