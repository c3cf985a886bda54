import { describe, expect, it } from 'vitest'
import { conditionWords } from '../../src/features/rules/rule-summary'
import en from '../../src/i18n/rules.en.json'
import zh from '../../src/i18n/rules.zh-CN.json'

/** A translator over one language file, as i18next would fill {{name}}. */
const translator = (file: Record<string, unknown>) => (key: string, options: Record<string, unknown> = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], file)
  if (typeof text !== 'string') throw new Error(`missing ${key}`)
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]))
}

describe('who a rule is for, in the rules list', () => {
  it('names a VIP-only rule for VIPs, not "any guest"', () => {
    expect(conditionWords({ vipMin: 1 }, translator(en))).toEqual(['VIP 1+'])
    expect(conditionWords({ vipMin: 3 }, translator(zh))).toEqual(['VIP 3 级及以上'])
  })

  it('names every condition in the order the form sets them', () => {
    const conditions = { vipMin: 2, languages: ['ja', 'en'], nationalities: ['JP'], visit: 'returning', occasion: 'birthday', minNights: 3, maxNights: 7 } as const
    expect(conditionWords({ ...conditions, languages: [...conditions.languages], nationalities: [...conditions.nationalities] }, translator(en))).toEqual([
      'VIP 2+',
      'Speaks ja, en',
      'From JP',
      'Returning guest',
      'Birthday',
      '3–7 nights',
    ])
    expect(conditionWords({ minNights: 3 }, translator(zh))).toEqual(['至少 3 晚'])
    expect(conditionWords({ maxNights: 2 }, translator(en))).toEqual(['Up to 2 nights'])
  })

  it('says nothing for a rule without conditions', () => {
    expect(conditionWords({}, translator(en))).toEqual([])
    expect(conditionWords({ strengths: ['avoid'] }, translator(en))).toEqual([])
  })
})
