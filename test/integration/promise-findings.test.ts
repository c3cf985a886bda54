import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core } from '../../electron/core/core'
import type { CoreEvent } from '../../electron/core/events'
import { hotelInstant } from '../../electron/core/hotel-clock'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { schedulerTick } from '../../electron/core/scheduler/scheduler'
import { ClockStore, seedHotel } from '../fixtures/clock-store'
import { failure, ok } from '../fixtures/test-store'

// Faults an attacker and a newcomer found in issue 10's service promises, each on a real store.

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString()
// 14:00 in Shanghai on business date 2026-12-01.
const t0 = '2026-12-01T06:00:00.000Z'

function setUp(at = t0) {
  const s = (store = new ClockStore(at))
  const hotel = seedHotel(s, 'Asia/Shanghai')
  return { s, hotel }
}

function signIn(s: ClockStore, admin: Actor, code: string, role: string, department = 'front_office', pin = '1234'): Actor {
  s.call(admin, 'staff.create', { code, name: `Staff ${code}`, department, role, pin })
  return s.call<{ staff: Actor }>(null, 'session.signIn', { code, pin }).staff
}

function issuesOf(result: ReturnType<Core['callAs']>): { code: string; paths: string[] } {
  const error = failure(result)
  return { code: error.code, paths: ((error.details?.issues as { path: string }[] | undefined) ?? []).map((i) => i.path) }
}

/** A guest who reads mainland advertising periodicals (the small hotel's housekeeping check-in rule). */
function reader(s: ClockStore, desk: Actor, name: string): number {
  const { id } = s.call(desk, 'guest.create', { nativeName: name, vip: 0 })
  s.call(desk, 'preference.add', { guestId: id, category: 'reading', code: 'periodical', value: 'mainland_advertising' })
  return id
}

const prompts = (s: ClockStore, actor: Actor, stayId: number) => s.call<PromptView[]>(actor, 'prompt.ofStay', { stayId })

describe('the promise to acknowledge counts from the day the work is due', () => {
  it('a reservation for May does not escalate 11 minutes after booking; a check-in prompt does', async () => {
    const { s, hotel } = setUp()
    s.call(hotel.admin, 'rule.create', {
      key: 'periodicals-booked',
      trigger: 'reservation',
      category: 'reading',
      code: 'periodical',
      department: 'housekeeping',
      dueMinutes: 30,
      template: { en: 'Order the periodicals for {guest}.', zh: '为{guest}订阅期刊。' },
    })
    const far = reader(s, hotel.desk, '远方客')
    const { stayId: farStay, prompts: booked } = s.call(hotel.desk, 'stay.reserve', { guestId: far, arrival: '2027-05-10', departure: '2027-05-12', party: 1 })
    expect(booked).toHaveLength(1)
    // Due at the arrival (14:00 on 10 May); acknowledge within 10 minutes of that business day's start (the 04:00 audit).
    expect(booked[0].dueAt).toBe(hotelInstant('2027-05-10', '14:00', 'Asia/Shanghai').toISOString())
    expect(booked[0].escalateAt).toBe(minutes(hotelInstant('2027-05-10', '04:00', 'Asia/Shanghai').toISOString(), 10))

    const near = reader(s, hotel.desk, '近处客')
    const { stayId: nearStay } = s.call(hotel.desk, 'stay.reserve', { guestId: near, arrival: '2026-12-01', departure: '2026-12-02', party: 1 })
    const { prompts: checkedIn } = s.call(hotel.desk, 'stay.checkIn', { stayId: nearStay, roomNumber: '1001' })
    expect(checkedIn.find((p: PromptView) => p.department === 'housekeeping')?.escalateAt).toBe(minutes(t0, 10))

    await s.tick()
    await s.at(minutes(t0, 11)).tick()
    expect(prompts(s, hotel.admin, farStay).map((p) => [p.status, p.escalatedAt])).toEqual([['open', null]])
    expect(prompts(s, hotel.admin, nearStay).find((p) => p.department === 'housekeeping')?.escalatedAt).not.toBeNull()
  })
})

describe('rule and escalation validation', () => {
  const rule = (extra: Record<string, unknown>) => ({
    trigger: 'check_in',
    category: 'food',
    polarity: 'unwanted',
    department: 'restaurant',
    dueMinutes: 30,
    template: { en: 'Mind what {guest} avoids.', zh: '注意{guest}忌口。' },
    ...extra,
  })

  it('refuses a nationality that is no country, naming the entry', () => {
    const { s, hotel } = setUp()
    expect(issuesOf(s.core.callAs(hotel.admin, 'rule.create', rule({ conditions: { nationalities: ['JP', 'XX'] } })))).toEqual({ code: 'VALIDATION', paths: ['conditions.nationalities.1'] })
    expect(issuesOf(s.core.callAs(hotel.admin, 'rule.preview', { rule: rule({ conditions: { nationalities: ['XX'] } }) }))).toEqual({ code: 'VALIDATION', paths: ['rule.conditions.nationalities.0'] })
    expect(ok(s.core.callAs(hotel.admin, 'rule.create', rule({ conditions: { nationalities: ['jp', 'DE'] } }))).id).toBeGreaterThan(0)
  })

  it('refuses items to leave out that the rule’s category does not have', () => {
    const { s, hotel } = setUp()
    expect(issuesOf(s.core.callAs(hotel.admin, 'rule.create', rule({ conditions: { exceptCodes: ['allergy', 'grouper'] } })))).toEqual({ code: 'VALIDATION', paths: ['conditions.exceptCodes.1'] })
    expect(issuesOf(s.core.callAs(hotel.admin, 'rule.create', rule({ category: null, polarity: 'any', conditions: { exceptCodes: ['allergy'] } })))).toEqual({
      code: 'VALIDATION',
      paths: ['conditions.exceptCodes'],
    })
    expect(issuesOf(s.core.callAs(hotel.admin, 'rule.create', rule({ conditions: { exceptCodes: ['allergy', 'allergy'] } })))).toEqual({ code: 'VALIDATION', paths: ['conditions.exceptCodes'] })
    expect(ok(s.core.callAs(hotel.admin, 'rule.create', rule({ conditions: { exceptCodes: ['allergy'] } }))).id).toBeGreaterThan(0)
  })

  it('refuses an escalation step written twice', () => {
    const { s, hotel } = setUp()
    const set = (steps: unknown) => s.core.callAs(hotel.admin, 'escalation.setSteps', { department: 'housekeeping', ackMinutes: 10, promiseMinutes: 30, steps })
    expect(issuesOf(set([{ afterMinutes: 0, notify: 'lead' }, { afterMinutes: 0, notify: 'lead' }]))).toEqual({ code: 'VALIDATION', paths: ['steps.1.notify'] })
    expect(issuesOf(set([{ afterMinutes: 5, notify: 'lead' }, { afterMinutes: 5, notify: 'duty_manager' }, { afterMinutes: 5, notify: 'lead' }]))).toEqual({
      code: 'VALIDATION',
      paths: ['steps.2.notify'],
    })
    // Telling the lead again later is a reminder, not a repeat.
    expect(ok(set([{ afterMinutes: 0, notify: 'lead' }, { afterMinutes: 15, notify: 'lead' }])).steps).toHaveLength(2)
  })

  it('answers VALIDATION on "department" for a department the hotel does not have, wherever one is named', () => {
    const { s, hotel } = setUp()
    const refused = { code: 'VALIDATION', paths: ['department'] }
    expect(issuesOf(s.core.callAs(hotel.admin, 'report.promises', { from: '2026-11-01', to: '2026-11-30', department: 'spa' }))).toEqual(refused)
    expect(issuesOf(s.core.callAs(hotel.admin, 'escalation.setSteps', { department: 'spa', ackMinutes: 10, promiseMinutes: 30, steps: [{ afterMinutes: 0, notify: 'lead' }] }))).toEqual(refused)
    expect(issuesOf(s.core.callAs(hotel.admin, 'prompt.board', { department: 'spa' }))).toEqual(refused)
    expect(issuesOf(s.core.callAs(hotel.admin, 'prompt.assignees', { department: 'spa' }))).toEqual(refused)
    expect(issuesOf(s.core.callAs(hotel.admin, 'rule.create', rule({ department: 'spa' })))).toEqual(refused)
    expect(ok(s.core.callAs(hotel.admin, 'report.promises', { from: '2026-11-01', to: '2026-11-30', department: 'housekeeping' })).department).toBe('housekeeping')
  })
})

describe('undoing a check-out reopens only what the check-out closed', () => {
  it('a prompt withdrawn by an undone check-in stays closed', () => {
    const { s, hotel } = setUp()
    const guestId = reader(s, hotel.desk, '何家俊')
    const { stayId } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-03', party: 1 })
    const first = s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }).prompts as PromptView[]
    s.call(hotel.desk, 'stay.undoCheckIn', { stayId })
    s.at(minutes(t0, 2))
    const second = s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }).prompts as PromptView[]
    s.at(minutes(t0, 4))
    s.call(hotel.desk, 'stay.checkOut', { stayId })
    const { reopenedPrompts } = s.call(hotel.desk, 'stay.undoCheckOut', { stayId })
    expect(reopenedPrompts).toBe(second.length)
    const byId = new Map(prompts(s, hotel.desk, stayId).map((p) => [p.id, p.status]))
    expect(first.map((p) => byId.get(p.id))).toEqual(first.map(() => 'cancelled'))
    expect(second.map((p) => byId.get(p.id))).toEqual(second.map(() => 'open'))
    // The housekeeping board shows the periodicals once, not twice.
    expect(s.call<PromptView[]>(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' }).filter((p) => p.stayId === stayId)).toHaveLength(1)
  })
})

describe('only the one who did it, or a manager, undoes a check-in or check-out', () => {
  it('fd02 cannot undo fd01’s check-in or check-out; fd01 and a manager can', () => {
    const { s, hotel } = setUp()
    const fd02 = signIn(s, hotel.admin, 'fd02', 'front_desk')
    const manager = signIn(s, hotel.admin, 'mg01', 'manager', 'front_office', '123456')
    const guestId = reader(s, hotel.desk, '何家俊')
    const { stayId } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-03', party: 1 })
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })
    const refused = failure(s.core.callAs(fd02, 'stay.undoCheckIn', { stayId }))
    expect(refused).toMatchObject({ code: 'UNDO_NOT_YOURS', details: { by: 'Staff fd01', context: 'check_in' } })
    expect(refused.message).toContain('Staff fd01')
    expect(s.call(hotel.desk, 'stay.undoCheckIn', { stayId }).status).toBe('reserved')

    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })
    s.call(hotel.desk, 'stay.checkOut', { stayId })
    expect(failure(s.core.callAs(fd02, 'stay.undoCheckOut', { stayId }))).toMatchObject({ code: 'UNDO_NOT_YOURS', details: { by: 'Staff fd01', context: 'check_out' } })
    expect(s.call(manager, 'stay.undoCheckOut', { stayId }).status).toBe('in_house')
  })
})

describe('stay.reinstate', () => {
  it('brings a no-show back as a reservation with the prompts the no-show closed, as the PMS route does', () => {
    const { s, hotel } = setUp()
    s.call(hotel.admin, 'rule.create', {
      key: 'periodicals-booked',
      trigger: 'reservation',
      category: 'reading',
      code: 'periodical',
      department: 'housekeeping',
      dueMinutes: 30,
      template: { en: 'Order the periodicals for {guest}.', zh: '为{guest}订阅期刊。' },
    })
    const guestId = reader(s, hotel.desk, '迟到客')
    const { stayId, prompts: booked } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-03', party: 1 })
    expect(booked).toHaveLength(1)
    // A prompt closed before the no-show (declined) stays as it was.
    s.call(hotel.desk, 'stay.cancel', { stayId, noShow: true })
    expect(prompts(s, hotel.desk, stayId).map((p) => p.status)).toEqual(['cancelled'])
    expect(failure(s.core.callAs(hotel.housekeeper, 'stay.reinstate', { stayId })).code).toBe('FORBIDDEN')

    s.events = []
    const answer = s.call(hotel.desk, 'stay.reinstate', { stayId })
    expect(answer).toEqual({ stayId, status: 'reserved', reopenedPrompts: 1 })
    expect(prompts(s, hotel.desk, stayId).map((p) => [p.id, p.status])).toEqual([[booked[0].id, 'open']])
    expect(s.events.filter((e: CoreEvent) => e.name === 'stay.changed').map((e) => (e.payload as { event: string }).event)).toEqual(['reservation'])
    expect(s.events.filter((e: CoreEvent) => e.name === 'prompt.updated')).toHaveLength(1)
    // It can be checked in now.
    expect(s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }).roomNumber).toBe('1001')

    expect(failure(s.core.callAs(hotel.desk, 'stay.reinstate', { stayId })).code).toBe('STAY_NOT_RESERVED')
  })

  it('is refused for a stay already over, and beside a PMS', async () => {
    const { s, hotel } = setUp()
    const guestId = reader(s, hotel.desk, '迟到客')
    const { stayId } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-02', party: 1 })
    s.call(hotel.desk, 'stay.cancel', { stayId, noShow: true })
    // The night audit at 04:00 opens business date 12-02, the day the stay departs.
    await s.tick()
    await s.at('2026-12-01T20:30:00.000Z').tick()
    expect(s.call(hotel.admin, 'hotel.clock', {}).businessDate).toBe('2026-12-02')
    expect(failure(s.core.callAs(hotel.desk, 'stay.reinstate', { stayId })).code).toBe('STAY_DATES')

    const other = reader(s, hotel.desk, '另一位')
    const { stayId: second } = s.call(hotel.desk, 'stay.reserve', { guestId: other, arrival: '2026-12-02', departure: '2026-12-04', party: 1 })
    s.call(hotel.desk, 'stay.cancel', { stayId: second, noShow: true })
    s.call(hotel.admin, 'pms.setSettings', { mode: 'with_pms' })
    expect(failure(s.core.callAs(hotel.desk, 'stay.reinstate', { stayId: second })).code).toBe('PMS_OWNS_STAYS')
  })
})

describe('rule.preview gives due times as the scheduler would', () => {
  it('a daily rule at 08:00 fires at the next 08:00; a standing instruction is due at departure; no room is null', () => {
    const { s, hotel } = setUp()
    const inHouse = reader(s, hotel.desk, '住店客')
    const { stayId: inHouseStay } = s.call(hotel.desk, 'stay.reserve', { guestId: inHouse, arrival: '2026-12-01', departure: '2026-12-04', party: 1 })
    s.call(hotel.desk, 'stay.checkIn', { stayId: inHouseStay, roomNumber: '1001' })
    const arriving = reader(s, hotel.desk, '今日到')
    const { stayId: arrivingStay } = s.call(hotel.desk, 'stay.reserve', { guestId: arriving, arrival: '2026-12-01', departure: '2026-12-02', party: 1 })
    const template = { en: 'Fresh periodicals for {guest} in {room}.', zh: '为{guest}（{room}）换新期刊。' }
    const daily = s.call(hotel.admin, 'rule.preview', {
      rule: { trigger: 'daily', atTime: '08:00', category: 'reading', code: 'periodical', department: 'housekeeping', dueMinutes: 60, template },
    })
    const dailyMatch = daily.matches.find((m: { stayId: number }) => m.stayId === inHouseStay)
    const nextEight = hotelInstant('2026-12-02', '08:00', 'Asia/Shanghai').toISOString()
    expect(dailyMatch).toMatchObject({ firesAt: nextEight, dueAt: minutes(nextEight, 60), roomNumber: '1001' })
    // The arriving guest is not in house on business date 12-02 (departs then): the daily rule fires for nobody there.
    expect(daily.matches.some((m: { stayId: number }) => m.stayId === arrivingStay)).toBe(false)

    const standing = s.call(hotel.admin, 'rule.preview', {
      rule: { kind: 'standing', trigger: 'reservation', category: 'reading', code: 'periodical', department: 'housekeeping', dueMinutes: 0, template },
    })
    const forArrival = standing.matches.find((m: { stayId: number }) => m.stayId === arrivingStay)
    expect(forArrival).toMatchObject({ roomNumber: null, firesAt: null, dueAt: hotelInstant('2026-12-02', '12:00', 'Asia/Shanghai').toISOString() })

    const preArrival = s.call(hotel.admin, 'rule.preview', {
      rule: { trigger: 'pre_arrival', offsetDays: 0, atTime: '18:00', category: 'reading', code: 'periodical', department: 'housekeeping', dueMinutes: 30, template },
    })
    const eighteen = hotelInstant('2026-12-01', '18:00', 'Asia/Shanghai').toISOString()
    expect(preArrival.matches.map((m: { stayId: number; firesAt: string; dueAt: string }) => [m.stayId, m.firesAt, m.dueAt])).toEqual([[arrivingStay, eighteen, minutes(eighteen, 30)]])
  })
})

describe('the demo opens without a flood of escalations', () => {
  it('no prompt of a guest who arrived before today escalates in the first half hour; the dim sum offer of 614 is open', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-demo-'))
    let now = new Date(t0)
    const core = createCore({
      file: path.join(dir, 'zhike.db'),
      clock: { now: () => new Date(now) },
      demoDir: fileURLToPath(new URL('../../resources/demo', import.meta.url)),
      logError: () => {},
    })
    try {
      ok(core.callAs(null, 'setup.loadDemo', {}))
      const escalated: PromptView[] = []
      core.events.subscribe((e) => {
        if (e.name === 'prompt.escalated') escalated.push((e.payload as { prompt: PromptView }).prompt)
      })
      await schedulerTick(core, now, { intervalMs: 60_000 })
      now = new Date(minutes(t0, 30))
      await schedulerTick(core, now, { intervalMs: 60_000 })
      const arrivals = new Map(
        (core.sqlite.prepare('SELECT id, arrival_date FROM stay').all() as { id: number; arrival_date: string }[]).map((r) => [r.id, r.arrival_date]),
      )
      const earlier = escalated.filter((p) => (arrivals.get(p.stayId) ?? '') < '2026-12-01')
      expect(earlier.map((p) => `${p.roomNumber}: ${p.text.en}`)).toEqual([])
      const dimSum = core.sqlite
        .prepare("SELECT p.status FROM prompt p JOIN stay s ON s.id = p.stay_id JOIN room r ON r.id = s.room_id WHERE r.number = '614' AND p.text_en LIKE '%dim sum%'")
        .all() as { status: string }[]
      expect(dimSum).toEqual([{ status: 'open' }])
      // Earlier days' work is acknowledged by the departments, not left open.
      const openOld = core.sqlite
        .prepare("SELECT count(*) AS n FROM prompt p JOIN stay s ON s.id = p.stay_id WHERE s.arrival_date < '2026-12-01' AND s.status = 'in_house' AND p.status = 'acknowledged'")
        .get() as { n: number }
      expect(openOld.n).toBeGreaterThan(20)
    } finally {
      core.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
