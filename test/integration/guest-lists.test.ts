import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { existingExportJobs } from '../../electron/core/exports/export-jobs'
import { guestListStatement } from '../../electron/core/exports/guest-list.repository'
import { writeGuestListCsv } from '../../electron/core/exports/guest-list.writer'
import { createCore } from '../../electron/core/core'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'
import { loopbackHub, type LoopbackHub } from '../fixtures/loopback-hub'

// Each export starts a worker thread that loads the writers through tsx: seconds on a busy machine.
vi.setConfig({ testTimeout: 90_000 })

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let manager: Actor
let manager2: Actor
const ids: Record<string, number> = {}

/** A past stay, as the PMS history would hold it (the desk cannot book in the past). */
function pastStay(guestId: number, arrival: string, departure: string): void {
  store.core.sqlite
    .prepare(
      "INSERT INTO stay (confirmation_no, guest_id, arrival_date, departure_date, party_size, status, created_at) VALUES (?, ?, ?, ?, 1, 'checked_out', ?)",
    )
    .run(`H${guestId}-${arrival}`, guestId, arrival, departure, `${arrival}T06:00:00.000Z`)
}

function guest(key: string, fields: Record<string, unknown>, patch: Record<string, unknown> = {}, interests: string[] = []): number {
  const { id } = ok(hotel.call(hotel.desk, 'guest.create', fields))
  if (Object.keys(patch).length > 0) ok(hotel.call(hotel.admin, 'guest.update', { guestId: id, fields: patch }))
  // The administrator: a restricted profile is not the desk's to change.
  for (const value of interests) ok(hotel.call(hotel.admin, 'preference.add', { guestId: id, category: 'interest', code: 'hobby', value }))
  ids[key] = id
  return id
}

beforeAll(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  const staff = (code: string): Actor => {
    ok(store.core.callAs(hotel.admin, 'staff.create', { code, name: `Manager ${code}`, department: 'front_office', role: 'manager', pin: '123456' }))
    return ok(store.core.callAs(null, 'session.signIn', { code, pin: '123456' })).staff
  }
  manager = staff('mg01')
  manager2 = staff('mg02')
  // Calligraphy lovers: one consents, one withdrew, one never asked, one restricted, one without contacts.
  guest('shan', { nativeName: '单雪松', romanName: 'SHAN Xuesong', phone: '+86 139 2468 1357', email: 'shan@example.cn', nationality: 'CN', vip: 2, languages: ['zh'] }, { consentMarketing: true }, ['calligraphy', 'tea'])
  guest('lin', { nativeName: '林美华', romanName: 'LIN Meihua', phone: '+65 9123 4567', nationality: 'SG', vip: 0 }, { consentMarketing: false }, ['calligraphy'])
  guest('wong', { nativeName: '黄志明', romanName: 'WONG Chi Ming', email: 'wong@example.hk', nationality: 'HK', vip: 1 }, {}, ['calligraphy'])
  guest('secret', { nativeName: '秘密', romanName: 'MI Mi', phone: '+86 138 0000 0000', nationality: 'CN', vip: 3 }, { consentMarketing: true, restricted: true, restrictionNote: 'Security' }, ['calligraphy'])
  guest('nocontact', { nativeName: '周无', romanName: 'ZHOU Wu', nationality: 'CN' }, { consentMarketing: true }, ['calligraphy'])
  // Not calligraphy; a name that would be a spreadsheet formula, quotes and a comma.
  guest('formula', { nativeName: '=HYPERLINK("http://x","y")', romanName: 'Smith, "Bob"', phone: '+1 555 0100', nationality: 'US', company: '@evil' }, { consentMarketing: true }, ['golf'])
  pastStay(ids.shan, '2025-03-01', '2025-03-04')
  pastStay(ids.shan, '2026-06-10', '2026-06-12')
  pastStay(ids.lin, '2024-01-05', '2024-01-07')
  pastStay(ids.formula, '2026-02-01', '2026-02-02')
})
afterAll(async () => {
  await existingExportJobs(store.core.sqlite)?.stopAll()
  store.cleanup()
})

const calligraphy = { category: 'interest', code: 'hobby', value: 'calligraphy' }
const preview = (filter: Record<string, unknown>, columns: string[] = ['nativeName'], extra: Record<string, unknown> = {}) =>
  ok(store.core.callAs(manager, 'guestList.preview', { filter, columns, ...extra }))

async function runExport(actor: Actor, kind: string, params: Record<string, unknown>) {
  const { jobId } = ok(store.core.callAs(actor, 'export.start', { kind, params }))
  await existingExportJobs(store.core.sqlite)!.settled()
  return ok(store.core.callAs(actor, 'export.status', { jobId }))
}

describe('guest lists: filters', () => {
  it('finds guests by interest, VIP level, nationality, last stay and consent', () => {
    const names = (filter: Record<string, unknown>) => preview(filter).rows.map((r: string[]) => r[0]).sort()
    expect(names({ preferences: [calligraphy] })).toEqual(['周无', '单雪松', '林美华', '秘密', '黄志明'].sort())
    expect(names({ preferences: [calligraphy], vip: [2, 3] })).toEqual(['单雪松', '秘密'].sort())
    expect(names({ nationalities: ['SG', 'HK'] })).toEqual(['林美华', '黄志明'].sort())
    expect(names({ lastStayFrom: '2026-01-01' })).toEqual(['=HYPERLINK("http://x","y")', '单雪松'].sort())
    expect(names({ lastStayTo: '2025-12-31' })).toEqual(['林美华'])
    expect(names({ preferences: [calligraphy], consent: 'withdrawn' })).toEqual(['林美华'])
    expect(names({ preferences: [calligraphy], consent: 'not_asked' })).toEqual(['黄志明'])
    expect(names({ preferences: [{ category: 'interest', value: 'tea' }] })).toEqual(['单雪松'])
    expect(names({ preferences: [calligraphy], nationalities: ['CN'], lastStayFrom: '2026-01-01' })).toEqual(['单雪松'])
  })

  it('shows last stay, stays count and a category of preferences in words, in Chinese too', () => {
    const value = preview({ preferences: [calligraphy], vip: [2] }, ['nativeName', 'lastStay', 'stays', 'preferences:interest', 'vip'], { lang: 'zh-CN' })
    expect(value.header).toEqual(['姓名', '最近入住', '入住次数', '爱好', 'VIP 等级'])
    expect(value.rows).toEqual([['单雪松', '2026-06-10', 2, '爱好: 书法 (偏好); 爱好: 品茶 (偏好)', 2]])
  })

  it('a contact list leaves out guests without consent, without contact details or restricted, and counts why', () => {
    const value = preview({ preferences: [calligraphy], contactList: true }, ['nativeName', 'phone', 'email'])
    expect(value.rows).toEqual([['单雪松', '+86 139 2468 1357', 'shan@example.cn']])
    expect(value).toMatchObject({ matched: 5, listed: 1, leftOut: { noConsent: 2, restricted: 1, noContact: 1 } })
  })

  it('reads each guest\'s stays and preferences from the indexes alone (EXPLAIN QUERY PLAN), so a list of a whole hotel stays fast', () => {
    const { sql, params } = guestListStatement({ preferences: [], contactList: false, consent: 'any' }, ['nativeName', 'lastStay', 'stays', 'preferences:interest'])
    const plan = (store.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(plan.match(/SEARCH s USING COVERING INDEX stay_by_guest \(guest_id=\?\)/g)).toHaveLength(1) // stays and last stay in one read
    expect(plan).toMatch(/SEARCH p USING COVERING INDEX preference_by_guest \(guest_id=\? AND active=\? AND category=\?\)/)
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })

  it('refuses a bad filter naming the field, and a role without guest.export', () => {
    const bad = failure(store.core.callAs(manager, 'guestList.preview', { filter: { lastStayFrom: '2026-02-30' }, columns: ['nativeName'] }))
    expect(bad.code).toBe('VALIDATION')
    expect(JSON.stringify(bad.details)).toContain('lastStayFrom')
    expect(failure(store.core.callAs(hotel.desk, 'guestList.preview', { filter: {}, columns: ['nativeName'] })).code).toBe('FORBIDDEN')
    expect(failure(store.core.callAs(hotel.desk, 'export.start', { kind: 'guest-list.csv', params: { columns: ['nativeName'] } })).code).toBe('FORBIDDEN')
    const noColumns = failure(store.core.callAs(manager, 'export.start', { kind: 'guest-list.csv', params: { columns: [] } }))
    expect(noColumns.code).toBe('VALIDATION')
    expect(JSON.stringify(noColumns.details)).toContain('params.columns')
  })
})

describe('guest lists: files', () => {
  it('a store closed while an export runs stops its worker: no partial or unaudited file is left, nothing is written after', async () => {
    const own = tempStore()
    const small = seedSmallHotel(own.core)
    ok(own.core.callAs(small.admin, 'staff.create', { code: 'mg09', name: 'Manager mg09', department: 'front_office', role: 'manager', pin: '123456' }))
    const boss = ok(own.core.callAs(null, 'session.signIn', { code: 'mg09', pin: '123456' })).staff
    ok(own.core.callAs(boss, 'export.start', { kind: 'guest-list.csv', params: { columns: ['nativeName'] } }))
    const jobs = existingExportJobs(own.core.sqlite)!
    const folder = jobs.folder!
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      own.core.close()
      // Long enough for a worker that was not stopped to write its file and try its audit row.
      await new Promise((resolve) => setTimeout(resolve, 3000))
      const left = fs.existsSync(folder) ? fs.readdirSync(folder) : []
      expect(left).toEqual([])
      expect(errors).not.toHaveBeenCalled()
    } finally {
      errors.mockRestore()
      fs.rmSync(own.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
    }
  })

  it('writes CSV as UTF-8 with a BOM, CRLF, RFC 4180 quotes and a formula guard, and audits it', async () => {
    const status = await runExport(manager, 'guest-list.csv', { filter: {}, columns: ['nativeName', 'romanName', 'phone', 'company'], lang: 'zh-CN' })
    expect(status).toMatchObject({ state: 'done', guests: 6, fileName: expect.stringMatching(/^宾客名单-\d{4}-\d{2}-\d{2}\.csv$/) })
    const folder = path.join(store.dir, 'exports')
    const files = fs.readdirSync(folder)
    expect(files.filter((f) => f.endsWith('.part'))).toEqual([])
    const csv = files.find((f) => f.endsWith('.csv'))!
    const bytes = fs.readFileSync(path.join(folder, csv))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(status.bytes).toBe(bytes.length)
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))
    const lines = text.split('\r\n')
    expect(lines[0]).toBe('姓名,拼音/英文名,电话,公司')
    expect(lines).toContain('单雪松,SHAN Xuesong,\'+86 139 2468 1357,')
    expect(lines).toContain(`"'=HYPERLINK(""http://x"",""y"")","Smith, ""Bob""",'+1 555 0100,'@evil`)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')

    const audit = store.core.sqlite.prepare("SELECT staff_id, detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1").get() as { staff_id: number; detail: string }
    expect(audit.staff_id).toBe(manager.staffId)
    expect(JSON.parse(audit.detail)).toMatchObject({ kind: 'guest-list.csv', guests: 6, params: { filter: { consent: 'any' }, columns: ['nativeName', 'romanName', 'phone', 'company'] } })
  })

  it('writes an XLSX that exceljs reads back with the same cells (no formulas, no apostrophes)', async () => {
    const columns = ['nativeName', 'romanName', 'phone', 'vip', 'stays', 'preferences:interest']
    const status = await runExport(manager, 'guest-list.xlsx', { filter: {}, columns, lang: 'en' })
    expect(status).toMatchObject({ state: 'done', guests: 6, fileName: expect.stringMatching(/^guest-list-.*\.xlsx$/) })
    const { rows, header } = preview({}, columns)
    const file = fs.readdirSync(path.join(store.dir, 'exports')).find((f) => f.endsWith('.xlsx'))!
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(path.join(store.dir, 'exports', file))
    const sheet = workbook.worksheets[0]
    const read: unknown[][] = []
    sheet.eachRow((row) => read.push(Array.from({ length: header.length }, (_, i) => row.getCell(i + 1).value ?? '')))
    expect(read[0]).toEqual(header)
    expect(read.slice(1)).toEqual(rows)
    expect(read.slice(1).some((r) => r[0] === '=HYPERLINK("http://x","y")')).toBe(true)
  })

  it('a contact-list export keeps only reachable, consenting guests and says who was left out', async () => {
    const status = await runExport(manager, 'guest-list.csv', { filter: { preferences: [calligraphy], contactList: true }, columns: ['nativeName', 'email'], lang: 'en' })
    expect(status).toMatchObject({ state: 'done', guests: 1, fileName: expect.stringMatching(/^contact-list-/), details: { matched: 5, leftOut: { noConsent: 2, restricted: 1, noContact: 1 } } })
    const audit = store.core.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1").get() as { detail: string }
    expect(JSON.parse(audit.detail)).toMatchObject({ guests: 1, details: { leftOut: { noConsent: 2 } } })
  })

  it('lists the caller\'s own jobs only, and refuses another manager\'s job', async () => {
    const mine = ok(store.core.callAs(manager, 'export.list', {}))
    expect(mine.length).toBeGreaterThanOrEqual(3)
    expect(ok(store.core.callAs(manager2, 'export.list', {}))).toEqual([])
    expect(failure(store.core.callAs(manager2, 'export.status', { jobId: mine[0].jobId })).code).toBe('NOT_FOUND')
    expect(ok(store.core.callAs(hotel.admin, 'export.status', { jobId: mine[0].jobId })).state).toBe('done')
  })
})

describe('export jobs: cancel and failure', () => {
  it('a cancelled export leaves no file, and is not audited', async () => {
    // Many guests, so the job is still running when the cancel arrives.
    const insert = store.core.sqlite.prepare("INSERT INTO guest (native_name, languages, vip, search_key, created_at, updated_at) VALUES (?, '', 0, ?, '2026-01-01', '2026-01-01')")
    store.core.sqlite.transaction(() => {
      for (let i = 0; i < 60_000; i++) insert.run(`客人${i}`, `ke ren ${i}`)
    })()
    const before = (store.core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as { n: number }).n
    const folder = path.join(store.dir, 'exports')
    const filesBefore = fs.readdirSync(folder)
    const { jobId } = ok(store.core.callAs(manager, 'export.start', { kind: 'guest-list.xlsx', params: { filter: {}, columns: ['nativeName', 'lastStay', 'stays'] } }))
    // Wait until it has made progress, then cancel.
    const jobs = existingExportJobs(store.core.sqlite)!
    for (let i = 0; i < 400 && ok(store.core.callAs(manager, 'export.status', { jobId })).done === 0; i++) await new Promise((r) => setTimeout(r, 10))
    expect(ok(store.core.callAs(manager, 'export.status', { jobId })).state).toBe('running')
    ok(store.core.callAs(manager, 'export.cancel', { jobId }))
    await jobs.settled()
    expect(ok(store.core.callAs(manager, 'export.status', { jobId })).state).toBe('cancelled')
    expect(fs.readdirSync(folder)).toEqual(filesBefore)
    expect((store.core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as { n: number }).n).toBe(before)
    store.core.sqlite.prepare("DELETE FROM guest WHERE native_name LIKE '客人%'").run()
  })

  it('an exports path that is a file fails with a clear error and leaves no partial file', () => {
    const other = tempStore()
    const h = seedSmallHotel(other.core)
    fs.writeFileSync(path.join(other.dir, 'exports'), 'not a folder')
    const { jobId } = ok(other.core.callAs(h.admin, 'export.start', { kind: 'guest-list.csv', params: { columns: ['nativeName'] } }))
    return existingExportJobs(other.core.sqlite)!
      .settled()
      .then(() => {
        const status = ok(other.core.callAs(h.admin, 'export.status', { jobId }))
        expect(status.state).toBe('failed')
        expect(status.error).toMatchObject({ code: 'EXPORT_FAILED', details: { context: 'not_a_folder' } })
        expect(status.error.message).toContain('not a folder')
        expect(fs.readdirSync(other.dir).filter((f) => f.includes('.part') || f.endsWith('.csv'))).toEqual([])
        expect(fs.readFileSync(path.join(other.dir, 'exports'), 'utf8')).toBe('not a folder')
      })
      .finally(() => other.cleanup())
  })

  it('a store in memory refuses exports with a clear error', () => {
    const core = createCore({ file: ':memory:', logError: () => {} })
    try {
      const admin = ok(core.callAs(null, 'setup.createFirstAdmin', { hotelName: { en: 'M', zh: 'M' }, departments: [{ code: 'front_office', name: { en: 'FO', zh: 'FO' }, promiseMinutes: 30 }], admin: { code: 'ad01', name: 'Admin', pin: '123456' } })).staff
      const refused = failure(core.callAs(admin, 'export.start', { kind: 'guest-list.csv', params: { columns: ['nativeName'] } }))
      expect(refused).toMatchObject({ code: 'EXPORT_FAILED', details: { context: 'no_folder' } })
    } finally {
      core.close()
    }
  })

  it('a writer can be called directly with a sqlite handle and a file (benchmarks)', async () => {
    const file = path.join(store.dir, 'direct.csv')
    const stream = fs.createWriteStream(file)
    const result = await writeGuestListCsv(
      store.core.sqlite,
      { kind: 'guest-list.csv', params: { columns: ['nativeName'] }, requestedBy: { staffId: manager.staffId, role: 'manager' }, startedAt: '', businessDate: '2026-12-01' },
      { stream, progress: () => {}, cancelled: () => false },
    )
    stream.end()
    await new Promise<void>((r) => stream.on('close', () => r()))
    expect(result.guests).toBe(6)
    expect(fs.readFileSync(file, 'utf8')).toContain('单雪松')
  })
})

describe('the hub serves a finished export to its owner only', () => {
  let hub: LoopbackHub
  let base: string
  beforeAll(async () => {
    hub = await loopbackHub(store.core, store.dir)
    base = hub.base
  })
  afterAll(() => hub.close())

  async function signIn(code: string, pin = '1234'): Promise<string> {
    const response = await fetch(`${base}/api/session.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, pin }) })
    expect(response.status).toBe(200)
    return response.headers.get('set-cookie')!.split(';')[0]
  }

  it('downloads with the Chinese name (RFC 5987) and the right type; another manager gets 404, nobody 401', async () => {
    const status = await runExport(manager, 'guest-list.csv', { filter: { preferences: [calligraphy], contactList: true }, columns: ['nativeName', 'email'], lang: 'zh-CN' })
    const url = `${base}${status.downloadPath}`
    const response = await fetch(url, { headers: { cookie: await signIn('mg01', '123456') } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(status.fileName)}`)
    expect(status.fileName).toMatch(/^联系名单-/)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes)).toContain('单雪松,shan@example.cn')
    const answerStatus = async (cookie?: string) => {
      const answer = await fetch(url, cookie ? { headers: { cookie } } : {})
      await answer.arrayBuffer()
      return answer.status
    }
    expect(await answerStatus(await signIn('mg02', '123456'))).toBe(404)
    expect(await answerStatus()).toBe(401)
    expect(await answerStatus(await signIn('ad01', '123456'))).toBe(200)
  })
})
