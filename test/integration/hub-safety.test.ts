import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../electron/core/errors'
import { fromStoreError } from '../../electron/core/store-errors'
import { createCore } from '../../electron/core/core'
import { createHub, maxBodyBytes } from '../../electron/hub/server'
import { startHub, type RunningHub } from '../../electron/hub/start-hub'
import { hubBase, hubRequest, postOperation, sessionCookie } from '../fixtures/hub-client'
import { ok, seedSmallHotel, tempStore } from '../fixtures/test-store'

const run = promisify(execFile)
const lanName = 'hub.hotel.test'

/** A hub on loopback that also answers to the hotel's DNS name, as it would on the LAN. */
async function hubFor(store: ReturnType<typeof tempStore>): Promise<FastifyInstance> {
  const app = await createHub({ core: store.core, rendererDir: store.dir, hostNames: [lanName] })
  await app.listen({ port: 0, host: '127.0.0.1' })
  return app
}

/** Headers of a terminal elsewhere on the network: it names the hub by its LAN name. */
const fromLan = (base: string) => ({ host: `${lanName}:${new URL(base).port}` })

const firstAdmin = (pin = '246810') => ({
  hotelName: { en: 'Harbour Hotel', zh: '海港酒店' },
  departments: [{ code: 'front_office', name: { en: 'Front office', zh: '前厅部' }, promiseMinutes: 15 }],
  admin: { code: 'boss', name: 'Boss', pin },
})

describe('finding 1: a new store cannot be claimed from the network', () => {
  let store: ReturnType<typeof tempStore>
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    store = tempStore()
    app = await hubFor(store)
    base = hubBase(app)
  })
  afterAll(async () => {
    await app.close()
    store.cleanup()
  })

  const needsSetup = () => ok<{ needsSetup: boolean }>(store.core.callAs(null, 'setup.status', {})).needsSetup

  it('refuses createFirstAdmin and loadDemo from a terminal without the setup code', async () => {
    const status = await postOperation(base, 'setup.status', {}, { headers: fromLan(base) })
    expect(status.json.value).toMatchObject({ needsSetup: true, claim: 'code' })
    const admin = await postOperation(base, 'setup.createFirstAdmin', firstAdmin(), { headers: fromLan(base) })
    expect(admin.status).toBe(403)
    expect(admin.json.error.code).toBe('SETUP_CODE')
    expect(admin.headers['set-cookie']).toBeUndefined()
    const demo = await postOperation(base, 'setup.loadDemo', {}, { headers: fromLan(base) })
    expect(demo.status).toBe(403)
    expect(demo.json.error.code).toBe('SETUP_CODE')
    const guessed = await postOperation(base, 'setup.loadDemo', { setupCode: 'AAAAAAAAAA' }, { headers: fromLan(base) })
    expect(guessed.json.error.code).toBe('SETUP_CODE')
    expect(needsSetup()).toBe(true)
  })

  it('refuses a forged Host (DNS rebinding) before any operation runs', async () => {
    for (const host of ['evil.example', 'evil.example:80', '127.0.0.1.evil.example', 'localhost@evil.example', '[::2]']) {
      const answer = await postOperation(base, 'setup.createFirstAdmin', firstAdmin(), { headers: { host } })
      expect(answer.status, host).toBe(421)
      expect(answer.json.error.code).toBe('HOST_NOT_SERVED')
    }
    const page = await hubRequest(`${base}/`, { headers: { host: 'rebind.attacker.example' } })
    expect(page.status).toBe(421)
    expect(page.json.error.code).toBe('HOST_NOT_SERVED')
    expect(needsSetup()).toBe(true)
  })

  it('accepts the one-time setup code printed on the console, once', async () => {
    const { code } = store.core.sessions.setupCode.issue()
    const shortPin = await postOperation(base, 'setup.createFirstAdmin', { ...firstAdmin('2468'), setupCode: code }, { headers: fromLan(base) })
    expect(shortPin.status).toBe(400)
    expect(shortPin.json.error.code).toBe('VALIDATION')
    const claimed = await postOperation(base, 'setup.createFirstAdmin', { ...firstAdmin(), setupCode: code.toLowerCase() }, { headers: fromLan(base) })
    expect(claimed.status).toBe(200)
    expect(claimed.json.value.staff).toMatchObject({ code: 'boss', role: 'admin' })
    expect(needsSetup()).toBe(false)
    // Used up: it does not load the demo over the new hotel either.
    expect((await postOperation(base, 'setup.loadDemo', { setupCode: code }, { headers: fromLan(base) })).json.error.code).toBe('DEMO_NOT_EMPTY')
  })
})

describe('finding 1: the machine itself may claim the store', () => {
  it('lets a loopback browser load the demo, and says so in setup.status', async () => {
    const store = tempStore()
    const app = await hubFor(store)
    try {
      const base = hubBase(app)
      expect((await postOperation(base, 'setup.status', {})).json.value.claim).toBe('here')
      const demo = await postOperation(base, 'setup.loadDemo', {})
      expect(demo.status).toBe(200)
      expect(demo.json.value.rooms).toBe(240)
    } finally {
      await app.close()
      store.cleanup()
    }
  })
})

describe('finding 2: LAN mode is HTTPS, and the cookie is Secure, HttpOnly, SameSite=Strict and expires', () => {
  let store: ReturnType<typeof tempStore>
  let hub: RunningHub
  let base: string
  let cert: string
  beforeAll(async () => {
    store = tempStore()
    seedSmallHotel(store.core)
    hub = await startHub({ core: store.core, rendererDir: store.dir, dataDir: store.dir, host: '127.0.0.1', port: 0, tls: { kind: 'self-signed' } })
    base = hubBase(hub.app, 'https')
    cert = fs.readFileSync(path.join(store.dir, 'tls', 'hub-cert.pem'), 'utf8')
  })
  afterAll(async () => {
    await hub.app.close()
    store.cleanup()
  })

  it('serves HTTPS with the certificate kept in the data folder, key readable by its owner only', async () => {
    expect(hub.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(fs.statSync(path.join(store.dir, 'tls', 'hub-key.pem')).mode & 0o777).toBe(0o600)
    const health = await hubRequest(`${base}/api/health`, { ca: cert })
    expect(health.json).toEqual({ ok: true })
    expect(health.headers['strict-transport-security']).toMatch(/max-age=/)
    // Plain HTTP to the same port gets no answer in clear.
    await expect(hubRequest(base.replace('https', 'http') + '/api/health')).rejects.toThrow()
  })

  it('sets a __Host- session cookie that is Secure, HttpOnly, SameSite=Strict and expires', async () => {
    const answer = await postOperation(base, 'session.signIn', { code: 'fd01', pin: '1234' }, { ca: cert })
    expect(answer.status).toBe(200)
    const header = answer.headers['set-cookie']![0]
    expect(header).toMatch(/^__Host-zhike_session=/)
    for (const flag of [/; Secure/i, /; HttpOnly/i, /; SameSite=Strict/i, /; Path=\//, /; Max-Age=43200/]) expect(header).toMatch(flag)
    const current = await postOperation(base, 'session.current', {}, { ca: cert, headers: { cookie: sessionCookie(answer) } })
    expect(current.json.value.staff.code).toBe('fd01')
  })

  it('keeps the same certificate across restarts, so terminals keep trusting it', async () => {
    const again = await startHub({ core: store.core, rendererDir: store.dir, dataDir: store.dir, host: '127.0.0.1', port: 0, tls: { kind: 'self-signed' } })
    try {
      expect(again.fingerprint).toBe(hub.fingerprint)
      expect(again.certificateCreated).toBe(false)
    } finally {
      await again.app.close()
    }
  })

  it('npm run serve refuses a network address without TLS, and says what to add', async () => {
    const cli = path.resolve('electron/hub/cli.ts')
    const tsx = path.resolve('node_modules/.bin/tsx')
    const refused = await run(tsx, [cli, '--host', '0.0.0.0', '--data', path.join(store.dir, 'refused')]).catch((e) => e)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/--tls self-signed/)
    expect(refused.stderr).toMatch(/--insecure-http/)
    expect(fs.existsSync(path.join(store.dir, 'refused', 'zhike.db'))).toBe(false)
  }, 60_000)
})

describe('finding 3: wrong PINs slow down per code and address; nobody outside can lock the staff out', () => {
  let store: ReturnType<typeof tempStore>
  let app: FastifyInstance
  let base: string
  const attacker = '127.0.0.66'
  beforeAll(async () => {
    store = tempStore()
    seedSmallHotel(store.core)
    app = await hubFor(store)
    base = hubBase(app)
  })
  afterAll(async () => {
    await app.close()
    store.cleanup()
  })

  const audit = (action: string) =>
    store.core.sqlite.prepare('SELECT detail FROM audit_log WHERE action = ? ORDER BY id').all(action).map((r: any) => JSON.parse(r.detail))

  it('an attacker hammering every code locks only themself out', async () => {
    const codes = ['ad01', 'fd01', 'hk01', 'rs01']
    const statuses: number[] = []
    for (let round = 0; round < 7; round++) {
      for (const code of codes) statuses.push((await postOperation(base, 'session.signIn', { code, pin: '0000' }, { from: attacker })).status)
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true)
    expect(statuses.at(-1)).toBe(429)
    // Staff at their own terminals sign in at once.
    expect((await postOperation(base, 'session.signIn', { code: 'ad01', pin: '123456' })).status).toBe(200)
    expect((await postOperation(base, 'session.signIn', { code: 'fd01', pin: '1234' }, { from: '127.0.0.7' })).status).toBe(200)
    // The attacker still waits, even with a right PIN.
    const still = await postOperation(base, 'session.signIn', { code: 'hk01', pin: '1234' }, { from: attacker })
    expect(still.status).toBe(429)
    expect(still.json.error.details.retryAfterSeconds).toBeGreaterThan(0)
  })

  it('records every sign-in, failure, lockout and sign-out with the terminal’s address', async () => {
    const failed = audit('session.failed')
    expect(failed.length).toBeGreaterThanOrEqual(5)
    expect(failed.every((d) => d.address.endsWith(attacker))).toBe(true)
    expect(audit('session.lockedOut').some((d) => d.address.endsWith(attacker))).toBe(true)
    expect(audit('session.refused').length).toBeGreaterThan(0)
    expect(audit('session.signIn').some((d) => d.address.endsWith('127.0.0.7'))).toBe(true)
    const signedIn = await postOperation(base, 'session.signIn', { code: 'fd01', pin: '1234' })
    await postOperation(base, 'session.signOut', {}, { headers: { cookie: sessionCookie(signedIn) } })
    expect(audit('session.signOut').at(-1).address).toMatch(/127\.0\.0\.1$/)
  })

  it('lets an administrator see and lift a lockout; nobody else may', async () => {
    const admin = sessionCookie(await postOperation(base, 'session.signIn', { code: 'ad01', pin: '123456' }))
    const lockouts = await postOperation(base, 'staff.lockouts', {}, { headers: { cookie: admin } })
    expect(lockouts.json.value.some((l: { address: string }) => l.address.endsWith(attacker))).toBe(true)
    const desk = sessionCookie(await postOperation(base, 'session.signIn', { code: 'fd01', pin: '1234' }))
    expect((await postOperation(base, 'staff.unlock', { address: `::ffff:${attacker}` }, { headers: { cookie: desk } })).status).toBe(403)
    const address = lockouts.json.value.find((l: { address: string }) => l.address.endsWith(attacker)).address
    expect((await postOperation(base, 'staff.unlock', { address }, { headers: { cookie: admin } })).json.value.lifted).toBeGreaterThan(0)
    expect((await postOperation(base, 'session.signIn', { code: 'hk01', pin: '1234' }, { from: attacker })).status).toBe(200)
    expect(audit('session.unlock')).toHaveLength(1)
  })

  it('keeps the failure records bounded while made-up codes pour in', async () => {
    for (let i = 0; i < 40; i++) await postOperation(base, 'session.signIn', { code: `zz${i}`, pin: '0000' }, { from: '127.0.0.99' })
    // Only the first failures from that address are hashed and remembered; the rest wait.
    expect(store.core.sessions.throttle.size).toBeLessThan(60)
  })
})

describe('finding 4: the sign-in box takes the staff codes the README lists', () => {
  it('signs in by code in any case, and the directory shows names and departments only', async () => {
    const store = tempStore()
    seedSmallHotel(store.core)
    const app = await hubFor(store)
    try {
      const base = hubBase(app)
      const answer = await postOperation(base, 'session.signIn', { code: ' FD01 ', pin: '1234' })
      expect(answer.status).toBe(200)
      const directory = (await postOperation(base, 'staff.directory', {})).json.value
      expect(directory.length).toBeGreaterThan(3)
      for (const entry of directory) {
        expect(entry).not.toHaveProperty('code')
        expect(entry).not.toHaveProperty('role')
        expect(entry.departmentName).toEqual({ en: expect.any(String), zh: expect.any(String) })
      }
      const picked = directory.find((d: { name: string }) => d.name === 'Staff hk01')
      expect((await postOperation(base, 'session.signIn', { staffId: picked.id, pin: '1234' })).json.value.staff.code).toBe('hk01')
    } finally {
      await app.close()
      store.cleanup()
    }
  })
})

describe('finding 5: the store is readable by its owner only', () => {
  it('creates the folder 0700 and the database, WAL and shared memory 0600', () => {
    const store = tempStore()
    try {
      seedSmallHotel(store.core)
      const sub = path.join(store.dir, 'hotel')
      const file = path.join(sub, 'zhike.db')
      const core = createCore({ file, logError: () => {} })
      core.sqlite.prepare("INSERT INTO setting (key, value) VALUES ('x', 'y')").run()
      expect(fs.statSync(sub).mode & 0o777).toBe(0o700)
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(fs.statSync(f).mode & 0o777, f).toBe(0o600)
      core.close()
      // An existing world-readable store is narrowed when it is opened.
      fs.chmodSync(file, 0o644)
      createCore({ file, logError: () => {} }).close()
      expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    } finally {
      store.cleanup()
    }
  })
})

describe('finding 6: limits and bad text get clear answers, never a reset or a 500', () => {
  let store: ReturnType<typeof tempStore>
  let app: FastifyInstance
  let base: string
  let admin: string
  beforeAll(async () => {
    store = tempStore()
    seedSmallHotel(store.core)
    app = await hubFor(store)
    base = hubBase(app)
    admin = sessionCookie(await postOperation(base, 'session.signIn', { code: 'ad01', pin: '123456' }))
  })
  afterAll(async () => {
    await app.close()
    store.cleanup()
  })

  it('answers a body over the limit with 413 and the usual JSON error', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(maxBodyBytes + 10) })
    const answer = await postOperation(base, 'guest.search', big, { headers: { cookie: admin } })
    expect(answer.status).toBe(413)
    expect(answer.json.error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('refuses NUL, other control characters and lone surrogates in text with VALIDATION', async () => {
    const cases: [string, unknown][] = [
      ['guest.search', { text: 'wang\u0000' }],
      ['guest.search', { text: '\ud800abc' }],
      ['guest.create', { nativeName: '王\udc00芳' }],
      ['guest.create', { nativeName: 'Bell\u0007' }],
      ['guest.search', { text: 'ok', ['bad\u0000key']: 1 }],
    ]
    for (const [name, body] of cases) {
      const answer = await postOperation(base, name, body, { headers: { cookie: admin } })
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.json.error.code).toBe('VALIDATION')
      expect(answer.json.error.message).toMatch(/may not contain/)
    }
    // A lone surrogate written as raw bytes (not an escape) is not valid UTF-8 JSON text either.
    const raw = Buffer.concat([Buffer.from('{"text":"a'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])
    const answer = await postOperation(base, 'guest.search', raw, { headers: { cookie: admin } })
    expect(answer.status).toBeLessThan(500)
  })

  it('checks text even when a padded unknown field would exhaust the scan', async () => {
    const padded = JSON.stringify({ nativeName: 'Evil\u0000Name', zz: new Array(100_001).fill(0) })
    const answer = await postOperation(base, 'guest.create', padded, { headers: { cookie: admin } })
    expect(answer.status).toBe(400)
    expect(answer.json.error.code).toBe('VALIDATION')
    expect(store.core.sqlite.prepare("SELECT count(*) AS n FROM guest WHERE native_name LIKE 'Evil%'").get()).toEqual({ n: 0 })
  })

  it('lets only the administrator add staff, managers and administrators included', async () => {
    ok(store.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' }))
    const adminActor = ok(store.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' })).staff
    ok(store.core.callAs(adminActor, 'staff.create', { code: 'mg09', name: 'Manager', department: 'front_office', role: 'manager', pin: '135790' }))
    const manager = sessionCookie(await postOperation(base, 'session.signIn', { code: 'mg09', pin: '135790' }))
    const escalate = await postOperation(base, 'staff.create', { code: 'evil01', name: 'Evil', department: 'front_office', role: 'admin', pin: '654321' }, { headers: { cookie: manager } })
    expect(escalate.status).toBe(403)
    const desk = await postOperation(base, 'staff.create', { code: 'fd09', name: 'Desk', department: 'front_office', role: 'front_desk', pin: '1234' }, { headers: { cookie: manager } })
    expect(desk.status).toBe(403)
    const admin = sessionCookie(await postOperation(base, 'session.signIn', { code: 'ad01', pin: '123456' }))
    expect((await postOperation(base, 'staff.create', { code: 'fd09', name: 'Desk', department: 'front_office', role: 'front_desk', pin: '1234' }, { headers: { cookie: admin } })).status).toBe(200)
  })

  it('answers a rule key that is taken with a validation error on the key', async () => {
    const rule = { key: 'late-arrival', trigger: 'check_in', category: 'amenity', code: 'flowers', department: 'housekeeping', dueMinutes: 30, template: { en: 'Do a thing', zh: '做一件事' } }
    expect((await postOperation(base, 'rule.create', rule, { headers: { cookie: admin } })).status).toBe(200)
    const again = await postOperation(base, 'rule.create', rule, { headers: { cookie: admin } })
    expect(again.status).toBe(400)
    expect(again.json.error).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'key' }] } })
  })

  it('maps any constraint the store enforces to CONFLICT, not INTERNAL', () => {
    const insert = store.core.sqlite.prepare("INSERT INTO department (code, name_en, name_zh, promise_minutes, active) VALUES ('housekeeping', 'x', 'x', 1, 1)")
    let thrown: unknown
    try {
      insert.run()
    } catch (error) {
      thrown = error
    }
    const mapped = fromStoreError(thrown)
    expect(mapped).toBeInstanceOf(AppError)
    expect(mapped).toMatchObject({ code: 'CONFLICT', details: { constraint: 'unique', columns: ['department.code'] } })
    const other = new Error('disk I/O error')
    expect(fromStoreError(other)).toBe(other)
  })
})
