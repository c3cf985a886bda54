import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core } from '../../electron/core/core'
import { failure, ok, seedSmallHotel, type SmallHotel } from '../fixtures/test-store'

/*
 * Promise reports on a real store: prompts made by real check-ins, acted on by real staff at
 * chosen minutes of a clock the test moves, then read back as a manager would.
 * The hotel is in Shanghai (UTC+8); day 1 is business date 2026-12-01, day 2 is 12-02.
 */
let now = new Date('2026-12-01T02:00:00.000Z') // 10:00 in Shanghai
let core: Core
let dir: string
let hotel: SmallHotel
let manager: Actor

const minutes = (base: Date, m: number) => new Date(base.getTime() + m * 60_000)

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-report-'))
  now = new Date('2026-12-01T02:00:00.000Z')
  core = createCore({ file: path.join(dir, 'zhike.db'), clock: { now: () => now }, logError: process.env.ZHIKE_TEST_LOG ? (e, name) => console.error(name, e) : () => {} })
  hotel = seedSmallHotel(core)
  ok(hotel.call(hotel.admin, 'hotel.setClock', { timeZone: 'Asia/Shanghai', nightAuditTime: '04:00' }))
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  manager = ok(core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
})
afterEach(() => {
  core.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A guest who reads mainland advertising periodicals and likes Sichuan food with chilli oil, checked in now to `room`. */
function checkIn(name: string, room: string, arrival: string) {
  const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: name, romanName: null, phone: null, nationality: 'CN', vip: 0 }))
  for (const [category, code, value] of [
    ['reading', 'periodical', 'mainland_advertising'],
    ['food', 'cuisine', 'sichuan'],
    ['food', 'condiment', 'chilli_sichuan_pepper_oil'],
  ]) {
    ok(hotel.call(hotel.desk, 'preference.add', { guestId, category, code, value }))
  }
  const departure = new Date(Date.parse(`${arrival}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10)
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival, departure, party: 1 }))
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: room }))
  const prompts: { id: number; department: string; text: { en: string }; escalateAt: string; dueAt: string; createdAt: string }[] = ok(hotel.call(hotel.desk, 'prompt.ofStay', { stayId }))
  const byRule = (words: string) => prompts.find((p) => p.text.en.includes(words))!
  return { stayId, prompts, periodicals: byRule('periodicals'), sichuan: byRule('Sichuan dishes'), chilli: byRule('chilli') }
}

function act(actor: Actor, at: Date, name: 'prompt.acknowledge' | 'prompt.complete' | 'prompt.decline', promptId: number, reason?: string) {
  now = at
  ok(hotel.call(actor, name, reason ? { promptId, reason } : { promptId }))
}

describe('report.promises', () => {
  it('gives within-promise rates, medians, p90, declines and the worst offenders of real prompts', () => {
    const day1 = new Date('2026-12-01T02:00:00.000Z')
    const a = checkIn('张伟', '1001', '2026-12-01')
    // The promises as the seed hotel sets them: acknowledge in 10 minutes, act in 30.
    expect(Date.parse(a.periodicals.escalateAt) - Date.parse(a.periodicals.createdAt)).toBe(10 * 60_000)
    expect(Date.parse(a.periodicals.dueAt) - Date.parse(a.periodicals.createdAt)).toBe(30 * 60_000)
    act(hotel.housekeeper, minutes(day1, 5), 'prompt.acknowledge', a.periodicals.id)
    act(hotel.housekeeper, minutes(day1, 20), 'prompt.complete', a.periodicals.id) // both kept
    act(hotel.cook, minutes(day1, 8), 'prompt.decline', a.chilli.id, 'Out of stock')
    act(hotel.cook, minutes(day1, 25), 'prompt.acknowledge', a.sichuan.id) // 15 late
    act(hotel.cook, minutes(day1, 50), 'prompt.complete', a.sichuan.id) // 20 late

    const day2 = new Date('2026-12-02T02:00:00.000Z')
    now = day2
    const b = checkIn('李娜', '1202', '2026-12-02')
    act(hotel.housekeeper, minutes(day2, 40), 'prompt.complete', b.periodicals.id) // never acknowledged: counts as at 40, 30 late; done 10 late
    act(hotel.cook, minutes(day2, 2), 'prompt.acknowledge', b.sichuan.id)
    act(hotel.cook, minutes(day2, 10), 'prompt.complete', b.sichuan.id) // both kept
    // b.chilli is never touched: at 05:00Z (180 minutes in) it is 170 minutes past its acknowledgement promise and 150 past due.
    now = minutes(day2, 180)

    const other = a.prompts.length + b.prompts.length - 6 // prompts of rules other than the seed's three (none expected)
    expect(other).toBe(0)

    const report = ok(hotel.call(manager, 'report.promises', { from: '2026-12-01', to: '2026-12-02' }))
    expect(report.timeZone).toBe('Asia/Shanghai')
    expect(report.totals).toMatchObject({ issued: 6, cancelled: 0, declined: 1, ackJudged: 6, ackWithin: 3, ackWithinPct: 50, doneJudged: 5, doneWithin: 2, doneWithinPct: 40 })
    // Minutes to acknowledge: 5, 8 (the decline), 25, 40 (done unacknowledged), 2 → median 8, p90 between 25 and 40.
    expect(report.totals.ackMinutes).toEqual({ median: 8, p90: 34 })
    // Minutes to done: 20, 50, 40, 10 → median 30, p90 47.
    expect(report.totals.doneMinutes).toEqual({ median: 30, p90: 47 })

    const departments = Object.fromEntries(report.byDepartment.map((d: any) => [d.department, d]))
    expect(departments.housekeeping).toMatchObject({ issued: 2, ackWithinPct: 50, doneWithinPct: 50 })
    expect(departments.restaurant).toMatchObject({ issued: 4, ackWithinPct: 50, doneWithinPct: 33.3, declined: 1 })

    const rules = Object.fromEntries(report.byRule.map((r: any) => [r.ruleKey, r]))
    expect(rules['chilli-oil']).toMatchObject({ issued: 2, declined: 1, ackWithinPct: 50, doneJudged: 1, doneWithinPct: 0 })
    expect(rules.sichuan).toMatchObject({ issued: 2, doneWithinPct: 50, doneMinutes: { median: 30, p90: 46 } })

    expect(report.byDay.map((d: any) => [d.date, d.issued])).toEqual([
      ['2026-12-01', 3],
      ['2026-12-02', 3],
    ])
    expect(report.declineReasons).toEqual([{ reason: 'Out of stock', count: 1, departments: ['restaurant'] }])
    expect(report.worst.slice(0, 3).map((w: any) => [w.ruleKey, w.room, w.promise, w.lateMinutes, w.stillOpen])).toEqual([
      ['chilli-oil', '1202', 'acknowledge', 170, true],
      ['periodicals', '1202', 'acknowledge', 30, false],
      ['sichuan', '1001', 'done', 20, false],
    ])
  })

  it('takes a prompt by the business date of its issue (night audit to night audit), and one department with its filter', () => {
    // 23:30 on 12-01 in Shanghai is 15:30Z: the hotel's 12-01, though the issue is stored as 12-01T15:30Z.
    now = new Date('2026-12-01T15:30:00.000Z')
    checkIn('王芳', '1008', '2026-12-01')
    // 00:30 on 12-02 in Shanghai (16:30Z on 12-01): before the 04:00 night audit, still business date 12-01.
    now = new Date('2026-12-01T16:30:00.000Z')
    ok(hotel.call(hotel.admin, 'room.create', { number: '1301', floor: 13, facing: 'S', bed: 'king', features: [], view: null }))
    checkIn('刘洋', '1301', '2026-12-01')
    // 04:30 on 12-02 in Shanghai (20:30Z): after the audit time, business date 12-02.
    now = new Date('2026-12-01T20:30:00.000Z')
    ok(hotel.call(hotel.admin, 'room.create', { number: '1302', floor: 13, facing: 'S', bed: 'king', features: [], view: null }))
    checkIn('赵磊', '1302', '2026-12-02')
    const first = ok(hotel.call(manager, 'report.promises', { from: '2026-12-01', to: '2026-12-01' }))
    expect(first.totals.issued).toBe(6)
    expect(first.byDay.map((d: any) => [d.date, d.issued])).toEqual([['2026-12-01', 6]])
    const second = ok(hotel.call(manager, 'report.promises', { from: '2026-12-02', to: '2026-12-02', department: 'housekeeping' }))
    expect(second.totals.issued).toBe(1)
    expect(second.byDepartment.map((d: any) => d.department)).toEqual(['housekeeping'])
  })

  it('leaves cancelled prompts out of the rates and counts them apart', () => {
    const a = checkIn('陈静', '1001', '2026-12-01')
    act(hotel.housekeeper, minutes(now, 3), 'prompt.acknowledge', a.periodicals.id)
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId: a.stayId }))
    const report = ok(hotel.call(manager, 'report.promises', { from: '2026-12-01', to: '2026-12-01' }))
    expect(report.totals).toMatchObject({ issued: 3, cancelled: 3, ackJudged: 0, ackWithinPct: null, doneWithinPct: null })
  })

  it('is refused to the front desk and to department staff, and says what is wrong with a range', () => {
    expect(failure(hotel.call(hotel.desk, 'report.promises', { from: '2026-12-01', to: '2026-12-01' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.housekeeper, 'report.promises', { from: '2026-12-01', to: '2026-12-01' })).code).toBe('FORBIDDEN')
    ok(hotel.call(hotel.admin, 'report.promises', { from: '2026-12-01', to: '2026-12-01' }))
    const backwards = failure(hotel.call(manager, 'report.promises', { from: '2026-12-05', to: '2026-12-01' }))
    expect(backwards.code).toBe('VALIDATION')
    expect(backwards.message).toMatch(/before it starts/)
    expect(failure(hotel.call(manager, 'report.promises', { from: '2025-01-01', to: '2026-12-01' })).message).toMatch(/at most 366 days/)
    expect(failure(hotel.call(manager, 'report.promises', { from: '2026-02-30', to: '2026-03-01' })).message).toMatch(/not a real date/)
    expect(failure(hotel.call(manager, 'report.promises', { from: '1 Dec', to: '2026-12-01' })).message).toMatch(/YYYY-MM-DD/)
    ok(hotel.call(manager, 'report.promises', { from: '2025-12-01', to: '2026-12-01' })) // 366 days exactly
  })
})
