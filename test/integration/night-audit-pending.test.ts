import { afterEach, describe, expect, it } from 'vitest'
import { ClockStore, guestStay, seedHotel } from '../fixtures/clock-store'

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

describe('nightAudit.status says what running the audit now would do', () => {
  it('counts the arrivals that would become no-shows and the stays due out, and both move once the desk acts', () => {
    const s = (store = new ClockStore('2026-12-01T02:00:00Z')) // 10:00 on 12-01 in Shanghai
    const hotel = seedHotel(s, 'Asia/Shanghai')
    const { id: guestId } = s.call<{ id: number }>(hotel.desk, 'guest.create', { nativeName: '何家俊' })
    const leaving = s.call<{ stayId: number }>(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-02', party: 1 }).stayId
    s.call(hotel.desk, 'stay.checkIn', { stayId: leaving, roomNumber: '1001' })
    const first = guestStay(s, hotel, '孙丽', '2026-12-01', '2026-12-03')
    guestStay(s, hotel, '林静', '2026-12-01', '2026-12-02')
    guestStay(s, hotel, '吴刚', '2026-12-02', '2026-12-04') // tomorrow's: not a no-show tonight

    expect(s.call(hotel.desk, 'nightAudit.status', {}).ifRunNow).toEqual({ noShows: 2, dueOut: 0, noShowsMarked: true })
    s.call(hotel.desk, 'stay.checkIn', { stayId: first.stayId, roomNumber: '1002' })
    expect(s.call(hotel.desk, 'nightAudit.status', {}).ifRunNow).toMatchObject({ noShows: 1, dueOut: 0 })
    // The next evening, after last night's audit: 何家俊 is due out 12-02 and has not left.
    s.at('2026-12-01T15:30:00Z')
    s.call(hotel.admin, 'nightAudit.run', {})
    expect(s.call(hotel.desk, 'nightAudit.status', {})).toMatchObject({ businessDate: '2026-12-02', ifRunNow: { noShows: 1, dueOut: 1 } })
  })
})
