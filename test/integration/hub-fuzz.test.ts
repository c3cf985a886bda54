import crypto from 'node:crypto'
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operations } from '../../electron/core/api'
import { jobSettled as backupJobSettled } from '../../electron/core/backup/backup.service'
import { existingExportJobs } from '../../electron/core/exports/export-jobs'
import type { Actor } from '../../electron/core/context'
import type { Core } from '../../electron/core/core'
import { errorCodes } from '../../electron/core/errors'
import { roleAllows, type Permission } from '../../electron/core/staff/roles'
import { httpStatus } from '../../electron/hub/http-status'
import { createHub, maxBodyBytes, sessionCookieName } from '../../electron/hub/server'
import { bodyArbitrary, fixedBodies, largeBodies, type FuzzBody, type FuzzHints, type JsonSchema } from '../fixtures/fuzz-bodies'
import { addMacauGuest, dayAfter, localToday, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/**
 * Fuzzes every operation the hub publishes, as every role and as nobody, with malformed and
 * random bodies. Whatever is sent: never a 5xx, always the JSON error shape with a known code, no
 * stack or driver text, and a refused call changes no row (the audit log may grow: failed
 * sign-ins are recorded on purpose). The store passes SQLite's integrity checks at the end.
 *
 * Reproduce a failure with the seed it prints: ZHIKE_FUZZ_SEED=<seed> npx vitest run test/integration/hub-fuzz.test.ts
 * (ZHIKE_FUZZ_RUNS raises the number of random bodies per operation and role).
 */

const seed = Number(process.env.ZHIKE_FUZZ_SEED ?? 0x5eed_2024)
/** Random bodies per operation for a role that may call it (reaches validation and the handler). */
const runsPermitted = Number(process.env.ZHIKE_FUZZ_RUNS ?? 30)
/** Random bodies per operation for a role that may not (must be refused before anything runs). */
const runsRefused = Math.max(3, Math.round(runsPermitted / 8))

type RoleName = 'admin' | 'manager' | 'front_desk' | 'department' | 'guest_relations' | 'anonymous'
const roleNames: RoleName[] = ['admin', 'manager', 'front_desk', 'department', 'guest_relations', 'anonymous']

interface RoleSession {
  name: RoleName
  actor: Actor | null
  /** Cookie header (name=value), '' for anonymous. */
  cookie: string
  /** Source address on loopback, one per role (sign-in and setup are fuzzed from `claimAddress`). */
  from: string
}

interface CatalogEntry {
  name: string
  kind: 'query' | 'mutation'
  permission: Permission | 'public'
  input: JsonSchema
}

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
}

const cookieName = sessionCookieName(false)
/**
 * Sign-in and setup are fuzzed from one address of their own: after 20 wrong PINs it waits
 * (RATE_LIMITED is a fine answer), which also bounds the slow PIN hashing the fuzz costs.
 */
const claimOperations = new Set(['session.signIn', 'setup.createFirstAdmin', 'setup.loadDemo'])
const claimAddress = '127.0.0.99'
const stackText = [/\bat .*\.(ts|js):\d+/, /node_modules/, /SqliteError/]

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let app: FastifyInstance
let port: number
let catalog: CatalogEntry[]
let hints: FuzzHints
const sessions = new Map<RoleName, RoleSession>()
const agents = new Map<string, http.Agent>()
/** Refused calls that wrote and rolled back (total_changes moved, no row did): allowed, counted. */
let rolledBackRefusals = 0
let requests = 0
/** Answers per operation, by code ('ok' for success): shows how deep the bodies reached. */
const outcomes = new Map<string, Map<string, number>>()

// ---------------------------------------------------------------------------------------------
// Transport: keep-alive per source address; a fresh connection for large bodies (the hub may
// close it after a 413 before reading the rest).

function send(path: string, body: FuzzBody | undefined, options: { cookie?: string; from: string; method?: string; contentType?: string | null }): Promise<Answer> {
  requests++
  const big = body !== undefined && Buffer.byteLength(body) > 64 * 1024
  let agent: http.Agent | false = false
  if (!big) {
    agent = agents.get(options.from) ?? new http.Agent({ keepAlive: true, maxSockets: 1 })
    agents.set(options.from, agent)
  }
  const headers: Record<string, string | number> = {}
  if (options.contentType !== null) headers['content-type'] = options.contentType ?? 'application/json'
  if (options.cookie) headers.cookie = options.cookie
  if (body !== undefined) headers['content-length'] = Buffer.byteLength(body)
  return new Promise((resolve, reject) => {
    let answered = false
    const request = http.request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers, agent, localAddress: options.from },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (c: Buffer) => chunks.push(c))
        response.on('end', () => {
          answered = true
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') })
        })
        response.on('error', reject)
      },
    )
    // Writing the rest of an over-limit body may fail once the hub has answered and closed.
    request.on('error', (error) => {
      if (!answered) setTimeout(() => (answered ? undefined : reject(error)), 50)
    })
    request.end(body)
  })
}

// ---------------------------------------------------------------------------------------------
// The store, watched

/** Prepared once: the same connection the hub writes through (same process). */
const statements = new Map<string, ReturnType<Core['sqlite']['prepare']>>()
const prepared = (sql: string) => statements.get(sql) ?? statements.set(sql, store.core.sqlite.prepare(sql)).get(sql)!
const totalChanges = () => (prepared('SELECT total_changes() AS n').get() as { n: number }).n
const auditRows = () => prepared('SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM audit_log').get() as { n: number; last: number }

/** A digest of every row outside the audit log, cached while total_changes() stays put. */
let digestCache: { at: number; digest: string } | null = null
function rowsDigest(): string {
  const at = totalChanges()
  if (digestCache?.at === at) return digestCache.digest
  const hash = crypto.createHash('sha256')
  // staff_session: a signed-in session's last-seen time is written once a minute whatever the
  // request does (a slow run crosses that minute mid-request); it is bookkeeping, not data.
  const tables = prepared("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'sqlite_sequence', 'staff_session') ORDER BY name").all() as { name: string }[]
  for (const { name } of tables) {
    hash.update(`\u0001${name}\u0001`)
    for (const row of prepared(`SELECT * FROM "${name}"`).raw(true).all() as unknown[][]) {
      hash.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)))
    }
  }
  digestCache = { at, digest: hash.digest('hex') }
  return digestCache.digest
}

/** What the hub's body parser makes of a body: an object/value, or undefined when it refuses it. */
function parsesAsJson(body: FuzzBody): boolean {
  if (Buffer.isBuffer(body)) return false // decoding invalid UTF-8 is the parser's business; no claim
  if (Buffer.byteLength(body) > maxBodyBytes) return false
  if (body.trim() === '') return true
  try {
    JSON.parse(body)
    return true
  } catch {
    return false
  }
}

const describeBody = (body: FuzzBody) => {
  const text = Buffer.isBuffer(body) ? `<bytes ${body.toString('hex').slice(0, 200)}>` : JSON.stringify(body)
  return text.length > 400 ? `${text.slice(0, 400)}… (${Buffer.byteLength(body)} bytes)` : text
}

/**
 * A backup or an export an earlier call started finishes in the background and then writes its
 * outcome (the backup's last error, the export's audit row): let it land before a refused path's
 * rows and audit log are watched (they must not move at all).
 */
async function backgroundSettled(): Promise<void> {
  await backupJobSettled(store.core.sqlite)
  await existingExportJobs(store.core.sqlite)?.settled()
}

/** The cookie for one call: the role's own, or for session operations a throwaway of the same staff. */
function cookieFor(role: RoleSession, op: CatalogEntry): string {
  if (!role.actor) return role.cookie
  const effect = (operations as Record<string, { session?: string }>)[op.name]?.session
  return effect ? `${cookieName}=${store.core.sessions.open(role.actor, '127.0.0.1')}` : role.cookie
}

const mayCall = (role: RoleSession, op: CatalogEntry) => op.permission === 'public' || (role.actor !== null && roleAllows(role.actor.role, op.permission))

/** Throws with the message (built only on failure: bodies can be a megabyte). */
function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(message())
}

/**
 * One call, checked: no 5xx, JSON in the one shape, known code, status matching the code, no
 * stack text, refused roles refused, and no row changed by a refused call.
 */
async function callAndCheck(op: CatalogEntry, role: RoleSession, body: FuzzBody, cookie = cookieFor(role, op)): Promise<Answer> {
  // A backup an earlier call started finishes in the background and then writes its outcome
  // (the last error cleared or set): let it land before this call's rows are watched. An export
  // finishing meanwhile writes only its audit row, which the checks below allow; waiting for each
  // one would add every export's run time to the test on a busy machine.
  await backupJobSettled(store.core.sqlite)
  const changesBefore = totalChanges()
  const auditBefore = auditRows()
  const digestBefore = rowsDigest()
  const from = claimOperations.has(op.name) ? claimAddress : role.from
  const answer = await send(`/api/${op.name}`, body, { cookie, from })
  const where = (problem: string) => () =>
    `${problem}\n  operation: POST /api/${op.name} as ${role.name} (cookie ${cookie ? 'set' : 'none'})\n  body: ${describeBody(body)}\n  answer: ${answer.status} ${answer.text.slice(0, 400)}`

  check(answer.status < 500, where('a 5xx answer'))
  for (const pattern of stackText) check(!pattern.test(answer.text), where(`stack or driver text (${pattern})`))
  check(/^application\/json/.test(String(answer.headers['content-type'])), where('not application/json'))
  let json: any
  try {
    json = JSON.parse(answer.text)
  } catch {
    check(false, where('the answer is not JSON'))
  }
  check(json !== null && typeof json === 'object', where('the answer is not a JSON object'))

  if (answer.status === 200) {
    check(json.ok === true && Object.keys(json).sort().join() === 'ok,value', where('a 200 that is not {ok:true,value}'))
  } else {
    check(json.ok === false && Object.keys(json).sort().join() === 'error,ok', where('a failure that is not {ok:false,error}'))
    const error = json.error
    check(error !== null && typeof error === 'object', where('error is not an object'))
    check((errorCodes as readonly string[]).includes(error.code), where(`unknown error code ${error.code}`))
    check(typeof error.message === 'string' && error.message.length > 0, where('error without a message'))
    check(error.code !== 'INTERNAL', where('INTERNAL: an unexpected fault'))
    const expected = error.code === 'VALIDATION' ? [400, 415] : [httpStatus(error.code)]
    check(expected.includes(answer.status), where(`status ${answer.status} does not match ${error.code}`))
  }

  const outcome = answer.status === 200 ? 'ok' : json.error.code
  const counts = outcomes.get(op.name) ?? outcomes.set(op.name, new Map()).get(op.name)!
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1)

  if (!mayCall(role, op)) {
    check(answer.status !== 200, where(`a role without ${op.permission} got through`))
    if (parsesAsJson(body)) {
      const wanted = role.actor ? 'FORBIDDEN' : 'UNAUTHENTICATED'
      check(json.error.code === wanted, where(`a role without ${op.permission} must get ${wanted} before validation`))
    }
  }

  if (answer.status !== 200) {
    const changesDelta = totalChanges() - changesBefore
    const audit = auditRows()
    const auditDelta = audit.n - auditBefore.n
    // The audit log only grows: rows are appended, none rewritten or removed.
    check(auditDelta >= 0 && audit.last - auditBefore.last === auditDelta, where('the audit log was rewritten by a refused call'))
    if (changesDelta !== auditDelta) {
      // total_changes() also counts writes a rolled-back transaction undid: compare the rows.
      check(rowsDigest() === digestBefore, where(`refused, yet ${changesDelta - auditDelta} row change(s) stayed`))
      rolledBackRefusals++
    }
  }
  return answer
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  const { admin, desk, housekeeper } = hotel
  // A manager (6-digit PIN) and guest relations, which the fixture does not create.
  ok(hotel.call(admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '654321' }))
  ok(hotel.call(admin, 'staff.create', { code: 'gr01', name: 'Guest relations', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
  // Guests and stays in every state, prompts, an observation, so ids in bodies hit real rows.
  const macau = addMacauGuest(hotel)
  ok(hotel.call(desk, 'stay.checkIn', { stayId: macau.stayId, roomNumber: '1001' }))
  const other = ok<{ id: number }>(hotel.call(desk, 'guest.create', { nativeName: '何家俊', romanName: 'HO Ka Chun', phone: '+853 6612 3456' }))
  const today = localToday()
  ok(hotel.call(desk, 'stay.reserve', { guestId: other.id, arrival: today, departure: dayAfter(today, 2), party: 2 }))
  const third = ok<{ id: number }>(hotel.call(desk, 'guest.create', { nativeName: '王芳', romanName: 'WANG Fang' }))
  const left = ok<{ stayId: number }>(hotel.call(desk, 'stay.reserve', { guestId: third.id, arrival: today, departure: dayAfter(today, 1), party: 1 }))
  ok(hotel.call(desk, 'stay.checkIn', { stayId: left.stayId, roomNumber: '1202' }))
  ok(hotel.call(desk, 'stay.checkOut', { stayId: left.stayId }))
  ok(hotel.call(housekeeper, 'observation.record', { roomNumber: '1001', text: 'Asked for extra pillows twice.' }))

  app = await createHub({ core: store.core, rendererDir: store.dir, signInsPerMinute: 100_000 })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as AddressInfo).port

  // Every role signs in over HTTP, from its own address, before any sign-in is fuzzed.
  const logins: Record<Exclude<RoleName, 'anonymous'>, [string, string]> = {
    admin: ['ad01', '123456'],
    manager: ['mg01', '654321'],
    front_desk: ['fd01', '1234'],
    department: ['hk01', '1234'],
    guest_relations: ['gr01', '1234'],
  }
  roleNames.forEach((name, i) => {
    sessions.set(name, { name, actor: null, cookie: '', from: `127.0.0.${20 + i}` })
  })
  for (const [name, [code, pin]] of Object.entries(logins) as [RoleName, [string, string]][]) {
    const role = sessions.get(name)!
    const answer = await send('/api/session.signIn', JSON.stringify({ code, pin }), { from: role.from })
    expect(answer.status, answer.text).toBe(200)
    role.cookie = answer.headers['set-cookie']![0].split(';')[0]
    role.actor = JSON.parse(answer.text).value.staff
    expect(role.actor!.role).toBe(name)
  }

  const schema = await send('/api/schema', undefined, { from: '127.0.0.1', method: 'GET', contentType: null })
  expect(schema.status).toBe(200)
  catalog = JSON.parse(schema.text).value

  const ids = (sql: string) => (store.core.sqlite.prepare(sql).all() as { id: number }[]).map((r) => r.id)
  hints = {
    strings: [
      ...(store.core.sqlite.prepare('SELECT code FROM department').all() as { code: string }[]).map((r) => r.code),
      ...(store.core.sqlite.prepare('SELECT number FROM room').all() as { number: string }[]).map((r) => r.number),
      ...(store.core.sqlite.prepare('SELECT code FROM staff').all() as { code: string }[]).map((r) => r.code),
      ...(store.core.sqlite.prepare('SELECT DISTINCT category FROM vocabulary LIMIT 20').all() as { category: string }[]).map((r) => r.category),
      ...(store.core.sqlite.prepare('SELECT DISTINCT code FROM vocabulary LIMIT 20').all() as { code: string }[]).map((r) => r.code),
      ...(store.core.sqlite.prepare('SELECT DISTINCT value FROM vocabulary LIMIT 20').all() as { value: string }[]).map((r) => r.value),
      today,
      dayAfter(today, 1),
      dayAfter(today, -1),
      dayAfter(today, 400),
      '2024-02-29',
      '2023-02-29',
      '1900-01-01',
      'periodicals',
      'sichuan',
      'HO Ka Chun',
      '何家俊',
      'ho',
      'wang',
      '+853 6612 3456',
      '1234',
      '123456',
      '::ffff:127.0.0.20',
      '127.0.0.26',
    ],
    ids: [...new Set([...ids('SELECT id FROM guest'), ...ids('SELECT id FROM stay'), ...ids('SELECT id FROM prompt'), ...ids('SELECT id FROM preference'), ...ids('SELECT id FROM observation'), ...ids('SELECT id FROM staff'), 1, 2, 3])],
  }
}, 60_000)

afterAll(async () => {
  for (const agent of agents.values()) agent.destroy()
  await app?.close()
  store?.cleanup()
})

const operationNames = Object.keys(operations)
/** Operations that may sign the fuzz's own staff out or change their rows. */
const staffChanging = new Set(['staff.revokeSessions', 'staff.deactivate', 'staff.reactivate', 'staff.resetPin', 'staff.update', 'session.changePin'])

describe('hub fuzz: malformed and random bodies, every operation, every role', () => {
  it('publishes every operation in GET /api/schema', () => {
    expect(catalog.map((op) => op.name).sort()).toEqual([...operationNames].sort())
    for (const op of catalog) expect(op.input, op.name).toMatchObject({ $schema: expect.any(String) })
  })

  it('notices a changed row (the watcher itself works)', () => {
    const before = { changes: totalChanges(), digest: rowsDigest() }
    prepared("INSERT INTO setting (key, value) VALUES ('fuzz.self-check', 'x')").run()
    expect(totalChanges()).toBe(before.changes + 1)
    expect(rowsDigest()).not.toBe(before.digest)
    prepared("DELETE FROM setting WHERE key = 'fuzz.self-check'").run()
    expect(rowsDigest()).toBe(before.digest)
  })

  operationNames.forEach((name, index) => {
    it(`${name}`, async () => {
      const op = catalog.find((entry) => entry.name === name)!
      expect(op, name).toBeDefined()
      const fixed = fixedBodies(op.input)
      const firstPermitted = roleNames.find((r) => mayCall(sessions.get(r)!, op))
      for (const [roleIndex, roleName] of roleNames.entries()) {
        const role = sessions.get(roleName)!
        const permitted = mayCall(role, op)

        // The fixed edges, as the first role that may call it and (refused or not) as nobody;
        // one of the large bodies, in rotation, as that first role.
        if (roleName === 'anonymous' || roleName === firstPermitted) {
          for (const { body } of fixed) await callAndCheck(op, role, body)
          if (roleName === firstPermitted) await callAndCheck(op, role, largeBodies[index % largeBodies.length].body)
        }

        // Random bodies; anonymous callers also send forged session cookies.
        const forged = fc.constantFrom('', `${cookieName}=`, `${cookieName}=__proto__`, `${cookieName}=constructor`, `${cookieName}=${'A'.repeat(4000)}`, `${cookieName}=%00%ff`, `${cookieName}=a; ${cookieName}=b`)
        const propertySeed = (seed + index * 101 + roleIndex) | 0
        const property = fc.asyncProperty(bodyArbitrary(op.input, hints), forged, async (body, cookie) => {
          await callAndCheck(op, role, body, role.actor ? cookieFor(role, op) : cookie)
        })
        try {
          await fc.assert(property, { seed: propertySeed, numRuns: permitted ? runsPermitted : runsRefused })
        } catch (error) {
          throw new Error(
            `hub fuzz failed for ${name} as ${roleName} (base seed ${seed}, property seed ${propertySeed}; ` +
              `rerun with ZHIKE_FUZZ_SEED=${seed}):\n${(error as Error).message}\n${String((error as Error).cause ?? '')}`,
          )
        }

        // Revoking signs other people out, as it should, and the administrator's staff operations
        // may deactivate, demote or reset the fuzz's own staff (random ids hit them): put every
        // role's staff row back as it was and give every role a fresh session.
        if (staffChanging.has(name)) {
          for (const other of sessions.values()) {
            if (!other.actor) continue
            prepared('UPDATE staff SET active = 1, role = ?, department_code = ?, must_change_pin = 0 WHERE id = ?').run(other.actor.role, other.actor.department, other.actor.staffId)
            other.cookie = `${cookieName}=${store.core.sessions.open(other.actor, other.from)}`
          }
          for (const code of store.core.sessions.throttle.lockouts()) if (code.code) store.core.sessions.throttle.unlockCode(code.code)
        }
        // The role's own session survived (session operations ran on throwaway sessions).
        if (role.actor) expect(store.core.sessions.actor(role.cookie.split('=')[1]), `${roleName} signed out by ${name}`).toMatchObject({ staffId: role.actor.staffId })
      }
    })
  })

  /** A 4xx in the one error shape, no stack, and no row changed. */
  async function expectRefusedPath(path: string, options: { cookie: string; from: string; method?: string; contentType?: string | null; body?: string }) {
    // Rows and the audit log, not total_changes(): a signed-in session's last-seen time is
    // written once a minute whatever the request (CI once crossed that minute here). Age every
    // session past that minute so each call here does write it, and must still count as no change.
    await backgroundSettled()
    prepared('UPDATE staff_session SET last_seen_at = ?').run(new Date(Date.now() - 61_000).toISOString())
    const before = { digest: rowsDigest(), audit: auditRows() }
    const answer = await send(path, options.body ?? '{}', options)
    const what = `${options.method ?? 'POST'} ${path} (${options.contentType ?? 'application/json'}) → ${answer.status} ${answer.text.slice(0, 300)}`
    expect(answer.status, what).toBeGreaterThanOrEqual(400)
    expect(answer.status, what).toBeLessThan(500)
    expect(answer.headers['content-type'], what).toMatch(/^application\/json/)
    const json = JSON.parse(answer.text)
    expect(Object.keys(json).sort(), what).toEqual(['error', 'ok'])
    expect(json.ok, what).toBe(false)
    expect(errorCodes, what).toContain(json.error.code)
    for (const pattern of stackText) expect(answer.text, what).not.toMatch(pattern)
    expect(auditRows(), what).toEqual(before.audit)
    expect(rowsDigest(), what).toBe(before.digest)
  }

  it('answers unknown operations, prototype names and odd paths with a JSON 4xx', async () => {
    const admin = sessions.get('admin')!
    const paths = [
      '/api/__proto__',
      '/api/constructor',
      '/api/toString',
      '/api/hasOwnProperty',
      '/api/valueOf',
      '/api/guest.search.',
      '/api/GUEST.SEARCH',
      '/api/guest.search%00',
      '/api/guest.search%20',
      '/api/%E7%8E%8B',
      '/api/..%2f..%2fetc%2fpasswd',
      '/api/guest.search/extra',
      '/api/',
      '/api',
      `/api/${'x'.repeat(5000)}`,
      '/api/guest.create?x=%00',
      '/api/guest.create#x',
    ]
    for (const path of paths) {
      for (const cookie of ['', admin.cookie]) {
        // guest.create with a query string is still guest.create: send it a body it refuses.
        await expectRefusedPath(path, { cookie, from: admin.from, body: '{"nativeName":""}' })
      }
    }
  })

  it('answers a path with a broken percent-escape in the same JSON error shape', async () => {
    // Fastify rejects these before routing (FST_ERR_BAD_URL); the answer must still be ours.
    const admin = sessions.get('admin')!
    for (const path of ['/api/%ff', '/api/%E0%A4%A', '/api/guest.search%ff', '/api/%']) {
      await expectRefusedPath(path, { cookie: admin.cookie, from: admin.from })
    }
  })

  it('answers other content types and methods with a JSON 4xx, and changes nothing', async () => {
    const admin = sessions.get('admin')!
    const body = '{"nativeName":"王"}'
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/json', 'application/jsonx', 'application/json-patch+json', '', null]) {
      await expectRefusedPath('/api/guest.create', { cookie: admin.cookie, from: admin.from, contentType, body })
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      await expectRefusedPath('/api/guest.create', { cookie: admin.cookie, from: admin.from, method, body })
    }
  })

  it('answers malformed HTTP (framing, headers) in the same JSON error shape', async () => {
    // Node's HTTP parser refuses these before any route runs; Fastify's clientError handler answers.
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        let data = ''
        const socket = net.connect(port, '127.0.0.1', () => socket.write(text))
        socket.on('data', (chunk) => (data += chunk))
        socket.on('close', () => resolve(data))
        socket.on('error', () => resolve(data))
        setTimeout(() => socket.destroy(), 2_000)
      })
    const head = 'POST /api/setup.status HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n'
    const cases: Record<string, string> = {
      'a space in a header name': `${head}Bad Header: x\r\nContent-Length: 2\r\n\r\n{}`,
      'two Content-Lengths': `${head}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
      'Transfer-Encoding and Content-Length': `${head}Transfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
      'a broken chunk size': `${head}Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
      'headers over the size limit': `${head}X-Big: ${'a'.repeat(20_000)}\r\nContent-Length: 2\r\n\r\n{}`,
      'not HTTP at all': 'GARBAGE\r\n\r\n',
    }
    for (const [label, text] of Object.entries(cases)) {
      const answer = await raw(text)
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1])
      const body = answer.split('\r\n\r\n').slice(1).join('\r\n\r\n')
      const what = `${label}: ${answer.split('\r\n')[0]} ${body.slice(0, 200)}`
      expect(status, what).toBeGreaterThanOrEqual(400)
      expect(status, what).toBeLessThan(500)
      for (const pattern of stackText) expect(body, what).not.toMatch(pattern)
      const json = JSON.parse(body)
      expect(json.ok, what).toBe(false)
      expect(errorCodes, what).toContain(json.error?.code)
    }
  })

  it('leaves a sound store', () => {
    expect(store.core.sqlite.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok'])
    expect(store.core.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    // For the record (visible with --reporter=verbose): how much was sent.
    console.info(`hub fuzz: ${requests} requests, seed ${seed}, ${rolledBackRefusals} refused calls rolled back their writes`)
    if (process.env.ZHIKE_FUZZ_STATS) {
      for (const [name, counts] of outcomes) console.info(`  ${name}: ${[...counts].map(([code, n]) => `${code} ${n}`).join(', ')}`)
    }
  })
})
