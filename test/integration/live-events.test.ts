import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core } from '../../electron/core/core'
import { eventVisibleTo } from '../../electron/core/event-visibility'
import type { CoreEvent } from '../../electron/core/events'
import { createHub } from '../../electron/hub/server'
import { EventStreamClient } from '../fixtures/event-stream-client'
import { addMacauGuest, failure, ok, seedSmallHotel, turnAtMidnight, type SmallHotel } from '../fixtures/test-store'

const demoDir = fileURLToPath(new URL('../../resources/demo', import.meta.url))
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A store folder that outlives hub restarts within one test. */
function storeFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-live-'))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A controllable clock: tests move time forward instead of waiting. */
function movableClock(start = new Date()) {
  let now = start.getTime()
  return { clock: { now: () => new Date(now) }, advanceHours: (hours: number) => (now += hours * 3_600_000) }
}

async function startHub(dir: string, clock?: { now(): Date }): Promise<{ core: Core; hub: FastifyInstance; base: string; stop: () => Promise<void> }> {
  const core = turnAtMidnight(createCore({ file: path.join(dir, 'zhike.db'), clock, demoDir, logError: () => {}, owner: 'test' }))
  const hub = await createHub({ core, rendererDir: dir })
  await hub.listen({ port: 0, host: '127.0.0.1' })
  let stopped = false
  const stop = async () => {
    if (stopped) return
    stopped = true
    await hub.close()
    core.close()
  }
  cleanups.push(stop)
  return { core, hub, base: `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`, stop }
}

async function signIn(base: string, code: string, pin = '1234'): Promise<string> {
  const response = await fetch(`${base}/api/session.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, pin }) })
  expect(response.status).toBe(200)
  return response.headers.get('set-cookie')!.split(';')[0]
}

async function currentStaff(base: string, cookie: string): Promise<string | null> {
  const body = (await (await fetch(`${base}/api/session.current`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' })).json()) as any
  return body.value.staff?.code ?? null
}

/** Every logged event after `afterId` that `actor` may see: what a terminal must receive. */
function visibleAfter(core: Core, actor: Actor, afterId: number): CoreEvent[] {
  return core.eventLog.after(afterId, 1000).filter((event) => eventVisibleTo(actor, event))
}

const readyId = (stream: EventStreamClient) => stream.events.find((e) => e.event === 'ready')!.id!

describe('sessions in the store', () => {
  it('survive a hub restart, so a terminal stays signed in', async () => {
    const dir = storeFolder()
    const first = await startHub(dir)
    seedSmallHotel(first.core)
    const cookie = await signIn(first.base, 'hk01')
    await first.stop()
    const second = await startHub(dir)
    expect(await currentStaff(second.base, cookie)).toBe('hk01')
  })

  it('end after 12 idle hours even while an event stream is open; calls keep them alive', async () => {
    const dir = storeFolder()
    const time = movableClock()
    const { core, base } = await startHub(dir, time.clock)
    const hotel = seedSmallHotel(core)
    const busy = await signIn(base, 'fd01')
    const idle = await signIn(base, 'hk01')
    const { stayId } = addMacauGuest(hotel)
    const { prompts } = ok(core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const forTheKitchen = (prompts as { id: number; department: string }[]).find((p) => p.department === 'restaurant')!
    const stream = await EventStreamClient.open(base, idle)
    expect(stream.status).toBe(200)
    await stream.until((events) => events.some((e) => e.event === 'ready'))
    for (let hour = 0; hour < 44; hour += 11) {
      time.advanceHours(11)
      expect(await currentStaff(base, busy)).toBe('fd01')
    }
    // 44 hours on: the stream did not keep housekeeping's session alive. The next event ends the stream.
    ok(core.callAs(hotel.cook, 'prompt.acknowledge', { promptId: forTheKitchen.id }))
    await stream.closed()
    expect(stream.domainEvents).toEqual([])
    expect((await EventStreamClient.open(base, idle)).status).toBe(401)
    expect(await currentStaff(base, idle)).toBeNull()
  })

  it('revoked or signed out, a session ends its open streams', async () => {
    const dir = storeFolder()
    const { core, base } = await startHub(dir)
    const hotel = seedSmallHotel(core)
    const cookie = await signIn(base, 'hk01')
    const stream = await EventStreamClient.open(base, cookie)
    await stream.until((events) => events.some((e) => e.event === 'ready'))
    expect(failure(core.callAs(hotel.desk, 'staff.revokeSessions', { staffId: hotel.housekeeper.staffId })).code).toBe('FORBIDDEN')
    expect(ok(core.callAs(hotel.admin, 'staff.revokeSessions', { staffId: hotel.housekeeper.staffId })).revoked).toBeGreaterThan(0)
    const { stayId } = addMacauGuest(hotel)
    ok(core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    await stream.closed()
    expect(stream.domainEvents).toEqual([])
    expect((await EventStreamClient.open(base, cookie)).status).toBe(401)
  })
})

describe('live boards never lie', () => {
  it('gives every event an id; a terminal that reconnects after a restart gets what it missed, in order', async () => {
    const dir = storeFolder()
    const first = await startHub(dir)
    const hotel = seedSmallHotel(first.core)
    const cookie = await signIn(first.base, 'hk01')
    const before = await EventStreamClient.open(first.base, cookie)
    await before.until((events) => events.some((e) => e.event === 'ready'))
    const lastSeen = readyId(before)
    before.close()
    await first.stop()

    // While the hub is down, the desk app checks a guest in on the same store.
    const desk = createCore({ file: path.join(dir, 'zhike.db'), logError: () => {} })
    const { stayId } = addMacauGuest({ ...hotel, call: (actor, name, input) => desk.callAs(actor, name, input) } as SmallHotel)
    ok(desk.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    desk.close()

    const second = await startHub(dir)
    const expected = visibleAfter(second.core, hotel.housekeeper, lastSeen)
    expect(expected.map((e) => e.name)).toContain('prompt.created')
    const after = await EventStreamClient.open(second.base, cookie, { lastEventId: lastSeen })
    expect(after.status).toBe(200)
    await after.until((events) => events.some((e) => e.event === 'ready'))
    expect(after.domainEvents.map((e) => e.id)).toEqual(expected.map((e) => e.id))
    expect(after.domainEvents.map((e) => e.data).join('\n')).toMatch(/periodicals in room 1001/)
    expect(after.domainEvents.map((e) => e.data).join('\n')).not.toMatch(/Sichuan/)
    after.close()
  })

  it('tells a terminal to reload when what it missed is no longer kept, or its id is not this store’s', async () => {
    const dir = storeFolder()
    const time = movableClock()
    const first = await startHub(dir, time.clock)
    const hotel = seedSmallHotel(first.core)
    const { stayId } = addMacauGuest(hotel)
    ok(first.core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    await first.stop()
    // Two days later the events of that check-in are no longer kept (48 h).
    time.advanceHours(49)
    const second = await startHub(dir, time.clock)
    const stale = await EventStreamClient.open(second.base, await signIn(second.base, 'hk01'), { lastEventId: 0 })
    await stale.until((events) => events.some((e) => e.event === 'ready'))
    expect(stale.events.map((e) => e.event)).toEqual(['reload', 'ready'])
    const unknown = await EventStreamClient.open(second.base, await signIn(second.base, 'hk01'), { lastEventId: 9_999_999 })
    await unknown.until((events) => events.some((e) => e.event === 'ready'))
    expect(unknown.events.map((e) => e.event)).toEqual(['reload', 'ready'])
    stale.close()
    unknown.close()
  })

  it('housekeeping hears every housekeeping event and never the restaurant (a fixed count, then a sentinel)', async () => {
    const dir = storeFolder()
    const { core, base } = await startHub(dir)
    const hotel = seedSmallHotel(core)
    const stream = await EventStreamClient.open(base, await signIn(base, 'hk01'))
    await stream.until((events) => events.some((e) => e.event === 'ready'))
    const start = readyId(stream)
    const { stayId } = addMacauGuest(hotel)
    const checkedIn = ok(core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const mine = (checkedIn.prompts as { id: number; department: string }[]).find((p) => p.department === 'housekeeping')!
    // The sentinel: housekeeping acknowledges its prompt, an event it must hear, logged after everything above.
    ok(core.callAs(hotel.housekeeper, 'prompt.acknowledge', { promptId: mine.id }))
    const expected = visibleAfter(core, hotel.housekeeper, start)
    const all = core.eventLog.after(start, 1000)
    expect(all.length).toBeGreaterThan(expected.length) // the restaurant's prompts and the stay change were logged too
    await stream.until((events) => events.filter((e) => e.event !== 'ready').length >= expected.length)
    expect(stream.domainEvents.map((e) => e.id)).toEqual(expected.map((e) => e.id))
    expect(stream.domainEvents.map((e) => e.event)).toEqual(['prompt.created', 'prompt.updated'])
    for (const event of stream.domainEvents) expect(JSON.parse(event.data).prompt.department).toBe('housekeeping')
    stream.close()
  })

  it('refuses a cross-site stream and keeps at most four streams per session', async () => {
    const dir = storeFolder()
    const { core, base } = await startHub(dir)
    seedSmallHotel(core)
    const cookie = await signIn(base, 'hk01')
    expect((await EventStreamClient.open(base, cookie, { headers: { origin: 'http://evil.example' } })).status).toBe(403)
    const streams = [] as EventStreamClient[]
    for (let i = 0; i < 5; i++) {
      const s = await EventStreamClient.open(base, cookie)
      await s.until((events) => events.some((e) => e.event === 'ready'))
      streams.push(s)
    }
    await streams[0].closed()
    expect(streams.slice(1).every((s) => !s.ended)).toBe(true)
    for (const s of streams) s.close()
  })
})

describe('events and caches follow only what the outermost transaction committed', () => {
  it('a demo load that fails half-way announces nothing and leaves no cached value behind', async () => {
    const dir = storeFolder()
    const broken = path.join(dir, 'demo')
    fs.cpSync(demoDir, broken, { recursive: true })
    const guests = JSON.parse(fs.readFileSync(path.join(broken, 'guests.json'), 'utf8'))
    const last = [...guests].reverse().find((g: any) => g.observations?.length)
    last.observations.push({ by: 'nobody', text: 'This observation names a staff member who does not exist.' })
    fs.writeFileSync(path.join(broken, 'guests.json'), JSON.stringify(guests))
    const core = turnAtMidnight(createCore({ file: path.join(dir, 'zhike.db'), demoDir: broken, logError: () => {} }))
    cleanups.push(() => core.close())
    const heard: CoreEvent[] = []
    core.events.subscribe((event) => heard.push(event))
    const refused = failure(core.callAs(null, 'setup.loadDemo', {}))
    expect(refused.message).toMatch(/nobody/)
    expect(heard).toEqual([])
    expect(core.eventLog.bounds()).toEqual({ oldest: null, latest: 0 })
    expect(ok(core.callAs(null, 'setup.status', {})).needsSetup).toBe(true)

    // The hotel set up for real promises housekeeping within 90 minutes (the demo's said 30).
    const { staff: admin } = ok(
      core.callAs(null, 'setup.createFirstAdmin', {
        hotelName: { en: 'Real Hotel', zh: '真酒店' },
        departments: [
          { code: 'front_office', name: { en: 'Front office', zh: '前厅' }, promiseMinutes: 10 },
          { code: 'housekeeping', name: { en: 'Housekeeping', zh: '客房' }, promiseMinutes: 90 },
        ],
        admin: { code: 'ad01', name: 'Admin', pin: '123456' },
      }),
    )
    ok(core.callAs(admin, 'room.create', { number: '801', floor: 8, facing: 'S', bed: 'king', features: [], view: null }))
    ok(core.callAs(admin, 'rule.create', { key: 'papers', trigger: 'check_in', category: 'reading', code: 'periodical', value: null, department: 'housekeeping', dueMinutes: 30, template: { en: 'Papers for {guest}.', zh: '为{guest}放报刊。' } }))
    const { id: guestId } = ok(core.callAs(admin, 'guest.create', { nativeName: '林小姐', salutation: 'ms' }))
    ok(core.callAs(admin, 'preference.add', { guestId, category: 'reading', code: 'periodical', value: 'mainland_advertising' }))
    const today = new Date()
    const date = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    const { stayId } = ok(core.callAs(admin, 'stay.reserve', { guestId, arrival: date(today), departure: date(new Date(today.getTime() + 86_400_000)), party: 1 }))
    const { prompts } = ok(core.callAs(admin, 'stay.checkIn', { stayId, roomNumber: '801' }))
    const prompt = prompts[0] as { escalateAt: string; createdAt: string }
    // Escalation comes at the department's promise to acknowledge (10 minutes by default), not at its promise to act.
    expect((Date.parse(prompt.escalateAt) - Date.parse(prompt.createdAt)) / 60_000).toBeCloseTo(10, 2)
    expect(heard.map((e) => e.name)).toEqual(expect.arrayContaining(['prompt.created', 'stay.changed']))
    expect(heard.every((e) => e.id > 0)).toBe(true)
  })
})
