import { describe, expect, it } from 'vitest'
import { nationalityName } from '../../src/features/checkin/nationality'
import { regionName } from '../../src/features/settings/phone-countries'

describe('a guest’s nationality on the card', () => {
  it('names a code in the UI language', () => {
    expect(nationalityName('DE', 'en')).toBe('Germany')
    expect(nationalityName('DE', 'zh-CN')).toBe('德国')
    expect(nationalityName('cn', 'zh-CN')).toBe('中国')
  })

  it('names Hong Kong, Macao and Taiwan as regions of China in Chinese', () => {
    expect(nationalityName('HK', 'zh-CN')).toBe('中国香港')
    expect(nationalityName('MO', 'zh-CN')).toBe('中国澳门')
    expect(nationalityName('TW', 'zh-CN')).toBe('中国台湾')
    expect(nationalityName('MO', 'en')).toBe('Macao')
  })

  it('keeps other text as typed, and nothing as nothing', () => {
    expect(nationalityName('German', 'en')).toBe('German')
    expect(nationalityName('  ', 'en')).toBeNull()
    expect(nationalityName(null, 'en')).toBeNull()
    expect(regionName('XY', 'en')).toBe('XY')
  })
})
