import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { TerminalServerStatus } from '../../electron/core/context'
import { createCore, type Core, type CoreOptions } from '../../electron/core/core'
import { AppError } from '../../electron/core/errors'
import type { CoreEvent } from '../../electron/core/events'
import { runCoreHost, type CoreHostDeps } from '../../electron/core-host/core-host'
import { parseHostMessage, parseHostRequest, progressThrottle, startFailureOf, type HostProgress } from '../../electron/core-host/protocol'
import { CoreClient, hostGone, type CoreClientHandlers } from '../../electron/main/core-client'
import type { HostedTerminalServer } from '../../electron/main/terminal-hosting'
import { addMacauGuest, ok, seedSmallHotel, tempStore } from '../fixtures/test-store'

describe('the core host protocol', () => {
  const config = { file: '/data/zhike.db', dataDir: '/data', rendererDir: '/app/out/renderer' }

  it('accepts what main sends, as a structured clone delivers it', () => {
    const requests = [
      { type: 'start', config: { ...config, demoDir: '/app/resources/demo' } },
      { type: 'call', id: 1, windowId: 3, method: 'guest.search', input: { query: 'HO' } },
      { type: 'call', id: 2, windowId: 3, method: 'setup.status', input: undefined },
      { type: 'forget-window', windowId: 3 },
      { type: 'shutdown' },
    ]
    for (const request of requests) expect(parseHostRequest(structuredClone(request))).toEqual(request)
  })

  it('refuses anything else: unknown types, extra keys, bad ids, odd method names, inherited shapes', () => {
    const refused = [
      null,
      'shutdown',
      [{ type: 'shutdown' }],
      { type: 'reboot' },
      { type: 'shutdown', now: true },
      { type: 'start', config: { ...config, rendererDir: '' } },
      { type: 'start', config: { ...config, file: 'a\0b' } },
      { type: 'start', config: { ...config, extra: 1 } },
      { type: 'call', id: 0, windowId: 1, method: 'x', input: {} },
      { type: 'call', id: 1.5, windowId: 1, method: 'x', input: {} },
      { type: 'call', id: 1, windowId: -1, method: 'x', input: {} },
      { type: 'call', id: 1, windowId: 1, method: '__proto__', input: {} },
      { type: 'call', id: 1, windowId: 1, method: 'guest.search' },
      { type: 'forget-window', windowId: '3' },
      Object.create({ type: 'shutdown' }),
    ]
    for (const value of refused) expect(parseHostRequest(value), JSON.stringify(value)).toBeNull()
  })

  it('main accepts results, events, progress and failures only in their shape', () => {
    expect(parseHostMessage({ type: 'result', id: 4, result: { ok: true, value: { rows: [] } } })).toEqual({ type: 'result', id: 4, result: { ok: true, value: { rows: [] } } })
    expect(parseHostMessage({ type: 'result', id: 4, result: { ok: false, error: { code: 'FORBIDDEN', message: 'No.' } } })).not.toBeNull()
    expect(parseHostMessage({ type: 'result', id: 4, result: { ok: false, error: { code: 'forbidden', message: 'No.' } } })).toBeNull()
    expect(parseHostMessage({ type: 'result', id: 4, result: { ok: 'yes', value: 1 } })).toBeNull()
    const event = { id: 9, name: 'prompt.created', payload: { prompt: { department: 'housekeeping' } } }
    expect(parseHostMessage({ type: 'event', event, windowIds: [1, 2] })).toEqual({ type: 'event', event, windowIds: [1, 2] })
    expect(parseHostMessage({ type: 'event', event, windowIds: [1, '2'] })).toBeNull()
    expect(parseHostMessage({ type: 'event', event: { ...event, name: 'x' }, windowIds: [1] })).toBeNull()
    expect(parseHostMessage({ type: 'progress', progress: { step: 'search-index', done: 12_000, total: 200_000 } })).not.toBeNull()
    expect(parseHostMessage({ type: 'progress', progress: { step: 'search-index', done: 3, total: 2 } })).toBeNull()
    expect(parseHostMessage({ type: 'fatal', error: { code: 'STORE_IN_USE', message: 'Held by Zhike hub (pid 12).' } })).not.toBeNull()
    expect(parseHostMessage({ type: 'fatal', error: { code: 'WHATEVER', message: 'x' } })).toBeNull()
    expect(parseHostMessage({ type: 'terminal-status', serving: 'yes' })).toBeNull()
    expect(parseHostMessage({ type: 'log', level: 'debug', line: 'x' })).toBeNull()
    expect((parseHostMessage({ type: 'log', level: 'error', line: 'x'.repeat(50_000) }) as { line: string }).line).toHaveLength(20_000)
  })

  it('sorts start-up errors into what main can explain', () => {
    expect(startFailureOf(new AppError('STORE_IN_USE', 'The store is in use by Zhike hub (process 4242).'))).toEqual({ code: 'STORE_IN_USE', message: 'The store is in use by Zhike hub (process 4242).' })
    expect(startFailureOf(new AppError('STORE_DAMAGED', 'Restore the latest backup.')).code).toBe('STORE_DAMAGED')
    expect(startFailureOf(new AppError('STORE_TOO_NEW', 'Newer.')).code).toBe('STORE_TOO_NEW')
    expect(startFailureOf(new Error('was compiled against a different Node.js version using NODE_MODULE_VERSION 115')).code).toBe('NATIVE_MODULE')
    expect(startFailureOf(new Error('EACCES: permission denied'))).toEqual({ code: 'START_FAILED', message: 'EACCES: permission denied' })
    expect(startFailureOf(new AppError('VALIDATION', 'odd')).code).toBe('START_FAILED')
  })

  it('sends a few progress updates a second, and always the last', () => {
    let now = 0
    const allowed = progressThrottle(250, () => now)
    const at = (ms: number, done: number) => {
      now = ms
      return allowed({ step: 'search-index', done, total: 100 })
    }
    expect([at(0, 1), at(100, 2), at(249, 3), at(250, 4), at(260, 100)]).toEqual([true, false, false, true, true])
  })
})

// ---- The core host and main's client, joined by an in-memory channel that clones like Electron's ----

interface Harness {
  client: CoreClient
  seen: { events: { event: CoreEvent; windowIds: number[] }[]; progress: HostProgress[]; fatal: unknown[]; logs: string[]; exits: { code: number; expected: boolean }[]; ready: number }
  crash(code: number): void
  exited: boolean
}

const tick = () => new Promise((resolve) => setImmediate(resolve))
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  if (!condition()) throw new Error(`timed out waiting for ${what}`)
}

function connect(deps: Partial<CoreHostDeps> = {}): Harness {
  let toHost: ((message: unknown) => void) | undefined
  let toMain: ((message: unknown) => void) | undefined
  let onExit: ((code: number) => void) | undefined
  const harness = {} as Harness
  harness.exited = false
  const exit = (code: number) => {
    if (harness.exited) return
    harness.exited = true
    setImmediate(() => onExit?.(code))
  }
  runCoreHost(
    { postMessage: (message) => setImmediate(() => !harness.exited && toMain?.(structuredClone(message))), onMessage: (listener) => void (toHost = listener) },
    { createTerminals: () => fakeTerminals(), exit, ...deps },
  )
  const seen: Harness['seen'] = { events: [], progress: [], fatal: [], logs: [], exits: [], ready: 0 }
  const handlers: CoreClientHandlers = {
    progress: (p) => seen.progress.push(p),
    ready: () => void seen.ready++,
    fatal: (f) => seen.fatal.push(f),
    event: (event, windowIds) => seen.events.push({ event, windowIds }),
    log: (level, line) => seen.logs.push(`${level}: ${line}`),
    exit: (code, expected) => seen.exits.push({ code, expected }),
  }
  harness.client = new CoreClient(
    {
      postMessage: (message) => setImmediate(() => !harness.exited && toHost?.(structuredClone(message))),
      onMessage: (listener) => void (toMain = listener),
      onExit: (listener) => void (onExit = listener),
      kill: () => exit(143),
    },
    handlers,
  )
  harness.seen = seen
  harness.crash = exit
  return harness
}

/** A terminal server that starts when configured; no sockets. */
function fakeTerminals(): HostedTerminalServer & { settled(): Promise<void> } {
  let state: TerminalServerStatus['state'] = 'off'
  let settings = { enabled: false, port: 4870 }
  return {
    status: () => ({ host: 'desktop', state, enabled: settings.enabled, port: settings.port, urls: [], fingerprint: null, tls: true, error: null }),
    configure(next) {
      settings = { ...next }
      state = next.enabled ? 'starting' : 'off'
    },
    settled: async () => {
      if (state === 'starting') state = 'on'
    },
    close: async () => {
      state = 'off'
    },
  }
}

describe('the core host, off the UI thread', () => {
  let cleanups: (() => void)[] = []
  afterEach(() => {
    for (const cleanup of cleanups.reverse()) cleanup()
    cleanups = []
  })

  /** A small hotel with the Macau guest arriving, on disk and closed again, for the host to open. */
  function seededStore(): { file: string; dir: string; stayId: number } {
    const store = tempStore()
    const hotel = seedSmallHotel(store.core)
    const { stayId } = addMacauGuest(hotel)
    store.core.close()
    cleanups.push(() => fs.rmSync(store.dir, { recursive: true, force: true }))
    return { file: store.file, dir: store.dir, stayId }
  }

  async function started(file: string, dir: string, deps: Partial<CoreHostDeps> = {}): Promise<Harness> {
    const harness = connect(deps)
    cleanups.push(() => void harness.client.shutdown(1000))
    harness.client.start({ file, dataDir: dir, rendererDir: path.join(dir, 'renderer') })
    await until(() => harness.seen.ready > 0 || harness.seen.fatal.length > 0, 'the store to open')
    return harness
  }

  it('answers each window’s calls by id, with the window’s own session', async () => {
    const { file, dir } = seededStore()
    const { client } = await started(file, dir)
    expect(client.state).toBe('ready')
    const [signedIn, nobody] = await Promise.all([client.call(1, 'session.signIn', { code: 'fd01', pin: '1234' }), client.call(2, 'session.current', {})])
    expect(ok(signedIn).staff.code).toBe('fd01')
    expect(JSON.stringify(signedIn)).not.toMatch(/token/i)
    expect(ok(nobody).staff).toBeNull()
    expect(ok(await client.call(1, 'session.current', {})).staff.code).toBe('fd01')
    client.forgetWindow(1)
    expect(ok(await client.call(1, 'session.current', {})).staff).toBeNull()
  })

  it('sends a department’s prompt only to the windows whose person may see it', async () => {
    const { file, dir, stayId } = seededStore()
    const { client, seen } = await started(file, dir)
    ok(await client.call(1, 'session.signIn', { code: 'hk01', pin: '1234' })) // housekeeping
    ok(await client.call(2, 'session.signIn', { code: 'rs01', pin: '1234' })) // restaurant
    ok(await client.call(3, 'session.signIn', { code: 'fd01', pin: '1234' })) // front desk
    const { prompts } = ok(await client.call(3, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const departments = new Set((prompts as { department: string }[]).map((p) => p.department))
    expect(departments).toEqual(new Set(['housekeeping', 'restaurant']))
    const created = () => seen.events.filter((e) => e.event.name === 'prompt.created')
    await until(() => new Set(created().map((e) => e.event.id)).size >= prompts.length, 'the prompt events')
    // One event may go out as several deliveries, each redacted for its windows' people.
    const byEvent = new Map<number, { department: string; windowIds: number[] }>()
    for (const { event, windowIds } of created()) {
      const { prompt } = event.payload as { prompt: { department: string; reason: unknown } }
      // Department staff get what to do, never the preference behind it; the desk gets it whole.
      if (windowIds.includes(1) || windowIds.includes(2)) expect(prompt.reason).toBeNull()
      const entry = byEvent.get(event.id) ?? { department: prompt.department, windowIds: [] }
      entry.windowIds.push(...windowIds)
      byEvent.set(event.id, entry)
    }
    for (const { department, windowIds } of byEvent.values()) {
      expect(windowIds.includes(1), `${department} to housekeeping`).toBe(department === 'housekeeping')
      expect(windowIds.includes(2), `${department} to the restaurant`).toBe(department === 'restaurant')
      expect(windowIds).toContain(3)
      expect(windowIds).not.toContain(4)
    }
  })

  it('tells main when this PC starts serving department terminals', async () => {
    const { file, dir } = seededStore()
    const { client } = await started(file, dir)
    expect(client.serving).toBe(false)
    ok(await client.call(5, 'session.signIn', { code: 'ad01', pin: '123456' }))
    ok(await client.call(5, 'terminals.configure', { enabled: true, port: 4870 }))
    await until(() => client.serving, 'serving to be reported')
    ok(await client.call(5, 'terminals.configure', { enabled: false, port: 4870 }))
    await until(() => !client.serving, 'serving to stop')
  })

  it('reports start-up progress, then ready', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-host-'))
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
    const openCore = (options: CoreOptions): Core => {
      for (let done = 0; done <= 200_000; done += 10_000) options.onProgress?.({ step: 'search-index', done, total: 200_000 })
      return createCore({ ...options, onProgress: undefined })
    }
    const { seen } = await started(path.join(dir, 'zhike.db'), dir, { openCore })
    expect(seen.ready).toBe(1)
    expect(seen.progress.length).toBeGreaterThan(0)
    expect(seen.progress.at(-1)).toEqual({ step: 'search-index', done: 200_000, total: 200_000 })
  })

  it('a store another Zhike holds is a fatal start error naming the holder; nothing is served', async () => {
    const { file, dir } = seededStore()
    const holder = createCore({ file, owner: 'Zhike hub', logError: () => {} })
    cleanups.push(() => holder.close())
    const { client, seen } = await started(file, dir)
    expect(seen.fatal).toEqual([{ code: 'STORE_IN_USE', message: expect.stringMatching(/Zhike hub/) }])
    expect(client.state).toBe('failed')
    expect(seen.ready).toBe(0)
    await client.shutdown(1000)
    expect(seen.exits).toEqual([{ code: 0, expected: true }])
  })

  it('a crash answers calls in flight instead of leaving them hanging, and is reported as unexpected', async () => {
    const { file, dir } = seededStore()
    const harness = await started(file, dir)
    const inFlight = harness.client.call(1, 'session.current', {})
    harness.crash(139)
    expect(await inFlight).toEqual(hostGone)
    await until(() => harness.seen.exits.length > 0, 'the exit')
    expect(harness.seen.exits).toEqual([{ code: 139, expected: false }])
    expect(await harness.client.call(1, 'session.current', {})).toEqual(hostGone)
  })

  it('shuts down when asked: the store is closed (another Zhike may then open it) and the exit is expected', async () => {
    const { file, dir } = seededStore()
    const { client, seen } = await started(file, dir)
    await client.shutdown(2000)
    await tick()
    expect(client.state).toBe('exited')
    expect(seen.exits).toEqual([{ code: 0, expected: true }])
    const next = createCore({ file, owner: 'test', logError: () => {} })
    next.close()
  })

  it('ignores what main should never send, and says so in the log', async () => {
    const { file, dir } = seededStore()
    const harness = await started(file, dir)
    // A message of a wrong shape, straight onto the host's side of the channel.
    ;(harness.client as unknown as { host: { postMessage(m: unknown): void } }).host.postMessage({ type: 'call', id: 1, windowId: 1, method: '../../etc' })
    await until(() => harness.seen.logs.some((l) => l.includes('ignored a message')), 'the log line')
    expect(harness.client.state).toBe('ready')
  })
})
