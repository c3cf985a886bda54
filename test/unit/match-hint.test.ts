import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { matchHint, type MatchedBy } from '../../src/features/checkin/match-hint'
import { countryLabel, countryOptions } from '../../src/features/settings/phone-countries'
import { messages } from '../../src/i18n/messages'

// The real message files, as the check-in screen reads them.
function translator(language: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance()
  void i18n.init({ lng: language, resources: { [language]: { translation: messages[language] } }, interpolation: { escapeValue: false }, initImmediate: false })
  return i18n.t.bind(i18n) as (key: string) => string
}

const fields: MatchedBy[] = ['phone', 'email', 'company', 'room', 'confirmation']

describe('why a search hit is listed', () => {
  it('says nothing for a name, which the list already shows', () => {
    expect(matchHint('name', translator('en'))).toBeNull()
    expect(matchHint('name', translator('zh-CN'))).toBeNull()
  })

  it('names the field that matched, in both languages', () => {
    expect(fields.map((f) => matchHint(f, translator('en')))).toEqual([
      'Found by phone',
      'Found by email',
      'Found by company',
      'Found by room number',
      'Found by confirmation number',
    ])
    expect(fields.map((f) => matchHint(f, translator('zh-CN')))).toEqual(['按电话找到', '按邮箱找到', '按公司找到', '按房号找到', '按确认号找到'])
  })
})

describe('the phone-country list', () => {
  it('names each country in the UI language with its code, sorted as that language sorts', () => {
    const en = countryOptions(['SG', 'MO', 'CN', 'HK'], 'en')
    expect(en.map((o) => o.label)).toEqual(['China (CN)', 'Hong Kong (HK)', 'Macao (MO)', 'Singapore (SG)'])
    expect(en.map((o) => o.value)).toEqual(['CN', 'HK', 'MO', 'SG'])
    // Pinyin order: Xinjiapo before Zhongguo.
    expect(countryOptions(['CN', 'SG'], 'zh-CN').map((o) => o.label)).toEqual(['新加坡（SG）', '中国（CN）'])
    expect(countryLabel('CN', 'zh-CN')).toBe('中国（CN）')
  })
})
