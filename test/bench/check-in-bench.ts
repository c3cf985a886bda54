import assert from 'node:assert/strict'
import path from 'node:path'
import type { Result } from '../../electron/core/core'
import { listPromptsOfStay } from '../../electron/core/prompts/prompt.repository'
import { buildHotel, type BenchHotel, type HotelSize } from './hotel-fixture'
import { Random } from './random'
import { rawHotel } from './raw-hotel'
import { heading, ms, ratio, table, verdict } from './report'
import { race, summarize } from './stats'
import { storeSize, type Budget } from './store-files'

export interface CheckInPlan {
  hotel: Omit<HotelSize, 'arrivals' | 'preferences'>
  iterations: number
  warmup: number
  /** Prove the fixture's integrity (foreign keys, search index) before measuring. */
  check: boolean
}

/** p95 budgets (ms) from issue 2, and the most our layers may cost over raw better-sqlite3. */
const budgets = { 'guest.card': 2, 'room.suggest': 5, 'stay.checkIn': 5 } as const
const maxOverhead = 2

function value<T = any>(result: Result): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** Issue 2: the desk's hot paths on a hotel with history, each beside the same work on raw better-sqlite3. */
export function runCheckInBench(dir: string, plan: CheckInPlan, log: (line: string) => void): Budget[] {
  const perSide = plan.warmup + plan.iterations
  log(heading(`Check-in: ${plan.hotel.guests.toLocaleString('en')} guests, ${plan.hotel.pastStays.toLocaleString('en')} past stays, ${plan.hotel.rooms.toLocaleString('en')} rooms`))
  const file = path.join(dir, 'hotel.db')
  const hotel = buildHotel(file, { ...plan.hotel, preferences: true, arrivals: 2 * perSide + 8 }, { seed: 2026, check: plan.check })
  log(table(['build step', 's'], [...hotel.build.laps.map((l) => [l.label, l.seconds.toFixed(1)]), ['total', hotel.build.total.toFixed(1)]]))
  const size = storeSize(hotel.core.sqlite, file)
  log(`store: ${(size / 1e6).toFixed(0)} MB (${((size / hotel.guests) * 100_000 / 1e6).toFixed(0)} MB per 100,000 guests with their history)`)

  const { core, desk } = hotel
  const raw = rawHotel(core.sqlite)
  const arrivals = [...hotel.arrivals]
  const takeArrival = () => {
    const id = arrivals.pop()
    if (id === undefined) throw new Error('bench fixture: out of arrivals')
    return id
  }
  verify(hotel, raw, takeArrival)

  const random = { ours: new Random(7), raw: new Random(8) }
  const guestId = (side: 'ours' | 'raw') => random[side].int(1, hotel.guests)
  const card = race({
    iterations: plan.iterations,
    warmup: plan.warmup,
    input: (_i, side) => guestId(side),
    ours: (id) => value(core.callAs(desk, 'guest.card', { guestId: id })),
    raw: (id) => raw.card(id, desk),
    alongside: () => raw.commitOnly(desk),
  })
  const suggest = race({
    iterations: plan.iterations,
    warmup: plan.warmup,
    input: (_i, side) => random[side].pick(hotel.arrivals),
    ours: (stayId) => value(core.callAs(desk, 'room.suggest', { stayId })),
    raw: (stayId) => raw.suggest(stayId),
  })
  let next = 0
  const rooms = hotel.vacantRooms
  const checkIn = race({
    iterations: plan.iterations,
    warmup: plan.warmup,
    input: () => ({ stayId: takeArrival(), roomNumber: rooms[next++ % rooms.length] }),
    ours: ({ stayId, roomNumber }) => value(core.callAs(desk, 'stay.checkIn', { stayId, roomNumber })),
    raw: ({ stayId, roomNumber }) => raw.checkIn(stayId, roomNumber, desk),
    // Untimed: the guest leaves again, so the room is free for a later iteration.
    after: ({ stayId }) => value(core.callAs(desk, 'stay.checkOut', { stayId })),
  })

  const results: Budget[] = []
  const rows = (
    [
      ['guest.card', 'card (permission, zod, audit write, commit)', card],
      ['room.suggest', `suggestion (${rooms.length} vacant rooms scored)`, suggest],
      ['stay.checkIn', 'check-in (prompts, WAL commit, fsync)', checkIn],
    ] as const
  ).map(([name, what, samples]) => {
    const ours = summarize(samples.ours)
    const base = summarize(samples.raw)
    const overhead = ours.p50 / base.p50
    const limit = budgets[name]
    results.push({ scenario: 'check-in', name: `${name} p95 ≤ ${limit} ms`, measured: `${ms(ours.p95)} ms`, pass: ours.p95 <= limit })
    results.push({ scenario: 'check-in', name: `${name} overhead ≤ ${maxOverhead}×`, measured: ratio(overhead), pass: overhead <= maxOverhead })
    return [name, what, ours.p50, ours.p95, base.p50, base.p95, ratio(overhead), ratio(ours.p95 / base.p95), `≤ ${limit} ms`, verdict(ours.p95 <= limit), verdict(overhead <= maxOverhead)]
  })
  const floor = summarize(card.alongside)
  rows.push(['(commit alone)', 'one audit row in its own transaction: the fsync every write pays', floor.p50, floor.p95, '', '', '', '', '', '', ''])
  log(`\n${plan.iterations.toLocaleString('en')} iterations per side after ${plan.warmup} warm-up, ours and raw interleaved (times in ms)`)
  log(table(['operation', 'what', 'p50', 'p95', 'raw p50', 'raw p95', 'ratio p50', 'ratio p95', 'budget p95', 'p95', 'ratio ≤ 2'], rows))
  log('ratio: ours ÷ raw better-sqlite3 doing the same reads, writes and pure calls; the overhead budget is judged on the medians.')
  core.close()
  return results
}

/** The raw versions must do the same work: same answers, same rows written. */
function verify(hotel: BenchHotel, raw: ReturnType<typeof rawHotel>, takeArrival: () => number): void {
  const { core, desk } = hotel
  for (const guestId of [1, Math.ceil(hotel.guests / 2), hotel.guests]) {
    assert.deepEqual(raw.card(guestId, desk), value(core.callAs(desk, 'guest.card', { guestId })), `card of guest ${guestId}`)
  }
  for (const stayId of hotel.arrivals.slice(0, 3)) {
    assert.deepEqual(raw.suggest(stayId), value(core.callAs(desk, 'room.suggest', { stayId })), `suggestion for stay ${stayId}`)
  }
  const [roomA, roomB] = hotel.vacantRooms
  const ours = value(core.callAs(desk, 'stay.checkIn', { stayId: takeArrival(), roomNumber: roomA }))
  const theirs = raw.checkIn(takeArrival(), roomB, desk)
  assert.deepEqual(theirs.prompts, listPromptsOfStay(core.sqlite, theirs.stayId), 'raw check-in writes the prompts the app reads back')
  assert.ok(ours.prompts.length > 0 && theirs.prompts.length > 0, 'check-ins create prompts')
  for (const stayId of [ours.stayId, theirs.stayId]) value(core.callAs(desk, 'stay.checkOut', { stayId }))
}
