import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/core'
import { failure, ok, seedSmallHotel, type SmallHotel } from '../fixtures/test-store'

// A day beside the PMS: the PMS exports arrivals and in-house at 07:00, 12:00, 15:00 and 18:00,
// and room status in the evening. Zhike must turn the differences into stay events, each once.

const D0 = '2026-11-30'
const D = '2026-12-01'
const D1 = '2026-12-02'
const D2 = '2026-12-03'
const D3 = '2026-12-04'
const at = (day: string, hour: number) => {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y, m - 1, d, hour, 0, 0)
}

interface Row {
  conf: string
  name: string
  arrival: string
  departure: string
  room?: string
  status: string
  phone?: string
  vip?: string
}
const header = 'Conf No,Name,Arrival,Departure,Room,Room Type,VIP,Status,Adults,Children,Phone,Profile ID,Membership No,ETA,Company,Comments'
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
const csv = (rows: Row[]) =>
  [header, ...rows.map((r) => [r.conf, r.name, r.arrival, r.departure, r.room ?? '', 'DKN', r.vip ?? '', r.status, '1', '0', r.phone ?? '', '', '', '', '', ''].map(quote).join(','))].join('\r\n')
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

// The bookings of the day.
const ho = { conf: '5001', name: 'HO/KA CHUN MR', arrival: D, departure: D3, phone: '+853 6612 3456', vip: '2' }
const zhang = { conf: '5002', name: 'ZHANG/WEI MR', arrival: D, departure: D2 }
const kowalska = { conf: '5003', name: 'KOWALSKA/ANNA MS', arrival: D, departure: D1, phone: '+48 601 222 333' }
const tanaka = { conf: '5004', name: 'TANAKA/YUKI MRS', arrival: D, departure: D1, phone: '+81 90 1234 5678' }
const park = { conf: '5005', name: 'PARK/JIMIN MS', arrival: D0, departure: D2 }
const mueller = { conf: '5006', name: 'MUELLER/HANS MR', arrival: D0, departure: D, phone: '+49 151 2345 6789' }

const files = {
  arrivals0700: csv([{ ...ho, room: '1001', status: 'DUE IN' }, { ...zhang, status: 'DUE IN' }, { ...kowalska, status: 'DUE IN' }, { ...tanaka, status: 'DUE IN' }]),
  inHouse0700: csv([{ ...park, room: '1201', status: 'CHECKED IN' }, { ...mueller, room: '1202', status: 'CHECKED IN' }]),
  // Kowalska is gone from the arrivals: cancelled.
  arrivals1200: csv([{ ...ho, room: '1001', status: 'DUE IN' }, { ...zhang, status: 'DUE IN' }, { ...tanaka, status: 'DUE IN' }]),
  // Ho checked in; Mueller is gone from the in-house list: checked out.
  inHouse1200: csv([{ ...park, room: '1201', status: 'CHECKED IN' }, { ...ho, room: '1001', status: 'CHECKED IN' }]),
  arrivals1500: csv([{ ...ho, room: '1001', status: 'CHECKED IN' }, { ...zhang, status: 'DUE IN' }, { ...tanaka, status: 'DUE IN' }]),
  // Ho moved to 1101, Park extended one night, Zhang checked in to 1002.
  inHouse1500: csv([
    { ...park, departure: D3, room: '1201', status: 'CHECKED IN' },
    { ...ho, room: '1101', status: 'CHECKED IN' },
    { ...zhang, room: '1002', status: 'CHECKED IN' },
  ]),
  arrivals1800: csv([{ ...ho, room: '1101', status: 'CHECKED IN' }, { ...zhang, room: '1002', status: 'CHECKED IN' }, { ...tanaka, status: 'DUE IN' }]),
  inHouse1800: '',
  roomStatus1800: ['Room,Room Status,OO/OS,Reason,From Date,To Date', '1202,VC,,,,', '1001,IP,,,,', '1218,VD,OOO,Bathroom leak,2026-12-01,2026-12-03'].join('\r\n'),
  // Tanaka never came: the next morning's in-house list does not hold her.
  inHouseNext0700: csv([
    { ...park, departure: D3, room: '1201', status: 'CHECKED IN' },
    { ...ho, room: '1101', status: 'CHECKED IN' },
    { ...zhang, room: '1002', status: 'CHECKED IN' },
  ]),
}
files.inHouse1800 = files.inHouse1500

let dir: string
let core: Core
let hotel: SmallHotel
let now: Date
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-pms-day-'))
  now = at(D, 6)
  core = createCore({ file: path.join(dir, 'zhike.db'), clock: { now: () => new Date(now) }, logError: process.env.ZHIKE_TEST_LOG ? (e, n) => console.error(n, e) : () => {} })
  hotel = seedSmallHotel(core)
})
afterEach(() => {
  core.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const count = (sql: string, ...args: unknown[]) => (core.sqlite.prepare(sql).get(...args) as { n: number }).n
const eventCounts = () =>
  Object.fromEntries((core.sqlite.prepare('SELECT kind, count(*) AS n FROM stay_event GROUP BY kind').all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]))
const snapshot = () => ({
  stays: core.sqlite.prepare('SELECT id, status, room_id, arrival_date, departure_date FROM stay ORDER BY id').all(),
  events: count('SELECT count(*) AS n FROM stay_event'),
  prompts: core.sqlite.prepare('SELECT id, status, text_en FROM prompt ORDER BY id').all(),
  guests: count('SELECT count(*) AS n FROM guest'),
  matches: count('SELECT count(*) AS n FROM arrival_match'),
  rooms: core.sqlite.prepare('SELECT number, housekeeping, block FROM room ORDER BY id').all(),
})
const none = { reservation: 0, pre_arrival: 0, check_in: 0, room_move: 0, dates_changed: 0, check_out: 0, withdrawn: 0 }

async function importFile(kind: string, fileName: string, content: string) {
  return ok(await core.callAsAsync(hotel.admin, 'pms.import', { kind, fileName, content: b64(content) }))
}
/** Imports a file, then the same file again: the second import must change nothing at all. */
async function importTwice(kind: string, fileName: string, content: string) {
  const first = await importFile(kind, fileName, content)
  expect(first.status, JSON.stringify(first.errors)).toBe('applied')
  const before = snapshot()
  const again = await importFile(kind, fileName, content)
  expect(again.status).toBe('applied')
  expect(again.events).toEqual(none)
  expect(again.roomsUpdated).toBe(0)
  expect(snapshot()).toEqual(before)
  return first
}

function guest(nativeName: string, romanName: string, phone: string, prefs: [string, string, string][]) {
  const { id } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName, romanName, phone }))
  for (const [category, code, value] of prefs) ok(hotel.call(hotel.desk, 'preference.add', { guestId: id, category, code, value }))
  return id
}
const stayOf = (conf: string) => (core.sqlite.prepare('SELECT id FROM stay WHERE pms_confirmation = ?').get(conf) as { id: number }).id
const details = (conf: string) => ok(hotel.call(hotel.desk, 'stay.details', { stayId: stayOf(conf) }))
const promptsOf = (conf: string) => ok<{ department: string; status: string; roomNumber: string | null; text: { en: string } }[]>(hotel.call(hotel.desk, 'prompt.ofStay', { stayId: stayOf(conf) }))
const room = (number: string) => ok<{ number: string; code: string; block: { kind: string } | null }[]>(hotel.call(hotel.desk, 'room.list', {})).find((r) => r.number === number)!

function seedGuests() {
  ok(
    hotel.call(hotel.admin, 'rule.create', {
      key: 'sichuan-ahead',
      trigger: 'reservation',
      category: 'food',
      code: 'cuisine',
      value: 'sichuan',
      department: 'restaurant',
      dueMinutes: 120,
      template: { en: 'Stock Sichuan pepper before {guest} arrives.', zh: '{guest}到店前备好花椒。' },
    }),
  )
  guest('何家俊', 'HO Ka Chun', '+853 6612 3456', [
    ['reading', 'periodical', 'mainland_advertising'],
    ['food', 'cuisine', 'sichuan'],
  ])
  guest('Anna Kowalska', 'KOWALSKA Anna', '+48 601 222 333', [['food', 'cuisine', 'sichuan']])
  guest('田中由纪', 'TANAKA Yuki', '+81 90 1234 5678', [['food', 'cuisine', 'sichuan']])
  guest('Hans Mueller', 'MUELLER Hans', '+49 151 2345 6789', [['reading', 'periodical', 'mainland_advertising']])
}

describe('a day of PMS report files', () => {
  it('drives every stay event exactly once, and a second import of any file changes nothing', async () => {
    seedGuests()

    now = at(D, 7)
    const a07 = await importTwice('arrivals', 'arrivals-0700.csv', files.arrivals0700)
    expect(a07.events).toEqual({ ...none, reservation: 4, pre_arrival: 1 })
    expect(a07.matched).toEqual({ name_phone: 3 })
    expect(a07.unmatched).toBe(1) // Zhang: no profile yet, waits for guest relations
    const h07 = await importTwice('in_house', 'inhouse-0700.csv', files.inHouse0700)
    expect(h07.events).toEqual({ ...none, reservation: 2, check_in: 2 })
    expect(promptsOf('5006')).toMatchObject([{ department: 'housekeeping', status: 'open', roomNumber: '1202' }])
    expect(promptsOf('5003')).toMatchObject([{ department: 'restaurant', status: 'open' }])

    now = at(D, 12)
    const a12 = await importTwice('arrivals', 'arrivals-1200.csv', files.arrivals1200)
    expect(a12.events).toEqual({ ...none, withdrawn: 1 })
    expect(details('5003')).toMatchObject({ status: 'cancelled', events: [{ kind: 'reservation' }, { kind: 'withdrawn', source: 'pms', detail: { status: 'cancelled' } }] })
    expect(promptsOf('5003').map((p) => p.status)).toEqual(['cancelled'])
    const h12 = await importTwice('in_house', 'inhouse-1200.csv', files.inHouse1200)
    expect(h12.events).toEqual({ ...none, check_in: 1, check_out: 1 })
    expect(details('5006').status).toBe('checked_out')
    expect(promptsOf('5006').map((p) => p.status)).toEqual(['cancelled'])
    expect(room('1202').code).toBe('VD')
    const hk = ok<{ stayId: number; roomNumber: string; text: { en: string } }[]>(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' }))
    expect(hk.filter((p) => p.stayId === stayOf('5001'))).toMatchObject([{ roomNumber: '1001', text: { en: 'Place the latest mainland advertising periodicals in room 1001.' } }])

    now = at(D, 15)
    expect((await importTwice('arrivals', 'arrivals-1500.csv', files.arrivals1500)).events).toEqual(none)
    const h15 = await importTwice('in_house', 'inhouse-1500.csv', files.inHouse1500)
    expect(h15.events).toEqual({ ...none, room_move: 1, dates_changed: 1, check_in: 1 })
    // The housekeeping prompt follows Ho to 1101; the room he left is vacant dirty.
    const board = ok<{ stayId: number; roomNumber: string; status: string; text: { en: string } }[]>(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' }))
    const hoPrompts = board.filter((p) => p.stayId === stayOf('5001'))
    expect(hoPrompts).toMatchObject([{ roomNumber: '1101', status: 'open', text: { en: 'Place the latest mainland advertising periodicals in room 1101.' } }])
    expect(room('1001').code).toBe('VD')
    expect(details('5005')).toMatchObject({ departure: D3, events: [{ kind: 'reservation' }, { kind: 'check_in' }, { kind: 'dates_changed', detail: { from: { departure: D2 }, to: { departure: D3 } } }] })
    expect(details('5001').events.map((e: { kind: string }) => e.kind)).toEqual(['reservation', 'pre_arrival', 'check_in', 'room_move'])

    now = at(D, 18)
    expect((await importTwice('arrivals', 'arrivals-1800.csv', files.arrivals1800)).events).toEqual(none)
    expect((await importTwice('in_house', 'inhouse-1800.csv', files.inHouse1800)).events).toEqual(none)
    const rs = await importTwice('room_status', 'room-status-1800.csv', files.roomStatus1800)
    expect(rs.roomsUpdated).toBe(3)
    expect(room('1202').code).toBe('VC')
    expect(room('1001').code).toBe('IN')
    expect(room('1218')).toMatchObject({ code: 'VD', block: { kind: 'out_of_order', reason: 'Bathroom leak', from: D, until: D2 } })

    now = at(D1, 7)
    const next = await importTwice('in_house', 'inhouse-next-0700.csv', files.inHouseNext0700)
    expect(next.events).toEqual({ ...none, withdrawn: 1 })
    expect(details('5004')).toMatchObject({ status: 'no_show', events: [{ kind: 'reservation' }, { kind: 'withdrawn', detail: { status: 'no_show' } }] })
    expect(promptsOf('5004').map((p) => p.status)).toEqual(['cancelled'])

    // The whole day, once each: six bookings, one room chosen ahead, four check-ins, a move, an
    // extension, a check-out, a cancellation and a no-show.
    expect(eventCounts()).toEqual({ reservation: 6, pre_arrival: 1, check_in: 4, room_move: 1, dates_changed: 1, check_out: 1, withdrawn: 2 })
    expect(count("SELECT count(*) AS n FROM stay_event WHERE source <> 'pms'")).toBe(0)
    // Prompts once each: three reservation prompts, the front office's VIP arrival for Ho (VIP 2,
    // a built-in rule), Mueller's and Ho's two check-in prompts.
    expect(count('SELECT count(*) AS n FROM prompt')).toBe(7)
    const imports = ok<{ status: string }[]>(hotel.call(hotel.admin, 'pms.imports', { limit: 50 }))
    expect(imports).toHaveLength(20)
    expect(imports.every((i) => i.status === 'applied')).toBe(true)
  })

  it('refuses a file with two bad rows whole, naming both lines, and applies nothing', async () => {
    seedGuests()
    now = at(D, 7)
    await importFile('arrivals', 'arrivals-0700.csv', files.arrivals0700)
    const before = snapshot()
    const bad = [
      header,
      '5007,LI/NA MS,2026-12-01,2026-12-03,,DKN,,DUE IN,1,0,,,,,,',
      '5008,WANG/FANG MS,2026-12-01,2026-11-29,,DKN,,DUE IN,1,0,,,,,,',
      '5009,CHEN/JIE MR,2026-12-01,2026-12-02,9999,DKN,,WAITLISTED,1,0,,,,,,',
      '5010,GAO/MIN MR,2026-12-01,2026-12-02,,DKN,,DUE IN,1,0,,,,,,',
    ].join('\r\n')
    const result = await importFile('arrivals', 'arrivals-bad.csv', bad)
    expect(result.status).toBe('rejected')
    expect([...new Set(result.errors.map((e: { line: number }) => e.line))].sort()).toEqual([3, 4])
    expect(result.errors.find((e: { line: number }) => e.line === 3)).toMatchObject({ code: 'dates_out_of_order', field: 'departure' })
    expect(result.errors.find((e: { line: number }) => e.line === 4)).toMatchObject({ code: 'bad_status', column: 'Status', value: 'WAITLISTED' })
    expect(result.events).toEqual(none)
    // Nothing was applied: not the good rows, and not Kowalska's cancellation (she is missing from this file).
    expect(snapshot()).toEqual(before)
    expect(count("SELECT count(*) AS n FROM stay WHERE pms_confirmation IN ('5007', '5010')")).toBe(0)
    const [latest] = ok<{ status: string; errors: number; fileName: string }[]>(hotel.call(hotel.admin, 'pms.imports', {}))
    expect(latest).toMatchObject({ fileName: 'arrivals-bad.csv', status: 'rejected', errors: 2 })
  })

  it('refuses an empty in-house report (it would check everyone out) and a room Zhike does not have', async () => {
    now = at(D, 7)
    await importFile('in_house', 'inhouse-0700.csv', files.inHouse0700)
    const before = snapshot()
    const empty = await importFile('in_house', 'inhouse-empty.csv', header)
    expect(empty.status).toBe('rejected')
    expect(empty.errors.map((e: { code: string }) => e.code)).toContain('empty_in_house')
    const unknown = await importFile('in_house', 'inhouse-unknown.csv', csv([{ ...park, room: '9999', status: 'CHECKED IN' }]))
    expect(unknown.errors).toMatchObject([{ line: 2, code: 'unknown_room', value: '9999' }])
    expect(snapshot()).toEqual(before)
    expect(failure(await core.callAsAsync(hotel.desk, 'pms.import', { kind: 'arrivals', fileName: 'a.csv', content: b64(files.arrivals0700) })).code).toBe('FORBIDDEN')
  })
})

// Findings (not committed: these fail on the core as it is; see the report to the lead).
describe('rooms and guests that change between two exports', () => {
  it('a room turned over between two in-house exports: the guest who left is checked out, the new one in', async () => {
    now = at(D, 7)
    await importFile('in_house', 'inhouse-0700.csv', files.inHouse0700)
    now = at(D, 15)
    const turnover = await core.callAsAsync(hotel.admin, 'pms.import', {
      kind: 'in_house',
      fileName: 'inhouse-1500.csv',
      content: b64(csv([{ ...park, room: '1201', status: 'CHECKED IN' }, { ...zhang, room: '1202', status: 'CHECKED IN' }])),
    })
    expect(turnover.ok ? 'ok' : turnover.error.code).toBe('ok')
    expect(ok(turnover).events).toEqual({ ...none, reservation: 1, check_in: 1, check_out: 1 })
    expect(details('5006').status).toBe('checked_out')
    expect(details('5002')).toMatchObject({ status: 'in_house', roomNumber: '1202' })
  })

  it('two guests who swapped rooms in the PMS swap in Zhike', async () => {
    now = at(D, 7)
    await importFile('in_house', 'inhouse-0700.csv', files.inHouse0700)
    const swapped = await core.callAsAsync(hotel.admin, 'pms.import', {
      kind: 'in_house',
      fileName: 'inhouse-swap.csv',
      content: b64(csv([{ ...park, room: '1202', status: 'CHECKED IN' }, { ...mueller, room: '1201', status: 'CHECKED IN' }])),
    })
    expect(swapped.ok ? 'ok' : swapped.error.code).toBe('ok')
    expect(ok(swapped).events).toEqual({ ...none, room_move: 2 })
  })

  it('two confirmations sharing one room (a share reservation) do not break the import', async () => {
    now = at(D, 15)
    const shared = await core.callAsAsync(hotel.admin, 'pms.import', {
      kind: 'in_house',
      fileName: 'inhouse-share.csv',
      content: b64(csv([{ ...park, room: '1201', status: 'CHECKED IN' }, { ...zhang, room: '1201', status: 'CHECKED IN' }])),
    })
    // Applied (both in house) or refused by line, but answered and logged, never a bare CONFLICT.
    expect(shared.ok ? 'ok' : shared.error.code).toBe('ok')
    expect(ok<unknown[]>(hotel.call(hotel.admin, 'pms.imports', {}))).toHaveLength(1)
  })

  it('a guest checked in between exports, missing from an arrivals report of due-ins, is checked in by the in-house report', async () => {
    seedGuests()
    now = at(D, 7)
    await importFile('arrivals', 'arrivals-0700.csv', files.arrivals0700)
    now = at(D, 12)
    // The PMS's arrivals report lists only guests still due in: Ho checked in at 11:30.
    await importFile('arrivals', 'arrivals-1200.csv', csv([{ ...zhang, status: 'DUE IN' }, { ...kowalska, status: 'DUE IN' }, { ...tanaka, status: 'DUE IN' }]))
    const inHouse = await importFile('in_house', 'inhouse-1200.csv', csv([{ ...ho, room: '1001', status: 'CHECKED IN' }]))
    expect(details('5001')).toMatchObject({ status: 'in_house', roomNumber: '1001' })
    expect(inHouse.events.check_in).toBe(1)
    expect(promptsOf('5001').filter((p) => p.status === 'open').map((p) => p.department).sort()).toEqual(['front_office', 'housekeeping', 'restaurant', 'restaurant'])
  })

  it('a late arrival recorded as a no-show is checked in when the PMS lists the guest in house', async () => {
    seedGuests()
    now = at(D, 7)
    await importFile('arrivals', 'arrivals-0700.csv', csv([{ ...tanaka, status: 'DUE IN' }]))
    now = at(D1, 7)
    expect((await importFile('in_house', 'inhouse-0700.csv', files.inHouse0700)).events.withdrawn).toBe(1)
    now = at(D1, 10)
    const late = await importFile('in_house', 'inhouse-1000.csv', csv([...[park, mueller].map((r) => ({ ...r, departure: D2, room: r === park ? '1201' : '1202', status: 'CHECKED IN' })), { ...tanaka, room: '1001', status: 'CHECKED IN' }]))
    expect(late.events.check_in).toBe(1)
    expect(details('5004')).toMatchObject({ status: 'in_house', roomNumber: '1001' })
  })
})

describe('a room status file naming a room Zhike does not have', () => {
  it('is refused by line in the check and the import, and logged', async () => {
    const file = 'Room,Room Status\r\n1001,VD\r\n9999,VC\r\n'
    const upload = { kind: 'room_status', fileName: 'room-status.csv', content: b64(file) }
    const preview = ok(await core.callAsAsync(hotel.admin, 'pms.preview', upload))
    expect(preview.errors).toMatchObject([{ line: 3, code: 'unknown_room', value: '9999' }])
    const result = await core.callAsAsync(hotel.admin, 'pms.import', upload)
    expect(result.ok ? 'ok' : result.error.code).toBe('ok')
    expect(ok(result)).toMatchObject({ status: 'rejected', roomsUpdated: 0, errors: [{ line: 3, code: 'unknown_room' }] })
    expect(room('1001').code).toBe('VC')
    expect(ok<{ status: string }[]>(hotel.call(hotel.admin, 'pms.imports', {}))).toMatchObject([{ status: 'rejected' }])
  })
})
