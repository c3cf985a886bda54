import { afterEach, describe, expect, it } from 'vitest'
import { ClockStore, guestStay, seedHotel } from '../fixtures/clock-store'
import { failure } from '../fixtures/test-store'
import type { NightAuditReport } from '../../electron/core/night-audit/night-audit.report'

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

const arrivalsOf = (s: ClockStore, actor: Parameters<ClockStore['call']>[0]) =>
  s.call<{ stayId: number; guest: { nativeName: string } }[]>(actor, 'stay.arrivals', {}).map((a) => a.guest.nativeName)

describe('the hotel keeps its own date', () => {
  it('finding 1: a hub at 19:13Z runs a Shanghai hotel on Shanghai time: the guest arriving 12-01 is in the arrivals and checks in', async () => {
    const s = (store = new ClockStore('2026-11-30T19:13:00Z')) // 03:13 on 12-01 in Shanghai
    const hotel = seedHotel(s, 'Asia/Shanghai', '02:00')
    const { stayId } = guestStay(s, hotel, '庄志明', '2026-12-01', '2026-12-03')
    expect(s.call(hotel.desk, 'nightAudit.status', {}).businessDate).toBe('2026-12-01')
    expect(arrivalsOf(s, hotel.desk)).toContain('庄志明')
    expect(s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })).toMatchObject({ roomNumber: '1001' })
    // The scheduler's first look fixes the same date; the audit is not due until 02:00 on 12-02.
    const tick = await s.tick()
    expect(tick.audits).toEqual([])
    expect(s.call(hotel.desk, 'nightAudit.status', {})).toMatchObject({ businessDate: '2026-12-01', nextAutomaticAudit: '2026-12-01T18:00:00.000Z' })
  })

  it('finding 2: at 03:12 on 12-01, before the audit, a one-night stay 11-30 → 12-01 can still check in', async () => {
    const s = (store = new ClockStore('2026-11-30T10:00:00Z')) // 18:00 on 11-30 in Shanghai
    const hotel = seedHotel(s, 'Asia/Shanghai', '04:00')
    const { stayId } = guestStay(s, hotel, '黄晓东', '2026-11-30', '2026-12-01')
    s.at('2026-11-30T19:12:00Z') // 03:12 on 12-01
    await s.tick()
    expect(s.call(hotel.desk, 'nightAudit.status', {}).businessDate).toBe('2026-11-30')
    expect(arrivalsOf(s, hotel.desk)).toContain('黄晓东')
    expect(s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' })).toMatchObject({ roomNumber: '1002' })
    // The audit at 04:00 closes 11-30; the guest is due out 12-01, not yet.
    const { audits } = await s.at('2026-11-30T20:00:20Z').tick()
    expect(audits).toHaveLength(1)
    expect(audits[0]).toMatchObject({ businessDate: '2026-11-30', newBusinessDate: '2026-12-01', automatic: true, lateMinutes: null, dueOutNotCheckedOut: [] })
  })
})

describe('the night audit', () => {
  it("a manager's audit reports stays due out, marks no-shows, counts prompts carried over and opens the next date", async () => {
    const s = (store = new ClockStore('2026-12-01T02:00:00Z')) // 10:00 on 12-01 in Shanghai
    const hotel = seedHotel(s, 'Asia/Shanghai')
    const { id: guestId } = s.call(hotel.desk, 'guest.create', { nativeName: '何家俊', vip: 1 })
    s.call(hotel.desk, 'preference.add', { guestId, category: 'reading', code: 'periodical', value: 'mainland_advertising' })
    const dueOut = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-02', party: 1 }).stayId
    s.call(hotel.desk, 'stay.checkIn', { stayId: dueOut, roomNumber: '1001' }) // housekeeping gets the periodicals prompt
    const noShow = guestStay(s, hotel, '孙丽', '2026-12-01', '2026-12-03')
    const tomorrow = guestStay(s, hotel, '吴刚', '2026-12-02', '2026-12-04')

    // 23:30 on 12-01: the night auditor closes the day by hand.
    s.at('2026-12-01T15:30:00Z')
    s.events = []
    const report = s.call<NightAuditReport>(hotel.admin, 'nightAudit.run', {})
    expect(report).toMatchObject({ businessDate: '2026-12-01', newBusinessDate: '2026-12-02', automatic: false, by: 'Admin', noShowsMarked: true })
    expect(report.dueOutNotCheckedOut).toEqual([])
    expect(report.noShows.map((l) => [l.stayId, l.guestName.nativeName])).toEqual([[noShow.stayId, '孙丽']])
    // Other rules (VIP welcome, built-ins) may add prompts of their own; housekeeping's periodicals are among them.
    expect(report.promptsCarriedOver.find((d) => d.department === 'housekeeping')).toEqual({ department: 'housekeeping', open: 1, acknowledged: 0 })
    const carried = report.promptsCarriedOver.reduce((n, d) => n + d.open + d.acknowledged, 0)
    expect(s.events.filter((e) => e.name === 'night_audit.completed').map((e) => e.payload)).toEqual([
      { businessDate: '2026-12-01', newBusinessDate: '2026-12-02', automatic: false, lateMinutes: null, dueOut: 0, noShows: 1, promptsCarriedOver: carried },
    ])
    expect(s.call(hotel.desk, 'stay.details', { stayId: noShow.stayId }).status).toBe('no_show')
    // The new business date: tomorrow's arrival is today's now; the guest due out 12-02 is on the next report.
    expect(arrivalsOf(s, hotel.desk)).toContain('吴刚')
    expect(tomorrow.stayId).toBeGreaterThan(0)

    // Closing 12-02 on 12-01 (hotel time) is refused, and nothing changes.
    const early = failure(s.core.callAs(hotel.admin, 'nightAudit.run', {}))
    expect(early.code).toBe('NIGHT_AUDIT_EARLY')
    expect(early.details).toMatchObject({ businessDate: '2026-12-02', hotelDate: '2026-12-01' })
    expect(failure(s.core.callAs(hotel.desk, 'nightAudit.run', {})).code).toBe('FORBIDDEN')

    // The next automatic audit (04:00 on 12-03) lists the guest who did not check out on 12-02.
    const { audits } = await s.at('2026-12-02T20:00:10Z').tick()
    expect(audits).toHaveLength(1)
    expect(audits[0].dueOutNotCheckedOut.map((l) => [l.stayId, l.roomNumber])).toEqual([[dueOut, '1001']])
    const listed = s.call<NightAuditReport[]>(hotel.admin, 'nightAudit.list', {})
    expect(listed.map((r) => [r.businessDate, r.automatic])).toEqual([
      ['2026-12-02', true],
      ['2026-12-01', false],
    ])
    expect(s.call(hotel.housekeeper, 'nightAudit.status', {}).lastReport.businessDate).toBe('2026-12-02')
    expect(failure(s.core.callAs(hotel.housekeeper, 'nightAudit.list', {})).code).toBe('FORBIDDEN')
  })

  it('refuses a night audit by hand in the middle of the business day, which would make no-shows of today\'s arrivals', () => {
    const s = (store = new ClockStore('2026-12-01T03:48:00Z'))
    const hotel = seedHotel(s, 'Asia/Shanghai')
    const arriving = guestStay(s, hotel, '周敏', '2026-12-01', '2026-12-02')
    const early = failure(s.core.callAs(hotel.admin, 'nightAudit.run', {}))
    expect(early).toMatchObject({ code: 'NIGHT_AUDIT_EARLY', details: { context: 'evening', earliest: '20:00', time: '11:48' } })
    expect(s.call(hotel.desk, 'stay.arrivals', { date: '2026-12-01' }).find((a: { stayId: number }) => a.stayId === arriving.stayId).status).toBe('reserved')
    // From 20:00 hotel time on, the day can be closed by hand.
    expect(s.at('2026-12-01T12:05:00Z').call<NightAuditReport>(hotel.admin, 'nightAudit.run', {}).businessDate).toBe('2026-12-01')
  })

  it('beside a PMS the no-shows are listed, not marked (the PMS owns stays)', () => {
    const s = (store = new ClockStore('2026-12-01T02:00:00Z'))
    const hotel = seedHotel(s, 'Asia/Shanghai')
    const late = guestStay(s, hotel, '郑华', '2026-12-01', '2026-12-03')
    s.call(hotel.admin, 'pms.setSettings', { mode: 'with_pms' })
    const report = s.at('2026-12-01T19:45:00Z').call<NightAuditReport>(hotel.admin, 'nightAudit.run', {})
    expect(report.noShows.map((l) => l.stayId)).toEqual([late.stayId])
    expect(report.noShowsMarked).toBe(false)
    expect(s.call(hotel.desk, 'stay.arrivals', { date: '2026-12-01' }).find((a: { stayId: number }) => a.stayId === late.stayId).status).toBe('reserved')
  })

  it('runs by itself at the set time, and audits missed while the app was closed run on start, each marked late', async () => {
    const s = (store = new ClockStore('2026-12-01T02:00:00Z'))
    seedHotel(s, 'Asia/Shanghai', '03:30')
    await s.tick()
    expect((await s.at('2026-12-01T19:29:00Z').tick()).audits).toEqual([])
    const onTime = await s.at('2026-12-01T19:30:20Z').tick()
    expect(onTime.audits.map((a) => [a.businessDate, a.lateMinutes])).toEqual([['2026-12-01', null]])
    expect((await s.at('2026-12-01T19:31:00Z').tick()).audits).toEqual([])

    // Closed for three days: opened at 09:30 on 12-05, hotel time.
    s.core.close()
    s.at('2026-12-05T01:30:00Z')
    s.reopen()
    const caughtUp = await s.tick()
    expect(caughtUp.audits.map((a) => [a.businessDate, a.lateMinutes])).toEqual([
      ['2026-12-02', 2 * 24 * 60 + 6 * 60],
      ['2026-12-03', 24 * 60 + 6 * 60],
      ['2026-12-04', 6 * 60],
    ])
    expect(s.core.callAs(null, 'nightAudit.status', {}).ok).toBe(false)
    expect((await s.tick()).audits).toEqual([])
    s.reopen()
    expect((await s.tick()).audits).toEqual([])
  })
})
