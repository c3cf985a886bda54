import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/core'
import { AppError } from '../../electron/core/errors'
import { freePort, hubProcess, waitForHealth } from '../fixtures/hub-process'
import { failure, ok, seedSmallHotel } from '../fixtures/test-store'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

function storeFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-safety-'))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return path.join(dir, 'zhike.db')
}

function open(file: string, owner = 'test'): Core {
  const core = createCore({ file, owner, logError: () => {} })
  cleanups.push(() => core.close())
  return core
}

function refusal(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('one store, one owner', () => {
  it('a second Zhike on the same store is refused and told who holds it', () => {
    const file = storeFile()
    open(file, 'the front desk app')
    const second = refusal(() => createCore({ file, owner: 'a second hub', logError: () => {} }))
    expect(second.code).toBe('STORE_IN_USE')
    expect(second.message).toMatch(new RegExp(`process ${process.pid}`))
  })

  it('a second hub on the same data folder does not start, and names the process holding it', async () => {
    const file = storeFile()
    const core = open(file, 'the test desk')
    seedSmallHotel(core)
    const hub = hubProcess(path.dirname(file), await freePort(), cleanups)
    expect(await hub.exited).not.toBe(0)
    expect(hub.output()).toMatch(new RegExp(`in use by the test desk \\(process ${process.pid}`))
  }, 120_000) // a hub started as its own process compiles with tsx: on a busy machine that alone can pass 30 s

  it('a lock left by a process that was killed is taken over', async () => {
    const file = storeFile()
    const gone = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => gone.on('exit', resolve))
    fs.writeFileSync(`${file}.lock`, JSON.stringify({ pid: gone.pid, host: os.hostname(), program: 'a hub that crashed', since: new Date().toISOString() }))
    const core = open(file)
    expect(ok(core.callAs(null, 'setup.status', {})).needsSetup).toBe(true)
    core.close()
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })
})

describe('a damaged store is caught at start', () => {
  it('refuses a store with a damaged index page, says what to do, and writes nothing to it', () => {
    const file = storeFile()
    const core = open(file)
    seedSmallHotel(core)
    core.close()
    // Damage one page of an index: what a failing disk or a copy taken mid-write leaves.
    const raw = new BetterSqlite3(file, { readonly: true })
    const pageSize = raw.pragma('page_size', { simple: true }) as number
    const { rootpage } = raw.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'room' LIMIT 1").get() as { rootpage: number }
    raw.close()
    const fd = fs.openSync(file, 'r+')
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize)
    fs.closeSync(fd)
    const before = sha256(file)
    const damaged = refusal(() => createCore({ file, logError: () => {} }))
    expect(damaged.code).toBe('STORE_DAMAGED')
    expect(damaged.message).toMatch(/backup/)
    expect(sha256(file)).toBe(before)
    expect(fs.existsSync(`${file}.lock`)).toBe(false)
  })
})

describe('transactions beside another writer', () => {
  it('a store another process keeps locked answers BUSY (retryable), saves nothing, and works once it is free', () => {
    const file = storeFile()
    const core = open(file)
    const hotel = seedSmallHotel(core)
    const other = new BetterSqlite3(file)
    cleanups.push(() => other.close())
    other.exec("BEGIN IMMEDIATE; INSERT INTO setting (key, value) VALUES ('other.program', 'writing')")
    const busy = failure(core.callAs(hotel.desk, 'guest.create', { nativeName: '忙碌时', salutation: 'mr' }))
    expect(busy.code).toBe('BUSY')
    expect(busy.details?.retryable).toBe(true)
    other.exec('COMMIT')
    expect(core.sqlite.prepare("SELECT count(*) AS n FROM guest WHERE native_name = '忙碌时'").get()).toEqual({ n: 0 })
    ok(core.callAs(hotel.desk, 'guest.create', { nativeName: '忙碌时', salutation: 'mr' }))
  })

  it('with a second process writing all the time, every mutation succeeds', async () => {
    const file = storeFile()
    const core = open(file)
    const hotel = seedSmallHotel(core)
    const script = path.join(path.dirname(file), 'writer.cjs')
    fs.writeFileSync(
      script,
      `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))})
const db = new Database(process.argv[2]); db.pragma('busy_timeout = 5000')
const put = db.prepare("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)")
const pause = new Int32Array(new SharedArrayBuffer(4))
for (let i = 0; i < 20000; i++) {
  db.transaction(() => { db.prepare('SELECT count(*) FROM guest').get(); put.run('other.' + (i % 50), String(i)) }).immediate()
  if (i === 0) process.stdout.write('writing\\n')
  if (i % 4 === 0) Atomics.wait(pause, 0, 0, 1)
}`,
    )
    const writer = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'inherit'] })
    cleanups.push(() => writer.kill('SIGKILL'))
    await new Promise((resolve) => writer.stdout!.once('data', resolve))
    const guests = Array.from({ length: 150 }, (_, i) => ok(core.callAs(hotel.desk, 'guest.create', { nativeName: `并发${i}`, salutation: 'ms' })).id as number)
    const codes: string[] = []
    // Adding a preference reads the guest and the vocabulary first, then writes: the kind of
    // operation a deferred transaction loses to a writer that commits in between.
    for (let i = 0; i < guests.length && writer.exitCode === null; i++) {
      const result = core.callAs(hotel.desk, 'preference.add', { guestId: guests[i], category: 'food', code: 'cuisine', value: 'sichuan' })
      codes.push(result.ok ? 'ok' : result.error.code)
      // Let the other process in between our writes.
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(codes.length).toBeGreaterThan(50)
    expect(codes.filter((c) => c !== 'ok')).toEqual([])
  })
})

describe('durability', () => {
  it('kill -9 during a write loop: every acknowledged write is there after a restart, and the store is sound', async () => {
    const dataDir = path.dirname(storeFile())
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const hub = hubProcess(dataDir, port, cleanups, ['--demo'])
    await waitForHealth(base, hub.exited)
    const signIn = await fetch(`${base}/api/session.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'fd01', pin: '1234' }) })
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]
    const acknowledged: number[] = []
    const writes: Promise<void>[] = []
    // Four desks writing at once, until the hub is killed.
    for (let desk = 0; desk < 4; desk++) {
      writes.push(
        (async () => {
          for (let i = 0; i < 400; i++) {
            try {
              const answer = await fetch(`${base}/api/guest.create`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', cookie },
                body: JSON.stringify({ nativeName: `耐久${desk}号${i}`, salutation: 'mr' }),
              })
              const body = (await answer.json()) as { ok: boolean; value?: { id: number } }
              if (body.ok && body.value) acknowledged.push(body.value.id)
            } catch {
              return // the hub is gone
            }
          }
        })(),
      )
    }
    while (acknowledged.length < 80) await new Promise((resolve) => setTimeout(resolve, 10))
    hub.child.kill('SIGKILL')
    await Promise.all(writes)
    await hub.exited

    const core = open(path.join(dataDir, 'zhike.db'))
    expect(core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    const kept = new Set((core.sqlite.prepare("SELECT id FROM guest WHERE native_name LIKE '耐久%'").all() as { id: number }[]).map((r) => r.id))
    expect(acknowledged.filter((id) => !kept.has(id))).toEqual([])
    expect(acknowledged.length).toBeGreaterThanOrEqual(80)
  }, 120_000)
})
