import { afterEach, describe, expect, it } from 'vitest'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Issue 11, guest files 1 and 2: a guest's card for print and the morning briefing pack, each
// printed by whoever may read guest cards, each written to the audit log.

// 20:30 UTC on 1 December is 04:30 on 2 December in Shanghai: past the 04:00 night audit, so the
// hotel's business date is 2026-12-02 while the server's calendar still says 2026-12-01.
const now = new Date('2026-12-01T20:30:00Z')
const businessDate = '2026-12-02'

let store: ReturnType<typeof tempStore>
afterEach(() => store?.cleanup())

function hotel(): SmallHotel {
  store = tempStore({ now })
  const h = seedSmallHotel(store.core)
  ok(h.call(h.admin, 'hotel.setClock', { timeZone: 'Asia/Shanghai', nightAuditTime: '04:00' }))
  return h
}

function guest(h: SmallHotel, nativeName: string, romanName: string, vip = 0): number {
  return ok(h.call(h.desk, 'guest.create', { nativeName, romanName, vip })).id
}

function reserve(h: SmallHotel, guestId: number, arrival: string, departure: string): number {
  return ok(h.call(h.desk, 'stay.reserve', { guestId, arrival, departure, party: 1 })).stayId
}

const auditRows = (action: string) =>
  (store.core.sqlite.prepare('SELECT staff_id, guest_id, entity, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as { staff_id: number; guest_id: number | null; entity: string; detail: string }[]).map((r) => ({
    ...r,
    detail: JSON.parse(r.detail),
  }))

describe('guest.printCard', () => {
  it('gives the card with alerts apart, provenance (with the observation’s words) and the stay it is printed for, and audits the print', () => {
    const h = hotel()
    const zhuang = guest(h, '庄志明', 'ZHUANG Zhiming', 2)
    ok(h.call(h.desk, 'consent.record', { guestId: zhuang, kind: 'sensitive', given: true, method: 'paper_form' }))
    ok(h.call(h.desk, 'preference.add', { guestId: zhuang, category: 'access', code: 'hearing', value: 'hard_of_hearing', strength: 'required', note: 'Face him when speaking.' }))
    ok(h.call(h.desk, 'preference.add', { guestId: zhuang, category: 'room', code: 'facing', value: 'W' }))
    const stayId = reserve(h, zhuang, businessDate, '2026-12-05')
    // The restaurant notes what it sees of a guest in house (least knowledge: not of anyone else).
    ok(h.call(h.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const { id: observationId } = ok(h.call(h.cook, 'observation.record', { guestId: zhuang, text: 'Asked twice for more chilli oil.' }))
    ok(h.call(h.admin, 'observation.accept', { observationId, preference: { category: 'food', code: 'condiment', value: 'chilli_sichuan_pepper_oil', strength: 'preferred', scope: 'always' } }))

    const printed = ok(h.call(h.desk, 'guest.printCard', { guestId: zhuang }))
    expect(printed.businessDate).toBe(businessDate)
    expect(printed.printedBy).toBe('Staff fd01')
    expect(printed.printedAt).toBe(now.toISOString())
    expect(printed.card.guest).toMatchObject({ nativeName: '庄志明', romanName: 'ZHUANG Zhiming', vip: 2 })
    expect(printed.card.alerts.map((a: any) => [a.code, a.strength, a.note, a.sourceStaff])).toEqual([['hearing', 'required', 'Face him when speaking.', 'Staff fd01']])
    const chilli = printed.card.preferences.find((p: any) => p.code === 'condiment')
    expect(chilli).toMatchObject({ sourceStaff: 'Staff rs01', sourceDepartment: 'restaurant', observation: 'Asked twice for more chilli oil.' })
    expect(printed.card.preferences.find((p: any) => p.code === 'facing')).toMatchObject({ observation: null, sourceStaff: 'Staff fd01' })
    expect(printed.card.stay).toMatchObject({ stayId, arrival: businessDate, departure: '2026-12-05', status: 'in_house' })
    expect(printed.card.stays).toHaveLength(1)

    expect(auditRows('guest.print')).toEqual([{ staff_id: h.desk.staffId, guest_id: zhuang, entity: 'guest', detail: { what: 'card', guests: 1 } }])
  })

  it('is refused to department staff, and for a guest who does not exist, and neither is logged as a print', () => {
    const h = hotel()
    const zhuang = guest(h, '庄志明', 'ZHUANG Zhiming')
    expect(failure(h.call(h.cook, 'guest.printCard', { guestId: zhuang })).code).toBe('FORBIDDEN')
    expect(failure(h.call(h.desk, 'guest.printCard', { guestId: 99_999 })).code).toBe('NOT_FOUND')
    expect(auditRows('guest.print')).toEqual([])
  })
})

describe('guest.briefingPack', () => {
  it('prints the arrivals of the hotel’s business date, not the server’s calendar date, and audits who printed how many guests', () => {
    const h = hotel()
    const zhuang = guest(h, '庄志明', 'ZHUANG Zhiming')
    ok(h.call(h.desk, 'consent.record', { guestId: zhuang, kind: 'sensitive', given: true, method: 'paper_form' }))
    ok(h.call(h.desk, 'preference.add', { guestId: zhuang, category: 'access', code: 'hearing', value: 'hard_of_hearing', strength: 'required' }))
    const ho = guest(h, '何家俊', 'HO Ka Chun', 1)
    const anna = guest(h, 'Anna Kowalska', 'Anna Kowalska')
    const yesterday = guest(h, '李明', 'LI Ming')
    reserve(h, zhuang, businessDate, '2026-12-04')
    const hoStay = reserve(h, ho, businessDate, '2026-12-03')
    reserve(h, anna, businessDate, '2026-12-06')
    // Due on the server's calendar date, which is the hotel's yesterday: not in today's pack.
    ok(h.call(h.admin, 'stay.import', { guestId: yesterday, arrival: '2026-12-01', departure: '2026-12-03', party: 1, status: 'reserved' }))
    ok(h.call(h.desk, 'stay.checkIn', { stayId: hoStay, roomNumber: '1001' }))

    const pack = ok(h.call(h.admin, 'guest.briefingPack', {}))
    expect(pack).toMatchObject({ kind: 'arrivals', date: businessDate, businessDate, total: 3, limit: 200, printedBy: 'Admin' })
    // Expected arrivals first (guests with alerts first), then the one already checked in.
    expect(pack.cards.map((c: any) => c.guest.nativeName)).toEqual(['庄志明', 'Anna Kowalska', '何家俊'])
    expect(pack.cards[0].alerts.map((a: any) => a.code)).toEqual(['hearing'])
    expect(pack.cards[2].stay).toMatchObject({ stayId: hoStay, roomNumber: '1001', status: 'in_house' })

    const another = ok(h.call(h.desk, 'guest.briefingPack', { kind: 'arrivals', date: '2026-12-01' }))
    expect(another.cards.map((c: any) => c.guest.nativeName)).toEqual(['李明'])

    expect(auditRows('guest.briefingPack')).toEqual([
      { staff_id: h.admin.staffId, guest_id: null, entity: 'briefing_pack', detail: { what: 'arrivals', date: businessDate, count: 3, total: 3, guests: [zhuang, anna, ho] } },
      { staff_id: h.desk.staffId, guest_id: null, entity: 'briefing_pack', detail: { what: 'arrivals', date: '2026-12-01', count: 1, total: 1, guests: [yesterday] } },
    ])
  })

  it('prints the VIPs in house, highest level first, and nobody else', () => {
    const h = hotel()
    const vip1 = guest(h, '何家俊', 'HO Ka Chun', 1)
    const vip3 = guest(h, '郑国良', 'TAY Kok Leong', 3)
    const plain = guest(h, 'Anna Kowalska', 'Anna Kowalska')
    const expectedVip = guest(h, '庄志明', 'ZHUANG Zhiming', 2)
    ok(h.call(h.desk, 'stay.checkIn', { stayId: reserve(h, vip1, businessDate, '2026-12-03'), roomNumber: '901' }))
    ok(h.call(h.desk, 'stay.checkIn', { stayId: reserve(h, vip3, businessDate, '2026-12-03'), roomNumber: '1201' }))
    ok(h.call(h.desk, 'stay.checkIn', { stayId: reserve(h, plain, businessDate, '2026-12-03'), roomNumber: '1002' }))
    reserve(h, expectedVip, businessDate, '2026-12-03')

    const pack = ok(h.call(h.desk, 'guest.briefingPack', { kind: 'vip' }))
    expect(pack.cards.map((c: any) => [c.guest.nativeName, c.stay.roomNumber])).toEqual([
      ['郑国良', '1201'],
      ['何家俊', '901'],
    ])
    expect(auditRows('guest.briefingPack').map((r) => r.detail)).toEqual([{ what: 'vip', date: businessDate, count: 2, total: 2, guests: [vip3, vip1] }])
  })

  it('stops at 200 cards and says how many guests there were', () => {
    const h = hotel()
    for (let i = 0; i < 203; i++) reserve(h, guest(h, `客人${i}`, `GUEST ${i}`), businessDate, '2026-12-03')
    const pack = ok(h.call(h.desk, 'guest.briefingPack', { kind: 'arrivals' }))
    expect(pack.total).toBe(203)
    expect(pack.cards).toHaveLength(200)
    expect(auditRows('guest.briefingPack')[0].detail).toMatchObject({ count: 200, total: 203 })
  })

  it('is refused to department staff and logs nothing', () => {
    const h = hotel()
    expect(failure(h.call(h.housekeeper, 'guest.briefingPack', {})).code).toBe('FORBIDDEN')
    expect(failure(h.call(h.cook, 'guest.briefingPack', { kind: 'vip' })).code).toBe('FORBIDDEN')
    expect(failure(h.call(h.desk, 'guest.briefingPack', { kind: 'everyone' })).code).toBe('VALIDATION')
    expect(auditRows('guest.briefingPack')).toEqual([])
  })
})
