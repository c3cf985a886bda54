import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMacauGuest, dayAfter, localToday, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

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

describe('guest search ranking by who matters now', () => {
  let ranked: ReturnType<typeof tempStore>
  let small: SmallHotel
  const ids: Record<'inHouse' | 'arriving' | 'past', number> = { inHouse: 0, arriving: 0, past: 0 }
  beforeAll(() => {
    ranked = tempStore()
    small = seedSmallHotel(ranked.core)
    // More namesakes than any search window holds, created first so they fill the index's order.
    for (let i = 0; i < 90; i++) ok(small.call(small.desk, 'guest.create', { nativeName: `林${'一二三四五六七八九十'[i % 10]}${i}`, romanName: `LIN Guest${i}` }))
    for (const key of ['past', 'arriving', 'inHouse'] as const) ids[key] = ok<{ id: number }>(small.call(small.desk, 'guest.create', { nativeName: '林真', romanName: 'LIN Zhen' })).id
    const today = localToday()
    const stay = (guestId: number) => ok<{ stayId: number }>(small.call(small.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 2), party: 1 })).stayId
    stay(ids.arriving)
    ok(small.call(small.desk, 'stay.checkIn', { stayId: stay(ids.inHouse), roomNumber: '901' }))
  })
  afterAll(() => ranked.cleanup())
  const found = (text: string) => (ok(small.call(small.desk, 'guest.search', { text })) as { guestId: number }[]).map((h) => h.guestId)

  it('puts the guest in house first, then the one arriving today, among equally close matches', () => {
    expect(found('lin zhen').slice(0, 3)).toEqual([ids.inHouse, ids.arriving, ids.past])
    expect(found('林真').slice(0, 3)).toEqual([ids.inHouse, ids.arriving, ids.past])
  })

  it('finds them first even when a short query matches more guests than it reads', () => {
    for (const text of ['l', 'li', 'lin', '林']) expect(found(text).slice(0, 2), text).toEqual([ids.inHouse, ids.arriving])
  })
})
