import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'
import { dayAfter, failure, localToday, ok, type SmallHotel, type tempStore } from '../fixtures/test-store'

// What a newcomer ran into on the first day beside a PMS (issue 9), each as it should now be.
let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  store = s
  hotel = h
})

const today = localToday()
type Outcome = { status: string; events: Record<string, number>; errors: { code: string }[]; warnings: { code: string; message: string }[]; unchanged: number; newProfiles: number }
const content = (header: string, rows: string[]) => Buffer.from([header, ...rows].join('\n')).toString('base64')
const arrivals = (rows: string[]) => content('Conf No,Name,Arrival,Departure,Room,Status,Adults,Phone', rows)
const importFile = async (kind: string, base64: string) => ok<Outcome>(await store.core.callAsAsync(hotel.admin, 'pms.import', { kind, fileName: `${kind}.csv`, content: base64 }))
const relations = () => {
  if (!hotel.call(null, 'session.signIn', { code: 'gr01', pin: '1234' }).ok) {
    ok(hotel.call(hotel.admin, 'staff.create', { code: 'gr01', name: 'Guest Relations', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
  }
  return ok(hotel.call(null, 'session.signIn', { code: 'gr01', pin: '1234' })).staff
}

describe('the first day beside a PMS', () => {
  it('reads room "0905" as room 905: the PMS pads room numbers with zeros', async () => {
    const outcome = await importFile('arrivals', arrivals([`Z1,KOWALSKA/ANNA MS,${today},${dayAfter(today, 1)},0901,RESERVED,1,`]))
    expect(outcome.status).toBe('applied')
    const [stay] = ok<{ roomNumber: string | null }[]>(hotel.call(hotel.desk, 'stay.arrivals', {}))
    expect(stay.roomNumber).toBe('901')
  })

  it('counts a new booking as new, neither updated nor unchanged', async () => {
    const outcome = await importFile('arrivals', arrivals([`N1,NEW/NORA MS,${today},${dayAfter(today, 1)},,RESERVED,1,`]))
    expect(outcome).toMatchObject({ unchanged: 0, newProfiles: 1, events: { reservation: 1 } })
    expect((await importFile('arrivals', arrivals([`N1,NEW/NORA MS,${today},${dayAfter(today, 1)},,RESERVED,1,`]))).unchanged).toBe(1)
  })

  it('shows guest relations the profiles of the same name beside an arrival nothing else matched', async () => {
    const { id: known } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '庄志明', romanName: 'ZHUANG Zhiming', vip: 2 }))
    await importFile('arrivals', arrivals([`S1,ZHUANG/ZHIMING MR,${today},${dayAfter(today, 1)},,RESERVED,1,`]))
    const [waiting] = ok<{ reason: string; candidates: { guestId: number }[] }[]>(hotel.call(relations(), 'arrivals.matches', {}))
    expect(waiting.reason).toBe('unmatched')
    expect(waiting.candidates.map((c) => c.guestId)).toEqual([known])
  })

  it('never rewrites a desk reservation on other dates: only a booking arriving the same day is the same booking', async () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '庄志明', romanName: 'ZHUANG Zhiming', phone: '+86 139 1111 2222' }))
    const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 4), party: 1 }))
    await importFile('arrivals', arrivals([`P1,ZHUANG/ZHIMING MR,${dayAfter(today, 1)},${dayAfter(today, 2)},,RESERVED,1,13911112222`]))
    expect(ok(hotel.call(hotel.desk, 'stay.details', { stayId }))).toMatchObject({ arrival: today, departure: dayAfter(today, 4), pmsConfirmation: null })
    await importFile('arrivals', arrivals([`P2,ZHUANG/ZHIMING MR,${today},${dayAfter(today, 3)},,RESERVED,1,13911112222`]))
    expect(ok(hotel.call(hotel.desk, 'stay.details', { stayId }))).toMatchObject({ departure: dayAfter(today, 3), pmsConfirmation: 'P2' })
  })

  it('refuses a partial arrivals file that would cancel most bookings of its date, and names each booking a full one cancels', async () => {
    await importFile('arrivals', arrivals(['A', 'B', 'C', 'D'].map((c) => `${c}1,GUEST/${c} MR,${today},${dayAfter(today, 1)},,RESERVED,1,`)))
    const partial = await importFile('arrivals', arrivals([`E1,GUEST/E MR,${today},${dayAfter(today, 1)},,RESERVED,1,`]))
    expect(partial.status).toBe('rejected')
    expect(partial.errors.map((e) => e.code)).toEqual(['mass_cancellation'])
    expect(ok<unknown[]>(hotel.call(hotel.desk, 'stay.arrivals', {}))).toHaveLength(4)
    const full = await importFile('arrivals', arrivals(['A', 'B', 'C'].map((c) => `${c}1,GUEST/${c} MR,${today},${dayAfter(today, 1)},,RESERVED,1,`)))
    expect(full.events.withdrawn).toBe(1)
    expect(full.warnings.find((w) => w.code === 'missing_cancelled')?.message).toContain('D1')
  })

  it('takes a cancelled booking out of guest relations’ queue', async () => {
    await importFile('arrivals', arrivals([`Q1,QUEUE/QI MS,${today},${dayAfter(today, 1)},,RESERVED,1,`]))
    expect(ok(hotel.call(relations(), 'arrivals.count', {})).open).toBe(1)
    await importFile('arrivals', arrivals([`Q1,QUEUE/QI MS,${today},${dayAfter(today, 1)},,CANCELLED,1,`]))
    expect(ok(hotel.call(relations(), 'arrivals.count', {})).open).toBe(0)
    expect(ok<unknown[]>(hotel.call(relations(), 'arrivals.matches', {}))).toEqual([])
  })

  it('says plainly that a file is not this kind of report, once, instead of a problem per field', async () => {
    const mapping = { kind: 'arrivals', columns: { confirmation: 'Conf No', guestName: 'Name', arrival: 'Arrival', departure: 'Departure' } }
    ok(hotel.call(hotel.admin, 'pms.saveMapping', { mapping }))
    const outcome = await importFile('arrivals', content('Title,Words', ['Zhike,is a guest-preference manager', 'Try,it']))
    expect(outcome.errors.map((e) => e.code)).toEqual(['not_this_report'])
  })

  it('refuses a watch folder that does not exist on this computer, saying so', () => {
    const missing = path.join(store.dir, 'no-such-folder')
    const error = failure(hotel.call(hotel.admin, 'pms.setSettings', { watchFolder: missing }))
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'not_a_folder' } })
    expect(ok(hotel.call(hotel.admin, 'pms.settings', {})).watchFolder).toBeNull()
  })
})
