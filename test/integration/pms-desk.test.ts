import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Every stay change can come from the desk or from the PMS and fires the same events, once; the
// desk's own stay operations (companions, two rooms, booking details, moves, dates, cancel) and
// what the desk may still do when the PMS owns stays.

const D = '2026-12-01'
const D1 = '2026-12-02'
const D2 = '2026-12-03'
const D3 = '2026-12-04'
const now = new Date(2026, 11, 1, 10, 0, 0)

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
beforeEach(() => {
  store = tempStore({ now })
  hotel = seedSmallHotel(store.core)
})
afterEach(() => store.cleanup())

type Prompt = { id: number; stayId: number; guestId: number; department: string; status: string; roomNumber: string | null; text: { en: string } }
const call = (name: string, input: unknown) => hotel.call(hotel.desk, name, input)
const count = (table: string) => (store.core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const details = (stayId: number) => ok(call('stay.details', { stayId }))
const kinds = (stayId: number) => details(stayId).events.map((e: { kind: string; source: string }) => `${e.source}:${e.kind}`)
const promptsOf = (stayId: number) => ok<Prompt[]>(call('prompt.ofStay', { stayId }))
const roomCode = (number: string) => ok<{ number: string; code: string }[]>(call('room.list', {})).find((r) => r.number === number)!.code

function guest(nativeName: string, romanName: string, more: Record<string, unknown> = {}, prefs: [string, string, string][] = []) {
  const { id } = ok(call('guest.create', { nativeName, romanName, ...more }))
  // Health needs (allergies among them) are kept only with the guest's consent (PIPL Art. 29).
  if (prefs.length > 0) ok(call('consent.record', { guestId: id, kind: 'sensitive', given: true, method: 'paper_form' }))
  for (const [category, code, value] of prefs) ok(call('preference.add', { guestId: id, category, code, value }))
  return id as number
}
const ho = () =>
  guest('何家俊', 'HO Ka Chun', { phone: '+853 6612 3456', salutation: 'mr' }, [
    ['reading', 'periodical', 'mainland_advertising'],
    ['food', 'cuisine', 'sichuan'],
  ])
const reserve = (guestId: number, more: Record<string, unknown> = {}) =>
  ok<{ stayId: number }>(call('stay.reserve', { guestId, arrival: D, departure: D3, party: 1, ...more })).stayId

const inHouseCsv = (rows: string[]) => ['Conf No,Name,Arrival,Departure,Room,Status,Phone', ...rows].join('\n')
async function pmsImport(kind: string, text: string) {
  const result = ok(await store.core.callAsAsync(hotel.admin, 'pms.import', { kind, fileName: `${kind}.csv`, content: Buffer.from(text).toString('base64') }))
  expect(result.status, JSON.stringify(result.errors)).toBe('applied')
  return result
}
const noEvents = { reservation: 0, pre_arrival: 0, check_in: 0, room_move: 0, dates_changed: 0, check_out: 0, withdrawn: 0 }

describe('the desk and the PMS fire each stay event once', () => {
  it('a guest checked in at the desk, then listed in the PMS in-house report: no second check-in, no second prompts', async () => {
    const stayId = reserve(ho())
    const checkIn = ok(call('stay.checkIn', { stayId, roomNumber: '1001' }))
    expect(checkIn.prompts).toHaveLength(2)
    const prompts = count('prompt')
    const result = await pmsImport('in_house', inHouseCsv([`9001,HO/KA CHUN MR,${D},${D3},1001,CHECKED IN,+853 6612 3456`]))
    expect(result.events).toEqual(noEvents)
    expect(result).toMatchObject({ matched: { name_phone: 1 }, newProfiles: 0, unmatched: 0 })
    expect(count('prompt')).toBe(prompts)
    expect(count('stay')).toBe(1)
    expect(details(stayId)).toMatchObject({ pmsConfirmation: '9001', origin: 'desk', status: 'in_house', roomNumber: '1001' })
    expect(kinds(stayId)).toEqual(['desk:reservation', 'desk:check_in'])
    // The next report, and the arrivals report too, still change nothing.
    expect((await pmsImport('in_house', inHouseCsv([`9001,HO/KA CHUN MR,${D},${D3},1001,CHECKED IN,+853 6612 3456`]))).events).toEqual(noEvents)
    expect((await pmsImport('arrivals', inHouseCsv([`9001,HO/KA CHUN MR,${D},${D3},1001,CHECKED IN,+853 6612 3456`]))).events).toEqual(noEvents)
    expect(kinds(stayId)).toEqual(['desk:reservation', 'desk:check_in'])
    expect(count('prompt')).toBe(prompts)
  })

  it('a desk reservation adopted by the PMS arrivals report is checked in once, by the in-house report', async () => {
    const stayId = reserve(ho())
    const arrivals = await pmsImport('arrivals', inHouseCsv([`9002,HO/KA CHUN MR,${D},${D3},,DUE IN,+853 6612 3456`]))
    expect(arrivals.events).toEqual(noEvents)
    const inHouse = await pmsImport('in_house', inHouseCsv([`9002,HO/KA CHUN MR,${D},${D3},1002,CHECKED IN,+853 6612 3456`]))
    expect(inHouse.events).toEqual({ ...noEvents, check_in: 1 })
    expect(kinds(stayId)).toEqual(['desk:reservation', 'pms:check_in'])
    expect(promptsOf(stayId).filter((p) => p.status === 'open')).toHaveLength(2)
    expect(count('stay')).toBe(1)
  })

  it('stay.import of the same booking twice makes one stay', () => {
    const guestId = guest('李娜', 'LI Na')
    const booking = { guestId, arrival: D1, departure: D3, party: 1, status: 'reserved' }
    ok(hotel.call(hotel.admin, 'stay.import', booking))
    expect(failure(hotel.call(hotel.admin, 'stay.import', booking)).code).toBe('GUEST_HAS_STAY')
    const past = { guestId, arrival: '2026-10-01', departure: '2026-10-03', party: 1, status: 'checked_out', roomNumber: '1001' }
    ok(hotel.call(hotel.admin, 'stay.import', past))
    expect(failure(hotel.call(hotel.admin, 'stay.import', past)).code).toBe('GUEST_HAS_STAY')
    expect(count('stay')).toBe(2)
  })

  it('beside a PMS, the desk may not check in, out, move, re-date, cancel or book; it may choose the room', () => {
    const stayId = reserve(ho())
    const other = reserve(guest('张伟', 'ZHANG Wei'))
    ok(call('stay.checkIn', { stayId: other, roomNumber: '1201' }))
    expect(ok(hotel.call(hotel.admin, 'pms.setSettings', { mode: 'with_pms' }))).toMatchObject({ mode: 'with_pms' })
    expect(ok(call('pms.settings', {})).mode).toBe('with_pms')
    const refused = [
      call('stay.checkIn', { stayId, roomNumber: '1001' }),
      call('stay.checkOut', { stayId: other }),
      call('stay.moveRoom', { stayId: other, roomNumber: '1202' }),
      call('stay.changeDates', { stayId, departure: D2 }),
      call('stay.cancel', { stayId }),
      call('stay.reserve', { guestId: guest('王芳', 'WANG Fang'), arrival: D, departure: D1, party: 1 }),
    ]
    for (const r of refused) expect(failure(r).code).toBe('PMS_OWNS_STAYS')
    expect(details(stayId)).toMatchObject({ status: 'reserved', roomNumber: null })
    const assigned = ok(call('stay.assignRoom', { stayId, roomNumber: '1001' }))
    expect(assigned.roomNumber).toBe('1001')
    expect(kinds(stayId)).toEqual(['desk:reservation', 'desk:pre_arrival'])
    expect(failure(call('stay.assignRoom', { stayId: 987654, roomNumber: '1002' })).code).toBe('NOT_FOUND')
  })

  it('beside a PMS, a room the desk chose is kept by a report without rooms, and the PMS’s own choice wins', async () => {
    ok(hotel.call(hotel.admin, 'pms.setSettings', { mode: 'with_pms' }))
    const row = (room: string) => `9003,HO/KA CHUN MR,${D},${D3},${room},DUE IN,+853 6612 3456`
    const guestId = ho()
    await pmsImport('arrivals', inHouseCsv([row('')]))
    const stayId = (store.core.sqlite.prepare("SELECT id FROM stay WHERE pms_confirmation = '9003'").get() as { id: number }).id
    expect(details(stayId).guest.guestId).toBe(guestId)
    ok(call('stay.assignRoom', { stayId, roomNumber: '1001' }))
    expect((await pmsImport('arrivals', inHouseCsv([row('')]))).events).toEqual(noEvents)
    expect(details(stayId).roomNumber).toBe('1001')
    expect((await pmsImport('arrivals', inHouseCsv([row('1101')]))).events).toEqual({ ...noEvents, pre_arrival: 1 })
    expect((await pmsImport('in_house', inHouseCsv([row('1101').replace('DUE IN', 'CHECKED IN')]))).events).toEqual({ ...noEvents, check_in: 1 })
    expect(kinds(stayId)).toEqual(['pms:reservation', 'desk:pre_arrival', 'pms:pre_arrival', 'pms:check_in'])
    expect(promptsOf(stayId).map((p) => `${p.status} ${p.roomNumber}`)).toEqual(['open 1101', 'open 1101'])
  })
})

describe('the desk’s stay operations', () => {
  it('accompanying guests with a profile get prompts from the rules, once', () => {
    ok(
      hotel.call(hotel.admin, 'rule.create', {
        key: 'allergy-alert',
        trigger: 'check_in',
        category: 'food',
        code: 'allergy',
        value: null,
        department: 'restaurant',
        priority: 'urgent',
        polarity: 'any',
        dueMinutes: 10,
        template: { en: 'Allergy: {guest} must never be served {value} (room {room}).', zh: '过敏：{guest}（{room}房）不可食用{value}。' },
      }),
    )
    const main = ho()
    const child = guest('何小明', 'HO Siu Ming', {}, [['food', 'allergy', 'peanut']])
    const stayId = reserve(main, { companions: [{ guestId: child }, { name: 'Nanny Chan' }] })
    const { prompts } = ok<{ prompts: Prompt[] }>(call('stay.checkIn', { stayId, roomNumber: '1001' }))
    const alert = prompts.find((p) => p.guestId === child)!
    expect(alert).toMatchObject({ department: 'restaurant', roomNumber: '1001', priority: 'urgent' })
    expect(alert.text.en).toContain('Peanut')
    expect(details(stayId).companions).toMatchObject([
      { guestId: child, name: '何小明' },
      { guestId: null, name: 'Nanny Chan' },
    ])
    const total = count('prompt')
    // Setting the same companions again, or adding a name only, makes no prompt twice.
    expect(ok(call('stay.setCompanions', { stayId, companions: [{ guestId: child }, { name: 'Nanny Chan' }] })).prompts).toEqual([])
    expect(ok(call('stay.setCompanions', { stayId, companions: [{ guestId: child }] })).prompts).toEqual([])
    expect(count('prompt')).toBe(total)
    // A companion added after check-in gets the check-in prompts at once.
    const friend = guest('陈美玲', 'CHAN Mei Ling', {}, [['food', 'allergy', 'shellfish']])
    const added = ok<{ prompts: Prompt[] }>(call('stay.setCompanions', { stayId, companions: [{ guestId: child }, { guestId: friend }] }))
    // Her allergy reaches the restaurant (this rule, and the built-in allergy standing instruction).
    expect(added.prompts.length).toBeGreaterThan(0)
    for (const p of added.prompts) expect(p).toMatchObject({ guestId: friend, roomNumber: '1001', department: 'restaurant' })
    expect(added.prompts.some((p) => p.text.en.includes('Shellfish'))).toBe(true)
    expect(failure(call('stay.setCompanions', { stayId, companions: [{}] })).code).toBe('VALIDATION')
    expect(failure(call('stay.setCompanions', { stayId, companions: [{ guestId: 99999 }] })).code).toBe('NOT_FOUND')
  })

  it('one profile may hold two rooms at once, when the desk says so', () => {
    const guestId = ho()
    const first = reserve(guestId)
    const clash = failure(call('stay.reserve', { guestId, arrival: D1, departure: D2, party: 1 }))
    expect(clash.code).toBe('GUEST_HAS_STAY')
    expect(count('stay')).toBe(1)
    const second = reserve(guestId, { departure: D2, anotherRoom: true })
    ok(call('stay.checkIn', { stayId: first, roomNumber: '1001' }))
    ok(call('stay.checkIn', { stayId: second, roomNumber: '1002' }))
    const inHouse = ok<{ guestId: number; roomNumber: string }[]>(call('stay.inHouse', {}))
    expect(inHouse.filter((s) => s.guestId === guestId).map((s) => s.roomNumber)).toEqual(['1001', '1002'])
  })

  it('keeps the booking details: ETA, membership, company, room type, source, remarks', () => {
    const stayId = reserve(ho(), { eta: '14:30', membershipNo: 'GC88001234', company: 'Huawei Technologies', roomType: 'dkn', source: 'GDS', remarks: 'High floor, late check-out' })
    expect(details(stayId)).toMatchObject({ eta: '14:30', membershipNo: 'GC88001234', company: 'Huawei Technologies', roomType: 'DKN', source: 'GDS', remarks: 'High floor, late check-out', origin: 'desk' })
    const [arrival] = ok<{ eta: string; company: string; roomType: string }[]>(call('stay.arrivals', {}))
    expect(arrival).toMatchObject({ eta: '14:30', company: 'Huawei Technologies', roomType: 'DKN' })
    const guestId = guest('张伟', 'ZHANG Wei')
    for (const bad of [{ eta: '25:00' }, { eta: '2pm' }, { roomType: 'D K N' }, { remarks: 'x'.repeat(1001) }, { party: 0 }, { departure: D }]) {
      const refused = failure(call('stay.reserve', { guestId, arrival: D, departure: D1, party: 1, ...bad }))
      expect(refused.code, JSON.stringify(bad)).toBe('VALIDATION')
    }
  })

  it('lists arrivals VIPs first, then guests with alerts, then the rest', () => {
    const plain = guest('安平', 'AN Ping')
    const alert = guest('白露', 'BAI Lu', {}, [['food', 'allergy', 'peanut']])
    const vip1 = guest('余明', 'YU Ming', { vip: 1 })
    const vip2 = guest('赵磊', 'ZHAO Lei', { vip: 2 })
    for (const g of [plain, alert, vip1, vip2]) reserve(g)
    const list = ok<{ guestId: number; alerts: number }[]>(call('stay.arrivals', { date: D }))
    expect(list.map((s) => s.guestId)).toEqual([vip2, vip1, alert, plain])
    expect(list[2].alerts).toBe(1)
  })

  it('a cancelled reservation and a no-show close their open prompts and free the room', () => {
    ok(
      hotel.call(hotel.admin, 'rule.create', {
        key: 'periodicals-ahead',
        trigger: 'pre_arrival',
        category: 'reading',
        code: 'periodical',
        value: 'mainland_advertising',
        department: 'housekeeping',
        dueMinutes: 60,
        template: { en: 'Before arrival, put mainland advertising periodicals in room {room}.', zh: '客人到店前在{room}房间放置内地广告期刊。' },
      }),
    )
    const cancelled = reserve(ho())
    const noShow = reserve(guest('何家俊', 'HO Ka Chun', { phone: '+853 6612 9999' }, [['reading', 'periodical', 'mainland_advertising']]))
    expect(ok(call('stay.assignRoom', { stayId: cancelled, roomNumber: '1001' })).prompts).toHaveLength(1)
    expect(ok(call('stay.assignRoom', { stayId: noShow, roomNumber: '1002' })).prompts).toHaveLength(1)
    expect(ok(call('stay.cancel', { stayId: cancelled }))).toMatchObject({ status: 'cancelled', cancelledPrompts: 1 })
    expect(ok(call('stay.cancel', { stayId: noShow, noShow: true }))).toMatchObject({ status: 'no_show', cancelledPrompts: 1 })
    for (const stayId of [cancelled, noShow]) {
      expect(promptsOf(stayId).map((p) => p.status)).toEqual(['cancelled'])
      expect(details(stayId).roomNumber).toBeNull()
      expect(kinds(stayId)).toEqual(['desk:reservation', 'desk:pre_arrival', 'desk:withdrawn'])
    }
    expect(ok<Prompt[]>(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' }))).toEqual([])
    expect(failure(call('stay.cancel', { stayId: cancelled })).code).toBe('STAY_NOT_RESERVED')
    expect(failure(call('stay.checkIn', { stayId: noShow, roomNumber: '1002' })).code).toBe('STAY_NOT_RESERVED')
    // The room is free again for another guest.
    const next = reserve(guest('张伟', 'ZHANG Wei'))
    expect(ok(call('stay.assignRoom', { stayId: next, roomNumber: '1001' })).roomNumber).toBe('1001')
  })

  it('a room move takes the open prompts to the new room; the room left is vacant dirty', () => {
    const stayId = reserve(ho())
    ok(call('stay.checkIn', { stayId, roomNumber: '1001' }))
    const blocker = reserve(guest('张伟', 'ZHANG Wei'))
    ok(call('stay.checkIn', { stayId: blocker, roomNumber: '1202' }))
    expect(failure(call('stay.moveRoom', { stayId, roomNumber: '1202' })).code).toBe('ROOM_OCCUPIED')
    expect(failure(call('stay.moveRoom', { stayId, roomNumber: '1001' })).code).toBe('VALIDATION')
    expect(failure(call('stay.moveRoom', { stayId, roomNumber: '1003' })).code).toBe('ROOM_OUT_OF_ORDER')
    expect(failure(call('stay.moveRoom', { stayId, roomNumber: '7777' })).code).toBe('NO_SUCH_ROOM')
    const moved = ok(call('stay.moveRoom', { stayId, roomNumber: '1101' }))
    expect(moved).toMatchObject({ from: '1001', roomNumber: '1101', promptsMoved: 2 })
    const board = ok<Prompt[]>(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' }))
    expect(board).toMatchObject([{ stayId, roomNumber: '1101', text: { en: 'Place the latest mainland advertising periodicals in room 1101.' } }])
    const restaurant = ok<Prompt[]>(hotel.call(hotel.cook, 'prompt.board', { department: 'restaurant' })).find((p) => p.text.en.startsWith('Recommend'))!
    expect(restaurant.text.en).toBe('Recommend Sichuan dishes to Mr Ho (room 1101).')
    expect(roomCode('1001')).toBe('VD')
    expect(kinds(stayId)).toEqual(['desk:reservation', 'desk:check_in', 'desk:room_move'])
    expect(failure(call('stay.moveRoom', { stayId: reserve(guest('王芳', 'WANG Fang')), roomNumber: '1201' })).code).toBe('STAY_NOT_IN_HOUSE')
  })

  it('changes dates with clear refusals, never an internal error', () => {
    const reserved = reserve(ho())
    const inHouse = reserve(guest('张伟', 'ZHANG Wei'))
    ok(call('stay.checkIn', { stayId: inHouse, roomNumber: '1201' }))
    expect(ok(call('stay.changeDates', { stayId: inHouse, departure: '2026-12-06' }))).toMatchObject({ arrival: D, departure: '2026-12-06' })
    expect(ok(call('stay.changeDates', { stayId: reserved, arrival: D1, departure: '2026-12-05' }))).toMatchObject({ arrival: D1, departure: '2026-12-05' })
    expect(kinds(inHouse)).toEqual(['desk:reservation', 'desk:check_in', 'desk:dates_changed'])
    // The same dates again: no event.
    ok(call('stay.changeDates', { stayId: inHouse, departure: '2026-12-06' }))
    expect(kinds(inHouse)).toHaveLength(3)
    const refusals: [string, unknown, string][] = [
      ['stay.changeDates', { stayId: inHouse, arrival: D1, departure: '2026-12-07' }, 'STAY_DATES'],
      ['stay.changeDates', { stayId: reserved, departure: D1 }, 'STAY_DATES'],
      ['stay.changeDates', { stayId: reserved, departure: '2026-13-01' }, 'VALIDATION'],
      ['stay.changeDates', { stayId: reserved, departure: 'tomorrow' }, 'VALIDATION'],
      ['stay.changeDates', { stayId: 99999, departure: D2 }, 'NOT_FOUND'],
      ['stay.changeDates', { stayId: -1, departure: D2 }, 'VALIDATION'],
      ['stay.reserve', { guestId: 1, arrival: '2026-11-30', departure: D1, party: 1 }, 'STAY_DATES'],
      ['stay.reserve', { guestId: 1, arrival: D2, departure: D1, party: 1 }, 'VALIDATION'],
      ['stay.assignRoom', { stayId: reserved, roomNumber: '' }, 'VALIDATION'],
      ['stay.assignRoom', { stayId: reserved, roomNumber: '7777' }, 'NO_SUCH_ROOM'],
      ['stay.details', { stayId: 'one' }, 'VALIDATION'],
      ['stay.preassignPlan', { date: '01/12/2026' }, 'VALIDATION'],
    ]
    for (const [name, input, code] of refusals) expect(failure(call(name, input)).code, `${name} ${JSON.stringify(input)}`).toBe(code)
    expect(details(reserved)).toMatchObject({ arrival: D1, departure: '2026-12-05' })
  })

  it('plans tomorrow’s rooms VIPs first, never one room for two stays, keeping a room already chosen', () => {
    const reserveTomorrow = (guestId: number) => reserve(guestId, { arrival: D1, departure: D3 })
    const plain = reserveTomorrow(guest('安平', 'AN Ping'))
    const alert = reserveTomorrow(guest('白露', 'BAI Lu', {}, [['food', 'allergy', 'peanut']]))
    const vip = reserveTomorrow(guest('赵磊', 'ZHAO Lei', { vip: 2 }))
    const chosen = reserveTomorrow(guest('钱进', 'QIAN Jin'))
    ok(call('stay.assignRoom', { stayId: chosen, roomNumber: '1001' }))
    const extra = Array.from({ length: 8 }, (_, i) => reserveTomorrow(guest(`客人${i}`, `GUEST No${i}`)))
    const plan = ok<{ stayId: number; current: string | null; proposal: { room: { number: string } } | null }[]>(call('stay.preassignPlan', {}))
    expect(plan.slice(0, 2).map((p) => p.stayId)).toEqual([vip, alert])
    expect(plan.map((p) => p.stayId).sort()).toEqual([plain, alert, vip, chosen, ...extra].sort())
    expect(plan.find((p) => p.stayId === chosen)).toMatchObject({ current: '1001', proposal: null })
    const proposed = plan.flatMap((p) => (p.proposal ? [p.proposal.room.number] : []))
    expect(new Set(proposed).size).toBe(proposed.length)
    expect(proposed).not.toContain('1001')
    expect(proposed).not.toContain('1003')
    // Eleven reservations, nine rooms free to give: two wait without a proposal.
    expect(proposed).toHaveLength(9)
    expect(plan.filter((p) => !p.current && !p.proposal)).toHaveLength(2)
  })
})

// Finding (not committed: fails on the core as it is; see the report to the lead).
describe('dates that would give one room to two stays', () => {
  it('stay.changeDates refuses to extend a stay into nights its room is held for another guest', () => {
    const a = reserve(guest('安平', 'AN Ping'), { arrival: D1, departure: D2 })
    const b = reserve(guest('白露', 'BAI Lu'), { arrival: D2, departure: '2026-12-05' })
    ok(call('stay.assignRoom', { stayId: a, roomNumber: '1001' }))
    ok(call('stay.assignRoom', { stayId: b, roomNumber: '1001' }))
    expect(failure(call('stay.changeDates', { stayId: a, departure: D3 })).code).toBe('ROOM_HAS_STAY')
    expect(details(a).departure).toBe(D2)
    // Nor an in-house guest into the nights of the next guest's room.
    const c = reserve(guest('陈杰', 'CHEN Jie'), { departure: D2 })
    ok(call('stay.checkIn', { stayId: c, roomNumber: '1101' }))
    const d = reserve(guest('丁一', 'DING Yi'), { arrival: D2, departure: D3 })
    ok(call('stay.assignRoom', { stayId: d, roomNumber: '1101' }))
    expect(failure(call('stay.changeDates', { stayId: c, departure: D3 })).code).toBe('ROOM_HAS_STAY')
  })
})
