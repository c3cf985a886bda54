import { describe, expect, it } from 'vitest'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'
import { dayAfter, failure, localToday, ok, type SmallHotel } from '../fixtures/test-store'

let hotel: SmallHotel
smallHotelForEachTest((_store, h) => {
  hotel = h
})

const today = localToday()
type Details = { status: string; roomNumber: string | null; pmsConfirmation: string | null; events: { kind: string; source: string }[] }

describe('stay.import keyed on the PMS confirmation number (finding 1)', () => {
  it('the same booking imported twice is one stay, and a guest in house can be imported', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '庄志明', romanName: 'ZHUANG Zhiming' }))
    const booking = { guestId, arrival: today, departure: dayAfter(today, 3), party: 1, status: 'in_house', roomNumber: '1101', pmsConfirmation: 'OP-1' }
    const first = ok(hotel.call(hotel.admin, 'stay.import', booking))
    const second = ok(hotel.call(hotel.admin, 'stay.import', booking))
    expect(first.created).toBe(true)
    expect(second).toMatchObject({ stayId: first.stayId, created: false })
    const details = ok<Details>(hotel.call(hotel.desk, 'stay.details', { stayId: first.stayId }))
    expect(details).toMatchObject({ status: 'in_house', roomNumber: '1101', pmsConfirmation: 'OP-1' })
    expect(details.events.map((e) => e.kind)).toEqual(['reservation', 'check_in'])
    const inHouse = ok<{ stayId: number }[]>(hotel.call(hotel.desk, 'stay.inHouse', {}))
    expect(inHouse.filter((s) => s.stayId === first.stayId)).toHaveLength(1)
  })

  it('a later import of the booking in another room is a room move, fired once', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '林嘉欣' }))
    const booking = { guestId, arrival: today, departure: dayAfter(today, 2), party: 2, status: 'in_house', roomNumber: '1101', pmsConfirmation: 'OP-2' }
    const { stayId } = ok(hotel.call(hotel.admin, 'stay.import', booking))
    ok(hotel.call(hotel.admin, 'stay.import', { ...booking, roomNumber: '1201' }))
    ok(hotel.call(hotel.admin, 'stay.import', { ...booking, roomNumber: '1201' }))
    const details = ok<Details>(hotel.call(hotel.desk, 'stay.details', { stayId }))
    expect(details.roomNumber).toBe('1201')
    expect(details.events.map((e) => e.kind)).toEqual(['reservation', 'check_in', 'room_move'])
    const rooms = ok<{ number: string; code: string }[]>(hotel.call(hotel.desk, 'room.list', {}))
    expect(rooms.find((r) => r.number === '1101')?.code).toBe('VD')
  })

  it('a guest in house without a PMS number, or without a room, gets an error that says what to give', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '周杰' }))
    const base = { guestId, arrival: today, departure: dayAfter(today, 1), party: 1, status: 'in_house' }
    expect(failure(hotel.call(hotel.admin, 'stay.import', { ...base, roomNumber: '1101' })).message).toContain('confirmation number')
    expect(failure(hotel.call(hotel.admin, 'stay.import', { ...base, pmsConfirmation: 'OP-3' })).message).toContain('room number')
    expect(failure(hotel.call(hotel.admin, 'stay.import', { ...base, pmsConfirmation: 'OP-3', roomNumber: '7777' })).code).toBe('NO_SUCH_ROOM')
  })
})
