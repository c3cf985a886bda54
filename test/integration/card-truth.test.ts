import { describe, expect, it } from 'vitest'
import { dayAfter, failure, localToday, ok, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

// Issue 8, "The card and the lists tell the truth", on real SQLite through the public operations.
let hotel: SmallHotel
smallHotelForEachTest((_store, h) => {
  hotel = h
})

const today = localToday()
const createGuest = (nativeName: string, romanName: string | null = null, vip = 0): number =>
  ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', { nativeName, romanName, vip })).id
const reserveToday = (guestId: number): number =>
  ok<{ stayId: number }>(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 2), party: 1 })).stayId
const importStay = (input: Record<string, unknown>) => hotel.call(hotel.admin, 'stay.import', { party: 1, ...input })

describe('room suggestions mark what a guest avoids as against, never as a wish met', () => {
  it('a guest who avoids west-facing rooms sees the west rooms against and the others clear of west', () => {
    const guestId = createGuest('熊若兰', 'XIONG Ruolan')
    ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'room', code: 'facing', value: 'W', strength: 'avoid' }))
    const stayId = reserveToday(guestId)
    const suggestions = ok<{ room: { number: string; facing: string }; reasons: { code: string; polarity: string; outcome: string }[] }[]>(
      hotel.call(hotel.desk, 'room.suggest', { stayId, limit: 20 }),
    )
    expect(suggestions.length).toBeGreaterThan(2)
    for (const s of suggestions) {
      expect(s.reasons, s.room.number).toEqual([expect.objectContaining({ code: 'facing', polarity: 'unwanted', outcome: s.room.facing === 'W' ? 'conflict' : 'match' })])
    }
    expect(suggestions.slice(-2).map((s) => s.room.facing)).toEqual(['W', 'W'])
  })
})

describe('arrivals are listed as Chinese staff read names', () => {
  it('pinyin with surname readings for Han names (曾 under Z, 单 under S), Latin names alphabetically, in one order', () => {
    for (const [nativeName, romanName] of [
      ['Zoe Martin', null],
      ['张伟', 'ZHANG Wei'],
      ['曾志伟', 'TSANG Chi Wai'],
      ['Anna Kowalska', null],
      ['单田芳', null],
      ['安娜', null],
      ['Bob Lee', null],
    ] as const) {
      reserveToday(createGuest(nativeName, romanName))
    }
    const arrivals = ok<{ guest: { nativeName: string } }[]>(hotel.call(hotel.desk, 'stay.arrivals', {}))
    expect(arrivals.map((a) => a.guest.nativeName)).toEqual(['安娜', 'Anna Kowalska', 'Bob Lee', '单田芳', '曾志伟', '张伟', 'Zoe Martin'])
  })

  it('keeps the expected before those checked in, and VIPs first, ahead of the name', () => {
    const zeng = createGuest('曾志伟', 'TSANG Chi Wai', 1)
    const an = createGuest('安娜')
    const shan = createGuest('单田芳', null, 1)
    const anna = createGuest('Anna Kowalska')
    const zhang = createGuest('张伟')
    for (const guestId of [zeng, an, shan, anna, zhang]) reserveToday(guestId)
    const arrivalsNow = ok<{ stayId: number; guest: { nativeName: string } }[]>(hotel.call(hotel.desk, 'stay.arrivals', {}))
    const annaStay = arrivalsNow.find((a) => a.guest.nativeName === 'Anna Kowalska')!.stayId
    const zengStay = arrivalsNow.find((a) => a.guest.nativeName === '曾志伟')!.stayId
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: annaStay, roomNumber: '1001' }))
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: zengStay, roomNumber: '901' }))
    const arrivals = ok<{ status: string; guest: { nativeName: string; vip: number } }[]>(hotel.call(hotel.desk, 'stay.arrivals', {}))
    expect(arrivals.map((a) => [a.status, a.guest.vip, a.guest.nativeName])).toEqual([
      ['reserved', 1, '单田芳'],
      ['reserved', 0, '安娜'],
      ['reserved', 0, '张伟'],
      ['in_house', 1, '曾志伟'],
      ['in_house', 0, 'Anna Kowalska'],
    ])
  })

  it('lists guests in house by room number as the floor plan reads it (901 before 1001)', () => {
    const rooms = ['1201', '901', '1001']
    for (const roomNumber of rooms) {
      const stayId = reserveToday(createGuest(`Guest ${roomNumber}`))
      ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber }))
    }
    expect(ok<{ roomNumber: string }[]>(hotel.call(hotel.desk, 'stay.inHouse', {})).map((s) => s.roomNumber)).toEqual(['901', '1001', '1201'])
  })
})

describe('stay.import refuses overlapping stays and says what it did with the room', () => {
  const past = (days: number) => dayAfter(today, -days)

  it('refuses a past stay in a room that already had a guest on one of those nights, naming the stay', () => {
    const first = createGuest('李明')
    const second = createGuest('王芳')
    const kept = ok<{ stayId: number; room: { number: string; outcome: string } }>(
      importStay({ guestId: first, arrival: past(10), departure: past(6), roomNumber: '1001', status: 'checked_out' }),
    )
    expect(kept.room).toMatchObject({ number: '1001', outcome: 'recorded' })
    const refused = failure(importStay({ guestId: second, arrival: past(7), departure: past(3), roomNumber: '1001', status: 'checked_out' }))
    expect(refused.code).toBe('ROOM_HAS_STAY')
    expect(refused.message).toMatch(/Room 1001 already has stay \S+ \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\) on those dates/)
    expect(refused.details).toMatchObject({ roomNumber: '1001', arrival: past(10), departure: past(6) })
    // Nothing was written: the second guest has no stays.
    expect(ok<{ stays: unknown[] }>(hotel.call(hotel.desk, 'guest.card', { guestId: second })).stays).toEqual([])
  })

  it('allows a stay that arrives the day the last one left, and the same nights in another room', () => {
    const first = createGuest('李明')
    const second = createGuest('王芳')
    ok(importStay({ guestId: first, arrival: past(10), departure: past(6), roomNumber: '1001', status: 'checked_out' }))
    ok(importStay({ guestId: second, arrival: past(6), departure: past(3), roomNumber: '1001', status: 'checked_out' }))
    ok(importStay({ guestId: createGuest('赵敏'), arrival: past(10), departure: past(6), roomNumber: '1002', status: 'checked_out' }))
  })

  it('refuses a past stay in a room while a guest in house was already sleeping there', () => {
    const stayId = ok<{ stayId: number }>(importStay({ guestId: createGuest('郑国强'), arrival: past(5), departure: dayAfter(today, 2), status: 'reserved' })).stayId
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1008' }))
    expect(failure(importStay({ guestId: createGuest('王芳'), arrival: past(3), departure: past(1), roomNumber: '1008', status: 'checked_out' })).code).toBe('ROOM_HAS_STAY')
  })

  it('refuses a second stay for one guest on the same nights, past or reserved, in any room', () => {
    const guestId = createGuest('李明')
    ok(importStay({ guestId, arrival: past(10), departure: past(6), roomNumber: '1001', status: 'checked_out' }))
    const again = failure(importStay({ guestId, arrival: past(8), departure: past(5), roomNumber: '1101', status: 'checked_out' }))
    expect(again).toMatchObject({ code: 'GUEST_HAS_STAY', details: expect.objectContaining({ arrival: past(10), departure: past(6) }) })
    expect(failure(importStay({ guestId, arrival: past(10), departure: past(6), status: 'checked_out' })).code).toBe('GUEST_HAS_STAY')

    ok(importStay({ guestId, arrival: dayAfter(today, 3), departure: dayAfter(today, 5), status: 'reserved' }))
    expect(failure(importStay({ guestId, arrival: dayAfter(today, 4), departure: dayAfter(today, 6), status: 'reserved' })).code).toBe('GUEST_HAS_STAY')
    expect(ok<{ stays: unknown[] }>(hotel.call(hotel.desk, 'guest.card', { guestId })).stays).toHaveLength(2)
  })

  it('a reservation that names a room says the room was not kept: rooms are assigned at check-in', () => {
    const guestId = createGuest('李明')
    const imported = ok<{ stayId: number; room: { number: string; outcome: string; message: string } }>(
      importStay({ guestId, arrival: today, departure: dayAfter(today, 2), roomNumber: '1108', status: 'reserved' }),
    )
    expect(imported.room).toEqual({
      number: '1108',
      outcome: 'not_kept',
      message: 'Room 1108 was not kept: a reservation holds no room; the desk assigns one at check-in.',
    })
    // True to its word: the arrival has no room, and check-in may give it any vacant room.
    const arrival = ok<{ stayId: number; roomNumber: string | null }[]>(hotel.call(hotel.desk, 'stay.arrivals', {})).find((a) => a.stayId === imported.stayId)!
    expect(arrival.roomNumber).toBeNull()
    expect(ok<{ roomNumber: string }>(hotel.call(hotel.desk, 'stay.checkIn', { stayId: imported.stayId, roomNumber: '1001' })).roomNumber).toBe('1001')
  })

  it('says when no room was named, and refuses a room the hotel does not have', () => {
    const guestId = createGuest('李明')
    expect(ok<{ room: { outcome: string } }>(importStay({ guestId, arrival: past(4), departure: past(2), status: 'checked_out' })).room).toMatchObject({ number: null, outcome: 'none' })
    expect(failure(importStay({ guestId, arrival: dayAfter(today, 3), departure: dayAfter(today, 4), roomNumber: '9999', status: 'reserved' })).code).toBe('NOT_FOUND')
  })
})
