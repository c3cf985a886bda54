import { hotelInstant } from '../../electron/core/hotel-clock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { ok, tempStore } from '../fixtures/test-store'

// The demo hotel as a newcomer meets it: loaded through the public operations into a real
// store, then looked at the way the desk, the departments and guest relations would.

interface Room { number: string; floor: number; facing: string; features: string[]; status: string }
interface Suggestion { room: { number: string; floor: number; facing: string; features: string[] }; reasons: { code: string; outcome: string }[] }
interface Arrival { stayId: number; guestId: number; guest: { nativeName: string }; roomNumber: string | null; status: string }
interface Hit { guestId: number; nativeName: string; romanName: string | null }

let store: ReturnType<typeof tempStore>
let summary: { rooms: number; guests: number; arrivalsToday: number }
let desk: Actor
let manager: Actor
let relations: Actor
const call = <T = any>(actor: Actor | null, name: string, input: unknown = {}): T => ok<T>(store.core.callAs(actor, name, input))
/** The demo PIN: 1234, and 123456 for the manager and the administrator (6 digits at least). */
const demoPin = (code: string) => (code === 'ad01' || code === 'mg01' ? '123456' : '1234')
const signIn = (code: string): Actor => call<{ staff: Actor }>(null, 'session.signIn', { code, pin: demoPin(code) }).staff

beforeAll(() => {
  store = tempStore()
  summary = call(null, 'setup.loadDemo')
  desk = signIn('fd01')
  manager = signIn('mg01')
  relations = signIn('gr01')
})
afterAll(() => store.cleanup())

const arrivals = () => call<Arrival[]>(desk, 'stay.arrivals')
const arrivalOf = (nativeName: string) => arrivals().find((a) => a.guest.nativeName === nativeName)!
const search = (text: string) => call<Hit[]>(desk, 'guest.search', { text, limit: 50 })
const names = (text: string) => search(text).map((h) => h.nativeName)

describe('the demo hotel', () => {
  it('loads, and the store says it is the demo', () => {
    expect(summary).toEqual({ rooms: 240, guests: 200, arrivalsToday: 30 })
    expect(call(null, 'setup.status')).toMatchObject({ needsSetup: false, demo: true, rooms: 240, guests: 200 })
  })

  it('has 240 rooms on 12 floors, each facing where its corridor position says', () => {
    const rooms = call<Room[]>(manager, 'room.list')
    expect(rooms).toHaveLength(240)
    const floors = [...new Set(rooms.map((r) => r.floor))].sort((a, b) => a - b)
    expect(floors).toHaveLength(12)
    expect(floors).toContain(10)
    expect(new Set(rooms.map((r) => r.facing))).toEqual(new Set(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']))
    expect(rooms.find((r) => r.number === '1001')).toMatchObject({ floor: 10, facing: 'SW' })
    expect(rooms.find((r) => r.number === '1020')).toMatchObject({ floor: 10, facing: 'W' })
    expect(rooms.filter((r) => r.features.includes('visual_alarm')).length).toBeGreaterThanOrEqual(4)
    expect(rooms.filter((r) => r.status === 'out_of_order').map((r) => r.number)).toHaveLength(3)
    // Busy but not full: a realistic occupancy, and several 10F south rooms free for the story.
    const occupied = rooms.filter((r) => r.status === 'occupied').length
    expect(occupied).toBeGreaterThan(40)
    expect(occupied).toBeLessThan(120)
    expect(rooms.filter((r) => r.floor === 10 && r.facing === 'S' && r.status === 'vacant').length).toBeGreaterThanOrEqual(4)
  })

  it('has the seven departments, F&B’s four outlets and the staff the tour signs in as', () => {
    const departments = call<{ code: string; name: { en: string; zh: string }; promiseMinutes: number; parentCode: string | null }[]>(manager, 'department.list')
    expect(departments.filter((d) => d.parentCode === null).map((d) => d.code).sort()).toEqual(
      ['concierge', 'engineering', 'front_office', 'guest_relations', 'housekeeping', 'restaurant', 'security'],
    )
    // Outlets follow Food & Beverage in the list.
    const fb = departments.findIndex((d) => d.code === 'restaurant')
    expect(departments.slice(fb + 1, fb + 5).map((d) => `${d.parentCode}/${d.code} ${d.name.zh}`)).toEqual(
      ['restaurant/fb_allday 全日餐厅', 'restaurant/fb_chinese 中餐厅', 'restaurant/fb_ird 送餐服务', 'restaurant/fb_lounge 大堂吧'],
    )
    expect(departments.find((d) => d.code === 'housekeeping')!.name).toEqual({ en: 'Housekeeping', zh: '客房部' })
    const role = (code: string) => signIn(code)
    expect(role('ad01')).toMatchObject({ role: 'admin' })
    expect(role('mg01')).toMatchObject({ role: 'manager' })
    expect(role('fd01')).toMatchObject({ role: 'front_desk', department: 'front_office' })
    expect(role('fd02')).toMatchObject({ role: 'front_desk', department: 'front_office' })
    expect(role('hk01')).toMatchObject({ role: 'department_lead', department: 'housekeeping' })
    expect(role('hk02')).toMatchObject({ role: 'department', department: 'housekeeping' })
    expect(role('rs01')).toMatchObject({ role: 'department_lead', department: 'restaurant' })
    expect(role('cn01')).toMatchObject({ role: 'department', department: 'fb_chinese' })
    expect(role('gr01')).toMatchObject({ role: 'guest_relations', department: 'guest_relations' })
    for (const code of ['cc01', 'en01', 'sc01']) expect(() => signIn(code)).not.toThrow()
    // The directory before sign-in shows names and departments, never codes or roles.
    const directory = call<Record<string, unknown>[]>(null, 'staff.directory')
    expect(directory).toHaveLength(13)
    for (const entry of directory) expect(Object.keys(entry).sort()).toEqual(['departmentName', 'id', 'name', 'romanName'])
    expect(directory.find((d) => d.name === '刘秀兰')!.departmentName).toEqual({ en: 'Housekeeping', zh: '客房部' })
  })

  it('expects 30 arrivals today, and has guests in house and booked later', () => {
    const today = arrivals()
    expect(today).toHaveLength(30)
    expect(today.every((a) => a.status === 'reserved')).toBe(true)
    // VIPs arriving today have their room of last time pre-assigned when it is free tonight
    // (山本's 601 is still occupied); the others get one at the desk.
    expect(today.filter((a) => a.roomNumber !== null).map((a) => [a.guest.nativeName, a.roomNumber])).toEqual([['庄志明', '820']])
    expect(today.map((a) => a.guest.nativeName)).toEqual(expect.arrayContaining(['何家俊', '庄志明', '曾文静']))
    const inHouse = call<Arrival[]>(desk, 'stay.inHouse')
    expect(inHouse.length).toBeGreaterThan(40)
    const later = call<Arrival[]>(desk, 'stay.arrivals', { date: dayOffset(12) })
    expect(later.map((a) => a.guest.nativeName)).toContain('仇海燕')
  })

  it('prepares 庄志明’s pre-assigned room before he arrives: orchids, tea set and the visual-alarm kit fall due by his arrival', () => {
    const zhuang = arrivals().find((a) => a.guest.nativeName === '庄志明')!
    const prompts = call<{ trigger: string; department: string; text: { en: string }; dueAt: string; createdAt: string }[]>(manager, 'prompt.ofStay', { stayId: zhuang.stayId })
    const preparation = prompts.filter((p) => p.trigger === 'pre_arrival')
    expect(preparation.map((p) => p.department)).toEqual(expect.arrayContaining(['housekeeping', 'engineering']))
    expect(preparation.some((p) => /orchid/i.test(p.text.en))).toBe(true)
    expect(preparation.some((p) => /tea set/i.test(p.text.en))).toBe(true)
    expect(preparation.some((p) => /visual fire alarm/i.test(p.text.en))).toBe(true)
    // Due by his arrival (no ETA: 14:00 hotel time on the day); only when the demo is loaded so
    // late in the day that the work cannot fit before it, the rule's own minutes from then.
    const clock = call<{ timeZone: string; businessDate: string }>(manager, 'hotel.clock')
    const arrivalAt = hotelInstant(clock.businessDate, '14:00', clock.timeZone).getTime()
    for (const p of preparation) {
      // (A second's slack: the prompt's due time and its creation time are two reads of the clock.)
      const latest = Math.max(arrivalAt, Date.parse(p.createdAt) + 120 * 60_000 + 1000)
      expect(Date.parse(p.dueAt)).toBeLessThanOrEqual(latest)
      expect(Date.parse(p.dueAt)).toBeGreaterThan(Date.parse(p.createdAt))
    }
  })

  it('has a few returning arrivals with a wish last confirmed over a year ago, for the desk to confirm', () => {
    const staleCounts = arrivals().map((a) => call<{ preferences: { stale: boolean }[] }>(desk, 'guest.card', { guestId: a.guestId }).preferences.filter((p) => p.stale).length)
    expect(staleCounts.filter((n) => n > 0)).toEqual([1, 1, 1, 1, 1])
  })

  it('keeps 200 guests with preferences and past stays', () => {
    const rules = call<unknown[]>(manager, 'rule.list')
    expect(rules.length).toBeGreaterThanOrEqual(20)
    const counts = store.core.sqlite
      .prepare("SELECT (SELECT count(*) FROM guest) AS guests, (SELECT count(*) FROM preference) AS preferences, (SELECT count(*) FROM stay WHERE status = 'checked_out') AS past")
      .get() as { guests: number; preferences: number; past: number }
    expect(counts.guests).toBe(200)
    expect(counts.preferences).toBeGreaterThan(400)
    expect(counts.past).toBeGreaterThan(300)
  })
})

describe('the source story in the demo', () => {
  it('the Macau guest: found as "HO Ka", 10F south on top, and check-in prompts housekeeping and the restaurant', () => {
    expect(names('HO Ka')).toContain('何家俊')
    const arrival = arrivalOf('何家俊')
    const card = call(desk, 'guest.card', { guestId: arrival.guestId })
    expect(card.guest).toMatchObject({ romanName: 'HO Ka Chun', salutation: 'mr', nationality: 'MO', occupation: 'Advertising executive', vip: 1 })
    expect(card.stats.roomsUsed.every((r: string) => r.startsWith('10'))).toBe(true)
    expect(card.stats.stays).toBeGreaterThanOrEqual(2)

    const [top] = call<Suggestion[]>(desk, 'room.suggest', { stayId: arrival.stayId })
    expect(top.room).toMatchObject({ floor: 10, facing: 'S' })
    const checkIn = call<{ prompts: { department: string; text: { en: string } }[] }>(desk, 'stay.checkIn', { stayId: arrival.stayId, roomNumber: top.room.number })
    const prompts = checkIn.prompts.map((p) => `${p.department}: ${p.text.en}`)
    expect(prompts).toContain(`housekeeping: Place the latest mainland advertising periodicals in room ${top.room.number}.`)
    expect(prompts.some((p) => p.startsWith('restaurant: Recommend Sichuan dishes'))).toBe(true)
    expect(prompts.some((p) => p.startsWith('restaurant:') && p.includes('chilli-and-Sichuan-pepper oil in small dishes'))).toBe(true)
    // The restaurant board shows exactly one of each, so nobody confuses his with another guest's.
    const restaurant = call<{ text: { en: string } }[]>(signIn('rs01'), 'prompt.board', { department: 'restaurant' })
    expect(restaurant.filter((p) => p.text.en.includes('Recommend Sichuan dishes'))).toHaveLength(1)
    expect(restaurant.filter((p) => p.text.en.includes('chilli-and-Sichuan-pepper oil in small dishes'))).toHaveLength(1)
  })

  it('Mr Zhuang: the card leads with the hearing alert, and the top room is west-facing with a visual alarm and an 8', () => {
    const arrival = arrivalOf('庄志明')
    const card = call(desk, 'guest.card', { guestId: arrival.guestId })
    expect(card.guest).toMatchObject({ romanName: 'ZHUANG Zhiming', nationality: 'SG' })
    expect(card.alerts).toEqual([expect.objectContaining({ category: 'access', code: 'hearing', value: 'hard_of_hearing', strength: 'required' })])
    const prefs = card.preferences.map((p: { category: string; code: string; value: string }) => `${p.category}.${p.code}=${p.value}`)
    expect(prefs).toEqual(expect.arrayContaining(['room.facing=W', 'number.lucky=8', 'amenity.flowers=orchid', 'amenity.toiletries_scent=sandalwood', 'interest.hobby=chinese_chess', 'reading.newspaper=lianhe_zaobao']))
    // Learned on his stays, not on the day the demo was loaded: dated at the end of his last stay.
    const today = new Date().toISOString().slice(0, 10)
    for (const p of card.preferences as { recordedAt: string; lastConfirmedAt: string; stale: boolean }[]) {
      expect(p.recordedAt.slice(0, 10) < today, p.recordedAt).toBe(true)
      expect(p).toMatchObject({ lastConfirmedAt: p.recordedAt, stale: false })
    }

    const [top] = call<Suggestion[]>(desk, 'room.suggest', { stayId: arrival.stayId })
    expect(top.room.facing).toBe('W')
    expect(top.room.features).toContain('visual_alarm')
    expect(top.room.number).toContain('8')
    expect(top.reasons.every((r) => r.outcome === 'match')).toBe(true)
  })

  it('the building contractor is in house, arrived weeks ago, and the hotel does not know about his shoes yet', () => {
    const stay = call<Arrival[]>(desk, 'stay.inHouse').find((s) => s.guest.nativeName === '郑国强')!
    expect(stay).toBeDefined()
    expect(stay.roomNumber).toBe('716')
    const card = call(desk, 'guest.card', { guestId: stay.guestId })
    expect(card.guest.occupation).toBe('Building contractor')
    expect(card.stats.stays).toBeGreaterThanOrEqual(3)
    const current = card.stays.find((s: { status: string }) => s.status === 'in_house')
    expect(current.arrival <= dayOffset(-14)).toBe(true)
    expect(current.departure > dayOffset(0)).toBe(true)
    expect(card.preferences.some((p: { code: string }) => p.code === 'shoe_care')).toBe(false)
    expect(call<Hit[]>(desk, 'guest.search', { text: '716' })[0].nativeName).toBe('郑国强')
  })

  it('has four observations from four departments waiting in guest relations’ inbox', () => {
    const inbox = call<{ observations: { department: string; text: string; roomNumber: string | null }[]; byDepartment: { department: string; new: number }[] }>(
      relations,
      'observation.inbox',
    )
    expect(inbox.observations.map((o) => o.department).sort()).toEqual(['concierge', 'engineering', 'housekeeping', 'restaurant'])
    expect(inbox.observations.find((o) => o.department === 'restaurant')?.text).toContain('mapo tofu')
    expect(inbox.byDepartment.map((d) => d.new)).toEqual([1, 1, 1, 1])
    // Each was noticed during a stay in house, so it names the guest's room.
    expect(inbox.observations.filter((o) => !o.roomNumber)).toEqual([])
  })

  it('guest relations sees the two people entered twice, and no accidental look-alikes', () => {
    const pairs = call<{ a: { nativeName: string }; b: { nativeName: string } }[]>(relations, 'guest.duplicates')
    expect(pairs.map((p) => [p.a.nativeName, p.b.nativeName].sort().join(' + ')).sort()).toEqual(['CHAN Chi-Ming + 陳志明', 'Wang Lihua + 王丽华'])
  })
})

describe('search in the demo', () => {
  it('finds 庄志明 by pinyin, initials and the character', () => {
    expect(names('zhuang')[0]).toBe('庄志明')
    expect(names('zzm')).toContain('庄志明')
    expect(names('庄')).toContain('庄志明')
  })

  it('reads polyphonic surnames as surnames, even without a romanized name', () => {
    expect(names('shan')).toContain('单建华')
    expect(names('sjh')).toContain('单建华') // initials come from pinyin only
    expect(names('zeng')).toContain('曾文静')
    expect(names('zwj')).toContain('曾文静')
    expect(names('xie')).toContain('解振宇') // no romanized name on file
    expect(names('xiezhenyu')).toContain('解振宇')
    expect(names('qiu')).toContain('仇海燕') // no romanized name on file
    expect(names('qiuhaiyan')).toContain('仇海燕')
    expect(names('piao')).toContain('朴成浩')
    expect(names('pch')).toContain('朴成浩')
    expect(names('dan')).not.toContain('单建华')
    expect(names('jie zhen')).not.toContain('解振宇')
  })
})

function dayOffset(days: number): string {
  const now = new Date()
  const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate() + days))
  return today.toISOString().slice(0, 10)
}
