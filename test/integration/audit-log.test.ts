import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { operations } from '../../electron/core/api'
import { knownAuditActions, auditActionLabelKey, type AuditedOperation } from '../../electron/core/audit/audit-actions'
import type { Actor } from '../../electron/core/context'
import { createCore } from '../../electron/core/core'
import { existingExportJobs } from '../../electron/core/exports/export-jobs'
import { failure, ok, seedSmallHotel, type SmallHotel } from '../fixtures/test-store'
import auditEn from '../../src/i18n/audit.en.json'
import auditZh from '../../src/i18n/audit.zh-CN.json'

/** A store whose clock the test moves, so rows fall on different hotel dates. */
function movableStore(start: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-audit-'))
  const file = path.join(dir, 'zhike.db')
  let now = new Date(start)
  const core = createCore({
    file,
    clock: { now: () => new Date(now) },
    demoDir: fileURLToPath(new URL('../../resources/demo', import.meta.url)),
    logError: process.env.ZHIKE_TEST_LOG ? (e, name) => console.error(name, e) : () => {},
  })
  return {
    core,
    dir,
    setNow: (iso: string) => (now = new Date(iso)),
    cleanup: () => {
      core.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

type Row = { id: number; at: string; action: string; labelKey: string; terminal: string | null; staff: { id: number; name: string; code: string } | null; guest: { id: number; name: string | null; state: string } | null; detail: unknown }
type Page = { rows: Row[]; nextBefore: number | null }

describe('the audit log, for managers', () => {
  let store: ReturnType<typeof movableStore>
  let hotel: SmallHotel
  let manager: Actor
  let relations: Actor
  let ho: number
  let formula: number

  beforeEach(() => {
    // 2026-11-28 10:00 in Shanghai.
    store = movableStore('2026-11-28T02:00:00Z')
    hotel = seedSmallHotel(store.core)
    ok(hotel.call(hotel.admin, 'hotel.setClock', { timeZone: 'Asia/Shanghai' }))
    ok(hotel.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager Mei', department: 'front_office', role: 'manager', pin: '123456' }))
    ok(hotel.call(hotel.admin, 'staff.create', { code: 'gr01', name: 'Relations Rui', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
    manager = ok(store.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
    relations = ok(store.core.callAs(null, 'session.signIn', { code: 'gr01', pin: '1234' })).staff
    ho = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '何家俊', romanName: 'HO Ka Chun', nationality: 'MO' })).id
    formula = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '=HYPERLINK("http://x","y")', romanName: 'FORMULA Test' })).id
    // 2026-11-28 14:00 Shanghai: the desk opens Ho's card.
    store.setNow('2026-11-28T06:00:00Z')
    ok(hotel.call(hotel.desk, 'guest.card', { guestId: ho }))
    // 2026-11-29 01:30 Shanghai (still 11-28 in UTC): guest relations opens it again.
    store.setNow('2026-11-28T17:30:00Z')
    ok(hotel.call(relations, 'guest.card', { guestId: ho }))
    // 2026-11-30 09:00 Shanghai: the desk opens the other guest's card.
    store.setNow('2026-11-30T01:00:00Z')
    ok(hotel.call(hotel.desk, 'guest.card', { guestId: formula }))
  })
  afterEach(() => store.cleanup())

  const search = (filter: Record<string, unknown>, extra: Record<string, unknown> = {}): Page => ok(hotel.call(manager, 'audit.search', { filter, ...extra }))

  it('finds a guest’s rows, naming the guest as they are now, newest first', () => {
    const { rows } = search({ guestId: ho })
    expect(rows.length).toBeGreaterThanOrEqual(3)
    expect(rows.every((r) => r.guest?.id === ho)).toBe(true)
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a))
    const cards = rows.filter((r) => r.action === 'guest.view')
    expect(cards.map((r) => r.staff?.code)).toEqual(['gr01', 'fd01'])
    expect(cards[0]).toMatchObject({ labelKey: 'auditLog.actions.guest_view', guest: { id: ho, name: '何家俊', state: 'active' }, staff: { name: 'Relations Rui', code: 'gr01' } })
    expect(rows.some((r) => r.action === 'guest.create')).toBe(true)
    // The other guest's card is not among them.
    expect(rows.some((r) => r.guest?.id === formula)).toBe(false)
  })

  it('filters by staff member, by action, and by the hotel’s local dates', () => {
    const byRelations = search({ staffId: relations.staffId }).rows
    expect(byRelations.length).toBeGreaterThan(0)
    expect(byRelations.every((r) => r.staff?.id === relations.staffId)).toBe(true)

    const cards = search({ actions: ['guest.view'] }).rows
    expect(cards.map((r) => r.guest?.id)).toEqual([formula, ho, ho])

    const cardsAndCreates = search({ actions: ['guest.view', 'guest.create'] }).rows
    expect(new Set(cardsAndCreates.map((r) => r.action))).toEqual(new Set(['guest.view', 'guest.create']))

    // 01:30 on 11-29 in Shanghai is 11-28 in UTC: it belongs to the hotel's 11-29.
    const on28 = search({ actions: ['guest.view'], from: '2026-11-28', to: '2026-11-28' }).rows
    expect(on28.map((r) => r.staff?.code)).toEqual(['fd01'])
    const on29 = search({ actions: ['guest.view'], from: '2026-11-29', to: '2026-11-29' }).rows
    expect(on29.map((r) => r.staff?.code)).toEqual(['gr01'])
    const from29 = search({ actions: ['guest.view'], from: '2026-11-29' }).rows
    expect(from29.map((r) => r.guest?.id)).toEqual([formula, ho])
    const to28 = search({ actions: ['guest.view'], to: '2026-11-28' }).rows
    expect(to28).toHaveLength(1)
  })

  it('pages newest first by id, without gaps or repeats', () => {
    const all = search({}, { limit: 200 }).rows
    expect(all.length).toBeGreaterThan(5)
    const seen: number[] = []
    // Start just above the newest row seen: every search writes a row of its own, newer than these.
    let before: number | null | undefined = all[0].id + 1
    let pages = 0
    do {
      const page: Page = search({}, { limit: 2, before })
      expect(page.rows.length).toBeLessThanOrEqual(2)
      seen.push(...page.rows.map((r) => r.id))
      before = page.nextBefore
      pages++
    } while (before && pages < 200)
    // The searches themselves are logged, after the first page was read: the pages hold exactly the rows that existed.
    expect(seen).toEqual(all.map((r) => r.id))
    expect(failure(hotel.call(manager, 'audit.search', { filter: {}, limit: 201 }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'limit' }] } })
  })

  it('logs each search, with its filter and never a name', () => {
    search({ guestId: ho, actions: ['guest.view'] })
    const logged = search({ actions: ['audit.search'] }).rows
    expect(logged[0]).toMatchObject({ action: 'audit.search', staff: { code: 'mg01' } })
    const first = logged.find((r) => r.guest?.id === ho)!
    expect(first.detail).toMatchObject({ filter: { guestId: ho, actions: ['guest.view'] } })
    expect(JSON.stringify(first.detail)).not.toContain('何家俊')
  })

  it('refuses bad filters, naming the field', () => {
    const issues = (filter: Record<string, unknown>) => (failure(hotel.call(manager, 'audit.search', { filter })).details as { issues: { path: string }[] }).issues.map((i) => i.path)
    expect(failure(hotel.call(manager, 'audit.search', { filter: { from: '2026-11-30', to: '2026-11-28' } })).code).toBe('VALIDATION')
    expect(issues({ from: '2026-11-30', to: '2026-11-28' })).toEqual(['filter.to'])
    expect(issues({ from: '2026-02-30' })).toEqual(['filter.from'])
    expect(issues({ guestId: 999999 })).toEqual(['filter.guestId'])
    expect(issues({ guestId: -1 })).toEqual(['filter.guestId'])
    expect(issues({ staffId: 424242 })).toEqual(['filter.staffId'])
    expect(issues({ actions: ['guest.view', 'no.such.thing'] })).toEqual(['filter.actions.1'])
    expect(issues({ guest: 1 })).toEqual(['filter.guest'])
  })

  it('is for managers and administrators only', () => {
    for (const who of [hotel.desk, hotel.housekeeper, relations]) {
      for (const [name, input] of [
        ['audit.search', { filter: {} }],
        ['audit.filters', {}],
        ['audit.export', { filter: {} }],
      ] as const) {
        expect(failure(hotel.call(who, name, input)).code, `${who.role} ${name}`).toBe('FORBIDDEN')
      }
    }
    expect(ok<Page>(hotel.call(hotel.admin, 'audit.search', { filter: { guestId: ho } })).rows.length).toBeGreaterThan(0)
  })

  it('offers every action and staff member as a filter, each action with words in English and Chinese', () => {
    const choices = ok<{ actions: { action: string; labelKey: string }[]; staff: { code: string; active: number }[] }>(hotel.call(manager, 'audit.filters', {}))
    const actions = choices.actions.map((a) => a.action)
    for (const a of ['guest.card', 'guest.view', 'guest.create', 'session.signIn', 'export', 'audit.search', 'audit.export', 'stay.check_in']) expect(actions).toContain(a)
    expect(choices.staff.map((s) => s.code)).toEqual(expect.arrayContaining(['ad01', 'fd01', 'hk01', 'mg01', 'gr01']))
    const words = (file: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], file)
    const missing = knownAuditActions(operations as unknown as Record<string, AuditedOperation>).flatMap((action) =>
      [auditEn, auditZh].filter((file) => typeof words(file, auditActionLabelKey(action)) !== 'string').map((file) => `${action} (${file === auditEn ? 'en' : 'zh-CN'})`),
    )
    expect(missing).toEqual([])
  })

  it('shows an erased guest as anonymised', () => {
    ok(hotel.call(manager, 'guest.erase', { guestId: formula, reason: 'guest_request' }))
    const rows = search({ guestId: formula }).rows
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['guest.erase', 'guest.view', 'guest.create']))
    for (const row of rows) expect(row.guest).toMatchObject({ id: formula, name: null, state: 'anonymised' })
    expect(JSON.stringify(rows)).not.toContain('HYPERLINK')
    // Everyone else keeps their name.
    expect(search({ guestId: ho }).rows[0].guest).toMatchObject({ name: '何家俊', state: 'active' })
  })

  it('exports the rows a filter finds to CSV: BOM, CRLF, formulas guarded, and the export logged', async () => {
    const { jobId, job } = ok(hotel.call(manager, 'audit.export', { filter: { actions: ['guest.view'] }, lang: 'en' }))
    expect(job.kind).toBe('audit-log.csv')
    await existingExportJobs(store.core.sqlite)!.settled()
    const status = ok(hotel.call(manager, 'export.status', { jobId }))
    expect(status).toMatchObject({ state: 'done', guests: 3 })
    const folder = path.join(store.dir, 'exports')
    const file = fs.readdirSync(folder).find((f) => f.startsWith('audit-log-') && f.endsWith('.csv'))!
    const bytes = fs.readFileSync(path.join(folder, file))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    const lines = text.split('\r\n')
    expect(lines.at(-1)).toBe('')
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
    expect(lines[0]).toBe('Time (hotel),Time (UTC),Staff code,Staff,Terminal,Action,Guest id,Guest,Entity,Entity id,Detail')
    expect(lines).toHaveLength(5)
    // Newest first, times in the hotel's zone: 09:00 on 11-30 in Shanghai.
    expect(lines[1]).toMatch(/^2026-11-30 09:00:00,2026-11-30T01:00:00.000Z,fd01,Staff fd01,desktop,guest\.view,\d+,"'=HYPERLINK\(""http:\/\/x"",""y""\) \/ FORMULA Test",/)
    expect(lines[2]).toContain('何家俊 / HO Ka Chun')
    // The start and the finished file are both in the log.
    const logged = search({ actions: ['audit.export', 'export'] }).rows
    expect(logged.map((r) => r.action).sort()).toEqual(['audit.export', 'export'])
    expect(logged.find((r) => r.action === 'audit.export')!.detail).toMatchObject({ filter: { actions: ['guest.view'] }, jobId })
  })

  it('writes the file’s header in Chinese when asked', async () => {
    const { jobId } = ok(hotel.call(manager, 'audit.export', { filter: { guestId: ho }, lang: 'zh-CN' }))
    await existingExportJobs(store.core.sqlite)!.settled()
    expect(ok(hotel.call(manager, 'export.status', { jobId })).state).toBe('done')
    const folder = path.join(store.dir, 'exports')
    const file = fs.readdirSync(folder).find((f) => f.endsWith('.csv'))!
    const text = fs.readFileSync(path.join(folder, file), 'utf8')
    expect(text.split('\r\n')[0]).toBe('\uFEFF时间（酒店）,时间（UTC）,员工编号,员工,终端,操作,客人编号,客人,对象,对象编号,详情')
  })

  it('is append-only: the store itself refuses to change or delete a row', () => {
    const row = search({ guestId: ho, actions: ['guest.view'] }).rows[0]
    expect(() => store.core.sqlite.prepare('UPDATE audit_log SET action = ? WHERE id = ?').run('nothing', row.id)).toThrow(/append-only/)
    expect(() => store.core.sqlite.prepare('UPDATE audit_log SET detail = NULL WHERE id = ?').run(row.id)).toThrow(/append-only/)
    expect(() => store.core.sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(row.id)).toThrow(/append-only/)
    expect(() => store.core.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(store.core.sqlite.prepare('SELECT action, detail FROM audit_log WHERE id = ?').get(row.id)).toEqual({ action: 'guest.view', detail: null })
  })
})
