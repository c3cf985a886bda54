import { afterEach, describe, expect, it } from 'vitest'
import { insertPreference } from '../../electron/core/guests/guest.repository'
import { ClockStore, seedHotel } from '../fixtures/clock-store'
import { failure, type SmallHotel } from '../fixtures/test-store'

/*
 * Issue 10, "What was found": each numbered finding as a test on a real store, with the hotel's
 * clock turned by the test. The hotel is in Shanghai (UTC+8, no DST); the test process is UTC.
 * Unless a test says otherwise it starts at 10:00 hotel time on business date 2026-11-30.
 */

interface PromptLike {
  id: number
  stayId: number
  department: string
  trigger: string
  kind: 'task' | 'standing'
  status: string
  text: { en: string; zh: string }
  roomNumber: string | null
  dueAt: string
  escalateAt: string
  createdAt: string
  escalatedAt: string | null
  overdueAt: string | null
  reason: { category: string; code: string; value: string } | null
  declined: { reason: string } | null
}

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

/** A Shanghai hotel at `start` (default 10:00 on 11-30, hotel time), night audit at `audit`. */
function hotelAt(start = '2026-11-30T02:00:00Z', audit = '04:00'): { s: ClockStore; hotel: SmallHotel } {
  const s = (store = new ClockStore(start))
  const hotel = seedHotel(s, 'Asia/Shanghai', audit)
  return { s, hotel }
}

function newGuest(s: ClockStore, hotel: SmallHotel, nativeName: string, extra: Record<string, unknown> = {}): number {
  return s.call<{ id: number }>(hotel.desk, 'guest.create', { nativeName, ...extra }).id
}

function reserve(s: ClockStore, hotel: SmallHotel, guestId: number, arrival: string, departure: string, extra: Record<string, unknown> = {}): number {
  return s.call<{ stayId: number }>(hotel.desk, 'stay.reserve', { guestId, arrival, departure, party: 1, ...extra }).stayId
}

function promptsOf(s: ClockStore, hotel: SmallHotel, stayId: number): PromptLike[] {
  return s.call<PromptLike[]>(hotel.desk, 'prompt.ofStay', { stayId })
}

const live = (p: PromptLike) => p.status === 'open' || p.status === 'acknowledged'

function addRule(s: ClockStore, hotel: SmallHotel, rule: Record<string, unknown>): number {
  return s.call<{ id: number }>(hotel.admin, 'rule.create', { dueMinutes: 30, ...rule }).id
}

function acceptObservation(s: ClockStore, hotel: SmallHotel, by: SmallHotel['desk'], room: string, text: string, preference: Record<string, unknown>): { preferenceId: number; status: string } {
  const observation = s.call<{ id: number }>(by, 'observation.record', { roomNumber: room, text, suggestion: preference })
  return s.call(hotel.admin, 'observation.accept', { observationId: observation.id, preference })
}

describe('issue 10: service promises, finding by finding', () => {
  it('1. a hub on a UTC machine at 19:13Z runs a Shanghai hotel on Shanghai time: the guest arriving 12-01 is in the arrivals and checks in', () => {
    // Booked the day before, at 10:00 on 11-30 hotel time.
    const { s, hotel } = hotelAt('2026-11-30T02:00:00Z', '02:00')
    const guestId = newGuest(s, hotel, '周明')
    const stayId = reserve(s, hotel, guestId, '2026-12-01', '2026-12-03')
    // 19:13Z on 11-30 is 03:13 on 12-01 in Shanghai, past the 02:00 audit time; the machine's own date is still 11-30.
    s.at('2026-11-30T19:13:00Z')
    expect(s.call(hotel.desk, 'hotel.clock', {})).toMatchObject({ timeZone: 'Asia/Shanghai', businessDate: '2026-12-01', hotelDate: '2026-12-01', hotelTime: '03:13' })
    const arrivals = s.call<{ stayId: number }[]>(hotel.desk, 'stay.arrivals', {})
    expect(arrivals.map((a) => a.stayId)).toContain(stayId)
    expect(s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })).toMatchObject({ stayId, roomNumber: '1001' })
  })

  it('2. a guest at the desk at 03:12 on 12-01, before the night audit, checks in to a one-night stay 11-30 → 12-01', () => {
    const { s, hotel } = hotelAt('2026-11-30T02:00:00Z', '04:00')
    const guestId = newGuest(s, hotel, '林小雨')
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-01')
    s.at('2026-11-30T19:12:00Z') // 03:12 on 12-01 in Shanghai; the audit is at 04:00
    expect(s.call(hotel.desk, 'hotel.clock', {})).toMatchObject({ businessDate: '2026-11-30', hotelDate: '2026-12-01' })
    expect(s.call<{ stayId: number }[]>(hotel.desk, 'stay.arrivals', {}).map((a) => a.stayId)).toContain(stayId)
    expect(s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' })).toMatchObject({ stayId, roomNumber: '1002' })
    expect(s.call<{ stayId: number; status: string }[]>(hotel.desk, 'stay.arrivals', { date: '2026-11-30' }).find((a) => a.stayId === stayId)?.status).toBe('in_house')
  })

  it('3. a wish made during the stay (a firm pillow for this stay) and an observation accepted in house each reach housekeeping at once', () => {
    const { s, hotel } = hotelAt()
    addRule(s, hotel, { trigger: 'check_in', category: 'amenity', code: 'pillow', department: 'housekeeping', template: { en: 'Room {room}: a {value} pillow.', zh: '{room}房：{value}。' } })
    addRule(s, hotel, { trigger: 'in_stay', category: 'amenity', code: 'toiletries_scent', department: 'housekeeping', template: { en: 'Room {room}: {value} toiletries.', zh: '{room}房：{value}洗浴用品。' } })
    const guestId = newGuest(s, hotel, '高志远')
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-02')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })
    expect(promptsOf(s, hotel, stayId).filter((p) => p.department === 'housekeeping')).toEqual([])

    s.at('2026-11-30T05:00:00Z') // 13:00
    s.call(hotel.desk, 'preference.add', { guestId, category: 'amenity', code: 'pillow', value: 'firm', scope: 'stay', stayId })
    const pillow = promptsOf(s, hotel, stayId).filter((p) => p.reason?.code === 'pillow')
    expect(pillow).toHaveLength(1)
    expect(pillow[0]).toMatchObject({ department: 'housekeeping', status: 'open', text: { en: 'Room 1001: a Firm pillow.' } })
    const board = s.call<PromptLike[]>(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' })
    expect(board.map((p) => p.id)).toContain(pillow[0].id)

    acceptObservation(s, hotel, hotel.housekeeper, '1001', 'Asked for jasmine toiletries', { category: 'amenity', code: 'toiletries_scent', value: 'jasmine' })
    const scent = promptsOf(s, hotel, stayId).filter((p) => p.reason?.code === 'toiletries_scent')
    expect(scent).toHaveLength(1)
    expect(scent[0]).toMatchObject({ department: 'housekeeping', trigger: 'in_stay', text: { en: 'Room 1001: Jasmine toiletries.' } })
  })

  it('4. the same wish twice ("shoes always muddy", accepted twice) is one preference, and the next check-in gives housekeeping one shoe-kit prompt', () => {
    const { s, hotel } = hotelAt()
    addRule(s, hotel, { trigger: 'check_in', category: 'amenity', code: 'shoe_care', department: 'housekeeping', template: { en: 'Room {room}: leave a {value}.', zh: '{room}房：放置{value}。' } })
    const guestId = newGuest(s, hotel, '钱文博')
    const kit = { category: 'amenity', code: 'shoe_care', value: 'shoe_cleaning_kit' }
    const accepted = [1, 2].map(() => {
      const observation = s.call<{ id: number }>(hotel.desk, 'observation.record', { guestId, requireInHouse: false, text: 'shoes always muddy', suggestion: kit })
      return s.call<{ preferenceId: number }>(hotel.admin, 'observation.accept', { observationId: observation.id, preference: kit }).preferenceId
    })
    expect(accepted[1]).toBe(accepted[0])
    const card = s.call<{ alerts: { code: string }[]; preferences: { code: string }[] }>(hotel.desk, 'guest.card', { guestId })
    expect([...card.alerts, ...card.preferences].filter((p) => p.code === 'shoe_care')).toHaveLength(1)

    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-01')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' })
    const shoeKit = promptsOf(s, hotel, stayId).filter((p) => p.reason?.code === 'shoe_care')
    expect(shoeKit.map((p) => [p.department, p.text.en])).toEqual([['housekeeping', 'Room 1002: leave a Shoe-cleaning kit.']])
  })

  it('5. a dish the guest avoids (steamed grouper left untouched), accepted in house, gives the restaurant a prompt', () => {
    const { s, hotel } = hotelAt()
    const guestId = newGuest(s, hotel, '马建国', { romanName: 'MA Jianguo', salutation: 'mr' })
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-03')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1101' })
    acceptObservation(s, hotel, hotel.cook, '1101', 'Left the steamed grouper untouched', { category: 'food', code: 'dish', value: 'steamed grouper', strength: 'avoid' })
    const restaurant = promptsOf(s, hotel, stayId).filter((p) => p.department === 'restaurant' && live(p))
    expect(restaurant.map((p) => p.text.en)).toEqual([expect.stringContaining('steamed grouper')])
    expect(restaurant[0].text.en).toMatch(/^Do not offer .+ steamed grouper/)
    // The whole kind: an allergy learned while in house reaches the restaurant at once too.
    // Issue 12: the guest consented to keeping sensitive data (health needs).
    s.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' })
    s.call(hotel.desk, 'preference.add', { guestId, category: 'food', code: 'allergy', value: 'peanut', strength: 'never' })
    const alerts = promptsOf(s, hotel, stayId).filter((p) => p.department === 'restaurant' && live(p) && /peanut/i.test(p.text.en))
    expect(alerts).toHaveLength(1)
  })

  it('6. a hard-of-hearing guest checking in gives the operator "no phone wake-up calls" and the front desk "face the guest"', () => {
    const { s, hotel } = hotelAt()
    const guestId = newGuest(s, hotel, '许静')
    // Issue 12: the guest consented to keeping sensitive data (health needs).
    s.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' })
    s.call(hotel.desk, 'preference.add', { guestId, category: 'access', code: 'hearing', value: 'hard_of_hearing', strength: 'required' })
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-02')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1108' })
    const prompts = promptsOf(s, hotel, stayId)
    const operator = prompts.filter((p) => p.department === 'operator')
    const desk = prompts.filter((p) => p.department === 'front_office')
    expect(operator).toHaveLength(1)
    expect(operator[0].text.en).toMatch(/no phone wake-up calls/i)
    expect(operator[0].text.en).toContain('1108')
    expect(desk).toHaveLength(1)
    expect(desk[0].text.en).toMatch(/face the guest/i)
    // The operator is part of the front office: the desk sees the operator's board.
    expect(s.call<PromptLike[]>(hotel.desk, 'prompt.board', { department: 'operator' }).map((p) => p.id)).toEqual([operator[0].id])
  })

  it('7. an allergy alert is a standing instruction: never overdue, still on the board after acknowledging, never "done"', async () => {
    const { s, hotel } = hotelAt()
    const guestId = newGuest(s, hotel, '唐慧', { romanName: 'TANG Hui', salutation: 'ms' })
    // Issue 12: the guest consented to keeping sensitive data (health needs).
    s.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' })
    s.call(hotel.desk, 'preference.add', { guestId, category: 'food', code: 'allergy', value: 'peanut', strength: 'never' })
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-01')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1201' })
    const [alert] = promptsOf(s, hotel, stayId).filter((p) => p.department === 'restaurant')
    expect(alert).toMatchObject({ kind: 'standing', status: 'open' })
    expect(alert.text.en).toMatch(/^Allergy/)

    // Acknowledged, then hours past every promise, past even the stay's due-out time (12:00 on 12-01): a late check-out.
    s.call(hotel.cook, 'prompt.acknowledge', { promptId: alert.id })
    s.at('2026-12-01T07:30:00Z') // 15:30 on 12-01
    expect(new Date(s.now) > new Date(alert.dueAt)).toBe(true)
    await s.tick()
    s.at('2026-12-01T09:00:00Z')
    await s.tick()
    const board = s.call<PromptLike[]>(hotel.cook, 'prompt.board', { department: 'restaurant' })
    const onBoard = board.find((p) => p.id === alert.id)
    expect(onBoard).toMatchObject({ kind: 'standing', status: 'acknowledged', overdueAt: null })
    expect(failure(s.core.callAs(hotel.cook, 'prompt.complete', { promptId: alert.id })).code).toBe('PROMPT_STATE')
    expect(s.call<PromptLike[]>(hotel.cook, 'prompt.board', { department: 'restaurant' }).map((p) => p.id)).toContain(alert.id)
  })

  it('8. a declined prompt reaches guest relations’ queue with its reason', () => {
    const { s, hotel } = hotelAt()
    const guestId = newGuest(s, hotel, '郑可')
    s.call(hotel.desk, 'preference.add', { guestId, category: 'reading', code: 'periodical', value: 'mainland_advertising' })
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-02')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })
    const [task] = promptsOf(s, hotel, stayId).filter((p) => p.department === 'housekeeping')
    s.call(hotel.housekeeper, 'prompt.decline', { promptId: task.id, reason: 'The periodicals have not been delivered this week' })
    s.call(hotel.admin, 'staff.create', { code: 'gr01', name: 'Guest Relations', department: 'guest_relations', role: 'guest_relations', pin: '1234' })
    const relations = s.call(null, 'session.signIn', { code: 'gr01', pin: '1234' }).staff
    const queue = s.call<{ total: number; prompts: PromptLike[] }>(relations, 'prompt.declinedQueue', {})
    expect(queue.total).toBe(1)
    expect(queue.prompts[0]).toMatchObject({ id: task.id, department: 'housekeeping', roomNumber: '1001', declined: { reason: 'The periodicals have not been delivered this week' } })
  })

  it('9. a check-out is undone within 10 minutes, prompts follow a room move, and a reservation prompt moves with new dates', () => {
    const { s, hotel } = hotelAt()
    const guestId = newGuest(s, hotel, '何家俊', { romanName: 'HO Ka Chun', salutation: 'mr' })
    s.call(hotel.desk, 'preference.add', { guestId, category: 'reading', code: 'periodical', value: 'mainland_advertising' })
    s.call(hotel.desk, 'preference.add', { guestId, category: 'food', code: 'cuisine', value: 'sichuan' })
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-03')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })
    const openBefore = promptsOf(s, hotel, stayId).filter(live).map((p) => p.id).sort()
    expect(openBefore.length).toBeGreaterThanOrEqual(2)

    // Checked out by mistake; undone 6 minutes later.
    s.call(hotel.desk, 'stay.checkOut', { stayId })
    expect(promptsOf(s, hotel, stayId).filter(live)).toEqual([])
    s.at('2026-11-30T02:06:00Z')
    expect(s.call(hotel.desk, 'stay.undoCheckOut', { stayId })).toMatchObject({ status: 'in_house', roomNumber: '1001', reopenedPrompts: openBefore.length })
    expect(s.call(hotel.desk, 'stay.details', { stayId })).toMatchObject({ status: 'in_house', roomNumber: '1001' })
    expect(promptsOf(s, hotel, stayId).filter(live).map((p) => p.id).sort()).toEqual(openBefore)

    // Moved to 1202: the open prompts follow and name the new room.
    s.call(hotel.desk, 'stay.moveRoom', { stayId, roomNumber: '1202' })
    const moved = promptsOf(s, hotel, stayId).filter(live)
    const periodicals = moved.find((p) => p.reason?.code === 'periodical')!
    expect(periodicals.text.en).toBe('Place the latest mainland advertising periodicals in room 1202.')
    expect(moved.every((p) => p.roomNumber === '1202')).toBe(true)

    // A VIP reservation for 12-05 (14:00 hotel time = 06:00Z), moved to 12-07: its prompt follows the arrival.
    const vipId = newGuest(s, hotel, '白先生', { vip: 1 })
    const vipStay = reserve(s, hotel, vipId, '2026-12-05', '2026-12-08')
    const before = promptsOf(s, hotel, vipStay).find((p) => p.department === 'front_office')!
    expect(before.dueAt).toBe('2026-12-05T06:00:00.000Z')
    s.call(hotel.desk, 'stay.changeDates', { stayId: vipStay, arrival: '2026-12-07', departure: '2026-12-09' })
    const after = promptsOf(s, hotel, vipStay).find((p) => p.id === before.id)!
    expect(after.dueAt).toBe('2026-12-07T06:00:00.000Z')
    expect(after.text.en).toContain('7 Dec')
  })

  it('10. a typo’d room number at check-in is NO_SUCH_ROOM naming the room field, not NOT_FOUND', () => {
    const { s, hotel } = hotelAt()
    const stayId = reserve(s, hotel, newGuest(s, hotel, '孙强'), '2026-11-30', '2026-12-01')
    const refusal = failure(s.core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '10001' }))
    expect(refusal.code).toBe('NO_SUCH_ROOM')
    expect(refusal.details).toMatchObject({ roomNumber: '10001' })
    expect(refusal.message).toContain('10001')
    expect(s.call(hotel.desk, 'stay.details', { stayId })).toMatchObject({ status: 'reserved' })
  })

  it('11. preparing the room (orchids, tea set, alarms) falls due by the arrival time, from the pre-assignment the day before', () => {
    const { s, hotel } = hotelAt()
    addRule(s, hotel, { trigger: 'pre_arrival', category: 'amenity', code: 'flowers', department: 'housekeeping', dueMinutes: 120, template: { en: 'Put fresh {value} in room {room}.', zh: '在{room}房间摆放{value}。' } })
    addRule(s, hotel, { trigger: 'pre_arrival', category: 'interest', code: 'hobby', value: 'tea', department: 'housekeeping', dueMinutes: 120, template: { en: 'Set out a tea set in room {room}.', zh: '在{room}房间摆放茶具。' } })
    addRule(s, hotel, { trigger: 'pre_arrival', category: 'access', code: 'hearing', department: 'engineering', dueMinutes: 30, template: { en: 'Check the visual alarm in room {room}.', zh: '检查{room}房间的可视警报。' } })
    const guestId = newGuest(s, hotel, '庄志明')
    for (const [category, code, value] of [
      ['amenity', 'flowers', 'orchid'],
      ['interest', 'hobby', 'tea'],
      ['access', 'hearing', 'hard_of_hearing'],
    ]) {
      if (category === 'access') s.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' })
      s.call(hotel.desk, 'preference.add', { guestId, category, code, value, strength: code === 'hearing' ? 'required' : 'preferred' })
    }
    const stayId = reserve(s, hotel, guestId, '2026-12-01', '2026-12-04', { eta: '15:00' })
    expect(promptsOf(s, hotel, stayId).filter((p) => p.trigger === 'pre_arrival')).toEqual([])

    // The day before, at 16:00, the room is chosen.
    s.at('2026-11-30T08:00:00Z')
    s.call(hotel.desk, 'stay.assignRoom', { stayId, roomNumber: '1108' })
    const arrivalAt = Date.parse('2026-12-01T07:00:00Z') // 15:00 hotel time
    const preparation = promptsOf(s, hotel, stayId).filter((p) => p.trigger === 'pre_arrival')
    expect(preparation.map((p) => `${p.department}: ${p.text.en}`).sort()).toEqual([
      'engineering: Check the visual alarm in room 1108.',
      expect.stringMatching(/^housekeeping: Before the guest arrives, put the visual fire alarm .* in room 1108\.$/),
      'housekeeping: Put fresh Orchid in room 1108.',
      'housekeeping: Set out a tea set in room 1108.',
    ])
    for (const p of preparation) {
      expect(p.createdAt).toBe('2026-11-30T08:00:00.000Z')
      expect(Date.parse(p.dueAt)).toBeLessThanOrEqual(arrivalAt)
      expect(Date.parse(p.dueAt)).toBeGreaterThan(Date.parse(p.createdAt))
    }

    // At check-in the next day the preparation is not made again.
    s.at('2026-12-01T07:10:00Z')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1108' })
    expect(promptsOf(s, hotel, stayId).filter((p) => p.trigger === 'pre_arrival').map((p) => p.id).sort()).toEqual(preparation.map((p) => p.id).sort())
  })

  it('12. a December birthday makes no prompt for a May stay, and one naming the date for a stay that includes it', () => {
    const { s, hotel } = hotelAt()
    const guestId = newGuest(s, hotel, '冯雪', { birthDate: '1985-12-24' })
    const birthday = (stayId: number) => promptsOf(s, hotel, stayId).filter((p) => p.department === 'guest_relations')
    const may = reserve(s, hotel, guestId, '2027-05-10', '2027-05-13')
    expect(birthday(may)).toEqual([])
    const christmas = reserve(s, hotel, guestId, '2026-12-22', '2026-12-26')
    const prompts = birthday(christmas)
    expect(prompts).toHaveLength(1)
    expect(prompts[0].text.en).toContain('24 Dec')
    expect(prompts[0].text.zh).toContain('12月24日')
  })

  it('13. a VIP 3 reservation tells the front office, and the check-in tells guest relations', () => {
    const { s, hotel } = hotelAt()
    const guestId = newGuest(s, hotel, '欧阳振华', { romanName: 'OUYANG Zhenhua', salutation: 'mr', vip: 3 })
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-02')
    const booking = promptsOf(s, hotel, stayId)
    expect(booking.filter((p) => p.department === 'front_office').map((p) => p.text.en)).toEqual([expect.stringMatching(/^VIP 3: .+ arrives/)])
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1201' })
    const greeting = promptsOf(s, hotel, stayId).filter((p) => p.department === 'guest_relations')
    expect(greeting.map((p) => p.text.en)).toEqual([expect.stringMatching(/^VIP 3 .+ is in room 1201/)])
  })

  it('14. a reservation weeks ahead is due at the arrival, and a prompt not acknowledged by its promise escalates', async () => {
    const { s, hotel } = hotelAt()
    const vip = newGuest(s, hotel, '黄先生', { vip: 1 })
    const stayId = reserve(s, hotel, vip, '2026-12-20', '2026-12-22', { eta: '18:30' })
    const [welcome] = promptsOf(s, hotel, stayId).filter((p) => p.department === 'front_office')
    expect(welcome.dueAt).toBe('2026-12-20T10:30:00.000Z') // 18:30 hotel time on the arrival day
    // The front office's promise to acknowledge (10 minutes) runs from the start of the arrival's business day
    // (the 04:00 audit on 12-20, hotel time), not from the booking: it does not escalate weeks early.
    expect(welcome.escalateAt).toBe('2026-12-19T20:10:00.000Z')

    // A second VIP booking whose prompt is acknowledged in time: it must not escalate.
    const other = reserve(s, hotel, newGuest(s, hotel, '陆女士', { vip: 2 }), '2026-12-21', '2026-12-23')
    const [seen] = promptsOf(s, hotel, other).filter((p) => p.department === 'front_office')
    s.call(hotel.desk, 'prompt.acknowledge', { promptId: seen.id })

    s.at('2026-11-30T02:11:00Z')
    await s.tick()
    expect(promptsOf(s, hotel, stayId).find((p) => p.id === welcome.id)!.escalatedAt).toBeNull()
    s.at('2026-12-19T20:09:00Z')
    await s.tick()
    expect(promptsOf(s, hotel, stayId).find((p) => p.id === welcome.id)!.escalatedAt).toBeNull()
    s.at('2026-12-19T20:11:00Z')
    await s.tick()
    expect(promptsOf(s, hotel, stayId).find((p) => p.id === welcome.id)!.escalatedAt).toBe('2026-12-19T20:11:00.000Z')
    expect(promptsOf(s, hotel, other).find((p) => p.id === seen.id)!.escalatedAt).toBeNull()
    // The duty manager's view lists it, and not the one acknowledged in time.
    const escalations = s.call<{ prompt: PromptLike }[]>(hotel.admin, 'prompt.escalations', {}).map((e) => e.prompt.id)
    expect(escalations).toContain(welcome.id)
    expect(escalations).not.toContain(seen.id)
  })

  it('15. running the check-in rules again on the same stay adds nothing, but a new preference between the runs adds exactly one prompt', () => {
    const { s, hotel } = hotelAt()
    const guestId = newGuest(s, hotel, '何家俊', { romanName: 'HO Ka Chun', salutation: 'mr' })
    s.call(hotel.desk, 'preference.add', { guestId, category: 'reading', code: 'periodical', value: 'mainland_advertising' })
    const stayId = reserve(s, hotel, guestId, '2026-11-30', '2026-12-03')
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })
    const count = () => (s.core.sqlite.prepare('SELECT count(*) AS n FROM prompt WHERE stay_id = ?').get(stayId) as { n: number }).n
    const first = count()
    expect(first).toBeGreaterThanOrEqual(1)

    // A companion added: every trigger the stay has passed runs again (catchUpRules).
    s.call(hotel.desk, 'stay.setCompanions', { stayId, companions: [{ name: '何太太' }] })
    expect(count()).toBe(first)

    // A preference stored behind the rules' back (as an import would): only a new run can prompt for it.
    insertPreference(s.core.sqlite, guestId, { category: 'food', code: 'cuisine', value: 'sichuan', strength: 'preferred', scope: 'always', stayId: null, note: null }, { at: s.now.toISOString(), staffId: null, department: null })
    expect(count()).toBe(first)
    s.call(hotel.desk, 'stay.setCompanions', { stayId, companions: [{ name: '何太太' }, { name: '何小姐' }] })
    expect(count()).toBe(first + 1)
    const sichuan = promptsOf(s, hotel, stayId).filter((p) => p.reason?.code === 'cuisine')
    expect(sichuan.map((p) => p.text.en)).toEqual(['Recommend Sichuan dishes to Mr Ho (room 1001).'])

    // And a third run, with nothing new, adds nothing.
    s.call(hotel.desk, 'stay.setCompanions', { stayId, companions: [{ name: '何太太' }] })
    expect(count()).toBe(first + 1)
  })
})
