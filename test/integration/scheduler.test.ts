import { afterEach, describe, expect, it } from 'vitest'
import { addTimedRule, ClockStore, firedPrompts, guestStay, seedHotel } from '../fixtures/clock-store'

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

/** Ticks every `stepMinutes` from `fromIso` up to and including `toIso`, as a running app would. */
async function tickThrough(s: ClockStore, fromIso: string, toIso: string, stepMinutes: number): Promise<void> {
  for (let t = Date.parse(fromIso); t <= Date.parse(toIso); t += stepMinutes * 60_000) {
    s.at(new Date(t).toISOString())
    await s.tick(stepMinutes * 60_000)
  }
}

describe('timed rules: each firing exactly once', () => {
  it('a daily rule fires once a day, with two ticks and across a restart on the same store', async () => {
    // Asia/Shanghai is UTC+8: 09:00 there is 01:00Z.
    const s = (store = new ClockStore('2026-12-01T06:00:00Z'))
    const hotel = seedHotel(s, 'Asia/Shanghai')
    const ruleId = addTimedRule(s.core, { key: 'fresh-fruit', trigger: 'daily', atTime: '09:00' })
    const { stayId } = guestStay(s, hotel, '林美华', '2026-12-01', '2026-12-04', '1001')
    await s.tick()
    expect(firedPrompts(s.core, ruleId)).toHaveLength(0)

    await s.at('2026-12-01T20:00:05Z').tick() // the night audit at 04:00
    await s.at('2026-12-02T01:00:05Z').tick()
    await s.at('2026-12-02T01:00:30Z').tick()
    s.reopen()
    await s.at('2026-12-02T01:05:00Z').tick()
    const first = firedPrompts(s.core, ruleId, stayId)
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ late_minutes: null, scheduled_for: '2026-12-02T01:00:00.000Z', status: 'open' })
    // The housekeeper sees it on the board, with the room.
    const board = s.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' })
    const card = (Array.isArray(board) ? board : board.prompts).find((p: { id: number }) => p.id === first[0].id)
    expect(card.text.en).toBe('fresh-fruit for 林美华 in 1001')

    await s.at('2026-12-02T20:00:05Z').tick()
    await s.at('2026-12-03T01:00:05Z').tick()
    await s.at('2026-12-03T01:00:05Z').tick()
    expect(firedPrompts(s.core, ruleId, stayId)).toHaveLength(2)
    // Departure day: the guest leaves on 12-04, so no prompt for business date 12-04.
    await s.at('2026-12-03T20:00:05Z').tick()
    await s.at('2026-12-04T01:00:05Z').tick()
    expect(firedPrompts(s.core, ruleId, stayId)).toHaveLength(2)
  })

  it('firings missed while the app was closed fire on start, marked late, once', async () => {
    const s = (store = new ClockStore('2026-12-01T06:00:00Z'))
    const hotel = seedHotel(s, 'Asia/Shanghai')
    const ruleId = addTimedRule(s.core, { key: 'turndown', trigger: 'daily', atTime: '20:00' })
    const { stayId } = guestStay(s, hotel, '周建国', '2026-12-01', '2026-12-05', '1002')
    await s.tick()
    // Closed from 14:00 on 12-01 to 11:30 on 12-03: the 20:00 turndowns of 12-01 and 12-02 were missed.
    s.core.close()
    s.at('2026-12-03T03:30:00Z')
    s.reopen()
    const report = await s.tick()
    const fired = firedPrompts(s.core, ruleId, stayId)
    expect(fired.map((p) => p.scheduled_for)).toEqual(['2026-12-01T12:00:00.000Z', '2026-12-02T12:00:00.000Z'])
    expect(fired.map((p) => p.late_minutes)).toEqual([39 * 60 + 30, 15 * 60 + 30])
    expect(report.audits.map((a) => [a.businessDate, a.lateMinutes])).toEqual([
      ['2026-12-01', 31 * 60 + 30],
      ['2026-12-02', 7 * 60 + 30],
    ])
    await s.tick()
    s.reopen()
    await s.tick()
    expect(firedPrompts(s.core, ruleId, stayId)).toHaveLength(2)
  })

  it('a cancelled reservation gets no pre-arrival prompt, and a guest who left gets no daily one', async () => {
    const s = (store = new ClockStore('2026-12-01T06:00:00Z'))
    const hotel = seedHotel(s, 'Asia/Shanghai')
    const prepare = addTimedRule(s.core, { key: 'prepare-room', trigger: 'pre_arrival', offsetDays: 1, atTime: '10:00' })
    const daily = addTimedRule(s.core, { key: 'daily-water', trigger: 'daily', atTime: '16:00' })
    const kept = guestStay(s, hotel, '王芳', '2026-12-03', '2026-12-05')
    const cancelled = guestStay(s, hotel, '李雷', '2026-12-03', '2026-12-05')
    s.call(hotel.desk, 'stay.cancel', { stayId: cancelled.stayId })
    const staying = guestStay(s, hotel, '赵敏', '2026-12-01', '2026-12-04', '1101')
    const leaving = guestStay(s, hotel, '钱伟', '2026-12-01', '2026-12-04', '1201')
    await s.tick()
    s.call(hotel.desk, 'stay.checkOut', { stayId: leaving.stayId })
    await tickThrough(s, '2026-12-01T06:10:00Z', '2026-12-02T08:10:00Z', 10)
    expect(firedPrompts(s.core, prepare, kept.stayId)).toHaveLength(1)
    expect(firedPrompts(s.core, prepare, cancelled.stayId)).toHaveLength(0)
    expect(firedPrompts(s.core, daily, staying.stayId)).toHaveLength(2) // 12-01 and 12-02 at 16:00
    expect(firedPrompts(s.core, daily, leaving.stayId)).toHaveLength(0)
  })
})

describe('daylight saving time neither skips nor doubles a daily rule', () => {
  const cases = [
    { zone: 'America/New_York', arrival: '2026-03-07', departure: '2026-03-10', start: '2026-03-07T19:00:00Z', end: '2026-03-09T18:00:00Z', change: 'spring forward' },
    { zone: 'America/New_York', arrival: '2026-10-31', departure: '2026-11-03', start: '2026-10-31T18:00:00Z', end: '2026-11-02T18:00:00Z', change: 'fall back' },
    { zone: 'Europe/London', arrival: '2026-03-28', departure: '2026-03-31', start: '2026-03-28T15:00:00Z', end: '2026-03-30T12:00:00Z', change: 'spring forward' },
    { zone: 'Europe/London', arrival: '2026-10-24', departure: '2026-10-27', start: '2026-10-24T15:00:00Z', end: '2026-10-26T12:00:00Z', change: 'fall back' },
  ]
  for (const c of cases) {
    it(`${c.zone}, ${c.change}: 02:30 and 01:30 each fire once a night, on time`, async () => {
      const s = (store = new ClockStore(c.start))
      const hotel = seedHotel(s, c.zone)
      const at0230 = addTimedRule(s.core, { key: 'night-0230', trigger: 'daily', atTime: '02:30' })
      const at0130 = addTimedRule(s.core, { key: 'night-0130', trigger: 'daily', atTime: '01:30' })
      const { stayId } = guestStay(s, hotel, '陈静', c.arrival, c.departure, '1001')
      await tickThrough(s, c.start, c.end, 20)
      for (const ruleId of [at0230, at0130]) {
        const fired = firedPrompts(s.core, ruleId, stayId)
        // Two nights in the window (the first two business dates of the stay), one prompt each, none late.
        expect(fired.map((p) => p.dedupe_key.split('@')[1])).toEqual([c.arrival, dayAfter(c.arrival)])
        expect(fired.every((p) => p.late_minutes === null)).toBe(true)
      }
      // And a restart in the middle of the next day changes nothing.
      s.reopen()
      await s.tick(20 * 60_000)
      expect(firedPrompts(s.core, at0230, stayId)).toHaveLength(2)
    })
  }
})

function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}
