import assert from 'node:assert/strict'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { DateTime } from 'luxon'
import { addDays } from '../../electron/core/clock'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core, type Result } from '../../electron/core/core'
import type { Sqlite } from '../../electron/core/db/query'
import { escalationCandidates, overdueCandidates } from '../../electron/core/promises/escalation.repository'
import { lastTickKey, planDueFirings, schedulerTick, startScheduler } from '../../electron/core/scheduler/scheduler'
import { dueSlots, type TimedRule } from '../../electron/core/scheduler/timed-firings'
import { bulkLoad, writeGuest, writePreference } from './bulk-writer'
import { departments, syntheticPreferences, syntheticRooms } from './hotel-catalog'
import { syntheticGuest } from './people'
import { Random } from './random'
import { heading, ms, ratio, table } from './report'
import { percentile, Stopwatch, summarize } from './stats'
import type { Budget } from './store-files'

export interface SchedulerPlan {
  inHouse: number
  /** Reservations arriving tomorrow (the pre-arrival rules' stays). */
  arrivalsTomorrow: number
  rules: number
  /** Ticks measured, 30 s of hotel time apart (the app's interval). */
  ticks: number
  /** Real seconds of requests measured with and without the scheduler's timer running. */
  requestSeconds: number
}

/** Issue 10: a tick with 2,000 in-house stays and 500 rules, p95 ≤ 20 ms; its selection ≤ 2× raw SQL; requests not held up. */
const tickBudgetMs = 20
const ratioBudget = 2
const requestBudgetMs = 20
const intervalMs = 30_000
const zone = 'Asia/Shanghai'
/** 08:30 in Shanghai on 1 Dec: business date 2026-12-01. */
const startIso = '2026-12-01T00:30:00.000Z'
const today = '2026-12-01'

function must<T>(result: Result, what: string): T {
  if (!result.ok) throw new Error(`scheduler bench: ${what}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** Wishes a rule may name, by value: each is held by a few percent of guests (hotel-catalog.ts). */
const wishes: readonly [string, string, string, string][] = [
  ['amenity', 'pillow', 'buckwheat', 'housekeeping'], ['amenity', 'pillow', 'feather', 'housekeeping'], ['amenity', 'pillow', 'memory_foam', 'housekeeping'],
  ['amenity', 'toiletries_scent', 'sandalwood', 'housekeeping'], ['amenity', 'toiletries_scent', 'jasmine', 'housekeeping'], ['amenity', 'flowers', 'orchid', 'housekeeping'],
  ['amenity', 'minibar', 'no_alcohol', 'housekeeping'], ['amenity', 'minibar', 'extra_water', 'housekeeping'], ['food', 'cuisine', 'sichuan', 'restaurant'],
  ['food', 'cuisine', 'cantonese', 'restaurant'], ['food', 'cuisine', 'japanese', 'restaurant'], ['food', 'condiment', 'black_vinegar', 'restaurant'],
  ['food', 'diet', 'vegetarian', 'restaurant'], ['reading', 'newspaper', 'people_daily', 'concierge'], ['reading', 'newspaper', 'scmp', 'concierge'],
  ['reading', 'newspaper', 'nikkei', 'concierge'], ['interest', 'hobby', 'golf', 'concierge'], ['interest', 'hobby', 'tea', 'restaurant'],
  ['interest', 'hobby', 'swimming', 'concierge'], ['service', 'language', 'ja', 'front_office'], ['room', 'quiet', 'yes', 'housekeeping'],
  ['room', 'view', 'river', 'front_office'], ['room', 'bed', 'twin', 'housekeeping'], ['number', 'lucky', '8', 'front_office'],
]

/**
 * 500 rules of every trigger: 60% daily at times spread over the day (one every ~5 minutes), 10%
 * pre-arrival N days before at a time, 10% after the stay, 20% on stay events; each on one wish,
 * so a few percent of guests meet each.
 */
function benchRules(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const [category, code, value, department] = wishes[i % wishes.length]
    const share = i / count
    const timing =
      share < 0.6
        ? { trigger: 'daily', atTime: hhmm(Math.floor((i * 1440) / Math.ceil(count * 0.6))) }
        : share < 0.7
          ? { trigger: 'pre_arrival', offsetDays: 1 + (i % 3), atTime: hhmm((i * 37) % 1440) }
          : share < 0.8
            ? { trigger: 'post_stay', offsetDays: 1 + (i % 7), atTime: hhmm((i * 53) % 1440) }
            : { trigger: ['check_in', 'reservation', 'room_move', 'check_out', 'pre_arrival'][i % 5] }
    const template = { en: `${timing.trigger} ${i}: {value} for {guest} in {room}.`, zh: `${timing.trigger} ${i}：{guest}（{room}）{value}。` }
    return { key: `bench-${i}`, category, code, value, department, priority: 'normal', dueMinutes: 60, ackMinutes: 10, template, ...timing }
  })
}

interface SchedulerStore {
  core: Core
  desk: Actor
  clock: { now: () => Date; set: (ms: number) => void }
  openPrompts: number
  build: Stopwatch
}

export function buildStore(file: string, plan: SchedulerPlan): SchedulerStore {
  const build = new Stopwatch()
  const random = new Random(10)
  let now = Date.parse(startIso)
  const clock = { now: () => new Date(now), set: (ms: number) => (now = ms) }
  const core = createCore({ file, clock, logError: (error, name) => console.error(`[bench] ${name}`, error) })
  const call = <T = any>(actor: Actor | null, name: string, input: unknown, what = name) => must<T>(core.callAs(actor, name, input), what)
  const inOneTransaction = (fn: () => void) => core.sqlite.transaction(fn)()
  const { staff: admin } = call<{ staff: Actor }>(null, 'setup.createFirstAdmin', { hotelName: { en: 'Bench Scheduler Hotel', zh: '基准酒店' }, departments, admin: { code: 'ad01', name: '管理员', pin: '123456' } })
  call(admin, 'staff.create', { code: 'fd01', name: '前台一', department: 'front_office', role: 'front_desk', pin: '1234' })
  const desk = call<{ staff: Actor }>(null, 'session.signIn', { code: 'fd01', pin: '1234' }).staff
  call(admin, 'hotel.setClock', { timeZone: zone, nightAuditTime: '04:00' })
  const rooms = syntheticRooms(Math.ceil((plan.inHouse + plan.arrivalsTomorrow) * 1.05), random).map((r) => ({ ...r, outOfOrder: false }))
  inOneTransaction(() => {
    for (const room of rooms) call(admin, 'room.create', room, `room ${room.number}`)
    for (const rule of benchRules(plan.rules)) call(admin, 'rule.create', rule, `rule ${rule.key}`)
  })
  build.lap(`${rooms.length.toLocaleString('en')} rooms, ${plan.rules} rules (operations)`)
  const guests = plan.inHouse + plan.arrivalsTomorrow
  const ids: number[] = []
  bulkLoad(core.sqlite, Array.from({ length: guests }, (_, i) => i), 1_000, () => {
    const id = writeGuest(core.sqlite, syntheticGuest(random), '2025-01-01T00:00:00.000Z', desk.staffId)
    for (const p of syntheticPreferences(random)) {
      writePreference(core.sqlite, { guestId: id, ...p, staffId: desk.staffId, department: desk.department, at: '2025-01-01T00:00:00.000Z', confirmedAt: '2025-01-01T00:00:00.000Z', retiredAt: null })
    }
    ids.push(id)
  })
  build.lap(`${guests.toLocaleString('en')} guests with preferences (bulk)`)
  for (let start = 0; start < guests; start += 200) {
    inOneTransaction(() => {
      for (let i = start; i < Math.min(guests, start + 200); i++) {
        const inHouse = i < plan.inHouse
        const arrival = inHouse ? today : addDays(today, 1)
        const { stayId } = call<{ stayId: number }>(desk, 'stay.reserve', { guestId: ids[i], arrival, departure: addDays(arrival, 2 + (i % 4)), party: 1 })
        if (inHouse) call(desk, 'stay.checkIn', { stayId, roomNumber: rooms[i].number })
      }
    })
  }
  build.lap(`${plan.inHouse.toLocaleString('en')} check-ins, ${plan.arrivalsTomorrow} reservations for tomorrow (operations)`)
  const openPrompts = Number(core.sqlite.prepare("SELECT count(*) FROM prompt WHERE status = 'open'").pluck().get())
  return { core, desk, clock, openPrompts, build }
}

/** What a tick selects, through the app's code: the timed rules' slots, their stays not yet claimed, prompts to escalate and to flag. */
function ourSelection(core: Core, from: Date, to: Date): number[] {
  const { slots, planned } = planDueFirings(core.sqlite, from, to)
  return [slots.length, planned.length, escalationCandidates(core.sqlite, to.toISOString(), 200).length, overdueCandidates(core.sqlite, to.toISOString(), 200).length]
}

/**
 * The same selection in hand-written SQL on better-sqlite3. The rules due are chosen in SQL by
 * their wall-clock time between the window's two hotel times (two zone conversions per window);
 * a window that crosses midnight or a change of UTC offset falls back to the pure dueSlots.
 */
function rawSelection(sqlite: Sqlite) {
  // The rule's preference condition ('' = none): the guest holds it, or the stay has a companion with a profile.
  const mayMatch = `(@category = '' OR EXISTS (SELECT 1 FROM preference p WHERE p.guest_id = stay.guest_id AND p.active = 1 AND p.category = @category AND (@code = '' OR p.code = @code))
    OR EXISTS (SELECT 1 FROM stay_companion c WHERE c.stay_id = stay.id AND c.guest_id IS NOT NULL))`
  const s = {
    rules: sqlite.prepare("SELECT id, trigger, offset_days, at_time, category, code FROM rule WHERE active = 1 AND trigger IN ('pre_arrival', 'daily', 'post_stay') AND at_time IS NOT NULL"),
    rulesBetween: sqlite.prepare(
      "SELECT id, trigger, offset_days, at_time, category, code FROM rule WHERE active = 1 AND trigger IN ('pre_arrival', 'daily', 'post_stay') AND at_time > @from AND at_time <= @to AND (trigger <> 'pre_arrival' OR offset_days IS NOT NULL) ORDER BY at_time, id",
    ),
    setting: sqlite.prepare('SELECT value FROM setting WHERE key = ?').pluck(),
    daily: sqlite.prepare(
      `SELECT stay.id FROM stay WHERE stay.status = 'in_house' AND stay.arrival_date <= @date AND stay.departure_date > @date AND ${mayMatch} AND NOT EXISTS (SELECT 1 FROM scheduled_fire WHERE key = 'rule:' || @rule || ':stay:' || stay.id || ':' || @key)`,
    ),
    arriving: sqlite.prepare(
      `SELECT stay.id FROM stay WHERE stay.status = 'reserved' AND stay.arrival_date = @date AND ${mayMatch} AND NOT EXISTS (SELECT 1 FROM scheduled_fire WHERE key = 'rule:' || @rule || ':stay:' || stay.id || ':' || @key)`,
    ),
    departed: sqlite.prepare(
      `SELECT stay.id FROM stay WHERE stay.status = 'checked_out' AND stay.departure_date = @date AND ${mayMatch} AND NOT EXISTS (SELECT 1 FROM scheduled_fire WHERE key = 'rule:' || @rule || ':stay:' || stay.id || ':' || @key)`,
    ),
    escalate: sqlite.prepare(
      "SELECT id FROM prompt WHERE status = 'open' AND next_escalation_at IS NOT NULL AND next_escalation_at <= @at ORDER BY next_escalation_at, id LIMIT 200",
    ),
    overdue: sqlite.prepare("SELECT id FROM prompt WHERE status IN ('open', 'acknowledged') AND overdue_at IS NULL AND due_at <= ? AND kind = 'task' ORDER BY due_at LIMIT 200"),
  }
  type Rule = { id: number; trigger: TimedRule['trigger']; offset_days: number | null; at_time: string; category: string; code: string }
  return (from: Date, to: Date): number[] => {
    const timeZone = String(s.setting.get('hotel.timeZone'))
    const nightAuditTime = String(s.setting.get('hotel.nightAuditTime') ?? '04:00')
    const a = DateTime.fromJSDate(from, { zone: timeZone })
    const b = DateTime.fromJSDate(to, { zone: timeZone })
    let slots: { ruleId: number; trigger: TimedRule['trigger']; stayDate: string; keyDate: string; category: string; code: string }[]
    if (a.toISODate() === b.toISODate() && a.offset === b.offset && to.getTime() - from.getTime() < 3_600_000) {
      const date = b.toISODate()!
      // A rule at HH:MM is due in (from, to] when from's HH:MM < HH:MM <= to's HH:MM (seconds only ever exclude from's own minute).
      const fromTime = a.toFormat('HH:mm')
      slots = (s.rulesBetween.all({ from: fromTime, to: b.toFormat('HH:mm') }) as Rule[]).map((r) => {
        const business = r.at_time < nightAuditTime ? addDays(date, -1) : date
        const offset = r.offset_days ?? 0
        const stayDate = r.trigger === 'daily' ? business : addDays(date, r.trigger === 'pre_arrival' ? offset : -offset)
        return { ruleId: r.id, trigger: r.trigger, stayDate, keyDate: r.trigger === 'daily' ? business : date, category: r.category, code: r.code }
      })
    } else {
      const rules = (s.rules.all() as Rule[]).filter((r) => r.trigger !== 'pre_arrival' || r.offset_days !== null)
      const byId = new Map(rules.map((r) => [r.id, r]))
      slots = dueSlots(rules.map((r) => ({ id: r.id, trigger: r.trigger, offsetDays: r.offset_days, atTime: r.at_time })), from, to, timeZone, nightAuditTime).map((slot) => ({
        ...slot,
        category: byId.get(slot.ruleId)!.category,
        code: byId.get(slot.ruleId)!.code,
      }))
    }
    let planned = 0
    for (const slot of slots) {
      const query = slot.trigger === 'daily' ? s.daily : slot.trigger === 'pre_arrival' ? s.arriving : s.departed
      planned += query.all({ date: slot.stayDate, rule: slot.ruleId, key: slot.keyDate, category: slot.category, code: slot.code }).length
    }
    const at = to.toISOString()
    return [slots.length, planned, s.escalate.all({ at }).length, s.overdue.all(at).length]
  }
}

/** Tells the scheduler it last looked at `at` (as if the timer had been running). */
function putTick(core: Core, at: number) {
  core.sqlite.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(lastTickKey, new Date(at).toISOString())
}

const countEscalated = (core: Core) => Number(core.sqlite.prepare('SELECT count(*) FROM prompt WHERE escalated_at IS NOT NULL').pluck().get())

const sleep = (msec: number) => new Promise<void>((resolve) => setTimeout(resolve, msec))

/** Requests (a cheap query through the dispatcher) every 2 ms for `seconds`: how long each waited and took. */
async function requestLatencies(core: Core, desk: Actor, seconds: number): Promise<number[]> {
  const latencies: number[] = []
  const end = performance.now() + seconds * 1000
  while (performance.now() < end) {
    const due = performance.now() + 2
    await sleep(2)
    must(core.callAs(desk, 'hotel.clock', {}), 'hotel.clock')
    latencies.push(Math.max(0, performance.now() - due))
  }
  return latencies
}

/**
 * Issue 10's scheduler bench: a tick with 2,000 guests in house and 500 rules, ticked every 30 s
 * of hotel time through a morning (daily rules falling due every few minutes, check-in prompts
 * escalating); the selection a tick makes beside raw SQL; and requests answered while the timer
 * ticks, against the same requests with no scheduler.
 */
export async function runSchedulerBench(dir: string, plan: SchedulerPlan, log: (line: string) => void): Promise<Budget[]> {
  log(heading(`Scheduler: ${plan.inHouse.toLocaleString('en')} guests in house, ${plan.arrivalsTomorrow} arriving tomorrow, ${plan.rules} rules`))
  const store = buildStore(path.join(dir, 'scheduler.db'), plan)
  const { core, clock } = store
  log(table(['build step', 's'], [...store.build.laps.map((l) => [l.label, l.seconds.toFixed(1)]), ['total', store.build.total.toFixed(1)]]))
  const timed = Number(core.sqlite.prepare("SELECT count(*) FROM rule WHERE active = 1 AND trigger IN ('pre_arrival', 'daily', 'post_stay') AND at_time IS NOT NULL").pluck().get())
  log(`timed rules: ${timed} (daily, pre-arrival at a time, after the stay); open prompts after check-in: ${store.openPrompts.toLocaleString('en')}`)

  // 1. The selection, ours and raw, over the windows the ticks will see (claims as they are before any tick).
  const start = Date.parse(startIso)
  const raw = rawSelection(core.sqlite)
  const windows = Array.from({ length: plan.ticks }, (_, i) => [new Date(start + i * intervalMs), new Date(start + (i + 1) * intervalMs)] as const)
  for (const [from, to] of windows.slice(0, 60)) assert.deepEqual(ourSelection(core, from, to), raw(from, to), `the same selection ${to.toISOString()}`)
  const ours: number[] = []
  const bare: number[] = []
  const sample = windows.slice(0, Math.min(windows.length, 60))
  for (let round = 0; round < 2; round++) {
    sample.forEach(([from, to], i) => {
      const sides = [() => ourSelection(core, from, to), () => raw(from, to)] as const
      for (const side of i % 2 === 0 ? [0, 1] : [1, 0]) {
        const t = performance.now()
        sides[side]()
        if (round > 0) (side === 0 ? ours : bare).push(performance.now() - t)
      }
    })
  }
  const sel = summarize(ours)
  const selRaw = summarize(bare)

  // 2. The storm: every guest checked in at 08:30 and nobody acknowledged anything, so at 08:40
  // some 27,000 prompts break their promise at once. Requests are measured while the timer works
  // through it (hotel time running 120× faster: a tick every 250 ms), against no scheduler.
  const idle = await requestLatencies(core, store.desk, plan.requestSeconds)
  const stormStart = start + 9.5 * 60_000
  clock.set(stormStart)
  putTick(core, stormStart)
  const realStart = performance.now()
  const fast = { now: () => new Date(stormStart + (performance.now() - realStart) * 120) }
  const stop = startScheduler({ ...core, clock: fast }, { intervalMs: 250, log: (line) => (line.includes('failed') ? console.error(`[bench] ${line}`) : undefined) })
  const escalatedBefore = countEscalated(core)
  const busyRequests = await requestLatencies(core, store.desk, plan.requestSeconds)
  await stop()
  const stormTicks = Math.round((performance.now() - realStart) / 250)
  const escalatedInStorm = countEscalated(core) - escalatedBefore
  const stormHotelMinutes = (fast.now().getTime() - stormStart) / 60_000
  log(`storm measured`)

  // 3. A morning as it runs: staff have acknowledged and done the check-in work (one UPDATE, as the
  // morning's work), then 3 hours of ticks 30 s apart: daily rules fire every few minutes for the
  // guests they match, and nobody acknowledges what they make, so it escalates and falls overdue.
  const morning = start + 60 * 60_000
  core.sqlite.prepare("UPDATE prompt SET status = 'done', done_at = @at, acknowledged_at = coalesce(acknowledged_at, @at) WHERE status IN ('open', 'acknowledged')").run({ at: new Date(morning).toISOString() })
  clock.set(morning)
  putTick(core, morning)
  const ticks: { ms: number; hold: number; fired: number; escalated: number; overdue: number }[] = []
  for (let i = 1; i <= plan.ticks; i++) {
    const now = morning + i * intervalMs
    clock.set(now)
    const t = performance.now()
    let hold = 0
    const report = await schedulerTick(core, new Date(now), { intervalMs, sliceObserver: (msHeld) => (hold = Math.max(hold, msHeld)) })
    ticks.push({ ms: performance.now() - t, hold, fired: report.fired, escalated: report.escalated, overdue: report.overdue })
  }
  const holds = summarize(ticks.map((t) => t.hold))
  const all = summarize(ticks.map((t) => t.ms))
  const quiet = ticks.filter((t) => t.fired + t.escalated + t.overdue === 0)
  const busy = ticks.filter((t) => t.fired + t.escalated + t.overdue > 0)
  const work = (list: typeof ticks) => list.reduce((n, t) => n + t.fired + t.escalated + t.overdue, 0)
  const prompts = Number(core.sqlite.prepare('SELECT count(*) FROM prompt WHERE scheduled_for IS NOT NULL').pluck().get())
  core.close()

  log(`\nschedulerTick through a morning, ${plan.ticks} ticks 30 s apart from 09:30 hotel time (ms)`)
  log(
    table(
      ['ticks', 'n', 'p50', 'p95', 'max', 'work done'],
      [
        ['longest hold of the thread in each tick (planning read or one write slice)', String(holds.n), holds.p50, holds.p95, holds.max, ''],
        ['whole ticks, slices and yields included', String(all.n), all.p50, all.p95, all.max, `${work(ticks).toLocaleString('en')} firings, escalations, overdue flags`],
        ['with nothing due', String(quiet.length), percentile(quiet.map((t) => t.ms), 50), percentile(quiet.map((t) => t.ms), 95), percentile(quiet.map((t) => t.ms), 100), '0'],
        ['with work due', String(busy.length), percentile(busy.map((t) => t.ms), 50), percentile(busy.map((t) => t.ms), 95), percentile(busy.map((t) => t.ms), 100), work(busy).toLocaleString('en')],
      ],
    ),
  )
  log(`timed prompts made: ${prompts.toLocaleString('en')}; per unit of work in busy ticks: ${ms(busy.reduce((n, t) => n + t.ms, 0) / Math.max(1, work(busy)))} ms`)
  log(`\nwhat a tick selects (due slots, stays not yet claimed, prompts to escalate and flag), ${ours.length} windows, 27,000 prompts open (ms)`)
  log(
    table(
      ['selection', 'p50', 'p95', 'max'],
      [
        ['ours (planDueFirings: rules by time, dueSlots, unclaimed stays; escalation repository)', sel.p50, sel.p95, sel.max],
        ['raw better-sqlite3 (the same statements written by hand)', selRaw.p50, selRaw.p95, selRaw.max],
        ['ratio', ratio(sel.p50 / selRaw.p50), ratio(sel.p95 / selRaw.p95), ''],
      ],
    ),
  )
  const idleS = summarize(idle)
  const busyS = summarize(busyRequests)
  log(
    `\nThe storm: hotel.clock through core.callAs every 2 ms for ${plan.requestSeconds} s (wait + answer, ms) while the timer ticked about ${stormTicks} times ` +
      `over ${stormHotelMinutes.toFixed(0)} hotel minutes and escalated ${escalatedInStorm.toLocaleString('en')} prompts`,
  )
  log(
    table(
      ['requests', 'n', 'p50', 'p95', 'p99', 'max'],
      [
        ['no scheduler', String(idleS.n), idleS.p50, idleS.p95, percentile(idle, 99), idleS.max],
        ['scheduler working through the storm (startScheduler)', String(busyS.n), busyS.p50, busyS.p95, percentile(busyRequests, 99), busyS.max],
      ],
    ),
  )
  const selRatio = sel.p95 / selRaw.p95
  return [
    { scenario: 'scheduler', name: `tick p95 ≤ ${tickBudgetMs} ms (longest hold, a morning)`, measured: `${ms(holds.p95)} ms`, pass: holds.p95 <= tickBudgetMs },
    { scenario: 'scheduler', name: `tick with nothing due p95 ≤ ${tickBudgetMs} ms (whole tick)`, measured: `${ms(percentile(quiet.map((t) => t.ms), 95))} ms`, pass: percentile(quiet.map((t) => t.ms), 95) <= tickBudgetMs },
    { scenario: 'scheduler', name: `selection p95 ≤ ${ratioBudget}× raw SQL`, measured: ratio(selRatio), pass: selRatio <= ratioBudget },
    { scenario: 'scheduler', name: `request p99 during an escalation storm ≤ ${requestBudgetMs} ms`, measured: `${ms(percentile(busyRequests, 99))} ms`, pass: percentile(busyRequests, 99) <= requestBudgetMs },
  ]
}
