import { describe, expect, it } from 'vitest'
import { matchKeys, nameKey, namePinyin, nameReadings, sameNameSpelling, searchDocument, searchTokens } from '../../electron/core/guests/guest-keys'

const guest = (native_name: string, roman_name: string | null = null, extra: Record<string, string | null> = {}) => ({
  native_name,
  roman_name,
  phone: null,
  email: null,
  company: null,
  ...extra,
})

describe('guest search keys', () => {
  it('reads polyphonic surnames as surnames', () => {
    expect(namePinyin('单雄信')[0]).toBe('shan')
    expect(namePinyin('曾国藩')[0]).toBe('zeng')
    expect(namePinyin('解缙')[0]).toBe('xie')
    expect(namePinyin('仇英')[0]).toBe('qiu')
    expect(namePinyin('朴正熙')[0]).toBe('piao')
    expect(namePinyin('Sophie Martin')).toEqual([])
  })

  it('gives 庄志明 full pinyin, given-name pinyin and initials as prefix tokens', () => {
    const tokens = searchTokens(guest('庄志明', 'ZHUANG Zhiming'))
    expect(tokens).toEqual(expect.arrayContaining(['庄志明', 'zhuangzhiming', 'zhiming', 'zzm', 'zhuang']))
  })

  it('finds a romanized name typed with or without its spaces, from the surname or the given names', () => {
    const tokens = searchTokens(guest('黃玲琴', 'WONG Ling Kam'))
    expect(tokens).toEqual(expect.arrayContaining(['wong', 'ling', 'kam', 'wonglingkam', 'lingkam']))
    expect(searchTokens(guest('Smith', null))).not.toContain('')
  })

  it('puts names, pinyin, phone digits, email and company in one searchable document', () => {
    const doc = searchDocument(guest('何家俊', 'HO Ka Chun', { phone: '+853 6612 3456', email: 'KC.Ho@example.mo', company: 'Lusitano Advertising' }))
    for (const part of ['何家俊', 'hokachun', 'he jia jun', 'hejiajun', 'hjj', '85366123456', 'kc.ho@example.mo', 'lusitano advertising']) {
      expect(doc).toContain(part)
    }
  })

  it('matches a Chinese name with its romanization in either order', () => {
    expect(nameKey(guest('张伟'))).toEqual(nameKey(guest('Wei Zhang', 'ZHANG Wei')))
    expect(nameKey(guest('張偉'))).toEqual(nameKey(guest('张伟')))
    expect(sameNameSpelling(guest('张伟'), guest('Wei Zhang'))).toBe(true)
    expect(sameNameSpelling(guest('吕思远'), guest('LYU Siyuan'))).toBe(true)
    expect(sameNameSpelling(guest('欧阳娜娜'), guest('OUYANG Nana'))).toBe(true)
    expect(sameNameSpelling(guest('Ronald Mc Donald'), guest('Ronald McDonald'))).toBe(true)
    expect(sameNameSpelling(guest('张伟'), guest('Wei Zheng'))).toBe(false)
    // Same letters, different names: the key pairs them, the spelling check does not.
    expect(sameNameSpelling(guest('Li Na'), guest('Nail'))).toBe(false)
  })

  it('keys phone by its last 8 digits, email and document case-insensitively', () => {
    const a = matchKeys(guest('张伟', null, { phone: '+86 138 0013 8000', email: 'Zhang.Wei@Example.com', document_no: 'e 1234-5678' }))
    const b = matchKeys(guest('ZHANG Wei', null, { phone: '13800138000', email: 'zhang.wei@example.com', document_no: 'E12345678' }))
    expect(a.filter((k) => b.includes(k))).toHaveLength(4)
  })

  it('spells ü as u, v and yu, and reads a given-name character every usual way', () => {
    const spellings = nameReadings('吕思远').map((r) => [...r.surname, ...r.given].join(''))
    expect(spellings).toEqual(expect.arrayContaining(['lusiyuan', 'lvsiyuan', 'lyusiyuan']))
    expect(nameReadings('张朝阳').map((r) => [...r.surname, ...r.given].join(''))).toEqual(expect.arrayContaining(['zhangchaoyang', 'zhangzhaoyang']))
    expect(nameReadings('张朝阳')[0]).toEqual({ surname: ['zhang'], given: ['chao', 'yang'] })
    expect(nameReadings('欧阳娜娜')[0]).toEqual({ surname: ['ou', 'yang'], given: ['na', 'na'] })
    expect(nameReadings('Anna Kowalska')).toEqual([])
    for (const name of ['乐长行', '和重乐朝']) expect(nameReadings(name).length).toBeLessThanOrEqual(12)
  })

  it('gives tokens for the given name alone and for either name order', () => {
    expect(searchTokens(guest('田文静'))).toEqual(expect.arrayContaining(['文静', 'wenjing', 'wenjingtian', 'twj']))
    expect(searchTokens(guest('Anna Kowalska'))).toEqual(expect.arrayContaining(['kowalskaanna', 'annakowalska', 'kowalska']))
    expect(searchTokens(guest('甘伟明', 'GAN Weiming'))).toEqual(expect.arrayContaining(['weiminggan', 'ganweiming']))
  })

  it('keeps duplicate keys apart from search tokens, and finds a survivor by what was merged into it', () => {
    const survivor = guest('张伟', 'ZHANG Wei')
    const absorbed = [guest('張偉', 'CHEUNG Wai', { phone: '+852 9123 4567' })]
    expect(searchTokens(survivor, absorbed)).toEqual(expect.arrayContaining(['cheungwai', 'zhangwei']))
    expect(searchDocument(survivor, absorbed)).toContain('85291234567')
    for (const key of matchKeys(survivor)) expect(searchTokens(survivor)).not.toContain(key)
  })
})
