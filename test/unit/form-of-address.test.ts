import { describe, expect, it } from 'vitest'
import { addressAsPreference, formOfAddress, formsOfAddress, type AddressedGuest } from '../../electron/core/guests/form-of-address'
import type { PreferenceFact } from '../../electron/core/guests/preference'

const guest = (fields: Partial<AddressedGuest> & Pick<AddressedGuest, 'nativeName'>): AddressedGuest => ({ romanName: null, salutation: null, nationality: null, ...fields })
const both = (g: AddressedGuest) => [formOfAddress(g, 'en'), formOfAddress(g, 'zh')]

describe('how prompts address a guest', () => {
  it('uses a stored form of address as it is: 郑总 stays 郑总', () => {
    const zheng = guest({ nativeName: '郑国强', romanName: 'ZHENG Guoqiang', salutation: 'mr', nationality: 'CN', addressAs: '郑总' })
    expect(formOfAddress(zheng, 'zh')).toBe('郑总')
    // An English reader may not read 郑总: English prompts say Mr Zheng.
    expect(formOfAddress(zheng, 'en')).toBe('Mr Zheng')
    // A salutation that is a whole form of address is used the same way.
    expect(formOfAddress(guest({ nativeName: '郑国强', salutation: '郑总' }), 'zh')).toBe('郑总')
    expect(both(guest({ nativeName: 'Priya Nair', romanName: 'NAIR Priya', salutation: 'Dr Nair' }))).toEqual(['Dr Nair', 'Dr Nair'])
  })

  it('gives a bare title the surname only, in ordinary case: Dr + NAIR Priya → Dr Nair, never Dr NAIR Priya', () => {
    const nair = guest({ nativeName: 'Priya Nair', romanName: 'NAIR Priya', salutation: 'dr', nationality: 'SG' })
    expect(both(nair)).toEqual(['Dr Nair', 'Nair 博士'])
    expect(formOfAddress(guest({ nativeName: 'Priya Nair', romanName: 'NAIR Priya', salutation: 'Dr.' }), 'en')).toBe('Dr Nair')
    expect(formOfAddress(guest({ nativeName: 'Seán O’Brien', romanName: "O’BRIEN Seán", salutation: 'mr' }), 'en')).toBe('Mr O’Brien')
    expect(formOfAddress(guest({ nativeName: 'Ana de Souza', romanName: 'DE SOUZA Ana', salutation: 'mrs' }), 'en')).toBe('Mrs de Souza')
    expect(formOfAddress(guest({ nativeName: 'Yuki MACDONALD', romanName: null, salutation: 'ms' }), 'en')).toBe('Ms Macdonald')
  })

  it('puts a Chinese title after the Han surname: 先生 + 张伟 → 张先生, 欧阳 is one surname', () => {
    expect(formOfAddress(guest({ nativeName: '张伟', romanName: 'ZHANG Wei', salutation: '先生' }), 'zh')).toBe('张先生')
    expect(formOfAddress(guest({ nativeName: '张伟', romanName: 'ZHANG Wei', salutation: 'mr' }), 'zh')).toBe('张先生')
    expect(both(guest({ nativeName: '欧阳娜娜', romanName: 'OUYANG Nana', salutation: '女士' }))).toEqual(['Ms Ouyang', '欧阳女士'])
    // Traditional characters are written as stored.
    expect(both(guest({ nativeName: '何家俊', romanName: 'HO Ka Chun', salutation: 'mr', nationality: 'MO' }))).toEqual(['Mr Ho', '何先生'])
    expect(formOfAddress(guest({ nativeName: '陳大文', romanName: 'CHAN TAI MAN', salutation: 'mr', nationality: 'HK' }), 'zh')).toBe('陳先生')
    expect(formOfAddress(guest({ nativeName: '陳大文', romanName: 'CHAN TAI MAN', salutation: 'mr', nationality: 'HK' }), 'en')).toBe('Mr Chan')
    expect(formOfAddress(guest({ nativeName: '单志强', salutation: 'prof' }), 'zh')).toBe('单教授')
  })

  it('reads a Chinese surname in pinyin for English when no romanized name is stored', () => {
    expect(formOfAddress(guest({ nativeName: '欧阳娜娜', salutation: 'ms' }), 'en')).toBe('Ms Ouyang')
    expect(formOfAddress(guest({ nativeName: '曾志伟', salutation: 'mr' }), 'en')).toBe('Mr Zeng')
  })

  it('uses the full name when there is no salutation', () => {
    const zhuang = guest({ nativeName: '庄志明', romanName: 'ZHUANG Zhiming' })
    expect(both(zhuang)).toEqual(['ZHUANG Zhiming', '庄志明'])
    expect(both(guest({ nativeName: '庄志明' }))).toEqual(['庄志明', '庄志明'])
  })

  it('addresses a guest with a Latin name in Chinese prompts by surname and Chinese title: Mr + MARTIN → Martin 先生', () => {
    expect(formOfAddress(guest({ nativeName: 'Thomas Martin', romanName: 'MARTIN Thomas', salutation: 'mr', nationality: 'FR' }), 'zh')).toBe('Martin 先生')
    expect(formOfAddress(guest({ nativeName: 'Sophie Martin', romanName: 'MARTIN Sophie', salutation: 'ms' }), 'zh')).toBe('Martin 女士')
  })

  it('does not split a Japanese name written without a space by the Chinese surname list', () => {
    const tanaka = guest({ nativeName: '田中健', romanName: 'TANAKA Ken', salutation: 'mr', nationality: 'JP' })
    expect(both(tanaka)).toEqual(['Mr Tanaka', 'Tanaka 先生'])
    expect(formOfAddress(guest({ nativeName: '佐藤 健', romanName: 'SATO Ken', salutation: 'mr', nationality: 'JP' }), 'zh')).toBe('佐藤先生')
  })

  it('keeps the whole name when the surname cannot be told, in ordinary case', () => {
    const hafiz = guest({ nativeName: 'Muhammad Hafiz bin Ismail', romanName: 'MUHAMMAD HAFIZ BIN ISMAIL', salutation: 'mr', nationality: 'MY' })
    expect(both(hafiz)).toEqual(['Mr Muhammad Hafiz bin Ismail', 'Muhammad Hafiz bin Ismail 先生'])
  })

  it('takes the "address as" preference that holds for the stay', () => {
    const fact = (id: number, value: string, extra: Partial<PreferenceFact> = {}): PreferenceFact => ({ id, category: 'service', code: 'address_as', value, strength: 'preferred', scope: 'always', stayId: null, ...extra })
    expect(addressAsPreference([fact(1, '郑总')], 7)).toBe('郑总')
    expect(addressAsPreference([fact(1, '郑总'), fact(2, '郑董', { scope: 'stay', stayId: 7 })], 7)).toBe('郑董')
    expect(addressAsPreference([fact(2, '郑董', { scope: 'stay', stayId: 6 })], 7)).toBeNull()
    expect(addressAsPreference([fact(3, 'Boss', { strength: 'never' })], 7)).toBeNull()
    const row = { native_name: '郑国强', roman_name: 'ZHENG Guoqiang', salutation: 'mr', nationality: 'CN' }
    expect(formsOfAddress(row, [fact(1, '郑总')], 7)).toEqual({ en: 'Mr Zheng', zh: '郑总' })
    expect(formsOfAddress(row, [fact(1, 'Director Zheng')], 7)).toEqual({ en: 'Director Zheng', zh: 'Director Zheng' })
    expect(formsOfAddress(row, [], 7)).toEqual({ en: 'Mr Zheng', zh: '郑先生' })
  })
})
