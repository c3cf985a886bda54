import { describe, expect, it } from 'vitest'
import { displayName, foldForSearch, phoneDigits } from '../../electron/core/guests/guest-name'

describe('guest names', () => {
  it('names guests the way each language addresses them', () => {
    const ho = { native_name: '何家俊', roman_name: 'HO Ka Chun', salutation: 'mr' }
    expect(displayName(ho, 'en')).toBe('Mr HO Ka Chun')
    expect(displayName(ho, 'zh')).toBe('何家俊先生')
    expect(displayName({ native_name: 'Sophie Martin', roman_name: 'MARTIN Sophie', salutation: 'ms' }, 'zh')).toBe('Sophie Martin 女士')
    expect(displayName({ native_name: '庄志明', roman_name: null, salutation: null }, 'en')).toBe('庄志明')
  })

  it('folds case, accents and full-width forms', () => {
    expect(foldForSearch('ＺＨＡＮＧ  Wěi')).toBe('zhang wei')
    expect(foldForSearch('Ｏ’Brien')).toBe('obrien')
  })

  it('folds what decomposition does not: traditional characters, Đ ø ł ß, apostrophes, invisible characters', () => {
    expect(foldForSearch('陳嘉豪')).toBe('陈嘉豪')
    expect(foldForSearch('莊志明')).toBe(foldForSearch('庄志明'))
    expect(foldForSearch('Đặng Minh Châu')).toBe('dang minh chau')
    expect(foldForSearch('Øystein Łukasz Straße')).toBe('oystein lukasz strasse')
    expect(foldForSearch("O'Brien ʼO‘Neil")).toBe('obrien oneil')
    expect(foldForSearch('张\u200b伟\u202e')).toBe('张伟')
    expect(foldForSearch('陈𠮷')).toBe('陈𠮷')
  })

  it('keeps only digits of a phone number, however it was typed', () => {
    expect(phoneDigits('+86 (138) 0013-8000')).toBe('8613800138000')
    expect(phoneDigits('１３８００１３８０００')).toBe('13800138000')
  })

})
