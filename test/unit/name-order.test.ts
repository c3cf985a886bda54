import { describe, expect, it } from 'vitest'
import { compareNames, nameSortKey, sortByName, type ListedName } from '../../electron/core/guests/name-order'

const guest = (nativeName: string, romanName: string | null = null): ListedName => ({ nativeName, romanName })
const names = (list: ListedName[]) => sortByName(list, (g) => g).map((g) => g.nativeName)

describe('name order', () => {
  it('reads a Han surname as a surname: 曾 is Zeng (under Z), 单 is Shan (under S)', () => {
    expect(nameSortKey(guest('曾志伟', 'TSANG Chi Wai')).reading).toBe('zeng zhi wei')
    expect(nameSortKey(guest('单田芳')).reading).toBe('shan tian fang')
    expect(names([guest('曾志伟'), guest('单田芳'), guest('张三'), guest('安娜')])).toEqual(['安娜', '单田芳', '曾志伟', '张三'])
  })

  it('files Han names by pinyin, not by their romanized spelling (黄 Wong under H)', () => {
    expect(names([guest('黄玲琪', 'WONG Ling Kei'), guest('何家俊', 'HO Ka Chun'), guest('王芳', 'Wang Fang')])).toEqual(['何家俊', '黄玲琪', '王芳'])
  })

  it('orders Latin names alphabetically, ignoring case and accents', () => {
    expect(names([guest('Zoe Martin'), guest('anna Kowalska'), guest('Émile Zola'), guest('Bob Lee')])).toEqual(['anna Kowalska', 'Bob Lee', 'Émile Zola', 'Zoe Martin'])
  })

  it('puts Han and Latin names in one alphabet: 安 before Anna, 曾 and 张 before Zoe', () => {
    const mixed = [guest('Zoe Martin'), guest('张三', 'ZHANG San'), guest('Anna Kowalska'), guest('曾志伟'), guest('安娜'), guest('单田芳'), guest('Bob Lee')]
    expect(names(mixed)).toEqual(['安娜', 'Anna Kowalska', 'Bob Lee', '单田芳', '曾志伟', '张三', 'Zoe Martin'])
    // The same order whatever order the list came in.
    expect(names([...mixed].reverse())).toEqual(names(mixed))
  })

  it('orders by surname first: every Zhang before every Zhao', () => {
    expect(names([guest('赵一'), guest('张晓明'), guest('张安')])).toEqual(['张安', '张晓明', '赵一'])
  })

  it('tells apart names with the same reading by how they are written, the same way every time', () => {
    const a = guest('汤明')
    const b = guest('唐明')
    expect(nameSortKey(a).reading).toBe(nameSortKey(b).reading)
    expect(compareNames(a, b)).toBe(-compareNames(b, a))
    expect(compareNames(a, b)).not.toBe(0)
  })

  it('lists a name in another script by its romanized form', () => {
    expect(names([guest('やまだ はなこ', 'Yamada Hanako'), guest('Anna Kowalska'), guest('Zoe Martin')])).toEqual(['Anna Kowalska', 'やまだ はなこ', 'Zoe Martin'])
  })

  it('keeps what goes ahead of the name (status, VIP) ahead of it', () => {
    const list = [
      { name: guest('安娜'), vip: 0 },
      { name: guest('曾志伟'), vip: 1 },
      { name: guest('Anna Kowalska'), vip: 0 },
      { name: guest('单田芳'), vip: 1 },
    ]
    const sorted = sortByName(list, (g) => g.name, (a, b) => b.vip - a.vip)
    expect(sorted.map((g) => g.name.nativeName)).toEqual(['单田芳', '曾志伟', '安娜', 'Anna Kowalska'])
  })

  it('lists a Japanese or Korean guest whose name is in kanji or hanja by the romanized name, not by pinyin', () => {
    const takahashi = { nativeName: '高橋 拓也', romanName: 'TAKAHASHI Takuya', nationality: 'JP' }
    const gao = { nativeName: '高浩然', romanName: 'GAO Haoran', nationality: 'CN' }
    const huang = { nativeName: '黃宗翰', romanName: 'HUANG Tsung-Han', nationality: 'TW' }
    expect(sortByName([takahashi, huang, gao], (n) => n).map((n) => n.romanName)).toEqual(['GAO Haoran', 'HUANG Tsung-Han', 'TAKAHASHI Takuya'])
  })
})
