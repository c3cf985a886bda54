import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { createCore, type Core } from '../../electron/core/core'
import { currentJob, jobSettled, placeBackup, startDueDailyBackup } from '../../electron/core/backup/backup.service'
import { checkIntegrityOffThread } from '../../electron/core/backup/backup-check'
import { unsafeFolderProblem } from '../../electron/core/backup/backup-files'
import { failure, ok, seedSmallHotel, type SmallHotel } from '../fixtures/test-store'
import { openSqlite } from '../../electron/core/db/open'
import { migrations } from '../../electron/core/db/migrations'

/*
 * Backups on real SQLite files: the online backup, restore over a live (even damaged) store,
 * every refusal leaving the data as it was, keep-N, the daily backup once per business date,
 * and the folder a manager chooses.
 */

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

interface Hotel extends SmallHotel {
  core: Core
  dir: string
  file: string
  manager: Actor
  clock: { at: Date }
}

function open(dir: string, clock: { at: Date }): Core {
  return createCore({ file: path.join(dir, 'zhike.db'), clock: { now: () => new Date(clock.at) }, logError: () => {} })
}

function hotel(): Hotel {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-backup-'))
  const clock = { at: new Date('2026-12-01T10:00:00Z') }
  const state = { core: open(dir, clock) }
  cleanups.push(() => {
    if (state.core.sqlite.open) state.core.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })
  const small = seedSmallHotel(state.core)
  ok(state.core.callAs(small.admin, 'hotel.setClock', { timeZone: 'UTC', nightAuditTime: '04:00' }))
  ok(state.core.callAs(small.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  const manager = ok(state.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
  for (const [nativeName, romanName] of [['王小明', 'WANG Xiaoming'], ['Anna Kowalska', null], ['张伟', 'ZHANG Wei']]) {
    ok(state.core.callAs(small.desk, 'guest.create', { nativeName, ...(romanName ? { romanName } : {}) }))
  }
  return { ...small, core: state.core, dir, file: path.join(dir, 'zhike.db'), manager, clock, call: (actor, name, input) => state.core.callAs(actor, name, input) }
}

/** Every table's rows (sorted), except what a restore itself writes: sessions, the audit log, events, the backup settings. */
function snapshot(db: BetterSqlite3.Database): Record<string, string[]> {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
  const out: Record<string, string[]> = {}
  for (const table of tables) {
    if (['staff_session', 'audit_log', 'core_event'].includes(table)) continue
    let rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]
    if (table === 'setting') rows = rows.filter((r) => !String(r.key).startsWith('backup.') && r.key !== 'scheduler.lastTickAt')
    if (table === 'scheduled_fire') rows = rows.filter((r) => !String(r.key).startsWith('backup:'))
    out[table] = rows.map((r) => JSON.stringify(r, (_k, v) => (Buffer.isBuffer(v) ? v.toString('hex') : v))).sort()
  }
  return out
}

async function backUpNow(h: Hotel, actor: Actor = h.manager): Promise<string> {
  const started = ok<{ job: { state: string } }>(h.call(actor, 'backup.now', {}))
  expect(started.job.state).toBe('running')
  const job = await jobSettled(h.core.sqlite)
  expect(job?.state, JSON.stringify(job?.error)).toBe('done')
  return job!.file!
}

function status(h: Hotel, actor: Actor = h.manager) {
  return ok<{ folder: string; keep: number; backups: { file: string; kind: string; bytes: number; businessDate: string }[]; job: unknown; daily: { takenToday: boolean } }>(h.call(actor, 'backup.status', {}))
}

async function restore(h: Hotel, file: string) {
  ok(h.call(h.admin, 'backup.restore', { file, confirm: true }))
  return jobSettled(h.core.sqlite)
}

describe('backup and restore', () => {
  it('backs up while in use, and a restore over a damaged live file gives back the same data', async () => {
    const h = hotel()
    const file = await backUpNow(h)
    const listed = status(h)
    expect(listed.folder).toBe(path.join(h.dir, 'backups'))
    expect(listed.backups.map((b) => b.file)).toEqual([file])
    expect(listed.backups[0]).toMatchObject({ kind: 'manual', businessDate: '2026-12-01' })
    expect(file).toMatch(/^zhike-2026-12-01-manual-20261201T100000\.db$/)
    expect(fs.readdirSync(listed.folder).filter((f) => f.endsWith('.part'))).toEqual([])
    const before = snapshot(h.core.sqlite)

    // Life goes on: a guest is added and one is renamed; then the file is damaged under the running store.
    ok(h.call(h.desk, 'guest.create', { nativeName: '刘备', romanName: 'LIU Bei' }))
    expect(snapshot(h.core.sqlite)).not.toEqual(before)
    h.core.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const size = fs.statSync(h.file).size
    const fd = fs.openSync(h.file, 'r+')
    for (let page = 2; page * 4096 < size; page += 2) fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, page * 4096)
    fs.closeSync(fd)
    const probe = new BetterSqlite3(h.file, { readonly: true })
    expect(() => probe.pragma('integrity_check')).toThrow()
    probe.close()

    const job = await restore(h, file)
    expect(job?.state, JSON.stringify(job?.error)).toBe('done')
    // The running connection still held sound pages, so the data it replaced was backed up too.
    expect(job?.safetyBackup).toMatch(/^zhike-2026-12-01-before-restore-|^zhike-damaged-/)
    expect(h.core.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(snapshot(h.core.sqlite)).toEqual(before)
    // Everyone signs in again; the store works as before.
    expect(job?.sessionsEnded).toBeGreaterThan(0)
    expect(failure(h.core.call('not-a-token', 'guest.search', { text: 'wang' }, { address: 'desktop', local: true })).code).toBe('UNAUTHENTICATED')
    const desk = ok(h.core.callAs(null, 'session.signIn', { code: 'fd01', pin: '1234' })).staff
    ok(h.call(desk, 'guest.create', { nativeName: '关羽' }))
    const audit = h.core.sqlite.prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'backup.%' ORDER BY id").all() as { action: string }[]
    expect(audit.map((a) => a.action)).toContain('backup.restored')
  })

  it('a restore of a sound store keeps the current data as a backup first, and answers BUSY meanwhile', async () => {
    const h = hotel()
    const file = await backUpNow(h)
    const before = snapshot(h.core.sqlite)
    ok(h.call(h.desk, 'guest.create', { nativeName: '曹操' }))
    const afterChange = snapshot(h.core.sqlite)
    h.clock.at = new Date('2026-12-01T10:05:00Z')
    ok(h.call(h.admin, 'backup.restore', { file, confirm: true }))
    // While it runs, every call but the status answers BUSY with a hint.
    await new Promise((resolve) => setImmediate(resolve))
    const busy = failure(h.core.call(null, 'guest.search', { text: 'wang' }, { address: '127.0.0.1', local: true }))
    expect(busy.code).toBe('BUSY')
    expect(busy.details).toMatchObject({ retryable: true, reason: 'restoring' })
    expect(status(h).job).toMatchObject({ kind: 'restore' })
    const job = await jobSettled(h.core.sqlite)
    expect(job?.state, JSON.stringify(job?.error)).toBe('done')
    expect(snapshot(h.core.sqlite)).toEqual(before)

    // The data it replaced is the before-restore backup: restoring that brings the change back.
    const admin = ok(h.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' })).staff
    const list = ok<{ backups: { file: string; kind: string }[] }>(h.core.callAs(admin, 'backup.status', {})).backups
    const safety = list.find((b) => b.kind === 'before-restore')!
    expect(safety.file).toBe(job?.safetyBackup)
    ok(h.core.callAs(admin, 'backup.restore', { file: safety.file, confirm: true }))
    expect((await jobSettled(h.core.sqlite))?.state).toBe('done')
    expect(snapshot(h.core.sqlite)).toEqual(afterChange)
  })

  it('refuses a file that is not a database, a truncated backup and one from a newer Zhike, leaving the data untouched', async () => {
    const h = hotel()
    const file = await backUpNow(h)
    const folder = status(h).folder
    const good = path.join(folder, file)
    const before = snapshot(h.core.sqlite)
    const named = (n: number) => `zhike-2026-11-2${n}-manual-20261120T100000.db`

    fs.writeFileSync(path.join(folder, named(1)), 'name,room\nWANG,1001\n'.repeat(500))
    const notDb = failure(h.call(h.admin, 'backup.restore', { file: named(1), confirm: true }))
    expect(notDb.code).toBe('BACKUP_INVALID')
    expect(notDb.details?.reason).toBe('not_database')
    expect(notDb.message).toMatch(/not an SQLite database/)

    const bytes = fs.readFileSync(good)
    fs.writeFileSync(path.join(folder, named(2)), bytes.subarray(0, Math.floor(bytes.length / 2 / 4096) * 4096))
    const truncated = failure(h.call(h.admin, 'backup.restore', { file: named(2), confirm: true }))
    expect(truncated.code).toBe('BACKUP_INVALID')
    expect(truncated.details?.reason).toBe('truncated')
    expect(truncated.message).toMatch(/cut short/)

    fs.copyFileSync(good, path.join(folder, named(3)))
    const newer = new BetterSqlite3(path.join(folder, named(3)))
    newer.prepare('INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)').run('9999-from-the-future', '2027-01-01T00:00:00Z')
    newer.close()
    const tooNew = failure(h.call(h.admin, 'backup.restore', { file: named(3), confirm: true }))
    expect(tooNew.code).toBe('BACKUP_TOO_NEW')
    expect(tooNew.message).toMatch(/newer Zhike.*9999-from-the-future/)
    expect(failure(h.call(h.manager, 'backup.check', { file: named(3) })).code).toBe('BACKUP_TOO_NEW')

    // A copy damaged inside (header intact): refused at once when its tables cannot be read, else by integrity_check in the job.
    const damaged = Buffer.from(bytes)
    for (let at = 3 * 4096; at < damaged.length; at += 3 * 4096) damaged.fill(0x5a, at, at + 4096)
    fs.writeFileSync(path.join(folder, named(4)), damaged)
    expect(failure(h.call(h.manager, 'backup.check', { file: named(4) })).details?.reason).toBe('damaged')
    const lastPageOnly = Buffer.from(bytes)
    lastPageOnly.fill(0x5a, lastPageOnly.length - 4096 + 8)
    fs.writeFileSync(path.join(folder, named(5)), lastPageOnly)
    for (const file of [named(4), named(5)]) {
      const refused = h.call(h.admin, 'backup.restore', { file, confirm: true })
      const error = refused.ok ? (await jobSettled(h.core.sqlite))?.error : refused.error
      expect(error).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'damaged' } })
    }

    expect(snapshot(h.core.sqlite)).toEqual(before)
    // Nothing was replaced, so no before-restore backup was needed; the store still answers.
    expect(status(h).backups.filter((b) => b.kind === 'before-restore')).toEqual([])
    ok(h.call(h.desk, 'guest.search', { text: 'wang' }))
  })

  it('restores a backup from an older Zhike and brings it up to this version', async () => {
    const h = hotel()
    const folder = status(h).folder
    fs.mkdirSync(folder, { recursive: true })
    // A store written by the Zhike before the latest migration, with a hotel of its own.
    const older = 'zhike-2026-11-30-daily-20261130T100000.db'
    const oldStore = openSqlite({ file: path.join(h.dir, 'old', 'zhike.db'), migrations: migrations.slice(0, -1), owner: 'test' })
    oldStore.prepare("INSERT INTO setting (key, value) VALUES ('hotel.name', ?)").run(JSON.stringify({ en: 'The Old Hotel', zh: '老酒店' }))
    // Its administrator (a backup nobody could sign in to is refused).
    oldStore.prepare("INSERT INTO department (code, name_en, name_zh) VALUES ('office', 'Office', '办公室')").run()
    const pinHash = h.core.sqlite.prepare("SELECT pin_hash FROM staff WHERE code = 'ad01'").pluck().get()
    oldStore.prepare("INSERT INTO staff (code, name, department_code, role, pin_hash, created_at) VALUES ('ad01', 'Old admin', 'office', 'admin', ?, '2026-01-01T00:00:00Z')").run(pinHash)
    oldStore.pragma('journal_mode = DELETE')
    oldStore.close()
    fs.copyFileSync(path.join(h.dir, 'old', 'zhike.db'), path.join(folder, older))

    expect(ok(h.call(h.manager, 'backup.check', { file: older }))).toMatchObject({ older: true, migrations: { applied: migrations.length - 1, ours: migrations.length } })
    const job = await restore(h, older)
    expect(job?.state, JSON.stringify(job?.error)).toBe('done')
    const applied = (h.core.sqlite.prepare('SELECT name FROM schema_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name)
    expect(applied).toEqual(migrations.map((m) => m.name).sort())
    expect(h.core.sqlite.prepare("SELECT value FROM setting WHERE key = 'hotel.name'").pluck().get()).toContain('The Old Hotel')
    expect(h.core.sqlite.prepare('SELECT count(*) FROM guest').pluck().get()).toBe(0)
    // The vocabulary a start writes is there too, and the live file's own folder holds no leftovers.
    expect(h.core.sqlite.prepare('SELECT count(*) FROM vocabulary').pluck().get()).toBeGreaterThan(0)
    expect(fs.readdirSync(h.dir).filter((f) => f.startsWith('restore-'))).toEqual([])
  })

  it('confines file names to the backup folder; restore is for administrators only', async () => {
    const h = hotel()
    const file = await backUpNow(h)
    expect(failure(h.call(h.manager, 'backup.restore', { file, confirm: true })).code).toBe('FORBIDDEN')
    expect(failure(h.call(h.admin, 'backup.restore', { file, confirm: false } as never)).code).toBe('VALIDATION')
    for (const bad of ['../zhike.db', `../backups/${file}`, 'zhike.db', `sub/${file}`]) {
      expect(failure(h.call(h.admin, 'backup.restore', { file: bad, confirm: true })).code).toBe('VALIDATION')
    }
    // A typed path: only an administrator at the desktop; from a terminal it is refused.
    const typed = path.join(status(h).folder, file)
    const remote = { address: '192.168.1.20', local: false }
    expect(failure(h.core.callAs(h.admin, 'backup.check', { file: typed }, remote)).code).toBe('VALIDATION')
    expect(failure(h.core.callAs(h.manager, 'backup.check', { file: typed })).code).toBe('VALIDATION')
    expect(ok(h.core.callAs(h.admin, 'backup.check', { file: typed })).guests).toBe(3)
    expect(failure(h.call(h.manager, 'backup.check', { file: 'zhike-2020-01-01-manual-20200101T000000.db' })).code).toBe('NOT_FOUND')
    expect(failure(h.call(h.desk, 'backup.status', {})).code).toBe('FORBIDDEN')
  })

  it('keeps the last N backups', async () => {
    const h = hotel()
    ok(h.call(h.manager, 'backup.setSettings', { keep: 2 }))
    const folder = status(h).folder
    fs.mkdirSync(folder, { recursive: true })
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not ours')
    const written: string[] = []
    for (let i = 0; i < 4; i++) {
      h.clock.at = new Date(Date.parse('2026-12-01T10:00:00Z') + i * 60_000)
      written.push(await backUpNow(h))
    }
    expect(status(h).backups.map((b) => b.file)).toEqual([written[3], written[2]])
    expect(fs.existsSync(path.join(folder, 'notes.txt'))).toBe(true)
    expect(status(h).keep).toBe(2)
    expect(failure(h.call(h.manager, 'backup.setSettings', { keep: 0 })).code).toBe('VALIDATION')
  })

  it('takes the daily backup once per business date, across a restart', async () => {
    const h = hotel()
    const daily = () => status(h).backups.filter((b) => b.kind === 'daily')
    expect(startDueDailyBackup(h.core, h.clock.at)).not.toBeNull()
    expect((await jobSettled(h.core.sqlite))?.state).toBe('done')
    expect(startDueDailyBackup(h.core, h.clock.at)).toBeNull()
    expect(status(h).daily.takenToday).toBe(true)

    // A restart (the store closed and opened again) does not take it again.
    h.core.close()
    const reopened = open(h.dir, h.clock)
    h.core = reopened
    h.call = (actor, name, input) => reopened.callAs(actor, name, input)
    h.clock.at = new Date('2026-12-01T22:00:00Z')
    expect(startDueDailyBackup(reopened, h.clock.at)).toBeNull()
    expect(daily().map((b) => b.businessDate)).toEqual(['2026-12-01'])

    // The next business date (after 04:00 the next morning) gets its own.
    h.clock.at = new Date('2026-12-02T04:30:00Z')
    expect(startDueDailyBackup(reopened, h.clock.at)).not.toBeNull()
    expect(startDueDailyBackup(reopened, h.clock.at)).toBeNull()
    await jobSettled(reopened.sqlite)
    expect(daily().map((b) => b.businessDate)).toEqual(['2026-12-02', '2026-12-01'])
    cleanups.push(() => reopened.sqlite.open && reopened.close())
  })

  it('checks the folder a manager chooses and keeps the old one when it is unusable', async () => {
    const h = hotel()
    // Only the last level of a missing folder is created: its parent must exist.
    const chosen = path.join(h.dir, 'elsewhere', 'nested')
    expect(failure(h.call(h.manager, 'backup.setSettings', { folder: chosen }))).toMatchObject({ code: 'VALIDATION', details: { reason: 'cannot_create', issues: [{ path: 'folder' }] } })
    expect(fs.existsSync(path.join(h.dir, 'elsewhere'))).toBe(false)
    fs.mkdirSync(path.join(h.dir, 'elsewhere'))
    expect(ok(h.call(h.manager, 'backup.setSettings', { folder: chosen }))).toMatchObject({ folder: chosen, isDefault: false })
    expect(fs.statSync(chosen).isDirectory()).toBe(true)

    const relative = failure(h.call(h.manager, 'backup.setSettings', { folder: 'backups/here' }))
    expect(relative).toMatchObject({ code: 'VALIDATION', details: { reason: 'not_absolute', issues: [{ path: 'folder' }] } })
    const aFile = path.join(h.dir, 'a-file')
    fs.writeFileSync(aFile, 'x')
    expect(failure(h.call(h.manager, 'backup.setSettings', { folder: aFile })).details?.reason).toBe('not_folder')
    expect(failure(h.call(h.manager, 'backup.setSettings', { folder: path.join(aFile, 'below') })).details?.reason).toBe('cannot_create')
    if (process.getuid?.() !== 0) {
      const locked = path.join(h.dir, 'locked')
      fs.mkdirSync(locked, { mode: 0o500 })
      expect(failure(h.call(h.manager, 'backup.setSettings', { folder: locked })).details?.reason).toBe('not_writable')
    }
    expect(status(h).folder).toBe(chosen)
    expect(await backUpNow(h)).toMatch(/\.db$/)
    expect(fs.readdirSync(chosen).filter((f) => f.endsWith('.db'))).toHaveLength(1)

    // Back to the default; the change is audited.
    expect(ok(h.call(h.manager, 'backup.setSettings', { folder: '' }))).toMatchObject({ isDefault: true, folder: path.join(h.dir, 'backups') })
    const audits = h.core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup.settings'").get() as { n: number }
    expect(audits.n).toBe(2)

    // A folder removed after it was chosen: back up now says so, clearly.
    ok(h.call(h.manager, 'backup.setSettings', { folder: chosen }))
    fs.rmSync(path.join(h.dir, 'elsewhere'), { recursive: true })
    fs.writeFileSync(path.join(h.dir, 'elsewhere'), 'now a file')
    expect(failure(h.call(h.manager, 'backup.now', {}))).toMatchObject({ code: 'BACKUP_FOLDER' })
  })

  it('refuses a damaged store at start, and a backup put in its place opens again', async () => {
    const h = hotel()
    const file = await backUpNow(h)
    const backup = path.join(status(h).folder, file)
    const before = snapshot(h.core.sqlite)
    h.core.close()
    const size = fs.statSync(h.file).size
    const fd = fs.openSync(h.file, 'r+')
    for (let page = 1; page * 4096 < size; page++) fs.writeSync(fd, Buffer.alloc(4096, 0xee), 0, 4096, page * 4096)
    fs.closeSync(fd)
    expect(() => open(h.dir, h.clock)).toThrow(expect.objectContaining({ code: 'STORE_DAMAGED' }))

    // A file that is not a backup is refused and nothing is moved.
    const junk = path.join(h.dir, 'junk.db')
    fs.writeFileSync(junk, 'not a database')
    expect(() => placeBackup(junk, h.file)).toThrow(expect.objectContaining({ code: 'BACKUP_INVALID' }))
    expect(fs.existsSync(h.file)).toBe(true)

    const placed = placeBackup(backup, h.file)
    expect(placed.movedAside.length).toBeGreaterThan(0)
    const reopened = open(h.dir, h.clock)
    cleanups.push(() => reopened.sqlite.open && reopened.close())
    expect(snapshot(reopened.sqlite)).toEqual(before)
    expect(currentJob(reopened.sqlite)).toBeNull()
  })

  it('checks a backup’s integrity in a worker thread, so the hub keeps answering meanwhile', async () => {
    const h = hotel()
    const file = path.join(status(h).folder, await backUpNow(h))
    let turns = 0
    let counting = true
    const count = () => {
      if (!counting) return
      turns++
      setImmediate(count)
    }
    setImmediate(count)
    await checkIntegrityOffThread(file)
    counting = false
    expect(turns).toBeGreaterThan(2)
    const bytes = fs.readFileSync(file)
    bytes.fill(0x33, bytes.length - 4096 + 8)
    const damaged = path.join(h.dir, 'damaged.db')
    fs.writeFileSync(damaged, bytes)
    await expect(checkIntegrityOffThread(damaged)).rejects.toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'damaged' } })
  })

  it('restores a backup whose data is still in its write-ahead log: the same data backup.check reported', async () => {
    const h = hotel()
    // Another hotel, still open, its latest writes only in its -wal (no checkpoint, not closed).
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-backup-other-'))
    const other = open(otherDir, h.clock)
    cleanups.push(() => {
      if (other.sqlite.open) other.close()
      fs.rmSync(otherDir, { recursive: true, force: true })
    })
    other.sqlite.pragma('wal_autocheckpoint = 0')
    const small = seedSmallHotel(other)
    for (let i = 0; i < 40; i++) ok(other.callAs(small.desk, 'guest.create', { nativeName: `客人${i}`, romanName: `GUEST ${i}` }))
    const expected = snapshot(other.sqlite)
    const guests = other.sqlite.prepare('SELECT count(*) FROM guest').pluck().get() as number
    expect(guests).toBeGreaterThanOrEqual(40)

    // Copied aside as a backup would be by hand: the file and its -wal.
    const folder = status(h).folder
    fs.mkdirSync(folder, { recursive: true })
    const name = 'zhike-2026-11-29-manual-20261129T100000.db'
    const otherFile = path.join(otherDir, 'zhike.db')
    fs.copyFileSync(otherFile, path.join(folder, name))
    fs.copyFileSync(`${otherFile}-wal`, path.join(folder, `${name}-wal`))
    expect(fs.statSync(path.join(folder, `${name}-wal`)).size).toBeGreaterThan(0)
    // The main file by itself does not hold those guests: a byte copy of it alone would lose them.
    const alone = path.join(h.dir, 'alone.db')
    fs.copyFileSync(otherFile, alone)
    const aloneDb = new BetterSqlite3(alone, { readonly: true })
    let aloneGuests: number | string
    try {
      aloneGuests = aloneDb.prepare('SELECT count(*) FROM guest').pluck().get() as number
    } catch (error) {
      aloneGuests = (error as Error).message
    }
    aloneDb.close()
    expect(aloneGuests).not.toBe(guests)

    const checked = ok<{ guests: number; admins: number }>(h.call(h.manager, 'backup.check', { file: name }))
    expect(checked.guests).toBe(guests)
    expect(checked.admins).toBeGreaterThan(0)
    const job = await restore(h, name)
    expect(job?.state, JSON.stringify(job?.error)).toBe('done')
    expect(h.core.sqlite.prepare('SELECT count(*) FROM guest').pluck().get()).toBe(checked.guests)
    expect(snapshot(h.core.sqlite)).toEqual(expected)
    // Someone can sign in to the restored hotel.
    ok(h.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' }))
  })

  it('refuses the live store’s own file (its -wal, -shm, a link to it) and leaves the data untouched', async () => {
    const h = hotel()
    ok(h.call(h.desk, 'guest.create', { nativeName: '孙权', romanName: 'SUN Quan' }))
    const before = snapshot(h.core.sqlite)
    const guests = h.core.sqlite.prepare('SELECT count(*) FROM guest').pluck().get()
    const symlink = path.join(h.dir, 'link.db')
    fs.symlinkSync(h.file, symlink)
    const hardLink = path.join(h.dir, 'hard.db')
    fs.linkSync(h.file, hardLink)
    const candidates = [h.file, path.join(h.dir, 'backups', '..', 'zhike.db'), symlink, hardLink, `${h.file}-wal`, `${h.file}-shm`].filter((f) => fs.existsSync(f))
    expect(candidates.length).toBeGreaterThanOrEqual(5)
    for (const file of candidates) {
      const checked = failure(h.call(h.admin, 'backup.check', { file }))
      expect(checked, file).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'live_store', issues: [{ path: 'file' }] } })
      expect(checked.message).toMatch(/live data/)
      const refused = failure(h.call(h.admin, 'backup.restore', { file, confirm: true }))
      expect(refused, file).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'live_store' } })
    }
    expect(currentJob(h.core.sqlite)).toBeNull()
    expect(snapshot(h.core.sqlite)).toEqual(before)
    expect(h.core.sqlite.prepare('SELECT count(*) FROM guest').pluck().get()).toBe(guests)
    expect(status(h).backups).toEqual([])
    ok(h.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' }))
    expect(() => placeBackup(h.file, h.file)).toThrow(expect.objectContaining({ code: 'BACKUP_INVALID', details: expect.objectContaining({ reason: 'live_store' }) }))
  })

  it('refuses a backup in which no administrator could sign in', async () => {
    const h = hotel()
    const folder = status(h).folder
    const good = path.join(folder, await backUpNow(h))
    const before = snapshot(h.core.sqlite)
    const retired = 'zhike-2026-11-21-manual-20261121T100000.db'
    const empty = 'zhike-2026-11-22-manual-20261122T100000.db'
    fs.copyFileSync(good, path.join(folder, retired))
    const a = new BetterSqlite3(path.join(folder, retired))
    a.prepare("UPDATE staff SET active = 0 WHERE role = 'admin'").run()
    a.close()
    fs.copyFileSync(good, path.join(folder, empty))
    const b = new BetterSqlite3(path.join(folder, empty))
    b.pragma('foreign_keys = OFF')
    b.exec('DELETE FROM staff_session; DELETE FROM staff')
    b.close()
    for (const file of [retired, empty]) {
      const checked = failure(h.call(h.manager, 'backup.check', { file }))
      expect(checked, file).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'no_admin', issues: [{ path: 'file' }] } })
      expect(checked.message).toMatch(/nobody could sign in/)
      expect(failure(h.call(h.admin, 'backup.restore', { file, confirm: true }))).toMatchObject({ code: 'BACKUP_INVALID', details: { reason: 'no_admin' } })
    }
    expect(() => placeBackup(path.join(folder, empty), path.join(h.dir, 'elsewhere.db'))).toThrow(expect.objectContaining({ code: 'BACKUP_INVALID' }))
    expect(currentJob(h.core.sqlite)?.kind).toBe('backup')
    expect(snapshot(h.core.sqlite)).toEqual(before)
    expect(status(h).backups.filter((l) => l.kind === 'before-restore')).toEqual([])
    ok(h.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' }))
  })

  it('refuses a root, a system folder and the data folder itself as the backup folder, creating nothing', async () => {
    const h = hotel()
    const etcLink = path.join(h.dir, 'to-etc')
    fs.symlinkSync('/etc', etcLink)
    const dataLink = path.join(h.dir, '..', `${path.basename(h.dir)}-link`)
    fs.symlinkSync(h.dir, dataLink)
    cleanups.push(() => fs.rmSync(dataLink, { force: true }))
    const unsafe = ['/', '/etc', '/etc/zhike-backups', '/usr/local/zhike', '/var/lib/zhike', '/proc', '/home', '/tmp', h.dir, `${h.dir}/`, path.join(h.dir, 'backups', '..'), etcLink, path.join(etcLink, 'new'), dataLink]
    for (const folder of unsafe) {
      const refused = failure(h.call(h.manager, 'backup.setSettings', { folder }))
      expect(refused, folder).toMatchObject({ code: 'VALIDATION', details: { reason: 'unsafe_folder', issues: [{ path: 'folder' }] } })
    }
    expect(fs.existsSync('/etc/zhike-backups')).toBe(false)
    expect(fs.existsSync('/usr/local/zhike')).toBe(false)
    expect(fs.existsSync('/var/lib/zhike')).toBe(false)
    expect(status(h)).toMatchObject({ folder: path.join(h.dir, 'backups'), isDefault: true })

    // The default, a folder inside the data folder, keeps working, typed or not.
    expect(await backUpNow(h)).toMatch(/\.db$/)
    expect(ok(h.call(h.manager, 'backup.setSettings', { folder: path.join(h.dir, 'backups') }))).toMatchObject({ folder: path.join(h.dir, 'backups') })
    expect(ok(h.call(h.manager, 'backup.setSettings', { folder: path.join(h.dir, 'offsite') }))).toMatchObject({ folder: path.join(h.dir, 'offsite') })

    // A folder set before these checks is refused when a backup would use it, and the page says why.
    h.core.sqlite.prepare("UPDATE setting SET value = '/etc' WHERE key = 'backup.folder'").run()
    expect(failure(h.call(h.manager, 'backup.now', {}))).toMatchObject({ code: 'BACKUP_FOLDER', details: { reason: 'unsafe_folder' } })
    expect(ok<{ folderProblem: { reason: string } | null }>(h.call(h.manager, 'backup.status', {})).folderProblem?.reason).toBe('unsafe_folder')
  })

  it('knows roots and system folders on Windows and on Unix', () => {
    for (const folder of ['C:\\', 'd:\\', 'C:\\Windows', 'c:\\windows\\System32\\zhike', 'C:\\Program Files\\Zhike', 'C:\\Program Files (x86)', 'C:\\Users', '\\\\server\\share']) {
      expect(unsafeFolderProblem(folder, { platform: 'win32' }), folder).not.toBeNull()
    }
    for (const folder of ['D:\\Zhike backups', 'C:\\Users\\anna\\Zhike backups', '\\\\server\\share\\zhike']) {
      expect(unsafeFolderProblem(folder, { platform: 'win32' }), folder).toBeNull()
    }
    expect(unsafeFolderProblem('C:\\Zhike\\data', { platform: 'win32', dataFolder: 'c:\\zhike\\DATA' })).not.toBeNull()
    expect(unsafeFolderProblem('C:\\Zhike\\data\\backups', { platform: 'win32', dataFolder: 'C:\\Zhike\\data' })).toBeNull()
    for (const folder of ['/', '/boot', '/sys/kernel', '/var/lib', '/lib64/x', '/root', '/System/Library']) {
      expect(unsafeFolderProblem(folder, { platform: 'linux' }), folder).not.toBeNull()
    }
    for (const folder of ['/srv/zhike-backups', '/home/anna/backups', '/root/zhike-backups', '/var/backups/zhike', '/mnt/usb/zhike']) {
      expect(unsafeFolderProblem(folder, { platform: 'linux' }), folder).toBeNull()
    }
  })
})
