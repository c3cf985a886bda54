import fs from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTerminalServer } from '../../electron/hub/terminal-server'
import { hubRequest, postOperation, sessionCookie } from '../fixtures/hub-client'
import { addMacauGuest, failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/** A TCP port free on loopback right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

/**
 * Opens an event stream: `connected` resolves once the hub has said so, `heard` once `wanted`
 * appears or `maxChunks` chunks have come (never by wall clock).
 */
function readEvents(url: string, cookie: string, ca: string, wanted: string, maxChunks = 50): { connected: Promise<void>; heard: Promise<string> } {
  let connected!: () => void
  const isConnected = new Promise<void>((resolve) => (connected = resolve))
  const heard = new Promise<string>((resolve, reject) => {
    const request = https.get(url, { headers: { cookie }, ca, checkServerIdentity: () => undefined, agent: false }, (response) => {
      let text = ''
      let chunks = 0
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8')
        if (text.includes('event: ready')) connected()
        if (text.includes(wanted) || ++chunks >= maxChunks) {
          request.destroy()
          resolve(text)
        }
      })
    })
    request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)))
  })
  return { connected: isConnected, heard }
}

// Finding 7: the desktop app serves department terminals itself, on its own core.
describe('the desktop app serving department terminals', () => {
  let store: ReturnType<typeof tempStore>
  let hotel: SmallHotel
  let server: ReturnType<typeof createTerminalServer>
  let port: number

  beforeAll(async () => {
    store = tempStore()
    hotel = seedSmallHotel(store.core)
    server = createTerminalServer({ core: store.core, rendererDir: store.dir, dataDir: store.dir, host: '127.0.0.1' })
    // As electron/main does: the core learns who serves its terminals after it opens.
    store.core.services.terminals = server
    port = await freePort()
  })
  afterAll(async () => {
    await server.close()
    store.cleanup()
  })

  it('is off until the administrator turns it on; only the administrator may', async () => {
    expect(ok(hotel.call(hotel.admin, 'terminals.status', {}))).toMatchObject({ host: 'desktop', state: 'off', canConfigure: true, urls: [] })
    const manager = ok(hotel.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '135790' }))
    expect(manager.id).toBeGreaterThan(0)
    const managerActor = ok(store.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '135790' })).staff
    expect(failure(store.core.callAs(managerActor, 'terminals.configure', { enabled: true, port })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.desk, 'terminals.status', {})).code).toBe('FORBIDDEN')
    await expect(hubRequest(`https://127.0.0.1:${port}/api/health`)).rejects.toThrow()
  })

  it('serves HTTPS with a fingerprint, and a terminal hears the desktop’s check-in', async () => {
    const { stayId } = addMacauGuest(hotel)
    const started = ok(hotel.call(hotel.admin, 'terminals.configure', { enabled: true, port }))
    expect(started.state).toBe('starting')
    await server.settled()
    const status = ok(hotel.call(hotel.admin, 'terminals.status', {}))
    expect(status).toMatchObject({ state: 'on', enabled: true, port, tls: true, error: null })
    expect(status.urls.at(-1)).toBe(`https://127.0.0.1:${port}/`)
    expect(status.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    const ca = fs.readFileSync(path.join(store.dir, 'tls', 'hub-cert.pem'), 'utf8')
    const base = `https://127.0.0.1:${port}`

    const housekeeper = sessionCookie(await postOperation(base, 'session.signIn', { code: 'hk01', pin: '1234' }, { ca }))
    const stream = readEvents(`${base}/api/events`, housekeeper, ca, 'event: prompt.created')
    await stream.connected
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    expect(await stream.heard).toMatch(/periodicals in room 1001/)
    // The setting is kept for the next start.
    expect(store.core.sqlite.prepare("SELECT value FROM setting WHERE key = 'terminals.serve'").get()).toEqual({ value: JSON.stringify({ enabled: true, port }) })
  })

  it('says so when the port is taken, and stops serving when turned off', async () => {
    const blocker = net.createServer()
    const taken = await freePort()
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve))
    try {
      ok(hotel.call(hotel.admin, 'terminals.configure', { enabled: true, port: taken }))
      await server.settled()
      expect(ok(hotel.call(hotel.admin, 'terminals.status', {}))).toMatchObject({ state: 'error', error: 'PORT_IN_USE' })
    } finally {
      blocker.close()
    }
    ok(hotel.call(hotel.admin, 'terminals.configure', { enabled: false, port }))
    await server.settled()
    expect(ok(hotel.call(hotel.admin, 'terminals.status', {}))).toMatchObject({ state: 'off', urls: [] })
    await expect(hubRequest(`https://127.0.0.1:${port}/api/health`)).rejects.toThrow()
  })

  it('refuses a port outside 1024–65535 with a validation error', () => {
    expect(failure(hotel.call(hotel.admin, 'terminals.configure', { enabled: true, port: 80 })).code).toBe('VALIDATION')
  })
})
