import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createHub } from '../../electron/hub/server'
import { existingExportJobs } from '../../electron/core/exports/export-jobs'
import type { Actor } from '../../electron/core/context'
import type { Core } from '../../electron/core/core'
import { writeFullExport } from '../../electron/core/transfer/full-export'
import { maxLineBytes, type TransferReport } from '../../electron/core/transfer/transfer-format'
import { importTransferFile } from '../../electron/core/transfer/transfer-import'
import { exportColumns, exportRows, storeTableNames } from '../../electron/core/transfer/transfer.repository'
import { exportedTables, internalTablePrefixes, notExported } from '../../electron/core/transfer/transfer-tables'
import { registerUpload } from '../../electron/core/transfer/uploads'
import { failure, ok, tempStore } from '../fixtures/test-store'

type Store = ReturnType<typeof tempStore>

const departments = ['front_office', 'housekeeping'].map((code) => ({ code, name: { en: code, zh: code }, promiseMinutes: 30 }))

/** A new store set up by an administrator with the demo's administrator code (ad01), no guests. */
function emptyStore(code = 'ad01'): { store: Store; admin: Actor } {
  const store = tempStore()
  const { staff } = ok(store.core.callAs(null, 'setup.createFirstAdmin', { hotelName: { en: 'New', zh: '新' }, departments, admin: { code, name: 'Admin', pin: '123456' } }))
  return { store, admin: staff }
}

/** Every exported table's rows, as the export reads them. */
function tablesOf(core: Core): Record<string, unknown[][]> {
  return Object.fromEntries(exportedTables.map((t) => [t, [...exportRows(core.sqlite, t, exportColumns(core.sqlite, t))]]))
}

/** What a refused import must leave as it was: every table a file would touch, and the staff's PINs. */
function snapshot(core: Core): string {
  const staff = core.sqlite.prepare('SELECT id, code, pin_hash FROM staff ORDER BY id').all()
  return JSON.stringify({ tables: tablesOf(core), staff, tokens: core.sqlite.prepare('SELECT count(*) FROM guest_token').pluck().get() })
}

async function exportTo(core: Core, file: string): Promise<void> {
  const stream = fs.createWriteStream(file)
  await writeFullExport(core.sqlite, stream, { exportedAt: '2026-12-01T08:00:00.000Z' })
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())))
}

/** Rewrites a file's lines and signs it again as the writer does (checksum and row count), so only the change itself is wrong. */
function rewrite(from: string, to: string, change: (lines: string[]) => string[]): void {
  const lines = change(fs.readFileSync(from, 'utf8').split('\n').slice(0, -2))
  const body = lines.map((l) => `${l}\n`).join('')
  const checksum = createHash('sha256').update(body).digest('hex')
  const rows = lines.slice(1).filter((l) => !l.startsWith('{"table"')).length
  fs.writeFileSync(to, `${body}${JSON.stringify({ checksum: `sha256:${checksum}`, rows })}\n`)
}

function lineOfRow(lines: string[], table: string, row: number): number {
  const section = lines.findIndex((l) => l.startsWith(`{"table":"${table}"`))
  expect(section).toBeGreaterThan(0)
  return section + row
}

/**
 * A complaint worked through its steps, with compensation, a promise, a lesson (an observation
 * that points back at its case: a reference the file can only check at the end) and a score.
 */
function withRecoveryCase(core: Core): void {
  const relations = ok<{ staff: Actor }>(core.callAs(null, 'session.signIn', { code: 'gr01', pin: '1234' })).staff
  const stayId = core.sqlite.prepare("SELECT id FROM stay WHERE status = 'in_house' ORDER BY id LIMIT 1").pluck().get() as number
  const opened = ok<{ id: number }>(core.callAs(relations, 'recovery.raise', { stayId, category: 'noise', department: 'housekeeping', description: 'The lift woke the guest all night.', raisedFrom: 'cases' }))
  ok(core.callAs(relations, 'recovery.step', { caseId: opened.id, step: 'apologise' }))
  ok(core.callAs(relations, 'recovery.step', { caseId: opened.id, step: 'listen', note: 'Light sleeper; works late.' }))
  ok(core.callAs(relations, 'recovery.step', { caseId: opened.id, step: 'solution', note: 'Moved to the quiet side.' }))
  ok(core.callAs(relations, 'recovery.step', { caseId: opened.id, step: 'compensation', compensation: { kind: 'meal', valueMinor: 28_800 } }))
  ok(core.callAs(relations, 'recovery.proposeLesson', { caseId: opened.id, text: 'Noise sensitive: the quiet side, away from the lift.', suggestion: { category: 'room', code: 'quiet', value: 'yes', strength: 'required' } }))
  ok(core.callAs(relations, 'satisfaction.record', { stayId, score: 4, comment: 'Better after the move.' }))
}

describe('full export and import (issue 11, guest files 5)', () => {
  let demo: Store
  let dir: string
  let file: string

  beforeAll(async () => {
    demo = tempStore()
    ok(demo.core.callAs(null, 'setup.loadDemo', {}))
    withRecoveryCase(demo.core)
    dir = fs.mkdtempSync(path.join(demo.dir, 'files-'))
    file = path.join(dir, 'demo.json')
    await exportTo(demo.core, file)
  }, 120_000)
  afterAll(async () => {
    await existingExportJobs(demo.core.sqlite)?.stopAll()
    demo?.cleanup()
  })

  test('every table of the store is exported or left out for a stated reason', () => {
    const unclassified = storeTableNames(demo.core.sqlite).filter(
      (t) => !(exportedTables as readonly string[]).includes(t) && !(t in notExported) && !internalTablePrefixes.some((p) => t.startsWith(p)),
    )
    expect(unclassified).toEqual([])
  })

  test('the file has no PIN hashes, sessions or search index, and a header, sections and a checksum', () => {
    const text = fs.readFileSync(file, 'utf8')
    expect(text).not.toMatch(/\$argon2|scrypt\$/)
    const lines = text.split('\n')
    const header = JSON.parse(lines[0])
    expect(header).toMatchObject({ format: 'zhike-export', formatVersion: 1 })
    expect(header.schema).toContain('0001-foundation')
    expect(header.tables.find((t: { name: string }) => t.name === 'guest').rows).toBe(200)
    expect(lines.some((l) => l.startsWith('{"table":"staff_session"') || l.startsWith('{"table":"guest_token"'))).toBe(false)
    const staffSection = JSON.parse(lines.find((l) => l.startsWith('{"table":"staff"'))!)
    expect(staffSection.columns).not.toContain('pin_hash')
    expect(lines.at(-2)).toMatch(/^\{"checksum":"sha256:[0-9a-f]{64}"/)
  })

  test('JSON export → import of the demo hotel is identical, table by table, and the search index is rebuilt', async () => {
    const { store, admin } = emptyStore()
    try {
      const checked = ok<{ report: TransferReport; store: { guests: number } }>(await store.core.callAsAsync(admin, 'transfer.check', { uploadId: registerUpload(file) }))
      expect(checked.report).toMatchObject({ ok: true, rowIssueCount: 0, problems: [], guests: 200 })
      const result = ok<{ guests: number; rows: Record<string, number> }>(await store.core.callAsAsync(admin, 'transfer.import', { uploadId: registerUpload(file) }))
      expect(result.guests).toBe(200)
      const before = tablesOf(demo.core)
      const after = tablesOf(store.core)
      for (const table of ['recovery_case', 'recovery_step', 'satisfaction']) expect(before[table].length, table).toBeGreaterThan(0)
      for (const table of exportedTables) {
        expect(after[table].length, table).toBe(before[table].length)
        expect(after[table], table).toEqual(before[table])
      }
      // Derived data came back through the guest index, the same as the demo store's.
      const derived = (core: Core) => core.sqlite.prepare('SELECT id, search_key, phone_e164 FROM guest ORDER BY id').all()
      expect(derived(store.core)).toEqual(derived(demo.core))
      const count = (core: Core, t: string) => core.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get()
      expect(count(store.core, 'guest_token')).toBe(count(demo.core, 'guest_token'))
      expect(count(store.core, 'guest_match_key')).toBe(count(demo.core, 'guest_match_key'))
      // The importing administrator still signs in with their own PIN; the import is audited.
      const signedIn = ok(store.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' }))
      const search = ok<{ id: number }[] | { results: { id: number }[] }>(store.core.callAs(signedIn.staff, 'guest.search', { text: '何家俊' }))
      const hits = Array.isArray(search) ? search : search.results
      expect(hits.length).toBeGreaterThan(0)
      const audit = store.core.sqlite.prepare("SELECT staff_id, detail FROM audit_log WHERE action = 'transfer.import'").get() as { staff_id: number; detail: string }
      expect(audit.staff_id).toBe(signedIn.staff.staffId)
      expect(JSON.parse(audit.detail).guests).toBe(200)
      // Someone whose PIN this store did not know cannot sign in until an administrator sets one.
      expect(failure(store.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).code).toBe('BAD_LOGIN')
    } finally {
      store.cleanup()
    }
  }, 120_000)

  async function refused(target: string): Promise<{ message: string; report: TransferReport }> {
    const { store, admin } = emptyStore()
    try {
      const before = snapshot(store.core)
      const error = failure(await store.core.callAsAsync(admin, 'transfer.import', { uploadId: registerUpload(target) }))
      expect(error.code).toBe('TRANSFER_FILE')
      expect(snapshot(store.core)).toBe(before)
      const checked = ok<{ report: TransferReport }>(await store.core.callAsAsync(admin, 'transfer.check', { uploadId: registerUpload(target) }))
      expect(checked.report.ok).toBe(false)
      return { message: error.message, report: (error.details as { report: TransferReport }).report }
    } finally {
      store.cleanup()
    }
  }

  test('a truncated file is refused as incomplete and nothing changes', async () => {
    const cut = path.join(dir, 'cut.json')
    const bytes = fs.readFileSync(file)
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    const { message, report } = await refused(cut)
    expect(report.problems.map((p) => p.code)).toContain('truncated')
    expect(message).toMatch(/incomplete/)
  }, 60_000)

  test('a file changed after export fails its checksum', async () => {
    const changed = path.join(dir, 'changed.json')
    fs.writeFileSync(changed, fs.readFileSync(file, 'utf8').replace('何家俊', '何家後'))
    const { message, report } = await refused(changed)
    expect(report.problems.map((p) => p.code)).toEqual(['checksum'])
    expect(message).toMatch(/checksum does not match/)
  }, 60_000)

  test('a last line whose row count is not the rows the file holds is refused, though its checksum is right', async () => {
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    const trailer = JSON.parse(lines.at(-2)!) as { checksum: string; rows: number }
    const held = lines.slice(1, -2).filter((l) => !l.startsWith('{"table"')).length
    expect(trailer.rows).toBe(held)
    const recount = path.join(dir, 'recount.json')
    fs.writeFileSync(recount, [...lines.slice(0, -2), JSON.stringify({ checksum: trailer.checksum, rows: 5 }), ''].join('\n'))
    const { message, report } = await refused(recount)
    expect(report.problems.map((p) => p.code)).toEqual(['total_rows'])
    expect(message).toContain(`says 5 rows; it holds ${held.toLocaleString('en')}`)
    // Without a count at all, the same.
    const uncounted = path.join(dir, 'uncounted.json')
    fs.writeFileSync(uncounted, [...lines.slice(0, -2), JSON.stringify({ checksum: trailer.checksum }), ''].join('\n'))
    expect((await refused(uncounted)).report.problems.map((p) => p.code)).toEqual(['total_rows'])
  }, 60_000)

  test("a table whose section gives other rows than the header's count is refused, though re-signed", async () => {
    const recount = path.join(dir, 'section-count.json')
    rewrite(file, recount, (lines) => {
      const header = JSON.parse(lines[0])
      header.tables.find((t: { name: string }) => t.name === 'guest').rows = 150
      return [JSON.stringify(header), ...lines.slice(1)]
    })
    const { report } = await refused(recount)
    expect(report.problems).toMatchObject([{ code: 'row_count', table: 'guest' }])
  }, 60_000)

  test('a line longer than the limit is refused at once, by the quick check and the full reader alike; a normal export still imports', async () => {
    // The attacker's file: a header that never ends (20 MB and more of "A", no line break).
    const huge = path.join(dir, 'huge-line.json')
    const out = fs.openSync(huge, 'w')
    fs.writeSync(out, '{"format":"zhike-export","formatVersion":1,"pad":"')
    const megabyte = Buffer.alloc(1024 * 1024, 'A')
    for (let i = 0; i < 21; i++) fs.writeSync(out, megabyte)
    fs.closeSync(out)
    expect(fs.statSync(huge).size).toBeGreaterThan(maxLineBytes)
    const { message, report } = await refused(huge)
    expect(report.problems).toEqual([{ code: 'line_too_long', line: 1, message: expect.stringContaining('Line 1 is longer than 16 MB') }])
    expect(message).toMatch(/not a Zhike export, or it was damaged/)
    // A real export with one row grown past the limit: the full (synchronous) reader stops there too.
    const grown = path.join(dir, 'grown-row.json')
    rewrite(file, grown, (lines) => {
      const g = lineOfRow(lines, 'guest', 2)
      const section = JSON.parse(lines[lineOfRow(lines, 'guest', 0)])
      const guest = JSON.parse(lines[g])
      guest[section.columns.indexOf('notes')] = 'N'.repeat(maxLineBytes + 1)
      lines[g] = JSON.stringify(guest)
      return lines
    })
    const { store } = emptyStore()
    try {
      const { report: full } = importTransferFile(store.core.sqlite, grown, { write: false })
      expect(full.problems).toMatchObject([{ code: 'line_too_long', line: lineOfRow(fs.readFileSync(file, 'utf8').split('\n'), 'guest', 2) + 1 }])
      expect((await refused(grown)).report.problems.map((p) => p.code)).toEqual(['line_too_long'])
      // A guest with long notes (a few hundred kilobytes) is well within the limit.
      const long = path.join(dir, 'long-notes.json')
      rewrite(file, long, (lines) => {
        const g = lineOfRow(lines, 'guest', 2)
        const section = JSON.parse(lines[lineOfRow(lines, 'guest', 0)])
        const guest = JSON.parse(lines[g])
        guest[section.columns.indexOf('notes')] = '长'.repeat(200_000)
        lines[g] = JSON.stringify(guest)
        return lines
      })
      const { report: fine } = importTransferFile(store.core.sqlite, long, { write: false })
      expect(fine).toMatchObject({ ok: true, problems: [], rowIssueCount: 0, guests: 200 })
    } finally {
      store.cleanup()
    }
  }, 120_000)

  test('values a column does not take (VIP 99, 30 February, a negative id, an unknown strength, leaving before arriving) are each named, and nothing is imported', async () => {
    const bad = path.join(dir, 'out-of-range.json')
    rewrite(file, bad, (lines) => {
      const edit = (table: string, row: number, column: string, value: unknown) => {
        const columns = JSON.parse(lines[lineOfRow(lines, table, 0)]).columns as string[]
        const at = lineOfRow(lines, table, row)
        const values = JSON.parse(lines[at])
        values[columns.indexOf(column)] = value
        lines[at] = JSON.stringify(values)
      }
      edit('guest', 4, 'vip', 99)
      edit('stay', 2, 'arrival_date', '2026-02-30')
      edit('stay', 3, 'departure_date', '1999-01-01')
      edit('preference', 6, 'strength', 'sometimes')
      edit('guest_change', 7, 'id', -7)
      edit('prompt', 1, 'due_at', '2026-13-01T08:00:00.000Z')
      return lines
    })
    const { report } = await refused(bad)
    expect(report.problems).toEqual([])
    expect(report.rows.map((r) => [r.table, r.row, r.field, r.code])).toEqual([
      ['guest', 4, 'vip', 'invalid'],
      ['stay', 2, 'arrival_date', 'invalid'],
      ['stay', 3, 'departure_date', 'invalid'],
      ['preference', 6, 'strength', 'invalid'],
      ['prompt', 1, 'due_at', 'invalid'],
      ['guest_change', 7, 'id', 'invalid'],
    ])
    const messages = report.rows.map((r) => r.message)
    expect(messages[0]).toBe('Row 4 of guest: vip must be from 0 to 3, not the number 99.')
    expect(messages[1]).toMatch(/arrival_date must be a real date like 2026-11-23, not text "2026-02-30"/)
    expect(messages[2]).toMatch(/departure_date 1999-01-01 is before arrival_date/)
    expect(messages[3]).toMatch(/strength must be one of required, preferred, avoid, never, not text "sometimes"/)
    expect(messages[4]).toMatch(/due_at must be a real date and time/)
    expect(messages[5]).toMatch(/id must be an id \(1 or more\), not the number -7/)
  }, 60_000)

  test('a file from a newer Zhike is refused, naming what it does not know', async () => {
    const newer = path.join(dir, 'newer.json')
    rewrite(file, newer, (lines) => {
      const header = JSON.parse(lines[0])
      header.schema.push('0099-from-the-future')
      return [JSON.stringify(header), ...lines.slice(1)]
    })
    const { message, report } = await refused(newer)
    expect(report.problems.map((p) => p.code)).toEqual(['newer_schema'])
    expect(message).toMatch(/newer Zhike.*0099-from-the-future/)
  }, 60_000)

  test('a file with two bad rows lists both (table, row, field, what is wrong) and imports nothing', async () => {
    const bad = path.join(dir, 'bad-rows.json')
    let guestSection: { columns: string[] } = { columns: [] }
    let preferenceSection: { columns: string[] } = { columns: [] }
    rewrite(file, bad, (lines) => {
      guestSection = JSON.parse(lines.find((l) => l.startsWith('{"table":"guest"'))!)
      preferenceSection = JSON.parse(lines.find((l) => l.startsWith('{"table":"preference"'))!)
      const g = lineOfRow(lines, 'guest', 3)
      const guest = JSON.parse(lines[g])
      guest[guestSection.columns.indexOf('vip')] = 'very'
      lines[g] = JSON.stringify(guest)
      const p = lineOfRow(lines, 'preference', 5)
      const preference = JSON.parse(lines[p])
      preference[preferenceSection.columns.indexOf('guest_id')] = 999_999
      lines[p] = JSON.stringify(preference)
      return lines
    })
    const { report } = await refused(bad)
    expect(report.problems).toEqual([])
    expect(report.rowIssueCount).toBe(2)
    expect(report.rows.map((r) => [r.table, r.row, r.field, r.code])).toEqual([
      ['guest', 3, 'vip', 'type'],
      ['preference', 5, 'guest_id', 'dangling'],
    ])
    expect(report.rows[0].message).toMatch(/vip must be a whole number/)
    expect(report.rows[1].message).toMatch(/refers to guest 999999/)
  }, 60_000)

  test('a missing required field and an unknown table are refused', async () => {
    const bad = path.join(dir, 'unknown-table.json')
    rewrite(file, bad, (lines) => {
      const r = lineOfRow(lines, 'room', 1)
      const section = JSON.parse(lines[r - 1])
      const room = JSON.parse(lines[r])
      room[section.columns.indexOf('number')] = null
      lines[r] = JSON.stringify(room)
      return lines
    })
    const { report } = await refused(bad)
    expect(report.rows[0]).toMatchObject({ table: 'room', row: 1, field: 'number', code: 'required' })
    const unknown = path.join(dir, 'unknown.json')
    rewrite(file, unknown, (lines) => [...lines, '{"table":"loyalty_points","columns":["id"],"rows":0}'])
    const second = await refused(unknown)
    expect(second.report.problems[0]).toMatchObject({ code: 'unknown_table', table: 'loyalty_points' })
  }, 60_000)

  test('an import into a store that has guests is refused with how to start empty', async () => {
    const admin = ok(demo.core.callAs(null, 'session.signIn', { code: 'ad01', pin: '123456' })).staff
    const before = snapshot(demo.core)
    const error = failure(await demo.core.callAsAsync(admin, 'transfer.import', { uploadId: registerUpload(file) }))
    expect(error.code).toBe('TRANSFER_STORE_NOT_EMPTY')
    expect(error.message).toMatch(/new, empty data folder/)
    expect(snapshot(demo.core)).toBe(before)
  }, 60_000)

  test('only administrators import; a manager may not', async () => {
    const manager = ok(demo.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
    expect(failure(await demo.core.callAsAsync(manager, 'transfer.check', { uploadId: registerUpload(file) })).code).toBe('FORBIDDEN')
  })

  test('an administrator whose code the file lacks is told before anything changes', async () => {
    const { store, admin } = emptyStore('zz99')
    try {
      const error = failure(await store.core.callAsAsync(admin, 'transfer.import', { uploadId: registerUpload(file) }))
      expect(error.code).toBe('TRANSFER_FILE')
      expect(error.message).toMatch(/no active administrator with your staff code \(zz99\)/)
    } finally {
      store.cleanup()
    }
  }, 60_000)

  test('over the hub: an administrator uploads the file as a raw body, checks it and imports it; a manager, no one signed in or another site may not upload', async () => {
    const { store, admin } = emptyStore()
    ok(store.core.callAs(admin, 'staff.create', { code: 'mg77', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
    const hub = await createHub({ core: store.core, rendererDir: store.dir })
    try {
      await hub.listen({ port: 0, host: '127.0.0.1' })
      const base = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`
      const signIn = async (code: string, pin: string) => {
        const response = await fetch(`${base}/api/session.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, pin }) })
        return response.headers.get('set-cookie')!.split(';')[0]
      }
      const cookie = await signIn('ad01', '123456')
      const put = (headers: Record<string, string>) =>
        fetch(`${base}/api/uploads/transfer`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...headers }, body: fs.readFileSync(file) })
      expect((await put({})).status).toBe(401)
      expect((await put({ cookie, origin: 'http://evil.example' })).status).toBe(403)
      const managerRefused = await put({ cookie: await signIn('mg77', '123456') })
      expect(managerRefused.status).toBe(403)
      expect(((await managerRefused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN')
      const uploaded = (await (await put({ cookie })).json()) as { ok: boolean; value: { uploadId: string; bytes: number } }
      expect(uploaded.ok).toBe(true)
      expect(uploaded.value.bytes).toBe(fs.statSync(file).size)
      const post = async (name: string) =>
        (await (await fetch(`${base}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ uploadId: uploaded.value.uploadId }) })).json()) as {
          ok: boolean
          value: { report?: TransferReport; guests?: number }
        }
      expect((await post('transfer.check')).value.report?.ok).toBe(true)
      const imported = await post('transfer.import')
      expect(imported).toMatchObject({ ok: true, value: { guests: 200 } })
      // The administrator's session followed them to their imported staff row.
      const me = (await (await fetch(`${base}/api/session.current`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' })).json()) as { ok: boolean }
      expect(me.ok).toBe(true)
      // The upload is gone once imported.
      expect((await post('transfer.check')).ok).toBe(false)
      // Nothing half-written is left in the uploads folder.
      expect(fs.readdirSync(path.join(store.dir, 'uploads')).filter((f) => f.endsWith('.part'))).toEqual([])
    } finally {
      await hub.close()
      store.cleanup()
    }
  }, 120_000)

  test('as an export job (worker thread, manager): the finished file imports to the same hotel, and the export is audited', async () => {
    const manager = ok(demo.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
    const { jobId } = ok(demo.core.callAs(manager, 'export.start', { kind: 'full.json', params: {} }))
    await existingExportJobs(demo.core.sqlite)!.settled()
    const job = ok(demo.core.callAs(manager, 'export.status', { jobId }))
    expect(job).toMatchObject({ state: 'done', guests: 200 })
    expect(job.fileName).toMatch(/\.json$/)
    const produced = existingExportJobs(demo.core.sqlite)!.file(manager, jobId).path
    const audit = demo.core.sqlite.prepare("SELECT staff_id, detail FROM audit_log WHERE action = 'export' ORDER BY id DESC").get() as { staff_id: number; detail: string }
    expect(audit.staff_id).toBe(manager.staffId)
    expect(JSON.parse(audit.detail)).toMatchObject({ kind: 'full.json', guests: 200 })
    const { store, admin } = emptyStore()
    try {
      ok(await store.core.callAsAsync(admin, 'transfer.import', { uploadId: registerUpload(produced) }))
      const before = tablesOf(demo.core)
      const after = tablesOf(store.core)
      for (const table of exportedTables) {
        expect(after[table], table).toEqual(before[table])
      }
    } finally {
      store.cleanup()
    }
  }, 180_000)
})
