import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core } from '../../electron/core/core'
import { dashboardQueryPlans } from '../../electron/core/reports/dashboard.repository'
import { failure, ok, seedSmallHotel, type SmallHotel } from '../fixtures/test-store'

/*
 * The manager's dashboard on a real store, with a hotel whose every figure is known. The hotel is
 * in Shanghai (UTC+8), night audit at 04:00; "now" is 10:00 on 2026-12-01, business date 12-01, so
 * the default period is the 90 days 2026-09-03..2026-12-01.
 */
const start = new Date('2026-12-01T02:00:00.000Z')
let now = start
let core: Core
let dir: string
let hotel: SmallHotel
let manager: Actor
let guests: Record<string, number>

const at = (iso: string) => {
  now = new Date(iso)
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-dashboard-'))
  now = start
  core = createCore({ file: path.join(dir, 'zhike.db'), clock: { now: () => now }, logError: process.env.ZHIKE_TEST_LOG ? (e, name) => console.error(name, e) : () => {} })
  hotel = seedSmallHotel(core)
  ok(hotel.call(hotel.admin, 'hotel.setClock', { timeZone: 'Asia/Shanghai', nightAuditTime: '04:00' }))
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  manager = ok(core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
  guests = {}
})
afterEach(() => {
  core.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function guest(key: string, vip = 0): number {
  const { id } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: `宾客${key}`, romanName: `GUEST ${key}`, phone: null, nationality: 'CN', vip }))
  // Health needs (allergies among them) are kept only with the guest's consent (PIPL Art. 29).
  ok(hotel.call(hotel.desk, 'consent.record', { guestId: id, kind: 'sensitive', given: true, method: 'paper_form' }))
  guests[key] = id
  return id
}
const prefer = (guestId: number, category: string, code: string, value: string, strength = 'preferred') =>
  ok<{ id: number }>(hotel.call(hotel.desk, 'preference.add', { guestId, category, code, value, strength })).id
const pastStay = (guestId: number, arrival: string, departure: string) => ok(hotel.call(hotel.admin, 'stay.import', { guestId, arrival, departure, party: 1, status: 'checked_out' }))
const reserve = (guestId: number, arrival: string, departure: string) => ok<{ stayId: number }>(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival, departure, party: 1 })).stayId
const checkInToday = (guestId: number, room: string) => {
  const stayId = reserve(guestId, '2026-12-01', '2026-12-04')
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: room }))
  return ok<{ id: number; text: { en: string } }[]>(hotel.call(hotel.desk, 'prompt.ofStay', { stayId }))
}
/**
 * An observation a department made about a guest, at `when`. Department staff record only guests
 * in house (least knowledge); the counting here is about past weeks, so the row is written as the
 * report form would have written it then.
 */
const observe = (actor: Actor, when: string, guestId: number, text: string) => {
  at(when)
  return Number(
    core.sqlite
      .prepare('INSERT INTO observation (guest_id, stay_id, department_code, staff_id, text, created_at) VALUES (?, NULL, ?, ?, ?, ?)')
      .run(guestId, actor.department, actor.staffId, text, when).lastInsertRowid,
  )
}
const dashboard = (input: Record<string, string> = {}) => ok(hotel.call(manager, 'report.dashboard', input))

/**
 * Stays (business dates):
 * A 2025-03-10→12 and 2026-11-10→12 (repeat)    B 2026-11-20→22 (once)
 * C 2026-10-01→03 and 2026-11-05→07 (repeat from November)
 * D 2026-08-30→09-04 (once; overlaps the period's first day)   E 2026-08-30→09-03 (leaves on the first day: not in the period)
 * F 2025-05-01→03, and a cancelled booking for 2026-12-02       G 2026-06-01→03 and in house since today (repeat)
 * Y, Z in house since today (first stays). Arriving: R1 12-03 VIP 2 peanut allergy; R5 12-04 VIP 3 "never" lilies;
 * R4 12-05 VIP 1 firm pillow; R2 12-07 hard of hearing; R3 12-08 (beyond the 7 days).
 */
function buildHotel() {
  const a = guest('A')
  pastStay(a, '2025-03-10', '2025-03-12')
  pastStay(a, '2026-11-10', '2026-11-12')
  const b = guest('B')
  pastStay(b, '2026-11-20', '2026-11-22')
  const c = guest('C')
  pastStay(c, '2026-10-01', '2026-10-03')
  pastStay(c, '2026-11-05', '2026-11-07')
  pastStay(guest('D'), '2026-08-30', '2026-09-04')
  pastStay(guest('E'), '2026-08-30', '2026-09-03')
  const f = guest('F')
  pastStay(f, '2025-05-01', '2025-05-03')
  ok(hotel.call(hotel.desk, 'stay.cancel', { stayId: reserve(f, '2026-12-02', '2026-12-03') }))
  const g = guest('G')
  pastStay(g, '2026-06-01', '2026-06-03')
  for (const [category, code, value] of [
    ['food', 'cuisine', 'sichuan'],
    ['food', 'condiment', 'chilli_sichuan_pepper_oil'],
    ['reading', 'periodical', 'mainland_advertising'],
  ]) prefer(g, category, code, value)
  const y = guest('Y')
  prefer(y, 'food', 'cuisine', 'sichuan')
  const z = guest('Z')
  prefer(z, 'food', 'cuisine', 'sichuan')
  const bSichuan = prefer(b, 'food', 'cuisine', 'sichuan')
  // Retired preferences are not counted: without this retirement pillows would be 4.
  ok(hotel.call(hotel.desk, 'preference.retire', { preferenceId: prefer(guest('D2'), 'amenity', 'pillow', 'feather') }))

  const r1 = guest('R1', 2)
  prefer(r1, 'food', 'allergy', 'peanut', 'required')
  reserve(r1, '2026-12-03', '2026-12-05')
  const r5 = guest('R5', 3)
  prefer(r5, 'amenity', 'flowers', 'lily', 'never')
  reserve(r5, '2026-12-04', '2026-12-06')
  const r4 = guest('R4', 1)
  prefer(r4, 'amenity', 'pillow', 'firm')
  reserve(r4, '2026-12-05', '2026-12-06')
  const r2 = guest('R2')
  prefer(r2, 'access', 'hearing', 'hard_of_hearing', 'required')
  reserve(r2, '2026-12-07', '2026-12-09')
  reserve(guest('R3', 2), '2026-12-08', '2026-12-10')
  return { a, b, c, g, y, z, bSichuan }
}

describe('report.dashboard', () => {
  it('counts repeat guests exactly, for the period and month by month', () => {
    const { g, y, z } = buildHotel()
    checkInToday(g, '1001')
    checkInToday(y, '1002')
    checkInToday(z, '1008')
    const report = dashboard()
    expect([report.from, report.to, report.businessDate, report.timeZone]).toEqual(['2026-09-03', '2026-12-01', '2026-12-01', 'Asia/Shanghai'])
    // In the period: A, B, C, D (leaves 09-04), G, Y, Z; E left on 09-03, F only cancelled. Repeat: A, C, G.
    expect(report.repeat.period).toEqual({ key: 'period', guests: 7, repeatGuests: 3, ratePct: 42.9 })
    const months = Object.fromEntries(report.repeat.byMonth.map((m: any) => [m.key, [m.guests, m.repeatGuests, m.ratePct]]))
    expect(report.repeat.byMonth.map((m: any) => m.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12'])
    expect(months).toMatchObject({
      '2026-01': [0, 0, null],
      '2026-06': [1, 0, 0], // G's first stay; the second comes in December
      '2026-08': [2, 0, 0], // D and E
      '2026-09': [2, 0, 0], // both leave in September
      '2026-10': [1, 0, 0], // C's first stay
      '2026-11': [3, 2, 66.7], // A and C repeat, B once
      '2026-12': [3, 1, 33.3], // G repeats; Y and Z are new
    })
    // A period of November alone: A, B, C, of whom A and C had come before.
    expect(dashboard({ from: '2026-11-01', to: '2026-11-30' }).repeat.period).toMatchObject({ guests: 3, repeatGuests: 2, ratePct: 66.7 })
  })

  it('ranks preference codes per category with the strength split, counting only active preferences', () => {
    buildHotel()
    const report = dashboard()
    const shape = report.preferences.map((c: any) => [c.category, c.total, c.codes.map((x: any) => [x.code, x.total, x.required, x.preferred, x.avoid, x.never])])
    expect(shape).toEqual([
      ['access', 1, [['hearing', 1, 1, 0, 0, 0]]],
      [
        'food',
        6,
        [
          ['cuisine', 4, 0, 4, 0, 0],
          ['allergy', 1, 1, 0, 0, 0],
          ['condiment', 1, 0, 1, 0, 0],
        ],
      ],
      [
        'amenity',
        2,
        [
          ['flowers', 1, 0, 0, 0, 1],
          ['pillow', 1, 0, 1, 0, 0],
        ],
      ],
      ['reading', 1, [['periodical', 1, 0, 1, 0, 0]]],
    ])
    // Counted at most every 10 minutes: a preference added now shows at the next count.
    expect(report.preferencesCountedAt).toBe('2026-12-01T02:00:00.000Z')
    prefer(guests.A, 'reading', 'periodical', 'mainland_advertising')
    expect(dashboard().preferences.find((c: any) => c.category === 'reading').total).toBe(1)
    at('2026-12-01T02:10:00.000Z')
    const later = dashboard()
    expect(later.preferencesCountedAt).toBe('2026-12-01T02:10:00.000Z')
    expect(later.preferences.find((c: any) => c.category === 'reading').total).toBe(2)
  })

  it('counts observations per department and hotel-local week, and how many became preferences', () => {
    const { a, b, c, bSichuan } = buildHotel()
    const hk1 = observe(hotel.housekeeper, '2026-11-24T02:00:00.000Z', a, 'Asked for a second buckwheat pillow.')
    const hk2 = observe(hotel.housekeeper, '2026-11-25T02:00:00.000Z', a, 'Seemed to dislike the view.')
    const rs1 = observe(hotel.cook, '2026-11-26T02:00:00.000Z', b, 'Ordered Sichuan dishes again.')
    observe(hotel.housekeeper, '2026-11-29T15:30:00.000Z', a, 'Sunday 23:30 in Shanghai: still the week of 11-23.')
    const rs2 = observe(hotel.cook, '2026-11-29T16:30:00.000Z', c, 'Monday 00:30 in Shanghai: the week of 11-30.')
    observe(hotel.cook, '2026-11-30T04:00:00.000Z', c, 'Left the congee untouched.')
    observe(hotel.housekeeper, '2026-12-01T01:00:00.000Z', c, 'Reads in bed late.')
    observe(hotel.housekeeper, '2026-08-20T02:00:00.000Z', a, 'Before the period: not counted.')
    at('2026-12-01T02:00:00.000Z')
    const reviewer = hotel.admin
    ok(hotel.call(reviewer, 'observation.accept', { observationId: hk1, preference: { category: 'amenity', code: 'pillow', value: 'buckwheat', strength: 'preferred', scope: 'always' } }))
    ok(hotel.call(reviewer, 'observation.reject', { observationId: hk2, reason: 'Not a preference.' }))
    ok(hotel.call(reviewer, 'observation.merge', { observationId: rs1, preferenceId: bSichuan }))
    ok(hotel.call(reviewer, 'observation.accept', { observationId: rs2, preference: { category: 'amenity', code: 'pillow', value: 'buckwheat', strength: 'preferred', scope: 'always' } }))

    const { observations, preferences } = dashboard()
    expect(observations.totals).toEqual({ recorded: 7, becamePreference: 3, accepted: 2, merged: 1, rejected: 1, open: 3, conversionPct: 75 })
    expect(observations.byDepartment.map((d: any) => [d.department, d.recorded, d.becamePreference, d.rejected, d.open, d.conversionPct])).toEqual([
      ['housekeeping', 4, 1, 1, 2, 50],
      ['restaurant', 3, 2, 0, 1, 100],
    ])
    // Weeks run Monday to Sunday from the week of the period's first day (Thursday 09-03).
    expect(observations.byWeek[0].week).toBe('2026-08-31')
    expect(observations.byWeek.at(-1).week).toBe('2026-11-30')
    expect(observations.byWeek).toHaveLength(14)
    const week = (key: string) => observations.byWeek.find((w: any) => w.week === key)
    expect(week('2026-11-23')).toMatchObject({ recorded: 4, accepted: 1, merged: 1, rejected: 1, open: 1, departments: { housekeeping: 3, restaurant: 1 } })
    expect(week('2026-11-30')).toMatchObject({ recorded: 3, accepted: 1, merged: 0, rejected: 0, open: 2, departments: { housekeeping: 1, restaurant: 2 } })
    expect(week('2026-08-31')).toMatchObject({ recorded: 0, conversionPct: null })
    // The two accepted observations became buckwheat pillows: amenity's pillow now leads with 3.
    expect(preferences.find((c: any) => c.category === 'amenity').codes[0]).toMatchObject({ code: 'pillow', total: 3, preferred: 3 })
  })

  it('lists the guests with most declined or overdue prompts issued in the period, and links them by id', () => {
    const { g, y, z } = buildHotel()
    const gPrompts = checkInToday(g, '1001')
    const yPrompts = checkInToday(y, '1002')
    const zPrompts = checkInToday(z, '1008')
    const byText = (list: { id: number; text: { en: string } }[], words: string) => list.find((p) => p.text.en.includes(words))!.id
    ok(hotel.call(hotel.cook, 'prompt.decline', { promptId: byText(gPrompts, 'chilli'), reason: 'Out of stock' }))
    ok(hotel.call(hotel.cook, 'prompt.acknowledge', { promptId: byText(yPrompts, 'Sichuan dishes') }))
    ok(hotel.call(hotel.cook, 'prompt.complete', { promptId: byText(yPrompts, 'Sichuan dishes') }))
    ok(hotel.call(hotel.cook, 'prompt.acknowledge', { promptId: byText(zPrompts, 'Sichuan dishes') }))
    // Before anything is due only the decline counts.
    expect(dashboard().unfulfilled).toEqual({ guests: 1, top: [expect.objectContaining({ guestId: g, declined: 1, overdue: 0, total: 1 })] })
    // 31 minutes later every task not done has broken its 30-minute promise.
    at('2026-12-01T02:31:00.000Z')
    const { unfulfilled } = dashboard()
    expect(unfulfilled.guests).toBe(2)
    expect(unfulfilled.top.map((u: any) => [u.guestId, u.nativeName, u.declined, u.overdue, u.total])).toEqual([
      [g, '宾客G', 1, 2, 3],
      [z, '宾客Z', 0, 1, 1],
    ])
    // Prompts issued before the period are not this period's needs.
    expect(dashboard({ from: '2026-11-01', to: '2026-11-30' }).unfulfilled).toEqual({ guests: 0, top: [] })
  })

  it('counts the next 7 days of arrivals by VIP level and with alerts, from the business date', () => {
    const { g, y, z } = buildHotel()
    checkInToday(g, '1001')
    checkInToday(y, '1002')
    checkInToday(z, '1008')
    const { arrivals } = dashboard()
    expect([arrivals.from, arrivals.to, arrivals.total, arrivals.withAlerts, arrivals.vips]).toEqual(['2026-12-01', '2026-12-07', 7, 3, 3])
    expect(arrivals.byVip).toEqual([
      { vip: 0, total: 4, withAlerts: 1 },
      { vip: 1, total: 1, withAlerts: 0 },
      { vip: 2, total: 1, withAlerts: 1 },
      { vip: 3, total: 1, withAlerts: 1 },
    ])
    expect(arrivals.byDay.map((d: any) => [d.date, d.total, d.withAlerts, d.vip])).toEqual([
      ['2026-12-01', 3, 0, [3, 0, 0, 0]],
      ['2026-12-02', 0, 0, [0, 0, 0, 0]], // F's booking was cancelled
      ['2026-12-03', 1, 1, [0, 0, 1, 0]],
      ['2026-12-04', 1, 1, [0, 0, 0, 1]],
      ['2026-12-05', 1, 0, [0, 1, 0, 0]],
      ['2026-12-06', 0, 0, [0, 0, 0, 0]],
      ['2026-12-07', 1, 1, [1, 0, 0, 0]],
    ])
    expect(arrivals.alertGuests.map((a: any) => [a.guestId, a.arrival, a.vip, a.alerts.map((x: any) => `${x.category}.${x.code}=${x.value}`)])).toEqual([
      [guests.R1, '2026-12-03', 2, ['food.allergy=peanut']],
      [guests.R5, '2026-12-04', 3, ['amenity.flowers=lily']],
      [guests.R2, '2026-12-07', 0, ['access.hearing=hard_of_hearing']],
    ])
    expect(arrivals.alertGuestsLeftOut).toBe(0)
  })

  it('moves the 7 days with the business date, not the calendar: 03:30 is still yesterday until the night audit time', () => {
    buildHotel()
    at('2026-12-01T19:30:00.000Z') // 03:30 on 12-02 in Shanghai: business date 12-01
    const before = dashboard()
    expect([before.businessDate, before.arrivals.from, before.arrivals.to]).toEqual(['2026-12-01', '2026-12-01', '2026-12-07'])
    expect(before.arrivals.byDay.some((d: any) => d.date === '2026-12-08')).toBe(false)
    at('2026-12-01T20:30:00.000Z') // 04:30: business date 12-02; R3's 12-08 arrival comes into view
    const after = dashboard()
    expect([after.businessDate, after.arrivals.from, after.arrivals.to, after.to]).toEqual(['2026-12-02', '2026-12-02', '2026-12-08', '2026-12-02'])
    expect(after.arrivals.byDay.at(-1)).toEqual({ date: '2026-12-08', total: 1, withAlerts: 0, vip: [0, 0, 1, 0] })
    expect(after.arrivals.total).toBe(5)
  })

  it('answers a new hotel with empty figures, not errors', () => {
    const report = dashboard()
    expect(report.repeat.period).toEqual({ key: 'period', guests: 0, repeatGuests: 0, ratePct: null })
    expect(report.preferences).toEqual([])
    expect(report.observations.totals.recorded).toBe(0)
    expect(report.unfulfilled).toEqual({ guests: 0, top: [] })
    expect(report.arrivals).toMatchObject({ total: 0, withAlerts: 0, alertGuests: [] })
  })

  it('is for managers and administrators only, and refuses a period it cannot read', () => {
    expect(failure(hotel.call(hotel.desk, 'report.dashboard', {})).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.housekeeper, 'report.dashboard', {})).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.cook, 'report.dashboard', {})).code).toBe('FORBIDDEN')
    expect(ok(hotel.call(hotel.admin, 'report.dashboard', {})).businessDate).toBe('2026-12-01')
    const refused = (input: Record<string, string>, field: string) => {
      const error = failure(hotel.call(manager, 'report.dashboard', input))
      expect(error.code).toBe('VALIDATION')
      expect((error.details?.issues as { path: string }[]).map((i) => i.path)).toContain(field)
    }
    refused({ from: '2026-11-01' }, 'to')
    refused({ from: '2026-12-02', to: '2026-12-01' }, 'to')
    refused({ from: '2025-01-01', to: '2026-12-01' }, 'to')
    refused({ from: '2026-02-30', to: '2026-03-01' }, 'from')
  })

  it('reads through the indexes it was written for (EXPLAIN QUERY PLAN of the statements it ran)', () => {
    buildHotel()
    dashboard()
    const plans = Object.fromEntries(Object.entries(dashboardQueryPlans(core.sqlite)).map(([name, lines]) => [name, lines.join(' | ')]))
    // Past stays by status and dates, from the index alone (stay_visits, migration 0011); each guest's second stay by guest and arrival (stay_by_guest, widened to cover it in migration 0012).
    expect(plans.repeatGuests).toMatch(/SEARCH stay USING COVERING INDEX stay_visits \(status=\? AND arrival_date>\? AND arrival_date<\?\)/)
    expect(plans.repeatGuests).toMatch(/SEARCH s USING COVERING INDEX stay_by_guest \(guest_id=\?\)/)
    expect(plans.observations).toMatch(/SEARCH o USING (COVERING )?INDEX observation_by_status \(status=\? AND created_at>\? AND created_at<\?\)/)
    expect(plans.arrivals).toMatch(/SEARCH stay USING (COVERING )?INDEX (stay_by_arrival|stay_by_status|stay_visits) \((status=\? AND )?arrival_date>\? AND arrival_date<\?\)/)
    expect(plans.arrivalPreferences).toMatch(/SEARCH preference USING (COVERING )?INDEX preference_by_guest \(guest_id=\? AND active=\?\)/)
    if (process.env.ZHIKE_SHOW_PLANS) console.log(plans)
    // Top preferences: the partial index preference_counted alone, already in group order (no sort).
    expect(plans.preferences).toMatch(/SCAN preference USING COVERING INDEX preference_counted/)
    expect(plans.preferences).not.toMatch(/TEMP B-TREE/)
    // No index covers this one: one pass over the table (see docs/architecture.md).
    expect(plans.unfulfilled).toMatch(/SCAN prompt/)
  })
})
