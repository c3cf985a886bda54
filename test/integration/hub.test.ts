import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHub } from '../../electron/hub/server'
import { addMacauGuest, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let server: FastifyInstance
let base: string

beforeAll(async () => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  server = await createHub({ core: store.core, rendererDir: store.dir })
  await server.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await server.close()
  store.cleanup()
})

const post = (name: string, body: unknown, cookie = '', extra: Record<string, string> = {}) =>
  fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

async function signIn(code: string): Promise<string> {
  const response = await post('session.signIn', { code, pin: '1234' })
  expect(response.status).toBe(200)
  const body = (await response.json()) as any
  expect(body.value.token).toBeUndefined() // the token travels only in the httpOnly cookie
  const cookie = response.headers.get('set-cookie')!
  expect(cookie).toMatch(/HttpOnly/)
  expect(cookie).toMatch(/SameSite=Strict/)
  return cookie.split(';')[0]
}

describe('the hub', () => {
  it('answers health', async () => {
    const response = await fetch(`${base}/api/health`)
    expect(await response.json()).toEqual({ ok: true })
  })

  it('lists every operation with its JSON input schema', async () => {
    const { value } = (await (await fetch(`${base}/api/schema`)).json()) as any
    const checkIn = value.find((op: { name: string }) => op.name === 'stay.checkIn')
    expect(checkIn).toMatchObject({ kind: 'mutation', permission: 'stay.write' })
    expect(checkIn.input.properties).toHaveProperty('roomNumber')
    expect(checkIn.input.required).toEqual(expect.arrayContaining(['stayId', 'roomNumber']))
    expect(value.length).toBeGreaterThan(20)
  })

  it('answers bad requests with a stable code and never a stack trace', async () => {
    const cookie = await signIn('fd01')
    const cases: [Response, number, string][] = [
      [await post('stay.checkIn', '{"stayId": 1,', cookie), 400, 'VALIDATION'],
      [await post('stay.checkIn', { stayId: 'x' }, cookie), 400, 'VALIDATION'],
      [await post('stay.checkIn', { stayId: 999, roomNumber: '1001' }, cookie), 404, 'NOT_FOUND'],
      [await post('nope.nothing', {}, cookie), 404, 'UNKNOWN_OPERATION'],
      [await post('__proto__', {}, cookie), 404, 'UNKNOWN_OPERATION'],
      [await post('stay.checkIn', { stayId: 1, roomNumber: '1001' }), 401, 'UNAUTHENTICATED'],
      [await post('stay.checkIn', { stayId: 1, roomNumber: '1001' }, 'zhike_session=forged'), 401, 'UNAUTHENTICATED'],
    ]
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status)
      const text = await response.text()
      expect(JSON.parse(text).error.code).toBe(code)
      expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/)
    }
  })

  it('refuses cross-site posts and non-JSON bodies', async () => {
    const cookie = await signIn('fd01')
    const crossSite = await post('stay.arrivals', {}, cookie, { origin: 'http://evil.example' })
    expect(crossSite.status).toBe(403)
    const form = await fetch(`${base}/api/stay.arrivals`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, body: 'a=1' })
    expect(form.status).toBe(415)
  })

  it('refuses a wrong PIN, then locks the code out for a minute', async () => {
    for (let i = 0; i < 5; i++) expect((await post('session.signIn', { code: 'rs01', pin: '0000' })).status).toBe(401)
    const locked = await post('session.signIn', { code: 'rs01', pin: '1234' })
    expect(locked.status).toBe(429)
    expect(((await locked.json()) as any).error.code).toBe('RATE_LIMITED')
  })

  it('sends security headers with every answer', async () => {
    const response = await fetch(`${base}/`)
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(response.headers.get('x-frame-options')).toBe('DENY')
  })

  it('streams a new prompt to a signed-in board, with its id', async () => {
    const { stayId } = addMacauGuest(hotel)
    const cookie = await signIn('hk01')
    const controller = new AbortController()
    const stream = await fetch(`${base}/api/events`, { headers: { cookie }, signal: controller.signal })
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = stream.body!.getReader()
    const desk = await signIn('fd01')
    const checkIn = post('stay.checkIn', { stayId, roomNumber: '1001' }, desk)
    let received = ''
    while (!received.includes('event: prompt.created')) {
      const { value, done } = await reader.read()
      if (done) break
      received += new TextDecoder().decode(value)
    }
    expect((await checkIn).status).toBe(200)
    expect(received).toMatch(/periodicals in room 1001/)
    expect(received).toMatch(/id: \d+\nevent: prompt\.created/)
    // That housekeeping never hears the restaurant is read over a fixed count in live-events.test.ts.
    controller.abort()
  })

  it('refuses the event stream without a session', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401)
  })

  it('keeps the session in the cookie until sign-out', async () => {
    const cookie = await signIn('fd01')
    expect(((await (await post('session.current', {}, cookie)).json()) as any).value.staff.code).toBe('fd01')
    const out = await post('session.signOut', {}, cookie)
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    expect(((await (await post('session.current', {}, cookie)).json()) as any).value.staff).toBeNull()
    ok(store.core.callAs(hotel.desk, 'stay.arrivals', {}))
  })
})
