import fs from 'node:fs'
import path from 'node:path'
import { addDays, localDate } from '../../electron/core/clock'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core, type Result } from '../../electron/core/core'
import { bulkLoad, writeGuest, writePastStay, writePreference } from './bulk-writer'
import { checkInRules, departments, syntheticPreferences, syntheticRooms } from './hotel-catalog'
import { syntheticGuest } from './people'
import { Random } from './random'
import { Stopwatch } from './stats'

export interface HotelSize {
  rooms: number
  guests: number
  /** Preferences per guest: 6–14 (about 10) when true, none when false. */
  preferences: boolean
  pastStays: number
  /** Guests in house now (checked in through stay.checkIn). */
  inHouse: number
  /** Reservations arriving today (through stay.reserve). */
  arrivals: number
}

export interface BenchHotel {
  core: Core
  file: string
  admin: Actor
  desk: Actor
  guests: number
  /** Today's reservations, in random order. */
  arrivals: number[]
  /** In-service rooms nobody is in, at the end of the build. */
  vacantRooms: string[]
  build: Stopwatch
}

function must<T>(result: Result, what: string): T {
  if (!result.ok) throw new Error(`bench fixture: ${what}: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

const isoDaysAgo = (days: number, now: number) => new Date(now - days * 86_400_000).toISOString()

/**
 * A synthetic hotel in a new store file. Setup, rooms, rules, today's in-house guests and
 * arrivals go through the operations; the history (guests, preferences, past stays) is bulk
 * written with the same rows the operations write.
 */
export function buildHotel(file: string, size: HotelSize, options: { seed: number; check?: boolean }): BenchHotel {
  const random = new Random(options.seed)
  const build = new Stopwatch()
  const core = createCore({ file, logError: (error, name) => console.error(`[bench] ${name}`, error) })
  const call = (actor: Actor | null, name: string, input: unknown, what = name) => must<any>(core.callAs(actor, name, input), what)
  const inOneTransaction = (fn: () => void) => core.sqlite.transaction(fn)()

  const { staff: admin } = call(null, 'setup.createFirstAdmin', {
    hotelName: { en: 'Bench Grand Hotel', zh: '基准大酒店' },
    departments,
    admin: { code: 'ad01', name: '管理员', pin: '123456' },
  }) as { staff: Actor }
  for (const [code, name, department, role] of [
    ['fd01', '前台一', 'front_office', 'front_desk'],
    ['hk01', '客房一', 'housekeeping', 'department'],
    ['rs01', '餐饮一', 'restaurant', 'department'],
    ['gr01', '宾客关系', 'guest_relations', 'guest_relations'],
  ]) {
    call(admin, 'staff.create', { code, name, department, role, pin: '1234' })
  }
  const desk = call(null, 'session.signIn', { code: 'fd01', pin: '1234' }).staff as Actor
  const rooms = syntheticRooms(size.rooms, random)
  inOneTransaction(() => {
    for (const room of rooms) call(admin, 'room.create', room, `room ${room.number}`)
    for (const rule of checkInRules) call(admin, 'rule.create', { ...rule, trigger: 'check_in' }, `rule ${rule.key}`)
  })
  build.lap('setup, rooms and rules (operations)')

  // The guest history, bulk written.
  const now = Date.now()
  let preferenceCount = 0
  const guestCount = bulkLoad(core.sqlite, range(size.guests), 5_000, () => {
    const guest = syntheticGuest(random)
    const createdDaysAgo = random.int(30, 3_000)
    const id = writeGuest(core.sqlite, guest, isoDaysAgo(createdDaysAgo, now), desk.staffId)
    if (!size.preferences) return
    for (const p of syntheticPreferences(random)) {
      const recordedDaysAgo = random.int(1, createdDaysAgo)
      const confirmedDaysAgo = random.chance(0.6) ? random.int(0, recordedDaysAgo) : recordedDaysAgo
      writePreference(core.sqlite, {
        guestId: id,
        ...p,
        staffId: desk.staffId,
        department: desk.department,
        at: isoDaysAgo(recordedDaysAgo, now),
        confirmedAt: isoDaysAgo(confirmedDaysAgo, now),
        retiredAt: random.chance(0.05) ? isoDaysAgo(random.int(0, recordedDaysAgo), now) : null,
      })
      preferenceCount++
    }
  })
  build.lap(`${guestCount.toLocaleString('en')} guests${size.preferences ? `, ${preferenceCount.toLocaleString('en')} preferences` : ''} (bulk)`)

  const today = localDate(new Date())
  const roomIds = (core.sqlite.prepare('SELECT id FROM room').all() as { id: number }[]).map((r) => r.id)
  if (size.pastStays > 0) {
    // Most guests came once or twice; a few regulars came dozens of times.
    const loyalty = Array.from({ length: guestCount }, () => (random.chance(0.01) ? 40 : random.chance(0.09) ? 10 : random.chance(0.33) ? 3 : 1))
    const cumulative: number[] = []
    loyalty.reduce((sum, w, i) => (cumulative[i] = sum + w), 0)
    const total = cumulative[cumulative.length - 1]
    const confirmations = new Set<string>()
    bulkLoad(core.sqlite, range(size.pastStays), 10_000, () => {
      const guestId = 1 + lowerBound(cumulative, random.next() * total)
      const nights = Math.min(random.int(1, 4), random.int(1, 10))
      // Ended at least four days ago, before anyone in house today arrived (stay.import refuses overlaps).
      const arrival = addDays(today, -random.int(nights + 5, 5 * 365))
      let confirmationNo = confirmationLike(random)
      while (confirmations.has(confirmationNo)) confirmationNo = confirmationLike(random)
      confirmations.add(confirmationNo)
      writePastStay(core.sqlite, {
        confirmationNo,
        guestId,
        arrival,
        departure: addDays(arrival, nights),
        party: random.chance(0.6) ? 1 : random.int(2, 3),
        roomId: random.pick(roomIds),
        at: isoDaysAgo(random.int(1, 30), now),
        by: admin.staffId,
      })
    })
    build.lap(`${size.pastStays.toLocaleString('en')} past stays (bulk)`)
  }

  // Today, through the operations: who is in house, and who arrives.
  const guestOrder = random.sample(range(guestCount).map((i) => i + 1), size.inHouse + size.arrivals)
  const inService = rooms.filter((r) => !r.outOfOrder).map((r) => r.number)
  const occupied = random.sample(inService, Math.min(size.inHouse, inService.length))
  inOneTransaction(() => {
    occupied.forEach((roomNumber, i) => {
      const arrival = addDays(today, -random.int(1, 3))
      const departure = addDays(today, random.int(1, 5))
      const { stayId } = call(admin, 'stay.import', { guestId: guestOrder[i], arrival, departure, party: 1, status: 'reserved' })
      call(desk, 'stay.checkIn', { stayId, roomNumber }, `check-in to ${roomNumber}`)
    })
  })
  build.lap(`${occupied.length.toLocaleString('en')} guests in house (stay.import + stay.checkIn)`)
  const arrivals: number[] = []
  inOneTransaction(() => {
    for (const guestId of guestOrder.slice(occupied.length)) {
      // Three nights or more, so a bench run that crosses midnight can still check them in.
      const { stayId } = call(desk, 'stay.reserve', { guestId, arrival: today, departure: addDays(today, random.int(3, 6)), party: random.int(1, 2) })
      arrivals.push(stayId)
    }
  })
  build.lap(`${arrivals.length.toLocaleString('en')} arrivals today (stay.reserve)`)
  if (options.check) checkFixture(core)
  // Measure on a store opened afresh, as the app finds it when it starts, and with the bulk
  // writes on disk: otherwise the first fsyncs wait for the kernel to write hundreds of MB.
  core.close()
  flushToDisk(file)
  const opened = createCore({ file, logError: (error, name) => console.error(`[bench] ${name}`, error) })
  const taken = new Set(occupied)
  return { core: opened, file, admin, desk, guests: guestCount, arrivals, vacantRooms: inService.filter((r) => !taken.has(r)), build }
}

/** The format of stays/confirmation.ts, from the seeded generator (crypto.randomBytes per stay is slow). */
function confirmationLike(random: Random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  let code = 'ZK'
  for (let i = 0; i < 6; i++) code += alphabet[random.int(0, alphabet.length - 1)]
  return code
}

/** The bulk writers skip foreign-key lookups and write the search index themselves: prove both held. */
function checkFixture(core: Core): void {
  const broken = core.sqlite.pragma('foreign_key_check') as unknown[]
  if (broken.length > 0) throw new Error(`bench fixture: ${broken.length} rows break a foreign key`)
  const count = (sql: string) => core.sqlite.prepare(sql).pluck().get() as number
  const guests = count('SELECT count(*) FROM guest')
  const indexed = count('SELECT count(*) FROM guest_fts')
  const tokened = count('SELECT count(DISTINCT guest_id) FROM guest_token')
  if (indexed !== guests || tokened !== guests) throw new Error(`bench fixture: ${guests} guests, ${indexed} in FTS, ${tokened} with tokens`)
}

function flushToDisk(file: string): void {
  for (const f of [file, path.dirname(file)]) {
    const fd = fs.openSync(f, 'r')
    try {
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i)
}

/** The first index whose cumulative weight exceeds x. */
function lowerBound(cumulative: readonly number[], x: number): number {
  let lo = 0
  let hi = cumulative.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (cumulative[mid] > x) hi = mid
    else lo = mid + 1
  }
  return lo
}
