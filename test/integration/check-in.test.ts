import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core'
import { addMacauGuest, failure, ok, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

let core: Core
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  core = s.core
  hotel = h
})

const count = (table: string) => (core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('check-in that remembers', () => {
  it('suggests a 10th-floor south room first, and says why', () => {
    const { stayId } = addMacauGuest(hotel)
    const [top, ...rest] = ok(hotel.call(hotel.desk, 'room.suggest', { stayId }))
    expect(top.room).toMatchObject({ floor: 10, facing: 'S' })
    expect(top.reasons.filter((r: { outcome: string }) => r.outcome === 'match').map((r: { code: string }) => r.code)).toEqual(['floor', 'facing'])
    // 1003 is out of order: never suggested.
    expect([top, ...rest].map((s) => s.room.number)).not.toContain('1003')
  })

  it('checks in, and in the same transaction creates the housekeeping and restaurant prompts', () => {
    const { stayId, guestId } = addMacauGuest(hotel)
    const events: string[] = []
    core.events.subscribe((e) => events.push(e.name))
    const result = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    expect(result.roomNumber).toBe('1001')
    const texts = result.prompts.map((p: { department: string; text: { en: string } }) => `${p.department}: ${p.text.en}`)
    expect(texts).toEqual(
      expect.arrayContaining([
        'housekeeping: Place the latest mainland advertising periodicals in room 1001.',
        'restaurant: Recommend Sichuan dishes to Mr Ho (room 1001).',
        'restaurant: Prepare chilli-and-Sichuan-pepper oil in small dishes for Mr Ho.',
      ]),
    )
    expect(events.filter((e) => e === 'prompt.created')).toHaveLength(3)
    const card = ok(hotel.call(hotel.desk, 'guest.card', { guestId }))
    expect(card.stays[0]).toMatchObject({ status: 'in_house', roomNumber: '1001' })
    // Housekeeping's board says what to do and where; the preference behind it is for the desk.
    const board = ok(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' }))
    expect(board[0]).toMatchObject({ roomNumber: '1001', status: 'open', reason: null })
    const desk = ok(hotel.call(hotel.desk, 'prompt.board', { department: 'housekeeping' }))
    expect(desk[0]).toMatchObject({ roomNumber: '1001', reason: { category: 'reading', code: 'periodical', value: 'mainland_advertising' } })
  })

  it('records who checked the guest in', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const row = core.sqlite.prepare('SELECT checked_in_by, checked_in_at FROM stay WHERE id = ?').get(stayId) as { checked_in_by: number; checked_in_at: string }
    expect(row.checked_in_by).toBe(hotel.desk.staffId)
    expect(Date.parse(row.checked_in_at)).toBeGreaterThan(Date.now() - 60_000)
    const audit = core.sqlite.prepare("SELECT staff_id FROM audit_log WHERE action = 'stay.check_in'").get() as { staff_id: number }
    expect(audit.staff_id).toBe(hotel.desk.staffId)
  })

  it('refuses a second check-in of the same stay, and creates no duplicate prompts', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const before = count('prompt')
    expect(failure(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' })).code).toBe('STAY_ALREADY_IN_HOUSE')
    expect(count('prompt')).toBe(before)
    const stay = core.sqlite.prepare('SELECT status, room_id FROM stay WHERE id = ?').get(stayId) as { status: string; room_id: number }
    expect(stay.status).toBe('in_house')
  })

  it('refuses an occupied room and an out-of-order room, changing nothing', () => {
    const first = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: first.stayId, roomNumber: '1001' }))
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '李雷', romanName: 'LI Lei' }))
    const today = new Date()
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: iso(today), departure: iso(new Date(today.getTime() + 86_400_000)), party: 1 }))
    const prompts = count('prompt')
    const occupied = failure(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    expect(occupied).toMatchObject({ code: 'ROOM_OCCUPIED', details: { roomNumber: '1001' } })
    expect(failure(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1003' })).code).toBe('ROOM_OUT_OF_ORDER')
    expect(failure(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '9999' })).code).toBe('NO_SUCH_ROOM')
    expect(failure(hotel.call(hotel.desk, 'stay.checkIn', { stayId: 987654, roomNumber: '1002' })).code).toBe('NOT_FOUND')
    expect((core.sqlite.prepare('SELECT status FROM stay WHERE id = ?').get(stayId) as { status: string }).status).toBe('reserved')
    expect(count('prompt')).toBe(prompts)
  })

  it('rejects malformed input with VALIDATION and the fields at fault', () => {
    const bad = failure(hotel.call(hotel.desk, 'stay.checkIn', { stayId: 'seven', roomNumber: '' }))
    expect(bad.code).toBe('VALIDATION')
    expect((bad.details!.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['roomNumber', 'stayId'])
    expect(failure(hotel.call(hotel.desk, 'stay.reserve', { guestId: 1, arrival: '2026-02-30', departure: '2026-03-02', party: 1 })).code).toBe('VALIDATION')
    expect(failure(hotel.call(hotel.desk, 'guest.create', { nativeName: '   ' })).code).toBe('VALIDATION')
    expect(failure(hotel.call(hotel.desk, 'no.such.operation', {})).code).toBe('UNKNOWN_OPERATION')
    expect(failure(hotel.call(hotel.desk, 'toString', {})).code).toBe('UNKNOWN_OPERATION')
  })

  it('checks out: the room is vacant again and the stay’s open prompts close', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const rooms = () => ok(hotel.call(hotel.desk, 'room.list', {})).find((r: { number: string }) => r.number === '1001')
    expect(rooms().status).toBe('occupied')
    const open = ok(hotel.call(hotel.desk, 'prompt.ofStay', { stayId })).filter((p: { status: string }) => p.status === 'open' || p.status === 'acknowledged')
    expect(open.length).toBeGreaterThanOrEqual(3)
    const result = ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    expect(result.cancelledPrompts).toBe(open.length)
    expect(rooms().status).toBe('vacant')
    expect(ok(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' }))).toEqual([])
    expect(failure(hotel.call(hotel.desk, 'stay.checkOut', { stayId })).code).toBe('STAY_NOT_IN_HOUSE')
  })

  it('takes a walk-in with a few fields, ready for a room', () => {
    const walkIn = ok(hotel.call(hotel.desk, 'stay.walkIn', { guest: { nativeName: '王芳', phone: '139 1234 5678' }, nights: 2, party: 2 }))
    const arrivals = ok(hotel.call(hotel.desk, 'stay.arrivals', {}))
    expect(arrivals.map((a: { stayId: number }) => a.stayId)).toContain(walkIn.stayId)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: walkIn.stayId, roomNumber: '1201' }))
  })

  it('refuses a reservation in the past or overlapping the guest’s own stay', () => {
    const { guestId } = addMacauGuest(hotel)
    expect(failure(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2020-01-01', departure: '2020-01-03', party: 1 })).code).toBe('STAY_DATES')
    const arrivals = ok(hotel.call(hotel.desk, 'stay.arrivals', {}))
    const macau = arrivals.find((a: { guestId: number }) => a.guestId === guestId)
    expect(failure(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: macau.arrival, departure: macau.departure, party: 1 })).code).toBe('GUEST_HAS_STAY')
  })
})

describe('permissions', () => {
  it('lets only the desk check guests in', () => {
    const { stayId } = addMacauGuest(hotel)
    expect(failure(hotel.call(hotel.housekeeper, 'stay.checkIn', { stayId, roomNumber: '1001' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(null, 'stay.checkIn', { stayId, roomNumber: '1001' })).code).toBe('UNAUTHENTICATED')
    expect(failure(hotel.call(hotel.housekeeper, 'guest.card', { guestId: 1 })).code).toBe('FORBIDDEN')
  })

  it('keeps department staff to their own board', () => {
    const { stayId } = addMacauGuest(hotel)
    const { prompts } = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const restaurantPrompt = prompts.find((p: { department: string }) => p.department === 'restaurant')
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'restaurant' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.complete', { promptId: restaurantPrompt.id })).code).toBe('FORBIDDEN')
    ok(hotel.call(hotel.cook, 'prompt.complete', { promptId: restaurantPrompt.id }))
  })
})

describe('prompts on the board', () => {
  it('goes open → acknowledged → done, recording who and when', () => {
    const { stayId } = addMacauGuest(hotel)
    const { prompts } = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const id = prompts.find((p: { department: string }) => p.department === 'housekeeping').id
    const acknowledged = ok(hotel.call(hotel.housekeeper, 'prompt.acknowledge', { promptId: id }))
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledged: { by: 'Staff hk01' } })
    const done = ok(hotel.call(hotel.housekeeper, 'prompt.complete', { promptId: id }))
    expect(done.status).toBe('done')
    expect(done.done.by).toBe('Staff hk01')
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.acknowledge', { promptId: id })).code).toBe('PROMPT_STATE')
    expect(ok(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping', which: 'closed' }))[0].id).toBe(id)
  })

  it('declines only with a reason, and keeps it', () => {
    const { stayId } = addMacauGuest(hotel)
    const { prompts } = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const id = prompts.find((p: { department: string }) => p.department === 'restaurant').id
    expect(failure(hotel.call(hotel.cook, 'prompt.decline', { promptId: id, reason: '' })).code).toBe('VALIDATION')
    const declined = ok(hotel.call(hotel.cook, 'prompt.decline', { promptId: id, reason: 'Sichuan pepper out of stock until Friday' }))
    expect(declined.declined).toMatchObject({ by: 'Staff rs01', reason: 'Sichuan pepper out of stock until Friday' })
  })
})
