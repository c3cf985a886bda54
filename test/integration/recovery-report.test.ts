import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core } from '../../electron/core/core'
import { failure, ok, seedSmallHotel, type SmallHotel } from '../fixtures/test-store'

/*
 * report.recovery on a real store. The hotel is in Shanghai (UTC+8) with the night audit at 04:00;
 * "now" is 2026-12-20 10:00 hotel time. Cases and stays are written with the test's own SQL (their
 * instants chosen to the minute); satisfaction comes in through satisfaction.import.
 */
let now = new Date('2026-12-20T02:00:00.000Z')
let core: Core
let dir: string
let hotel: SmallHotel
let manager: Actor
let seq = 0

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-recovery-report-'))
  now = new Date('2026-12-20T02:00:00.000Z')
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

const minutes = (iso: string, m: number) => new Date(Date.parse(iso) + m * 60_000).toISOString()

function guest(name: string): number {
  return ok(hotel.call(hotel.desk, 'guest.create', { nativeName: name, romanName: null, phone: null, nationality: 'CN', vip: 0 })).id
}

function stay(guestId: number, arrival: string, departure: string, status = 'checked_out'): number {
  seq++
  return Number(
    core.sqlite
      .prepare('INSERT INTO stay (confirmation_no, guest_id, arrival_date, departure_date, party_size, room_id, status, created_at) VALUES (?, ?, ?, ?, 1, NULL, ?, ?)')
      .run(`RR-${seq}`, guestId, arrival, departure, status, '2026-11-01T00:00:00.000Z').lastInsertRowid,
  )
}

interface CaseSpec {
  raisedAt: string
  kind?: string
  category?: string
  department?: string
  status?: string
  respondedAfter?: number
  resolvedAfter?: number
  solutionDone?: boolean
  compensation?: { kind: string; minor: number; skipped?: boolean }
}

/** A case as recovery.raise would leave it, with a 15-minute first-response and a 24-hour resolution promise. */
function recoveryCase(guestId: number, stayId: number, spec: CaseSpec): number {
  const staffId = hotel.desk.staffId
  const caseId = Number(
    core.sqlite
      .prepare(
        `INSERT INTO recovery_case (guest_id, stay_id, kind, category, severity, department_code, description, raised_by, raised_at, raised_from, status,
          first_response_due_at, first_responded_at, resolution_due_at, resolved_at) VALUES (?, ?, ?, ?, 'moderate', ?, 'What happened', ?, ?, 'desk', ?, ?, ?, ?, ?)`,
      )
      .run(
        guestId,
        stayId,
        spec.kind ?? 'complaint',
        spec.category ?? 'noise',
        spec.department ?? 'housekeeping',
        staffId,
        spec.raisedAt,
        spec.status ?? 'open',
        minutes(spec.raisedAt, 15),
        spec.respondedAfter === undefined ? null : minutes(spec.raisedAt, spec.respondedAfter),
        minutes(spec.raisedAt, 24 * 60),
        spec.resolvedAfter === undefined ? null : minutes(spec.raisedAt, spec.resolvedAfter),
      ).lastInsertRowid,
  )
  ;['apologise', 'listen', 'solution', 'compensation', 'promise', 'follow_up'].forEach((step, i) => {
    const done = step === 'solution' ? spec.solutionDone : step === 'compensation' ? spec.compensation !== undefined : false
    core.sqlite
      .prepare('INSERT INTO recovery_step (case_id, step, position, done_at, done_by, skipped, compensation_kind, compensation_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(
        caseId,
        step,
        i + 1,
        done ? minutes(spec.raisedAt, 30) : null,
        done ? staffId : null,
        step === 'compensation' && spec.compensation?.skipped ? 1 : 0,
        step === 'compensation' ? (spec.compensation?.kind ?? null) : null,
        step === 'compensation' ? (spec.compensation?.minor ?? null) : null,
      )
  })
  return caseId
}

const report = (input: Record<string, unknown>) => hotel.call(manager, 'report.recovery', input)

describe('report.recovery', () => {
  it('counts cases by category, department and week, times against the promise, and compensation in fen', () => {
    const a = guest('张伟')
    const b = guest('李娜')
    const sa = stay(a, '2026-12-01', '2026-12-04')
    const sb = stay(b, '2026-12-07', '2026-12-09')
    // 2026-12-02 10:00 Shanghai: business date 12-02. Responded in 5 minutes, resolved in 10 hours, a meal of ¥88.00.
    recoveryCase(a, sa, { raisedAt: '2026-12-02T02:00:00.000Z', respondedAfter: 5, resolvedAfter: 600, status: 'resolved', solutionDone: true, compensation: { kind: 'meal', minor: 8800 } })
    // 12-03 03:30 Shanghai is still business date 12-02 (before the 04:00 audit): an incident of the restaurant, answered late.
    recoveryCase(a, sa, { raisedAt: '2026-12-02T19:30:00.000Z', kind: 'incident', category: 'food', department: 'restaurant', respondedAfter: 40 })
    // Business date 12-08 (next week): an upgrade worth ¥500.00, and a skipped compensation that counts for nothing.
    recoveryCase(b, sb, { raisedAt: '2026-12-08T06:00:00.000Z', category: 'room', compensation: { kind: 'upgrade', minor: 50000 } })
    recoveryCase(b, sb, { raisedAt: '2026-12-08T07:00:00.000Z', category: 'room', compensation: { kind: 'refund', minor: 999, skipped: true } })

    const r = ok(report({ from: '2026-12-01', to: '2026-12-14' }))
    expect(r.currency).toBe('CNY')
    expect(r.totals).toEqual({ cases: 4, complaints: 3, incidents: 1, open: 3, resolved: 1, firstResponseWithinPct: 25, resolutionWithinPct: 25, compensationMinor: 58800 })
    expect(r.byPeriod).toEqual([
      { period: '2026-11-30', byCategory: { room: 0, noise: 1, food: 1, service: 0, billing: 0, other: 0 } },
      { period: '2026-12-07', byCategory: { room: 2, noise: 0, food: 0, service: 0, billing: 0, other: 0 } },
      { period: '2026-12-14', byCategory: { room: 0, noise: 0, food: 0, service: 0, billing: 0, other: 0 } },
    ])
    expect(r.byDepartment.map((d: { department: string; cases: number }) => [d.department, d.cases])).toEqual([
      ['housekeeping', 3],
      ['restaurant', 1],
    ])
    expect(r.responseTimes.firstResponseMinutes).toEqual({ median: 22.5, p90: 36.5 })
    expect(r.responseTimes.resolutionMinutes).toEqual({ median: 600, p90: 600 })
    expect(r.responseTimes.firstResponsePromiseMinutes).toBe(15)
    expect(r.responseTimes.resolutionPromiseMinutes).toBe(1440)
    expect(r.compensation).toEqual({ totalMinor: 58800, byKind: [{ kind: 'upgrade', count: 1, totalMinor: 50000 }, { kind: 'meal', count: 1, totalMinor: 8800 }] })

    // The night-audit boundary: the 03:30 incident is business date 12-02, not 12-03.
    expect(ok(report({ from: '2026-12-03', to: '2026-12-03' })).totals.cases).toBe(0)
    expect(ok(report({ from: '2026-12-02', to: '2026-12-02' })).totals.cases).toBe(2)
    // One department (its outlets too).
    const restaurant = ok(report({ from: '2026-12-01', to: '2026-12-14', department: 'restaurant' }))
    expect(restaurant.totals).toMatchObject({ cases: 1, incidents: 1, compensationMinor: 0 })
  })

  it('compares the return rate of recovered guests with all guests and guests who never complained', () => {
    const recoveredBack = guest('回来的')
    const recoveredGone = guest('没回来')
    const quietBack = guest('安静回来')
    const quietGone = guest('安静没回')
    const cancelledReturn = guest('取消')
    const s1 = stay(recoveredBack, '2026-12-01', '2026-12-03')
    stay(recoveredBack, '2026-12-10', '2026-12-12') // came back
    const s2 = stay(recoveredGone, '2026-12-01', '2026-12-04')
    stay(quietBack, '2026-12-02', '2026-12-05')
    stay(quietBack, '2026-12-18', '2026-12-22', 'in_house') // in house now: returned
    stay(quietGone, '2026-12-02', '2026-12-05')
    stay(quietGone, '2026-12-25', '2026-12-27', 'reserved') // not yet arrived: no return
    stay(cancelledReturn, '2026-12-02', '2026-12-05')
    stay(cancelledReturn, '2026-12-08', '2026-12-09', 'cancelled') // cancelled: no return
    stay(guest('在范围外'), '2026-11-01', '2026-11-03') // departed before the range: not in the cohort
    recoveryCase(recoveredBack, s1, { raisedAt: '2026-12-02T02:00:00.000Z', status: 'resolved', solutionDone: true })
    recoveryCase(recoveredGone, s2, { raisedAt: '2026-12-02T02:00:00.000Z', status: 'closed', solutionDone: true })

    const r = ok(report({ from: '2026-12-01', to: '2026-12-07' }))
    expect(r.returnRates).toEqual({
      recovered: { guests: 2, returned: 1, pct: 50 },
      all: { guests: 5, returned: 2, pct: 40 },
      neverComplained: { guests: 3, returned: 1, pct: 33.3 },
    })
  })

  it('gives the satisfaction trend by week from imported answers, the latest answer of a stay counting', () => {
    const a = guest('满意')
    const s = stay(a, '2026-12-01', '2026-12-03')
    const t = stay(a, '2026-12-08', '2026-12-10')
    const csv = `stay,score,date\n${s},2,2026-12-04\n${s},4,2026-12-05\n${t},5,2026-12-11\n`
    ok(hotel.call(manager, 'satisfaction.import', { fileName: 'survey.csv', csv }))
    // The second answer of stay s replaces the first (recorded later: same file, higher id).
    const r = ok(report({ from: '2026-12-01', to: '2026-12-13' }))
    expect(r.satisfaction).toEqual({
      byPeriod: [
        { period: '2026-11-30', average: 4, count: 1 },
        { period: '2026-12-07', average: 5, count: 1 },
      ],
      average: 4.5,
      count: 2,
    })
  })

  it('refuses a range that is backwards, too long or not real, and an unknown department, naming the field', () => {
    const issues = (input: Record<string, unknown>) => {
      const e = failure(report(input))
      expect(e.code).toBe('VALIDATION')
      return (e.details?.issues as { path: string; message: string }[]).map((i) => `${i.path}: ${i.message}`)
    }
    expect(issues({ from: '2026-12-10', to: '2026-12-01' })[0]).toMatch(/^to: The range ends \(2026-12-01\) before it starts/)
    expect(issues({ from: '2025-12-01', to: '2026-12-02' })[0]).toMatch(/^to: A report covers at most 366 days; this range covers 367/)
    expect(issues({ from: '2026-02-30', to: '2026-03-02' })[0]).toMatch(/^from: The from date is not a real date/)
    expect(issues({ from: '2026-12-01', to: '2026-12-02', department: 'spa' })).toEqual(['department: There is no department "spa".'])
    // A year exactly (a leap day in it) is fine.
    expect(ok(report({ from: '2023-12-02', to: '2024-12-01' })).totals.cases).toBe(0)
  })

  it('is refused to the front desk and to department staff', () => {
    expect(failure(hotel.call(hotel.desk, 'report.recovery', { from: '2026-12-01', to: '2026-12-02' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.cook, 'report.recovery', { from: '2026-12-01', to: '2026-12-02' })).code).toBe('FORBIDDEN')
  })
})
