import { afterEach, describe, expect, it } from 'vitest'
import { addDays } from '../../electron/core/clock'
import type { Actor } from '../../electron/core/context'
import { hotelInstant } from '../../electron/core/hotel-clock'
import type { NightAuditReport } from '../../electron/core/night-audit/night-audit.report'
import { ClockStore, seedHotel } from '../fixtures/clock-store'

/*
 * Issue 10's week: a 50-room hotel in London, run on a clock the test turns, ticking the
 * scheduler every 15 minutes of hotel time from Wed 21 Oct 2026 12:00 to Wed 28 Oct 12:00. The
 * clocks go back on Sunday 25 Oct (01:30 comes twice), the app restarts on Saturday, the machine
 * sleeps through Tuesday's night audit and morning round, and a manager runs one night audit by
 * hand. Every prompt the rules owe is computed from the plan and must exist exactly once, on time
 * or marked late, and every prompt not acknowledged by its promise must have escalated.
 */

const zone = 'Europe/London'
const tickMinutes = 15
const start = '2026-10-21'
const firstArrival = '2026-10-21'
const lastArrival = '2026-10-27'
/** The machine sleeps (app closed) from 02:00 to 09:00 hotel time on this date: the 04:00 audit and the 08:00 round fire late. */
const sleepDate = '2026-10-27'
/** A manager runs the audit by hand at 03:30 this morning, before the automatic one at 04:00. */
const manualAuditDate = '2026-10-24'
/** The app is closed and opened again at 13:00 on this date. */
const restartDate = '2026-10-24'

const at = (date: string, time: string) => hotelInstant(date, time, zone).getTime()
const iso = (ms: number) => new Date(ms).toISOString()
const startAt = at(start, '12:00')
const endAt = at('2026-10-28', '12:00')
const sleep = { from: at(sleepDate, '02:00'), until: at(sleepDate, '09:00') }

/** Deterministic numbers, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

interface PlannedStay {
  n: number
  name: string
  pillow: boolean
  arrival: string
  departure: string
  room: string
  preassign: boolean
  /** Each move: the business date (at 11:00) and the room moved to. */
  moves: { date: string; room: string }[]
  stayId?: number
  checkedIn?: boolean
  checkedOut?: boolean
}

/** The rules of every trigger, all on a guest's pillow, so only guests with that wish get them. */
const rules = [
  { key: 'wk-reservation', trigger: 'reservation', department: 'front_office' },
  { key: 'wk-preassigned', trigger: 'pre_arrival', department: 'housekeeping' },
  { key: 'wk-day-before', trigger: 'pre_arrival', offsetDays: 1, atTime: '16:00', department: 'housekeeping' },
  { key: 'wk-check-in', trigger: 'check_in', department: 'housekeeping' },
  { key: 'wk-morning', trigger: 'daily', atTime: '08:00', department: 'housekeeping' },
  { key: 'wk-small-hours', trigger: 'daily', atTime: '01:30', department: 'security' },
  { key: 'wk-room-move', trigger: 'room_move', department: 'housekeeping' },
  { key: 'wk-check-out', trigger: 'check_out', department: 'front_office' },
  { key: 'wk-after-stay', trigger: 'post_stay', offsetDays: 2, atTime: '10:00', department: 'guest_relations' },
] as const

/** Forty stays' rooms are found by a simple calendar: a room holds a stay for all its nights, and a move's room from the move on. */
function planWeek(roomNumbers: readonly string[]): PlannedStay[] {
  const next = random(20261025)
  const held = new Map<string, [string, string][]>(roomNumbers.map((r) => [r, []]))
  const take = (from: string, until: string) => {
    const room = roomNumbers.find((r) => held.get(r)!.every(([a, d]) => until <= a || from >= d))
    if (!room) throw new Error(`no room free ${from}–${until}`)
    held.get(room)!.push([from, until])
    return room
  }
  const stays: PlannedStay[] = []
  for (let arrival = firstArrival; arrival <= lastArrival; arrival = addDays(arrival, 1)) {
    for (let i = 0; i < 6; i++) {
      const n = stays.length
      const nights = 1 + Math.floor(next() * 4)
      const departure = addDays(arrival, nights)
      const stay: PlannedStay = { n, name: `住客${n}`, pillow: n % 3 !== 2, arrival, departure, room: take(arrival, departure), preassign: n % 2 === 0, moves: [] }
      if (nights >= 2 && n % 4 === 1) stay.moves.push({ date: addDays(arrival, 1), room: take(addDays(arrival, 1), departure) })
      if (nights >= 3 && n % 8 === 1) stay.moves.push({ date: addDays(arrival, 2), room: take(addDays(arrival, 2), departure) })
      stays.push(stay)
    }
  }
  return stays
}

interface PromptRow {
  id: number
  dedupe_key: string
  stay_id: number
  rule_id: number
  trigger: string
  status: string
  created_at: string
  escalate_at: string
  escalated_at: string | null
  escalation_level: number
  acknowledged_at: string | null
  done_at: string | null
  declined_at: string | null
  scheduled_for: string | null
  late_minutes: number | null
}

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

describe('a week in a 50-room hotel on a turned clock', () => {
  it('fires every prompt the rules owe exactly once, on time or marked late, escalates every broken promise, and audits each night once', async () => {
    const s = (store = new ClockStore(iso(startAt - 3_600_000)))
    const hotel = seedHotel(s, zone, '04:00')
    // The small hotel has ten rooms in service and one out of order: forty more make fifty.
    const added = [2, 3, 4, 5].flatMap((floor) => Array.from({ length: floor === 5 ? 9 : 10 }, (_, i) => `${floor}${String(i + 1).padStart(2, '0')}`))
    for (const number of added) s.call(hotel.admin, 'room.create', { number, floor: Number(number.slice(0, -2)), facing: 'S', bed: 'king', features: [], view: null })
    const rooms = s.call<{ number: string }[]>(hotel.admin, 'room.list', {})
    expect(rooms).toHaveLength(50)
    s.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Duty Manager', department: 'front_office', role: 'manager', pin: '123456' })
    const manager: Actor = s.call(null, 'session.signIn', { code: 'mg01', pin: '123456' }).staff
    const ruleIds = new Map<string, number>()
    for (const r of rules) {
      const { id } = s.call<{ id: number }>(hotel.admin, 'rule.create', {
        ...r,
        category: 'amenity',
        code: 'pillow',
        ackMinutes: 20,
        dueMinutes: 60,
        template: { en: `${r.key}: {guest}, {room}, {value}`, zh: `${r.key}：{guest}，{room}，{value}` },
      })
      ruleIds.set(r.key, id)
    }
    const ruleKey = new Map([...ruleIds].map(([k, id]) => [id, k]))

    const sellable = [...added, '901', '1001', '1002', '1008', '1014', '1101', '1108', '1201', '1202', '1218']
    const plan = planWeek(sellable)

    // The plan as dated events, each at a quarter hour (hotel time), run before that quarter's tick.
    type Step = { at: number; what: string; run: () => void }
    const steps: Step[] = []
    const add = (ms: number, what: string, run: () => void) => steps.push({ at: Math.max(ms, startAt), what, run })
    for (const stay of plan) {
      add(at(addDays(stay.arrival, -2), '12:00'), `reserve ${stay.n}`, () => {
        const { id: guestId } = s.call(hotel.desk, 'guest.create', { nativeName: stay.name, vip: 0 })
        if (stay.pillow) s.call(hotel.desk, 'preference.add', { guestId, category: 'amenity', code: 'pillow', value: 'buckwheat' })
        stay.stayId = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: stay.arrival, departure: stay.departure, party: 1 }).stayId
      })
      if (stay.preassign) add(at(addDays(stay.arrival, -1), '11:00'), `pre-assign ${stay.n}`, () => s.call(hotel.desk, 'stay.assignRoom', { stayId: stay.stayId, roomNumber: stay.room }))
      add(at(stay.arrival, '15:00'), `check in ${stay.n}`, () => {
        s.call(hotel.desk, 'stay.checkIn', { stayId: stay.stayId, roomNumber: stay.room })
        stay.checkedIn = true
      })
      for (const move of stay.moves) add(at(move.date, '11:00'), `move ${stay.n}`, () => s.call(hotel.desk, 'stay.moveRoom', { stayId: stay.stayId, roomNumber: move.room }))
      add(at(stay.departure, '10:00'), `check out ${stay.n}`, () => {
        s.call(hotel.desk, 'stay.checkOut', { stayId: stay.stayId })
        stay.checkedOut = true
      })
    }
    steps.sort((a, b) => a.at - b.at)

    const ticks: number[] = []
    const audits: NightAuditReport[] = []
    let manualAudit: NightAuditReport | undefined
    let restarted = false
    let slept = false
    let lastSeen = 0
    const lateAcks: { id: number; at: number }[] = []
    const openNew = () =>
      s.core.sqlite.prepare("SELECT id, created_at FROM prompt WHERE id > ? AND status = 'open' ORDER BY id").all(lastSeen) as { id: number; created_at: string }[]
    const acknowledge = (id: number) => {
      const status = (s.core.sqlite.prepare('SELECT status FROM prompt WHERE id = ?').get(id) as { status: string }).status
      if (status === 'open') s.call(manager, 'prompt.acknowledge', { promptId: id })
    }
    /** One prompt in three is acknowledged at once, one in three an hour later (after it escalated), the rest never. */
    const staffAct = (now: number) => {
      for (const p of openNew()) {
        if (p.id % 3 === 0) acknowledge(p.id)
        else if (p.id % 3 === 1) lateAcks.push({ id: p.id, at: Date.parse(p.created_at) + 60 * 60_000 })
      }
      lastSeen = Number((s.core.sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM prompt').get() as { n: number }).n)
      for (const ack of lateAcks.filter((a) => a.at <= now)) {
        acknowledge(ack.id)
        lateAcks.splice(lateAcks.indexOf(ack), 1)
      }
    }

    const started = Date.now()
    let next = 0
    for (let t = startAt; t <= endAt; t += tickMinutes * 60_000) {
      if (t > sleep.from && t < sleep.until) {
        if (!slept) {
          s.core.close() // the machine sleeps with the app closed
          slept = true
        }
        continue
      }
      if (slept && s.core.sqlite.open === false) {
        s.at(iso(t))
        s.reopen()
      }
      if (!restarted && t >= at(restartDate, '13:00')) {
        s.at(iso(t)).reopen()
        restarted = true
      }
      if (!manualAudit && t === at(manualAuditDate, '03:30')) {
        s.at(iso(t))
        manualAudit = s.call<NightAuditReport>(manager, 'nightAudit.run', {})
      }
      while (next < steps.length && steps[next].at <= t) {
        const step = steps[next++]
        s.at(iso(step.at))
        try {
          step.run()
        } catch (error) {
          throw new Error(`${step.what} at ${iso(step.at)}: ${(error as Error).message}`)
        }
        staffAct(step.at)
      }
      s.at(iso(t))
      const report = await s.tick(tickMinutes * 60_000)
      expect(report.complete).toBe(true)
      audits.push(...report.audits)
      ticks.push(t)
      staffAct(t)
    }
    expect(steps.slice(next).every((step) => step.at > endAt)).toBe(true)
    expect(restarted && slept).toBe(true)
    expect(Date.now() - started).toBeLessThan(60_000)

    // ── The night audit: once a night, the business date one day on each time. ──
    const nights = s.call<NightAuditReport[]>(manager, 'nightAudit.list', { limit: 30 }).reverse()
    const closed = ['2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']
    expect(nights.map((n) => [n.businessDate, n.newBusinessDate])).toEqual(closed.map((d) => [d, addDays(d, 1)]))
    expect(s.call(manager, 'hotel.clock', {}).businessDate).toBe('2026-10-28')
    expect(manualAudit).toMatchObject({ businessDate: '2026-10-23', automatic: false, by: 'Duty Manager' })
    expect(audits.map((a) => a.businessDate)).toEqual(closed.filter((d) => d !== '2026-10-23'))
    for (const audit of audits) {
      const due = at(addDays(audit.businessDate, 1), '04:00')
      if (audit.businessDate === addDays(sleepDate, -1)) {
        // Due at 04:00 while the machine slept: run on waking at 09:00, five hours late.
        expect([audit.runAt, audit.lateMinutes]).toEqual([iso(sleep.until), 300])
      } else {
        expect([audit.runAt, audit.lateMinutes]).toEqual([iso(due), null])
      }
    }
    // The clocks went back on the 25th: that night's audit still ran at 04:00 GMT, once.
    expect(audits.find((a) => a.businessDate === '2026-10-24')?.runAt).toBe('2026-10-25T04:00:00.000Z')

    // ── The prompts the rules owe, from the plan alone. ──
    const expected: string[] = []
    const owe = (key: string, stay: PlannedStay, occurrence = '') => expected.push(`${key}|${stay.n}|${occurrence}`)
    for (const stay of plan.filter((p) => p.pillow && p.stayId !== undefined)) {
      owe('wk-reservation', stay)
      // Preparation: when the room is pre-assigned, or at check-in for a room chosen only then.
      if (stay.preassign || stay.checkedIn) owe('wk-preassigned', stay)
      owe('wk-day-before', stay) // at 16:00 the day before, or at booking when that time had passed
      if (stay.checkedIn) owe('wk-check-in', stay)
      stay.moves.forEach((m, i) => m.date <= '2026-10-28' && owe('wk-room-move', stay, `move${i + 1}`))
      for (let d = stay.arrival; d < stay.departure; d = addDays(d, 1)) {
        // 08:00: in house that morning (arrived the day before or earlier).
        if (d > stay.arrival && at(d, '08:00') <= endAt) owe('wk-morning', stay, d)
        // 01:30: the night of business date d, in the small hours of the next day.
        if (at(addDays(d, 1), '01:30') <= endAt) owe('wk-small-hours', stay, d)
      }
      if (stay.checkedOut) owe('wk-check-out', stay)
      if (stay.checkedOut && at(addDays(stay.departure, 2), '10:00') <= endAt) owe('wk-after-stay', stay)
    }
    const byStayId = new Map(plan.map((p) => [p.stayId!, p]))
    const prompts = s.core.sqlite.prepare('SELECT * FROM prompt ORDER BY id').all() as PromptRow[]
    const ours = prompts.filter((p) => ruleKey.has(p.rule_id))
    const fired = ours.map((p) => `${ruleKey.get(p.rule_id)}|${byStayId.get(p.stay_id)!.n}|${p.dedupe_key.split('@')[1] ?? ''}`)
    expect(fired.filter((f, i) => fired.indexOf(f) !== i)).toEqual([]) // none twice
    expect([...fired].sort()).toEqual([...expected].sort()) // none missing, none extra
    // A pre-assigned room is prepared before the guest is in it, on the day before arrival.
    for (const p of ours.filter((p) => ruleKey.get(p.rule_id) === 'wk-preassigned')) {
      const stay = byStayId.get(p.stay_id)!
      if (stay.preassign) expect(p.created_at, `stay ${stay.n}`).toBe(iso(Math.max(startAt, at(addDays(stay.arrival, -1), '11:00'))))
    }
    // Every trigger of a stay is in the week, several times.
    for (const r of rules) expect(fired.filter((f) => f.startsWith(`${r.key}|`)).length, r.key).toBeGreaterThanOrEqual(2)
    expect(fired.some((f) => f.endsWith('|move2')), 'a guest moved twice gets the move prompt twice').toBe(true)

    // DST: on the night the clocks went back, 01:30 fired once, at the first 01:30 (BST).
    const dstNight = ours.filter((p) => ruleKey.get(p.rule_id) === 'wk-small-hours' && p.dedupe_key.endsWith('@2026-10-24'))
    expect(dstNight.length).toBeGreaterThan(0)
    expect(new Set(dstNight.map((p) => p.scheduled_for))).toEqual(new Set(['2026-10-25T00:30:00.000Z']))

    // ── On time, or marked late: late only for what fell due while the machine slept. ──
    for (const p of prompts.filter((p) => p.scheduled_for !== null)) {
      const due = Date.parse(p.scheduled_for!)
      const firedAt = Date.parse(p.created_at)
      const label = `${ruleKey.get(p.rule_id)} ${p.dedupe_key} due ${p.scheduled_for}`
      if (due > sleep.from && due < sleep.until) {
        expect([p.created_at, p.late_minutes], label).toEqual([iso(sleep.until), Math.round((sleep.until - due) / 60_000)])
      } else {
        expect(p.late_minutes, label).toBeNull()
        expect(firedAt - due, label).toBeGreaterThanOrEqual(0)
        expect(firedAt - due, label).toBeLessThan(tickMinutes * 60_000)
      }
    }
    const late = prompts.filter((p) => p.late_minutes !== null)
    expect(late.length).toBeGreaterThan(0)
    expect(late.every((p) => ruleKey.get(p.rule_id) === 'wk-morning' && p.dedupe_key.endsWith(`@${sleepDate}`) && p.late_minutes === 60)).toBe(true)

    // ── Escalation: every prompt still open at the first tick after its promise escalated then; no other did. ──
    const checkedOutAt = new Map(
      (s.core.sqlite.prepare('SELECT id, checked_out_at FROM stay').all() as { id: number; checked_out_at: string | null }[]).map((r) => [r.id, r.checked_out_at]),
    )
    let escalated = 0
    let keptPromise = 0
    for (const p of prompts) {
      const promise = Date.parse(p.escalate_at)
      const firstTick = ticks.find((t) => t >= promise)
      // Staff act after the tick of the same quarter hour; the desk's check-out comes before it.
      const acted = p.acknowledged_at ?? p.done_at ?? p.declined_at
      const closedAfterTick = (tick: number) =>
        acted !== null ? Date.parse(acted) >= tick : p.status === 'cancelled' ? Date.parse(checkedOutAt.get(p.stay_id) ?? '') > tick : true
      const shouldEscalate = firstTick !== undefined && closedAfterTick(firstTick)
      const label = `${p.id} ${p.dedupe_key} promise ${p.escalate_at}, acknowledged ${p.acknowledged_at}, ${p.status}`
      if (shouldEscalate) {
        expect(p.escalated_at, label).toBe(iso(firstTick))
        expect(p.escalation_level, label).toBeGreaterThanOrEqual(1)
        escalated++
      } else {
        expect(p.escalated_at, label).toBeNull()
        if (acted !== null && Date.parse(acted) < promise) keptPromise++
      }
    }
    // Both kinds happened, many times: some acknowledged in time, some late, some never.
    expect(escalated).toBeGreaterThan(50)
    expect(keptPromise).toBeGreaterThan(50)
    expect(prompts.some((p) => p.escalated_at !== null && p.acknowledged_at !== null)).toBe(true)
  }, 120_000)
})
