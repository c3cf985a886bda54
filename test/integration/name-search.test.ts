import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dayAfter, failure, localToday, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/**
 * Issue 8, "Search misses the guest": every kind of name, phone and room a person types at the
 * desk, each stored one way and typed another. Each row of the table is one test here.
 */
let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
const id: Record<string, number> = {}
const create = (key: string, fields: Record<string, unknown>) => {
  id[key] = ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', fields)).id
}

beforeAll(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  create('lyu', { nativeName: '吕思远' })
  create('chen', { nativeName: '陳嘉豪' })
  create('zhuang', { nativeName: '庄志明' })
  create('dang', { nativeName: 'Đặng Minh Châu' })
  create('obrien', { nativeName: "Siobhán O'Brien" })
  create('anna', { nativeName: 'Anna Kowalska' })
  create('gan', { nativeName: '甘伟明', romanName: 'GAN Weiming' })
  create('phone', { nativeName: '周海', phone: '139 2468 1357' })
  create('chaoyang', { nativeName: '张朝阳' })
  create('ji', { nativeName: '陈𠮷' })
  create('chenA', { nativeName: '陈一' })
  create('mail', { nativeName: '马丽', email: 'ma.li@example.cn', company: 'Lotus Trading' })
  create('room', { nativeName: '胡安', romanName: 'HU An' })
  const today = localToday()
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: id.room, arrival: today, departure: dayAfter(today, 2), party: 1 }))
  ok(store.core.callAs(hotel.admin, 'room.create', { number: '12A', floor: 12, facing: 'E', bed: 'king' }))
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '12A' }))
})
afterAll(() => store.cleanup())

type Hit = { guestId: number; nativeName: string; matchedBy: string }
const search = (text: string) => ok<Hit[]>(hotel.call(hotel.desk, 'guest.search', { text }))
const ids = (text: string) => search(text).map((h) => h.guestId)

describe('search finds the guest however the name is typed', () => {
  it('ü spelled as on passports and keyboards: lyu, lv, LYU SIYUAN', () => {
    for (const typed of ['lyu', 'lv', 'LYU SIYUAN', 'lvsiyuan', 'lü', 'lu si']) expect(ids(typed), typed).toContain(id.lyu)
  })

  it('traditional and simplified characters find each other', () => {
    expect(ids('陈嘉豪')).toEqual([id.chen])
    expect(ids('莊志明')).toEqual([id.zhuang])
    expect(ids('陈嘉')).toContain(id.chen)
  })

  it('letters that Unicode decomposition does not fold: Đ, ø, ł', () => {
    expect(ids('dang')).toContain(id.dang)
    expect(ids('dang minh chau')).toEqual([id.dang])
  })

  it('apostrophes of every shape, or none', () => {
    for (const typed of ['O’Brien', "o'brien", 'obrien', 'siobhan obrien', 'O‘BRIEN', 'siobhán o’brien']) expect(ids(typed), typed).toEqual([id.obrien])
  })

  it('a hyphenated given name typed surname last, before and after a merge', () => {
    const hsu = ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', { nativeName: '許俊宏', romanName: 'HSU Chun-Hung' })).id
    for (const typed of ['chun-hung hsu', 'chun-hung, hsu', 'hsu chun-hung', 'chun hung hsu']) expect(ids(typed), typed).toContain(hsu)
    const survivor = ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', { nativeName: '陳志明', romanName: 'CHAN Chi Ming' })).id
    const merged = ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', { nativeName: 'CHAN Chi-Ming', email: 'cm.chan@example.hk' })).id
    ok(hotel.call(hotel.admin, 'guest.merge', { survivorId: survivor, mergedId: merged }))
    for (const typed of ['chi-ming chan', 'CHAN Chi-Ming', 'cm.chan@']) expect(ids(typed), typed).toEqual([survivor])
  })

  it('either name order', () => {
    expect(ids('kowalska anna')).toEqual([id.anna])
    expect(ids('weiming gan')).toEqual([id.gan])
    expect(ids('weiming')).toEqual([id.gan])
  })

  it('a phone with its country prefix, however it is written', () => {
    for (const typed of ['+8613924681357', '008613924681357', '+86 139 2468 1357', '13924681357', '2468 1357']) {
      expect(ids(typed), typed).toEqual([id.phone])
    }
  })

  it('a second reading of a character in a given name: 朝 as zhao', () => {
    for (const typed of ['zzy', 'zhangzhaoyang', 'zhang zhaoyang', 'zcy', 'zhaoyang']) expect(ids(typed), typed).toContain(id.chaoyang)
  })

  it('a character outside the Basic Multilingual Plane is found by its prefix', () => {
    expect(ids('陈')).toEqual(expect.arrayContaining([id.ji, id.chenA]))
    expect(ids('陈𠮷')).toEqual([id.ji])
  })

  it('a room number with letters, in any case', () => {
    expect(search('12a')[0]).toMatchObject({ guestId: id.room, matchedBy: 'room' })
    expect(search('12A')[0]).toMatchObject({ guestId: id.room, matchedBy: 'room' })
  })

  it('says what matched: name, phone, email or company', () => {
    expect(search('2468 1357')[0]).toMatchObject({ guestId: id.phone, matchedBy: 'phone' })
    expect(search('ma.li@exa')[0]).toMatchObject({ guestId: id.mail, matchedBy: 'email' })
    expect(search('lotus trad')[0]).toMatchObject({ guestId: id.mail, matchedBy: 'company' })
    expect(search('马丽')[0]).toMatchObject({ guestId: id.mail, matchedBy: 'name' })
  })

  it('lists equally close guests in pinyin order, reading surnames as surnames (曾 under Z)', () => {
    const made = ['曾小华', '邓小华', '安小华'].map((nativeName) => ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', { nativeName })).id)
    expect(search('小华').map((h) => h.nativeName)).toEqual(['安小华', '邓小华', '曾小华'])
    expect(ids('小华').sort()).toEqual([...made].sort())
  })

  it('one odd character finds nobody, and internal keys cannot be typed', () => {
    // A NUL is refused with a clear message (no text may hold one); it never lists the hotel.
    const nul = hotel.call(hotel.desk, 'guest.search', { text: '\u0000' })
    expect(nul.ok ? nul.value : nul.error.code).toEqual(nul.ok ? [] : 'VALIDATION')
    for (const typed of ['\u200b', '\ufeff', '\u0301', '\u202e', '\u3000']) expect(ids(typed), JSON.stringify(typed)).toEqual([])
    for (const typed of ['n:', 'p:', 'e:ma.li@example.cn', 'n:li ma', '|', ' | ']) expect(ids(typed), JSON.stringify(typed)).toEqual([])
  })
})

describe('a given name alone', () => {
  let demo: ReturnType<typeof tempStore>
  beforeAll(() => {
    demo = tempStore()
    ok(demo.core.callAs(null, 'setup.loadDemo', {}))
  })
  afterAll(() => demo.cleanup())

  it('文静 finds every 文静 in the demo store, not only the one arriving today', () => {
    const desk = ok(demo.core.callAs(null, 'session.signIn', { code: 'fd01', pin: '1234' })).staff
    const wenjings = (demo.core.sqlite.prepare("SELECT native_name FROM guest WHERE native_name LIKE '_文静'").pluck().all() as string[]).sort()
    expect(wenjings.length).toBeGreaterThanOrEqual(3)
    const found = (text: string) => ok<Hit[]>(demo.core.callAs(desk, 'guest.search', { text })).map((h) => h.nativeName)
    expect(found('文静').sort()).toEqual(wenjings)
    expect(found('wenjing')).toEqual(expect.arrayContaining(wenjings))
    expect(found('文靜').sort()).toEqual(wenjings) // typed in traditional characters
  })
})

describe('input folded, not refused', () => {
  it('accepts a phone typed with full-width digits, and finds the guest by it', () => {
    const phone = '１３９ ８８８８ ６６６６'
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '全宽', phone }))
    expect(ids('13988886666')).toEqual([guestId])
    ok(hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '全宽', phone }))
    const card = ok(hotel.call(hotel.desk, 'guest.card', { guestId }))
    expect(card.guest.phone).toBe('139 8888 6666')
  })

  it('still refuses what is really invalid', () => {
    expect(failure(hotel.call(hotel.desk, 'guest.create', { nativeName: '坏号', phone: '１３９ abc' })).code).toBe('VALIDATION')
  })

  it('refuses invisible names, as it refuses a name of spaces', () => {
    for (const nativeName of ['\u200b', '\u202e鬼', '   ', '\u2060\u200d', '\ufeff']) {
      expect(failure(hotel.call(hotel.desk, 'guest.create', { nativeName })).code, JSON.stringify(nativeName)).toBe('VALIDATION')
    }
    expect(failure(hotel.call(hotel.desk, 'guest.create', { nativeName: '张伟', romanName: 'ZHANG\u202eWei' })).code).toBe('VALIDATION')
  })
})
