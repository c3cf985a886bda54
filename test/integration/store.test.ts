import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../electron/core/db/open'
import { migrations } from '../../electron/core/db/migrations'
import type { Migration } from '../../electron/core/db/migrations/migration'
import { ok, seedSmallHotel, tempStore } from '../fixtures/test-store'

const dirs: string[] = []
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-store-'))
  dirs.push(dir)
  return path.join(dir, 'zhike.db')
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('the store', () => {
  it('opens with WAL, foreign keys and synchronous=FULL', () => {
    const sqlite = openSqlite({ file: tempFile() })
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    sqlite.close()
  })

  it('records every migration once, and reopening runs none again', () => {
    const file = tempFile()
    openSqlite({ file }).close()
    const sqlite = openSqlite({ file })
    const names = (sqlite.prepare('SELECT name FROM schema_migration ORDER BY name').all() as { name: string }[]).map((r) => r.name)
    expect(names).toEqual(migrations.map((m) => m.name))
    sqlite.close()
  })

  it('refuses to open a database written by a newer version, and leaves it untouched', () => {
    const file = tempFile()
    const sqlite = openSqlite({ file })
    sqlite.prepare('INSERT INTO schema_migration (name, applied_at) VALUES (?, ?)').run('9999-from-the-future', 'x')
    sqlite.close()
    const before = fs.readFileSync(file)
    expect(() => openSqlite({ file })).toThrow(/newer Zhike/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('backs up an existing file before migrating it', () => {
    const file = tempFile()
    const sqlite = openSqlite({ file })
    sqlite.prepare("INSERT INTO department (code, name_en, name_zh) VALUES ('spa', 'Spa', '水疗')").run()
    sqlite.close()
    const extra: Migration = { name: '9000-test-extra', up: ({ run }) => run('CREATE TABLE extra_test (id INTEGER PRIMARY KEY)') }
    let backup = ''
    openSqlite({ file, migrations: [...migrations, extra], onBackup: (b) => (backup = b) }).close()
    expect(fs.existsSync(backup)).toBe(true)
    const copy = openSqlite({ file: backup })
    expect((copy.prepare("SELECT name_zh FROM department WHERE code = 'spa'").get() as { name_zh: string }).name_zh).toBe('水疗')
    copy.close()
  })

  it('rolls a failing migration back completely', () => {
    const file = tempFile()
    openSqlite({ file }).close()
    const broken: Migration = {
      name: '9001-broken',
      up: ({ run }) => {
        run('CREATE TABLE half_done (id INTEGER)')
        run('THIS IS NOT SQL')
      },
    }
    expect(() => openSqlite({ file, migrations: [...migrations, broken] })).toThrow()
    const sqlite = openSqlite({ file })
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined()
    sqlite.close()
  })

  it('refuses a second in-house stay in one room at the database level', () => {
    const sqlite = openSqlite({ file: tempFile() })
    sqlite.exec(`
      INSERT INTO room (number, floor, facing, bed) VALUES ('101', 1, 'S', 'king');
      INSERT INTO guest (native_name, created_at, updated_at) VALUES ('A', 'x', 'x'), ('B', 'x', 'x');
      INSERT INTO stay (confirmation_no, guest_id, arrival_date, departure_date, room_id, status, created_at)
        VALUES ('C1', 1, '2026-01-01', '2026-01-02', 1, 'in_house', 'x');`)
    expect(() =>
      sqlite.exec("INSERT INTO stay (confirmation_no, guest_id, arrival_date, departure_date, room_id, status, created_at) VALUES ('C2', 2, '2026-01-01', '2026-01-02', 1, 'in_house', 'x')"),
    ).toThrow(/UNIQUE/)
    sqlite.close()
  })

  it('uses indexes for the hot lookups (card, board, arrivals)', () => {
    const sqlite = openSqlite({ file: tempFile() })
    const plan = (q: string) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(plan('SELECT * FROM preference WHERE guest_id = 1 AND active = 1')).toMatch(/USING INDEX preference_by_guest/)
    expect(plan('SELECT * FROM stay WHERE guest_id = 1 ORDER BY arrival_date')).toMatch(/USING INDEX stay_by_guest/)
    expect(plan("SELECT * FROM prompt WHERE department_code = 'x' AND status IN ('open','acknowledged')")).toMatch(/USING INDEX prompt_by_department/)
    expect(plan("SELECT * FROM stay WHERE arrival_date = '2026-01-01' AND status = 'reserved'")).toMatch(/USING (COVERING )?INDEX stay_(by_arrival|by_status|visits)/)
    sqlite.close()
  })
})

describe('a damaged setting', () => {
  it('does not lock anyone out: the first screen still answers, without the hotel name', () => {
    const store = tempStore()
    try {
      seedSmallHotel(store.core)
      expect(ok<{ hotelName: unknown }>(store.core.callAs(null, 'setup.status', {})).hotelName).toMatchObject({ en: expect.any(String), zh: expect.any(String) })
      for (const damaged of ['{"en": "Harbour', '5', '{"en": 1}']) {
        store.core.sqlite.prepare("UPDATE setting SET value = ? WHERE key = 'hotel.name'").run(damaged)
        expect(ok<{ hotelName: unknown; needsSetup: boolean }>(store.core.callAs(null, 'setup.status', {}))).toMatchObject({ hotelName: null, needsSetup: false })
      }
    } finally {
      store.cleanup()
    }
  })
})
