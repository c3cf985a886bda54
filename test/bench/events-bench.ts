import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { checkAgainstLog, type TerminalTally } from './event-log-check'
import { maxInFlight, runHotelWrites, type WriteRecord } from './event-writes'
import { closeHubConnections, must, signIn, type HubSession } from './hub-client'
import { projectRoot, startHubProcess, type HubProcess } from './hub-process'
import { heading, ms, table, verdict } from './report'
import { SseTerminal } from './sse-terminal'
import { summarize } from './stats'
import type { Budget } from './store-files'

export interface EventsPlan {
  /** How long the hotel writes (s). */
  seconds: number
  /** Memory "after warm-up" is read this far into the writes (s). */
  warmupSeconds: number
  terminals: number
  writesPerSecond: number
  /** Loopback port for the hub (the bench's own range is 4891–4899). */
  port: number
}

/** Issue 7's budgets. */
const budget = { p95Ms: 200, memoryGrowth: 0.1 }

/** The demo's administrator and a desk clerk (resources/demo/hotel.json). */
const admin = { code: 'ad01', pin: '123456' }
const desk = { code: 'fd01', pin: '1234' }
/** How the bench's department terminals are spread over the demo's departments (sums to 50). */
const terminalsPerDepartment: [string, number][] = [
  ['housekeeping', 12],
  ['restaurant', 9],
  ['front_office', 6],
  ['concierge', 6],
  ['engineering', 6],
  ['security', 6],
  ['guest_relations', 5],
]

const mb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : '–')

/**
 * Issue 7: department terminals on live boards while the hotel writes. The hub runs as the hotel
 * runs it (a child process on loopback, its own store); terminals sign in over HTTP and read
 * `GET /api/events`; afterwards each terminal's received ids are held against the store's event log.
 */
export async function runEventsBench(dir: string, plan: EventsPlan, log: (line: string) => void): Promise<Budget[]> {
  log(heading(`Live events: ${plan.terminals} department terminals, ${plan.writesPerSecond} writes/s for ${plan.seconds} s, hub on 127.0.0.1:${plan.port}`))
  const dataDir = path.join(dir, 'events-hub')
  const hub = await startHubProcess(dataDir, plan.port)
  const terminals: SseTerminal[] = []
  try {
    const memory = { start: hub.rss(), warm: Number.NaN, end: Number.NaN, samples: [] as [number, number][] }
    log(`hub pid ${hub.pid} answering; RSS at start ${mb(memory.start)}`)

    const sessions = await signInTerminals(hub, plan.terminals)
    const front = await signIn(hub.port, desk.code, desk.pin)
    const state = await hotelToday(hub.port, front)
    for (const session of sessions) terminals.push(new SseTerminal(session, hub.port))
    await Promise.all(terminals.map((t) => t.open()))
    log(`${terminals.length} streams open; ${state.vacantRooms.length} vacant rooms, ${state.arrivals.length} arrivals to check in, ${state.freeGuests.length} guests free to book`)

    const writesStarted = Date.now()
    const { writes, skippedTicks, idleTicks } = await runHotelWrites(hub.port, front, sessions, {
      ...state,
      seconds: plan.seconds,
      perSecond: plan.writesPerSecond,
      everySecond(second) {
        memory.samples.push([second, hub.rss()])
        if (second === plan.warmupSeconds) memory.warm = hub.rss()
        if (second > 0 && second % 30 === 0) log(`  ${second} s: RSS ${mb(hub.rss())}`)
      },
    })
    const writesEnded = Date.now()
    // Delivery settles: one quiet second on every stream, at most 15 s.
    const drainDeadline = Date.now() + 15_000
    while (Date.now() < drainDeadline && Date.now() - Math.max(...terminals.map((t) => t.lastEventAt)) < 1_000) await sleep(100)
    memory.end = hub.rss()
    memory.samples.push([Math.round((Date.now() - writesStarted) / 1000), memory.end])
    const peak = hub.peakRss()

    for (const t of terminals) t.close()
    await hub.stop()
    const check = checkAgainstLog(path.join(dataDir, 'zhike.db'), writesStarted, terminals)
    const outOfOrder = terminals.reduce((n, t) => n + t.outOfOrder, 0)
    return report({ plan, writes, skippedTicks, idleTicks, seconds: (writesEnded - writesStarted) / 1000, check, memory, peak, outOfOrder }, log)
  } catch (error) {
    log(`hub console (last lines):\n${hub.output()}`)
    throw error
  } finally {
    for (const t of terminals) t.close()
    await hub.stop()
    closeHubConnections()
  }
}

/** The administrator adds the terminals' staff (department role, PIN 1234); each signs in. */
async function signInTerminals(hub: HubProcess, count: number): Promise<HubSession[]> {
  const byAdmin = await signIn(hub.port, admin.code, admin.pin)
  const departments = terminalsPerDepartment.flatMap(([department, n]) => Array<string>(n).fill(department))
  const sessions: HubSession[] = []
  for (let i = 0; i < count; i++) {
    const code = `term${String(i + 1).padStart(2, '0')}`
    const department = departments[i % departments.length]
    await must(hub.port, 'staff.create', { code, name: `Terminal ${i + 1}`, department, role: 'department', pin: '1234' }, byAdmin.cookie)
    sessions.push(await signIn(hub.port, code, '1234'))
  }
  return sessions
}

interface StaySummary {
  stayId: number
  guestId: number
  status: string
}

/** What the front desk sees this morning: vacant rooms, today's arrivals, and who is free to book. */
async function hotelToday(port: number, front: HubSession) {
  const rooms = await must<{ number: string; status: string }[]>(port, 'room.list', {}, front.cookie)
  const inHouse = await must<StaySummary[]>(port, 'stay.inHouse', {}, front.cookie)
  const arrivalsToday = await must<StaySummary[]>(port, 'stay.arrivals', {}, front.cookie)
  const busy = new Set([...inHouse, ...arrivalsToday].map((s) => s.guestId))
  // The demo loader creates its guests first, in file order, so they are ids 1…n.
  const demoGuests = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'resources', 'demo', 'guests.json'), 'utf8')) as unknown[]).length
  return {
    vacantRooms: rooms.filter((r) => r.status === 'vacant').map((r) => r.number),
    arrivals: arrivalsToday.filter((s) => s.status === 'reserved').map((s) => ({ stayId: s.stayId, guestId: s.guestId })),
    freeGuests: Array.from({ length: demoGuests }, (_, i) => i + 1).filter((id) => !busy.has(id)),
  }
}

interface Measured {
  plan: EventsPlan
  writes: WriteRecord[]
  skippedTicks: number
  idleTicks: number
  seconds: number
  check: ReturnType<typeof checkAgainstLog>
  memory: { start: number; warm: number; end: number; samples: [number, number][] }
  peak: number
  outOfOrder: number
}

function report(m: Measured, log: (line: string) => void): Budget[] {
  const { writes, check, memory } = m
  const operations = [...new Set(writes.map((w) => w.operation))].sort()
  const outcomes = (list: WriteRecord[]) => [...new Set(list.filter((w) => w.outcome !== 'ok').map((w) => w.outcome))].map((o) => `${o} ×${list.filter((w) => w.outcome === o).length}`).join(', ')
  const row = (name: string, list: WriteRecord[]) => {
    const s = summarize(list.map((w) => w.ms).filter(Number.isFinite))
    return [name, String(list.length), String(list.filter((w) => w.outcome === 'ok').length), s.p50, s.p95, s.max, outcomes(list)]
  }
  log(`\nWrites: ${writes.length} in ${m.seconds.toFixed(1)} s (${(writes.length / m.seconds).toFixed(1)}/s); ticks skipped at ${maxInFlight} in flight: ${m.skippedTicks}, with nothing to do: ${m.idleTicks}. Response times (ms):`)
  log(table(['operation', 'sent', 'ok', 'p50', 'p95', 'max', 'refused'], [...operations.map((o) => row(o, writes.filter((w) => w.operation === o))), row('all writes', writes)]))

  const tallies = check.tallies
  const sum = (f: (t: TerminalTally) => number) => tallies.reduce((n, t) => n + f(t), 0)
  const expected = sum((t) => t.expected)
  const received = sum((t) => t.received)
  const lost = sum((t) => t.lost.length)
  const duplicates = sum((t) => t.duplicates)
  const leaked = sum((t) => t.leaked)
  const latencies = tallies.flatMap((t) => t.latencies)
  const all = summarize(latencies)
  const loggedTotal = [...check.logged.values()].reduce((a, b) => a + b, 0)
  log(`\nEvent log during the run: ${loggedTotal} events (${[...check.logged].map(([n, c]) => `${n} ${c}`).join(', ')})`)
  log(`Per terminal (expected: logged events its staff member may see; latency: receive time − created_at, ms):`)
  log(
    table(
      ['terminal', 'department', 'expected', 'received', 'lost', 'dupl.', 'leaked', 'unknown', 'no id', 'reconn.', 'reload', 'p50', 'p95', 'max', 'stream'],
      tallies.map((t) => {
        const s = summarize(t.latencies)
        const n = (v: number) => String(v)
        return [t.code, t.department, n(t.expected), n(t.received), n(t.lost.length), n(t.duplicates), n(t.leaked), n(t.unknown), n(t.withoutId), n(t.reconnects), n(t.reloads), s.p50, s.p95, s.max, t.failure ?? 'open']
      }),
    ),
  )
  log('leaked: received though the log says its staff member may not see it; unknown: an id outside the run\'s log; reload: told it missed too much')
  for (const e of check.lostExamples) log(`  lost: ${e.terminal} never received event ${e.id} (${e.name}, logged ${e.createdAt})`)
  for (const e of check.unknownExamples) log(`  unknown: ${e.terminal} received ${e.name} with id ${e.id}`)
  const late = latencies.filter((l) => l > budget.p95Ms).length
  const outOfOrder = m.outOfOrder
  log(`\nDeliveries: ${received} of ${expected} expected (${lost} lost, ${duplicates} duplicates, ${leaked} to a terminal that may not see them, ${outOfOrder} out of id order).`)
  log(`Commit → terminal latency over ${all.n} deliveries: p50 ${ms(all.p50)} ms, p95 ${ms(all.p95)} ms, max ${ms(all.max)} ms; ${late} over ${budget.p95Ms} ms; min ${ms(latencies.reduce((a, b) => Math.min(a, b), Infinity))} ms.`)

  const growth = memory.end / memory.warm - 1
  const trend = memoryTrend(memory.samples, m.plan.warmupSeconds)
  const percent = (g: number) => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%`
  log(`\nHub memory (VmRSS of the serving node process): start ${mb(memory.start)}, after ${m.plan.warmupSeconds} s warm-up ${mb(memory.warm)}, end ${mb(memory.end)} (${percent(growth)} since warm-up); peak ${mb(m.peak)} (VmHWM, includes loading the demo)`)
  log(`  highest RSS in the first third after warm-up ${mb(trend.early)}, in the last third ${mb(trend.late)}: ${percent(trend.growth)} (judged: garbage collection saws RSS up and down, so tops are compared with tops)`)
  log(`  every 5 s: ${memory.samples.filter(([s], i) => s % 5 === 0 || i === memory.samples.length - 1).map(([s, b]) => `${s}s ${(b / 1024 / 1024).toFixed(0)}`).join(', ')} (MB)`)

  const pass = { p95: all.p95 <= budget.p95Ms, lost: expected > 0 && lost === 0, leaked: leaked === 0, memory: Number.isFinite(trend.growth) && trend.growth <= budget.memoryGrowth }
  log(`${verdict(pass.p95)} p95 ≤ ${budget.p95Ms} ms · ${verdict(pass.lost)} zero lost · ${verdict(pass.memory)} memory growth ≤ ${budget.memoryGrowth * 100}%`)
  return [
    { scenario: 'events', name: `commit → every terminal p95 ≤ ${budget.p95Ms} ms`, measured: `${ms(all.p95)} ms`, pass: pass.p95 },
    { scenario: 'events', name: 'events lost = 0', measured: `${lost} of ${expected}`, pass: pass.lost },
    { scenario: 'events', name: 'events to a terminal that may not see them = 0', measured: String(leaked), pass: pass.leaked },
    { scenario: 'events', name: `hub RSS growth after warm-up ≤ ${budget.memoryGrowth * 100}%`, measured: `${percent(trend.growth)} (tops ${mb(trend.early)} → ${mb(trend.late)}; end ${percent(growth)})`, pass: pass.memory },
  ]
}

/** The highest RSS early and late after warm-up, one third of the samples each: a leak raises the tops. */
function memoryTrend(samples: readonly [number, number][], warmupSeconds: number): { early: number; late: number; growth: number } {
  const after = samples.filter(([s, bytes]) => s >= warmupSeconds && Number.isFinite(bytes)).map(([, bytes]) => bytes)
  const third = Math.max(1, Math.floor(after.length / 3))
  const top = (list: number[]) => (list.length > 0 ? list.reduce((a, b) => Math.max(a, b)) : Number.NaN)
  const early = top(after.slice(0, third))
  const late = top(after.slice(-third))
  return { early, late, growth: late / early - 1 }
}
