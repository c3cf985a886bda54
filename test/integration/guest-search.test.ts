import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMacauGuest, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
beforeAll(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  const { stayId } = addMacauGuest(hotel)
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
  ok(hotel.call(hotel.desk, 'guest.create', { nativeName: 'Zoë Müller', romanName: 'MÜLLER Zoë', email: 'zoe@example.de', company: 'Bau AG' }))
  ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '庄志明', romanName: 'ZHUANG Zhiming', phone: '+65 9123 4567' }))
  for (const nativeName of ['单田芳', '曾小贤', '解晓东', '仇晓', '朴树', '庄严']) ok(hotel.call(hotel.desk, 'guest.create', { nativeName }))
})
afterAll(() => store.cleanup())

const search = (text: string) => ok(hotel.call(hotel.desk, 'guest.search', { text })) as { nativeName: string; matchedBy: string; stay: { roomNumber: string } | null }[]
const names = (text: string) => search(text).map((h) => h.nativeName)

describe('guest search', () => {
  it('finds by native script, romanized name, and either order', () => {
    expect(names('何家')).toEqual(['何家俊'])
    expect(names('ho ka')).toEqual(['何家俊'])
    expect(names('hokachun')).toEqual(['何家俊'])
    expect(names('庄志')).toEqual(['庄志明'])
  })

  it('finds a romanized name as it is being typed, from the surname or from the given names', () => {
    for (const typed of ['ho k', 'ho ka c', 'ka chun', 'kachun', 'HO KA CHUN']) expect(names(typed), typed).toEqual(['何家俊'])
    expect(names('mu zo')).toEqual([]) // words out of order are not a name as typed…
    expect(names('zoë')).toEqual(['Zoë Müller']) // …and one word still finds it
  })

  it('finds 庄志明 by full pinyin, initials and the character, first', () => {
    expect(names('zhuang')[0]).toBe('庄志明')
    expect(names('zzm')).toEqual(['庄志明'])
    expect(names('zhuangzhiming')).toEqual(['庄志明'])
    expect(names('zhiming')).toEqual(['庄志明'])
    expect(names('庄')).toEqual(expect.arrayContaining(['庄志明', '庄严']))
    expect(names('z')).toContain('庄志明')
  })

  it('reads polyphonic surnames as surnames: 单 Shan, 曾 Zeng, 解 Xie, 仇 Qiu, 朴 Piao', () => {
    expect(names('shan')).toContain('单田芳')
    expect(names('zeng')).toContain('曾小贤')
    expect(names('xie xiao')).toContain('解晓东')
    expect(names('qiu')).toContain('仇晓')
    expect(names('piao')).toContain('朴树')
    expect(names('dan')).not.toContain('单田芳')
  })

  it('ranks a whole-word match above a match inside a word', () => {
    ok(hotel.call(hotel.desk, 'guest.create', { nativeName: 'Hoang Minh', romanName: 'HOANG Minh' }))
    expect(names('ho')[0]).toBe('何家俊')
  })

  it('ignores case, accents and full-width letters', () => {
    expect(names('MULLER')).toEqual(['Zoë Müller'])
    expect(names('zoe')).toEqual(['Zoë Müller'])
    expect(names('ＺＨＵＡＮＧ ＺＨＩ')).toEqual(['庄志明'])
  })

  it('finds by phone however it is formatted, and by email and company', () => {
    expect(names('9123-4567')).toEqual(['庄志明'])
    expect(names('6612 3456')).toEqual(['何家俊'])
    expect(names('bau ag')).toEqual(['Zoë Müller'])
    expect(names('zoe@example')).toEqual(['Zoë Müller'])
  })

  it('finds an in-house guest by room number, and says so', () => {
    const [hit] = search('1001')
    expect(hit).toMatchObject({ nativeName: '何家俊', matchedBy: 'room', stay: { roomNumber: '1001' } })
  })

  it('answers odd and half-typed input with results, never an error', () => {
    for (const text of ['', ' ', 'h', '%', '_', "'", '"; DROP TABLE guest; --', '😀', '\\', '(', '庄😀', 'a'.repeat(200)]) {
      const result = hotel.call(hotel.desk, 'guest.search', { text })
      expect(result.ok, `search for ${JSON.stringify(text)}`).toBe(true)
    }
    expect(names('%')).toEqual([])
    expect(names('_')).toEqual([])
  })
})
