import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../../electron/core/core'
import { ok, seedSmallHotel, type SmallHotel } from '../fixtures/test-store'

// Payment card data in a PMS file is never stored or logged (issue 9): after imports, neither the
// database file (nor its WAL) nor anything logged holds a card number, however it was spaced.

const fixture = fs.readFileSync(fileURLToPath(new URL('../fixtures/pms/opera-arrivals-0700.csv', import.meta.url)))
const cards = ['4111111111111111', '5500000000000004', '378282246310005']
const spellings = (digits: string) => {
  const groups = digits.length === 15 ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)] : digits.match(/.{4}/g)!
  return [digits, groups.join(' '), groups.join('-')]
}
const forbidden = cards.flatMap(spellings)
const leaks = (text: string) => forbidden.filter((s) => text.includes(s))

// A file of our own (tomorrow's arrivals, so it leaves the OPERA file's bookings alone) with card numbers in every place a PMS puts them: a card column, the
// comments, a mistyped phone, a membership number, an expiry after the card, a rejected row.
const ownFile = [
  '"Arrivals Detailed - Test Hotel"',
  'Conf No,Name,Arrival,Departure,Room,Status,Phone,Membership No,Comments,Credit Card,Card Expiry',
  '7001,NAIR/PRIYA DR,2026-12-02,2026-12-03,1002,DUE IN,5500-0000-0000-0004,,"Guarantee: AMEX 3782 822463 10005, exp 12/28",378282246310005,12/28',
  '7002,SCHMIDT/KATRIN MS,2026-12-02,2026-12-04,,DUE IN,+49 151 2345 6789,4111 1111 1111 1111,Pay by card 4111111111111111 1228 on arrival,5500 0000 0000 0004,',
].join('\r\n')
const badFile = [
  'Conf No,Name,Arrival,Departure,Room,Status,ETA,Comments',
  '7101,LI/NA MS,2026-12-01,2026-12-03,,DUE IN,4111 1111 1111 1111,card 4111-1111-1111-1111',
  '7102,4111111111111111,2026-12-01,2026-12-03,,RESERVED 5500000000000004,,',
].join('\n')

let dir: string
let file: string
let core: Core
let hotel: SmallHotel
const logged: string[] = []
beforeEach(() => {
  logged.length = 0
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-pms-cards-'))
  file = path.join(dir, 'zhike.db')
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')))
  }
  core = createCore({
    file,
    clock: { now: () => new Date(2026, 11, 1, 7, 0, 0) },
    logError: (error, name) => logged.push(`${name}: ${error instanceof Error ? `${error.message}\n${error.stack}` : JSON.stringify(error)}`),
  })
  hotel = seedSmallHotel(core)
  // The rooms the OPERA fixture names.
  ok(hotel.call(hotel.admin, 'room.create', { number: '1208', floor: 12, facing: 'S', bed: 'king', roomType: 'DKN' }))
  ok(hotel.call(hotel.admin, 'room.create', { number: '0905', floor: 9, facing: 'S', bed: 'twin', roomType: 'DTN' }))
})
afterEach(() => {
  vi.restoreAllMocks()
  try {
    core.close()
  } catch {
    // closed by the test
  }
  fs.rmSync(dir, { recursive: true, force: true })
})

const upload = (kind: string, fileName: string, bytes: Buffer | string) => ({ kind, fileName, content: Buffer.from(bytes).toString('base64') })

/** Every byte the store keeps on disk, after a checkpoint: the database and whatever WAL or journal is left. */
function storeBytes(): string {
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('zhike.db'))
    .map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1'))
    .join('\n')
}

describe('payment card numbers in PMS files', () => {
  it('are stored nowhere in the database file and logged nowhere, after imports applied and refused', async () => {
    const preview = ok(await core.callAsAsync(hotel.admin, 'pms.preview', upload('arrivals', 'opera-arrivals-0700.csv', fixture)))
    expect(preview.headers).toContain('Conf No')
    expect(preview.sample[0].cells.join('|')).toContain('[card removed]')
    expect(leaks(JSON.stringify(preview))).toEqual([])

    const opera = ok(await core.callAsAsync(hotel.admin, 'pms.import', upload('arrivals', 'opera-arrivals-0700.csv', fixture)))
    expect(opera.status, JSON.stringify(opera.errors)).toBe('applied')
    expect(opera.events.reservation).toBe(4)
    const own = ok(await core.callAsAsync(hotel.admin, 'pms.import', upload('arrivals', 'arrivals-cards.csv', ownFile)))
    expect(own.status, JSON.stringify(own.errors)).toBe('applied')
    expect(own.events.reservation).toBe(2)
    expect(leaks(JSON.stringify([opera, own]))).toEqual([])
    const ownPreview = ok(await core.callAsAsync(hotel.admin, 'pms.preview', upload('arrivals', 'arrivals-cards.csv', ownFile)))
    expect(ownPreview.headers).not.toContain('Credit Card')
    expect(leaks(JSON.stringify(ownPreview))).toEqual([])

    const refused = ok(await core.callAsAsync(hotel.admin, 'pms.import', upload('arrivals', 'arrivals-bad.csv', badFile)))
    expect(refused.status).toBe('rejected')
    expect(refused.errors.length).toBeGreaterThanOrEqual(2)
    expect(leaks(JSON.stringify(refused))).toEqual([])

    // A mapping that points at the card column is refused, and the card never read.
    const mapped = ok(
      await core.callAsAsync(hotel.admin, 'pms.preview', {
        ...upload('arrivals', 'arrivals-cards.csv', ownFile),
        mapping: { kind: 'arrivals', columns: { confirmation: 'Conf No', guestName: 'Name', arrival: 'Arrival', departure: 'Departure', remarks: 'Credit Card' } },
      }),
    )
    expect(mapped.errors).toMatchObject([{ code: 'card_column', column: 'Credit Card' }])
    expect(leaks(JSON.stringify(mapped))).toEqual([])

    // What was kept: the comments without the card, the guest, the booking; no card anywhere.
    const stays = core.sqlite.prepare("SELECT id, pms_confirmation, remarks, membership_no FROM stay WHERE pms_confirmation IS NOT NULL ORDER BY id").all() as {
      id: number
      pms_confirmation: string
      remarks: string | null
    }[]
    expect(stays.map((s) => s.pms_confirmation)).toEqual(['48213377', '48213378', '48213379', '48213380', '7001', '7002'])
    expect(stays[0].remarks).toBe('Late check-out requested; card on file [card removed]')
    expect(stays[5].remarks).toContain('[card removed]')
    for (const s of stays) expect(leaks(JSON.stringify(ok(hotel.call(hotel.desk, 'stay.details', { stayId: s.id }))))).toEqual([])
    expect(leaks(JSON.stringify(ok(hotel.call(hotel.admin, 'pms.imports', {}))))).toEqual([])
    expect(leaks(JSON.stringify(ok(hotel.call(hotel.admin, 'arrivals.matches', {}))))).toEqual([])

    // The bytes on disk: checkpoint the WAL into the file, close, and read everything left.
    core.close()
    const db = new Database(file)
    db.pragma('wal_checkpoint(TRUNCATE)')
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    const everything = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join('\n')
    db.close()
    expect(everything).toContain('[card removed]') // the scan reads the imported rows…
    expect(everything).toContain('NAIR Priya')
    expect(leaks(everything)).toEqual([]) // …and no card is among them
    const bytes = storeBytes()
    expect(bytes).toContain('48213377')
    expect(leaks(bytes)).toEqual([])
    expect(leaks(logged.join('\n'))).toEqual([])
  })

  it('are not logged even when the import fails inside', async () => {
    // A file that is not CSV at all (an old binary .xls) is refused with REPORT_FILE: no card in the answer or logs.
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('4111111111111111 5500 0000 0000 0004')])
    const result = await core.callAsAsync(hotel.admin, 'pms.import', upload('arrivals', 'old.xls', xls))
    expect(result.ok).toBe(false)
    expect(leaks(JSON.stringify(result))).toEqual([])
    core.close()
    expect(leaks(storeBytes())).toEqual([])
    expect(leaks(logged.join('\n'))).toEqual([])
  })
})

// Finding (not committed: fails on the core as it is; see the report to the lead).
describe('a card number where the PMS keeps an identifier', () => {
  it('never makes two guests one: a membership number or profile id that was a card is no identifier', async () => {
    const file = (conf: string, name: string, arrival: string, member: string, profile: string) =>
      `Conf No,Name,Arrival,Departure,Membership No,Profile ID\n${conf},${name},${arrival},2026-12-20,${member},${profile}\n`
    const first = ok(await core.callAsAsync(hotel.admin, 'pms.import', upload('arrivals', 'a.csv', file('8001', 'SCHMIDT/KATRIN MS', '2026-12-10', '4111 1111 1111 1111', '5500000000000004'))))
    expect(first.newProfiles).toBe(1)
    const second = ok(await core.callAsAsync(hotel.admin, 'pms.import', upload('arrivals', 'b.csv', file('8002', 'NAIR/PRIYA DR', '2026-12-11', '5500-0000-0000-0004', '378282246310005'))))
    // Nair is not Schmidt: a new profile, not Schmidt's (with Schmidt's preferences and allergies).
    expect(second.matched).toEqual({})
    expect(second.newProfiles).toBe(1)
    const guests = core.sqlite.prepare('SELECT DISTINCT guest_id FROM stay').all()
    expect(guests).toHaveLength(2)
    expect(core.sqlite.prepare("SELECT count(*) AS n FROM guest WHERE membership_no LIKE '%card removed%' OR pms_profile_id LIKE '%card removed%'").get()).toEqual({ n: 0 })
  })
})
