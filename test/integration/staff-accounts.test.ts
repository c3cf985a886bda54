import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { desktopCaller } from '../../electron/core/context'
import { createCore, type Core } from '../../electron/core/core'
import { createHub } from '../../electron/hub/server'
import { EventStreamClient } from '../fixtures/event-stream-client'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Hotel extends SmallHotel {
  core: Core
  manager: Actor
}

function hotel(): Hotel {
  const store = tempStore()
  cleanups.push(store.cleanup)
  const small = seedSmallHotel(store.core)
  ok(store.core.callAs(small.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '135790' }))
  const manager = ok(store.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '135790' })).staff as Actor
  return { ...small, core: store.core, manager }
}

/** Signs in as a terminal would: answers the session token. */
function signIn(core: Core, code: string, pin: string): { token: string; staff: Actor } {
  return ok(core.callAs(null, 'session.signIn', { code, pin }))
}

function audits(core: Core, action: string): { staff_id: number | null; entity_id: number | null; detail: string | null }[] {
  return core.sqlite.prepare('SELECT staff_id, entity_id, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as never
}

interface Account {
  id: number
  code: string
  role: string
  department: string
  active: boolean
  mustChangePin: boolean
  lastSignInAt: string | null
}

function account(h: Hotel, code: string): Account {
  return ok<Account[]>(h.core.callAs(h.admin, 'staff.list', {})).find((s) => s.code === code)!
}

describe('staff accounts: administrators only', () => {
  it('lists everyone, inactive too, without PIN hashes, with the last sign-in', () => {
    const h = hotel()
    const list = ok<Account[]>(h.core.callAs(h.admin, 'staff.list', {}))
    expect(list.map((s) => s.code).sort()).toEqual(['ad01', 'fd01', 'hk01', 'mg01', 'rs01'])
    expect(JSON.stringify(list)).not.toMatch(/argon2|pin_?hash/i)
    expect(account(h, 'hk01').lastSignInAt).not.toBeNull()
    ok(h.core.callAs(h.admin, 'staff.deactivate', { staffId: h.cook.staffId }))
    expect(account(h, 'rs01')).toMatchObject({ active: false })
    for (const who of [h.manager, h.desk, h.housekeeper]) {
      for (const [name, input] of [
        ['staff.list', {}],
        ['staff.update', { staffId: h.cook.staffId, name: 'X', role: 'department', department: 'restaurant' }],
        ['staff.deactivate', { staffId: h.cook.staffId }],
        ['staff.reactivate', { staffId: h.cook.staffId }],
        ['staff.resetPin', { staffId: h.cook.staffId }],
        ['staff.create', { code: 'zz01', name: 'New', department: 'housekeeping', role: 'department', pin: '1234' }],
      ] as const) {
        expect(failure(h.core.callAs(who, name, input)).code, `${who.code} ${name}`).toBe('FORBIDDEN')
      }
    }
  })

  it('edits name, role and department; a role needing a longer PIN makes the person choose one', () => {
    const h = hotel()
    const saved = ok(h.core.callAs(h.admin, 'staff.update', { staffId: h.housekeeper.staffId, name: 'Lin Mei', romanName: 'LIN Mei', role: 'department_lead', department: 'housekeeping' }))
    expect(saved).toMatchObject({ name: 'Lin Mei', romanName: 'LIN Mei', role: 'department_lead', mustChangePin: false })
    // The change takes effect at the person's next call (the session reads the staff row).
    const { token } = signIn(h.core, 'fd01', '1234')
    expect(ok(h.core.call(token, 'session.current', {}, desktopCaller)).staff.role).toBe('front_desk')
    ok(h.core.callAs(h.admin, 'staff.update', { staffId: h.desk.staffId, name: 'Desk', role: 'manager', department: 'front_office' }))
    const promoted = ok(h.core.call(token, 'session.current', {}, desktopCaller)).staff
    expect(promoted).toMatchObject({ role: 'manager', mustChangePin: true })
    expect(failure(h.core.call(token, 'hotel.profile', {}, desktopCaller)).code).toBe('PIN_CHANGE_REQUIRED')
    const tooShort = failure(h.core.call(token, 'session.changePin', { currentPin: '1234', newPin: '5678' }, desktopCaller))
    expect(tooShort.code).toBe('VALIDATION')
    expect(tooShort.details?.issues).toEqual([{ path: 'newPin', message: expect.stringContaining('6 digits') }])
    ok(h.core.call(token, 'session.changePin', { currentPin: '1234', newPin: '246810' }, desktopCaller))
    expect(ok(h.core.call(token, 'hotel.profile', {}, desktopCaller))).toBeTruthy()

    const unknown = failure(h.core.callAs(h.admin, 'staff.update', { staffId: h.cook.staffId, name: 'Cook', role: 'department', department: 'spa' }))
    expect(unknown.code).toBe('VALIDATION')
    expect(unknown.details?.issues).toEqual([{ path: 'department', message: expect.any(String) }])
    expect(failure(h.core.callAs(h.admin, 'staff.update', { staffId: 999, name: 'Nobody', role: 'department', department: 'spa' })).code).toBe('NOT_FOUND')
    const changes = audits(h.core, 'staff.update')
    expect(changes).toHaveLength(2) // the refused one wrote nothing
    expect(JSON.parse(changes[1].detail!)).toEqual({ changed: ['name', 'role'], role: { from: 'front_desk', to: 'manager' }, mustChangePin: true })
  })

  it('never leaves the hotel without an active administrator, nor lets you demote or deactivate yourself', () => {
    const h = hotel()
    // Alone: the administrator hears why.
    expect(failure(h.core.callAs(h.admin, 'staff.update', { staffId: h.admin.staffId, name: 'Admin', role: 'manager', department: 'front_office' })).code).toBe('LAST_ADMIN')
    expect(failure(h.core.callAs(h.admin, 'staff.deactivate', { staffId: h.admin.staffId })).code).toBe('LAST_ADMIN')
    // With a second administrator, still not yourself.
    ok(h.core.callAs(h.admin, 'staff.create', { code: 'ad02', name: 'Second', department: 'front_office', role: 'admin', pin: '975310' }))
    const second = signIn(h.core, 'ad02', '975310').staff
    expect(failure(h.core.callAs(h.admin, 'staff.update', { staffId: h.admin.staffId, name: 'Admin', role: 'manager', department: 'front_office' })).code).toBe('OWN_ACCOUNT')
    expect(failure(h.core.callAs(h.admin, 'staff.deactivate', { staffId: h.admin.staffId })).code).toBe('OWN_ACCOUNT')
    expect(failure(h.core.callAs(h.admin, 'staff.resetPin', { staffId: h.admin.staffId })).code).toBe('OWN_ACCOUNT')
    // Renaming yourself is fine.
    ok(h.core.callAs(h.admin, 'staff.update', { staffId: h.admin.staffId, name: 'Admin One', role: 'admin', department: 'front_office' }))
    // Another administrator may step you down; then the second is the last.
    ok(h.core.callAs(second, 'staff.update', { staffId: h.admin.staffId, name: 'Admin One', role: 'manager', department: 'front_office' }))
    expect(failure(h.core.callAs(second, 'staff.deactivate', { staffId: second.staffId })).code).toBe('LAST_ADMIN')
    expect(account(h, 'ad01')).toMatchObject({ role: 'manager', mustChangePin: false })
  })

  it('a deactivated person’s token is refused at their next call, and they cannot sign in until reactivated', () => {
    const h = hotel()
    const { token } = signIn(h.core, 'hk01', '1234')
    expect(ok(h.core.call(token, 'session.current', {}, desktopCaller)).staff.code).toBe('hk01')
    const { revoked } = ok(h.core.callAs(h.admin, 'staff.deactivate', { staffId: h.housekeeper.staffId }))
    expect(revoked).toBe(2) // the fixture's session and this one
    expect(failure(h.core.call(token, 'prompt.board', { department: 'housekeeping' }, desktopCaller)).code).toBe('UNAUTHENTICATED')
    expect(ok(h.core.call(token, 'session.current', {}, desktopCaller)).staff).toBeNull()
    expect(failure(h.core.callAs(null, 'session.signIn', { code: 'hk01', pin: '1234' })).code).toBe('BAD_LOGIN')
    expect(ok<{ id: number }[]>(h.core.callAs(null, 'staff.directory', {})).map((s) => s.id)).not.toContain(h.housekeeper.staffId)
    // Their code stays taken: their name is on what they did.
    expect(failure(h.core.callAs(h.admin, 'staff.create', { code: 'hk01', name: 'Other', department: 'housekeeping', role: 'department', pin: '1234' })).details?.issues).toEqual([
      { path: 'code', message: 'Already taken.' },
    ])
    ok(h.core.callAs(h.admin, 'staff.reactivate', { staffId: h.housekeeper.staffId }))
    expect(signIn(h.core, 'hk01', '1234').staff.code).toBe('hk01')
    expect(audits(h.core, 'staff.deactivate')).toEqual([{ staff_id: h.admin.staffId, entity_id: h.housekeeper.staffId, detail: JSON.stringify({ revoked: 2, wasActive: true }) }])
    expect(audits(h.core, 'staff.reactivate')).toHaveLength(1)
  })

  it('reset: the temporary PIN signs in but only changes the PIN; then the new PIN works and neither old one does', () => {
    const h = hotel()
    const before = signIn(h.core, 'hk01', '1234')
    const { temporaryPin, revoked } = ok(h.core.callAs(h.admin, 'staff.resetPin', { staffId: h.housekeeper.staffId }))
    expect(temporaryPin).toMatch(/^\d{6}$/)
    expect(revoked).toBe(2)
    expect(ok(h.core.call(before.token, 'session.current', {}, desktopCaller)).staff).toBeNull()
    expect(failure(h.core.callAs(null, 'session.signIn', { code: 'hk01', pin: '1234' })).code).toBe('BAD_LOGIN')
    expect(account(h, 'hk01').mustChangePin).toBe(true)

    const temp = signIn(h.core, 'hk01', temporaryPin)
    expect(temp.staff.mustChangePin).toBe(true)
    const call = (name: string, input: unknown) => h.core.call(temp.token, name, input, desktopCaller)
    expect(ok(call('session.current', {})).staff).toMatchObject({ code: 'hk01', mustChangePin: true })
    for (const [name, input] of [
      ['prompt.board', { department: 'housekeeping' }],
      ['hotel.profile', {}],
      ['observation.mine', {}],
      ['room.list', {}],
    ] as const) {
      const refused = failure(call(name, input))
      expect(refused.code, name).toBe('PIN_CHANGE_REQUIRED')
    }
    expect(failure(call('session.changePin', { currentPin: '1234', newPin: '8642' })).code).toBe('WRONG_PIN')
    const same = failure(call('session.changePin', { currentPin: temporaryPin, newPin: temporaryPin }))
    expect(same.code).toBe('VALIDATION')
    expect(same.details?.issues).toEqual([{ path: 'newPin', message: 'Choose a PIN different from your current one.' }])
    expect(failure(call('session.changePin', { currentPin: temporaryPin, newPin: '12ab' })).details?.issues).toEqual([{ path: 'newPin', message: 'A PIN is 4 to 8 digits.' }])
    const changed = ok(call('session.changePin', { currentPin: temporaryPin, newPin: '8642' }))
    expect(changed.staff.mustChangePin).toBeUndefined()
    // The same session now works in full.
    expect(ok(call('prompt.board', { department: 'housekeeping' }))).toBeTruthy()
    expect(signIn(h.core, 'hk01', '8642').staff.code).toBe('hk01')
    expect(failure(h.core.callAs(null, 'session.signIn', { code: 'hk01', pin: temporaryPin })).code).toBe('BAD_LOGIN')
    expect(failure(h.core.callAs(null, 'session.signIn', { code: 'hk01', pin: '1234' })).code).toBe('BAD_LOGIN')

    // Audited, and no PIN anywhere in the log.
    expect(audits(h.core, 'staff.resetPin')).toEqual([{ staff_id: h.admin.staffId, entity_id: h.housekeeper.staffId, detail: JSON.stringify({ revoked: 2 }) }])
    expect(audits(h.core, 'session.changePin')).toHaveLength(1)
    expect(audits(h.core, 'session.pinChangeFailed')).toHaveLength(1)
    const everything = JSON.stringify(h.core.sqlite.prepare('SELECT * FROM audit_log').all())
    expect(everything).not.toContain(temporaryPin)
    expect(everything).not.toContain('8642')
  })

  it('a wrong current PIN counts like a wrong sign-in: after five, a wait', () => {
    const h = hotel()
    const { token } = signIn(h.core, 'fd01', '1234')
    const change = (currentPin: string) => h.core.call(token, 'session.changePin', { currentPin, newPin: '97531' }, desktopCaller)
    for (let i = 0; i < 5; i++) expect(failure(change('0000')).code).toBe('WRONG_PIN')
    const waiting = failure(change('1234'))
    expect(waiting.code).toBe('RATE_LIMITED')
    expect(waiting.details?.retryAfterSeconds).toBeGreaterThan(0)
    // The same wait holds for signing in from here (the PIN itself did not change).
    expect(failure(h.core.callAs(null, 'session.signIn', { code: 'fd01', pin: '1234' })).code).toBe('RATE_LIMITED')
    // An administrator's reset lifts the wait.
    const { temporaryPin } = ok(h.core.callAs(h.admin, 'staff.resetPin', { staffId: h.desk.staffId }))
    const temp = signIn(h.core, 'fd01', temporaryPin)
    ok(h.core.call(temp.token, 'session.changePin', { currentPin: temporaryPin, newPin: '97531' }, desktopCaller))
    expect(audits(h.core, 'session.pinChangeFailed')).toHaveLength(5)
  })

  it('staff.create is the administrator’s; managers make no one', () => {
    const h = hotel()
    expect(failure(h.core.callAs(h.manager, 'staff.create', { code: 'fd09', name: 'Desk', department: 'front_office', role: 'front_desk', pin: '1234' })).code).toBe('FORBIDDEN')
    expect(ok(h.core.callAs(h.admin, 'staff.create', { code: 'fd09', name: 'Desk', department: 'front_office', role: 'front_desk', pin: '1234' })).id).toBeGreaterThan(0)
  })
})

describe('a deactivated person’s open board', () => {
  it('loses its event stream at once, and reconnecting is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-staff-'))
    const core = createCore({ file: path.join(dir, 'zhike.db'), logError: () => {}, owner: 'test' })
    const hub = await createHub({ core, rendererDir: dir })
    await hub.listen({ port: 0, host: '127.0.0.1' })
    cleanups.push(async () => {
      await hub.close()
      core.close()
      fs.rmSync(dir, { recursive: true, force: true })
    })
    const base = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`
    const h = seedSmallHotel(core)
    const response = await fetch(`${base}/api/session.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'hk01', pin: '1234' }) })
    const cookie = response.headers.get('set-cookie')!.split(';')[0]
    const stream = await EventStreamClient.open(base, cookie)
    await stream.until((events) => events.some((e) => e.event === 'ready'))
    const started = Date.now()
    ok(core.callAs(h.admin, 'staff.deactivate', { staffId: h.housekeeper.staffId }))
    // No other event and no heartbeat (15 s) is needed: the revocation itself ends the stream.
    await stream.closed()
    expect(Date.now() - started).toBeLessThan(2_000)
    expect((await EventStreamClient.open(base, cookie)).status).toBe(401)
  })
})
