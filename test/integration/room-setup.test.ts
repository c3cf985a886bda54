import fs from 'node:fs'
import zlib from 'node:zlib'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import type { Core } from '../../electron/core/core'
import { readReportFile } from '../../electron/core/pms/report-file'
import { roomListWording } from '../../electron/core/rooms/room-import.operations'
import { addMacauGuest, dayAfter, failure, localToday, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Setting up a real hotel's rooms (issue 11): add, edit, retire, and import a room list from a
// CSV or XLSX file, all on a real SQLite store.

let store: ReturnType<typeof tempStore>
let core: Core
let hotel: SmallHotel
let manager: Actor

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64')

beforeEach(() => {
  store = tempStore()
  core = store.core
  hotel = seedSmallHotel(core)
  ok(core.callAs(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  manager = ok(core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
})
afterEach(() => store.cleanup())

const rooms = (includeRetired = false) => ok<{ number: string; retiredAt: string | null; floor: number; facing: string; bed: string; features: string[]; view: string | null; roomType: string }[]>(core.callAs(manager, 'room.list', { includeRetired }))
const numbers = (includeRetired = false) => rooms(includeRetired).map((r) => r.number)
const audit = (action: string) =>
  core.sqlite.prepare('SELECT staff_id, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as { staff_id: number; detail: string }[]

/** A stay arriving today for a fresh walk-in, to ask room.suggest about. */
function walkIn(name = '王小明'): number {
  const { stayId } = ok(core.callAs(hotel.desk, 'stay.walkIn', { guest: { nativeName: name }, nights: 2, party: 1 }))
  return stayId
}
const suggested = (stayId: number) => ok<{ room: { number: string } }[]>(core.callAs(hotel.desk, 'room.suggest', { stayId, limit: 50, others: 10 })).map((s) => s.room.number)

describe('adding and editing rooms', () => {
  it('adds a room, edits everything but its number, and refuses a second room with the same number', () => {
    ok(core.callAs(manager, 'room.create', { number: '1501', floor: 15, facing: 'S', bed: 'king', features: ['bathtub'], view: 'river', roomType: 'dkn' }))
    const changed = ok(core.callAs(manager, 'room.update', { roomNumber: '1501', floor: 14, facing: 'NE', bed: 'twin', view: 'city', features: ['quiet', 'visual_alarm'], roomType: 'TWN' }))
    expect(changed.changed.sort()).toEqual(['bed', 'facing', 'features', 'floor', 'room_type', 'view'])
    const room = rooms().find((r) => r.number === '1501')!
    expect(room).toMatchObject({ floor: 14, facing: 'NE', bed: 'twin', view: 'city', roomType: 'TWN' })
    expect(room.features).toEqual(['quiet', 'visual_alarm'])
    const dup = failure(core.callAs(manager, 'room.create', { number: '1501', floor: 15, facing: 'S', bed: 'king' }))
    expect(dup.code).toBe('VALIDATION')
    expect(dup.details?.issues).toEqual([{ path: 'number', message: 'Already exists.' }])
    // A room number is not an input of room.update: there is nothing to rename with.
    const rename = failure(core.callAs(manager, 'room.update', { roomNumber: '1501', number: '1502' }))
    expect(rename.code).toBe('VALIDATION')
  })

  it('refuses a desk clerk adding rooms', () => {
    expect(failure(core.callAs(hotel.desk, 'room.create', { number: '1601', floor: 16, facing: 'S', bed: 'king' })).code).toBe('FORBIDDEN')
    expect(failure(core.callAs(hotel.desk, 'room.retire', { roomNumber: '901' })).code).toBe('FORBIDDEN')
  })
})

describe('retiring rooms', () => {
  it('a retired room is listed apart, never suggested, cannot be sold, and comes back when reinstated', () => {
    const stayId = walkIn()
    expect(suggested(stayId)).toContain('1201')
    const retired = ok(core.callAs(manager, 'room.retire', { roomNumber: '1201' }))
    expect(retired.changed).toBe(true)
    expect(numbers()).not.toContain('1201')
    expect(rooms(true).find((r) => r.number === '1201')?.retiredAt).toBeTruthy()
    expect(suggested(stayId)).not.toContain('1201')
    expect(failure(core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1201' })).code).toBe('ROOM_RETIRED')
    expect(failure(core.callAs(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '1201', status: 'dirty' })).code).toBe('ROOM_RETIRED')
    // The pre-assignment plan offers only rooms in the inventory.
    const plan = ok<{ proposal: { room: { number: string } } | null; alternatives: { room: { number: string } }[] }[]>(core.callAs(manager, 'stay.preassignPlan', { date: localToday() }))
    expect(plan.flatMap((p) => [p.proposal, ...p.alternatives]).map((s) => s?.room.number)).not.toContain('1201')
    // Retiring twice changes nothing; a new room with its number is refused with a way out.
    expect(ok(core.callAs(manager, 'room.retire', { roomNumber: '1201' })).changed).toBe(false)
    const again = failure(core.callAs(manager, 'room.create', { number: '1201', floor: 12, facing: 'S', bed: 'king' }))
    expect(again.message).toMatch(/retired/)
    ok(core.callAs(manager, 'room.reinstate', { roomNumber: '1201' }))
    expect(numbers()).toContain('1201')
    expect(suggested(stayId)).toContain('1201')
    ok(core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1201' }))
  })

  it('refuses to retire a room with a guest in house, or held for a reservation, and says why', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const inHouse = failure(core.callAs(manager, 'room.retire', { roomNumber: '1001' }))
    expect(inHouse.code).toBe('ROOM_IN_USE')
    expect(inHouse.details?.reason).toBe('in_house')

    const { id: guestId } = ok(core.callAs(hotel.desk, 'guest.create', { nativeName: '李雷' }))
    const arrival = dayAfter(localToday(), 5)
    const { stayId: later, confirmationNo } = ok(core.callAs(hotel.desk, 'stay.reserve', { guestId, arrival, departure: dayAfter(arrival, 2), party: 1 }))
    ok(core.callAs(hotel.desk, 'stay.assignRoom', { stayId: later, roomNumber: '1002' }))
    const held = failure(core.callAs(manager, 'room.retire', { roomNumber: '1002' }))
    expect(held.code).toBe('ROOM_IN_USE')
    expect(held.details?.reason).toBe('reserved')
    expect(held.details?.reservations).toEqual([{ confirmationNo, arrival, departure: dayAfter(arrival, 2) }])
    expect(numbers()).toEqual(expect.arrayContaining(['1001', '1002']))
  })

  it('keeps a retired room’s history: a past stay still names it', () => {
    const stayId = walkIn('赵敏')
    ok(core.callAs(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1101' }))
    ok(core.callAs(hotel.desk, 'stay.checkOut', { stayId }))
    ok(core.callAs(manager, 'room.retire', { roomNumber: '1101' }))
    const details = ok(core.callAs(hotel.desk, 'stay.details', { stayId }))
    expect(JSON.stringify(details)).toContain('1101')
  })

  it('a PMS room-status report that still lists a retired room is applied for the others', async () => {
    ok(core.callAs(manager, 'room.retire', { roomNumber: '1218' }))
    const csv = 'Room,HK Status\n1218,Dirty\n1202,Dirty\n'
    const result = ok(await core.callAsAsync(manager, 'pms.import', { kind: 'room_status', fileName: 'roomstatus.csv', content: b64(csv), mapping: { kind: 'room_status', columns: { roomNumber: 'Room', housekeeping: 'HK Status' } } }))
    expect(result.status).toBe('applied')
    const all = rooms(true)
    expect(all.find((r) => r.number === '1202')).toMatchObject({ housekeeping: 'dirty' })
    expect(all.find((r) => r.number === '1218')).toMatchObject({ housekeeping: 'clean' })
  })
})

const goodCsv = ['房号,楼层,朝向,景观,床型,特色,房型', '1301,13,南,江景,大床,"浴缸, 安静",DKN', '1302,13F,朝北,,双床,,TWN', '1303,,东南,城景,king,visual alarm,DKN', ''].join('\r\n')
const badCsv = ['Room,Floor,Facing,Bed,Features', '1401,14,S,king,', '1402,14,sideways,king,', '1403,14,N,king,', '1401,14,N,twin,', ''].join('\n')

describe('importing rooms from a file', () => {
  it('a CSV with two bad rows imports nothing and names both rows', async () => {
    const preview = ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'rooms.csv', content: b64(badCsv) }))
    expect(preview.mapping).toEqual({ number: 'Room', floor: 'Floor', facing: 'Facing', bed: 'Bed', features: 'Features' })
    expect(preview.errors.map((e: { line: number; code: string; field: string }) => [e.line, e.field, e.code])).toEqual([
      [3, 'facing', 'bad_facing'],
      [5, 'number', 'duplicate_number'],
    ])
    const result = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'rooms.csv', content: b64(badCsv), mapping: preview.mapping }))
    expect(result.status).toBe('rejected')
    expect(result.errors.map((e: { line: number }) => e.line)).toEqual([3, 5])
    expect(numbers(true).filter((n) => n.startsWith('14'))).toEqual([])
    expect(audit('room.import').map((a) => JSON.parse(a.detail))).toEqual([expect.objectContaining({ fileName: 'rooms.csv', status: 'rejected', errors: 2 })])
    expect(audit('room.create').length).toBe(11) // the small hotel's rooms only
  })

  it('an XLSX with two bad rows imports nothing and names both rows', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('客房')
    sheet.addRow(['客房清单 2026']) // a title line above the header
    sheet.addRow(['房号', '楼层', '朝向', '床型', '设施'])
    sheet.addRow([1501, 15, '南', '大床', '浴缸'])
    sheet.addRow([1502, 'fifteen', '北', '大床', ''])
    sheet.addRow([1503, 15, '西', '水床', ''])
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
    const result = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'rooms.xlsx', content: b64(bytes) }))
    expect(result.status).toBe('rejected')
    expect(result.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).toEqual([
      [4, 'floor', 'bad_floor'],
      [5, 'bed', 'bad_bed'],
    ])
    expect(numbers(true)).not.toContain('1501')
  })

  it('a clean file imports through room.create, and its rooms are offered at check-in', async () => {
    const preview = ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'rooms.csv', content: b64(goodCsv) }))
    expect(preview.errors).toEqual([])
    expect(preview.counts).toEqual({ create: 3, update: 0, unchanged: 0 })
    expect(preview.sample[2].room).toMatchObject({ number: '1303', floor: 13, floorFromNumber: true, facing: 'SE', bed: 'king', view: 'city', features: ['visual_alarm'] })
    const result = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'rooms.csv', content: b64(goodCsv), mapping: preview.mapping }))
    expect(result).toMatchObject({ status: 'applied', created: ['1301', '1302', '1303'], updated: [], unchanged: 0 })
    const logged = audit('room.import')
    expect(logged).toHaveLength(1)
    expect(logged[0].staff_id).toBe(manager.staffId)
    expect(JSON.parse(logged[0].detail)).toMatchObject({ fileName: 'rooms.csv', status: 'applied', created: 3, updated: 0 })
    const r1301 = rooms().find((r) => r.number === '1301')!
    expect(r1301).toMatchObject({ floor: 13, facing: 'S', view: 'river', bed: 'king', roomType: 'DKN' })
    expect(r1301.features).toEqual(['bathtub', 'quiet'])
    expect(rooms().find((r) => r.number === '1302')).toMatchObject({ floor: 13, facing: 'N', bed: 'twin', view: null })
    const stayId = walkIn()
    expect(suggested(stayId)).toEqual(expect.arrayContaining(['1301', '1302', '1303']))

    // The same file again changes nothing; a corrected row updates its room (the number stays).
    const again = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'rooms.csv', content: b64(goodCsv) }))
    expect(again).toMatchObject({ status: 'applied', created: [], updated: [], unchanged: 3 })
    const fixed = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'fix.csv', content: b64('房号,朝向\n1302,西\n') }))
    expect(fixed).toMatchObject({ status: 'applied', created: [], updated: ['1302'] })
    expect(rooms().find((r) => r.number === '1302')).toMatchObject({ facing: 'W', bed: 'twin' })
  })

  it('a new hotel set up from a file checks in its first walk-in', async () => {
    const fresh = tempStore()
    try {
      const departments = [{ code: 'front_office', name: { en: 'Front Office', zh: '前厅部' }, promiseMinutes: 30 }]
      const { staff: admin } = ok(fresh.core.callAs(null, 'setup.createFirstAdmin', { hotelName: { en: 'New', zh: '新' }, departments, admin: { code: 'ad01', name: 'Admin', pin: '123456' } }))
      const result = ok(await fresh.core.callAsAsync(admin, 'room.import', { fileName: 'rooms.csv', content: b64(goodCsv) }))
      expect(result.created).toHaveLength(3)
      const { stayId } = ok(fresh.core.callAs(admin, 'stay.walkIn', { guest: { nativeName: '新客人' }, nights: 1, party: 1 }))
      const offered = ok<{ room: { number: string } }[]>(fresh.core.callAs(admin, 'room.suggest', { stayId }))
      expect(offered.length).toBeGreaterThan(0)
      ok(fresh.core.callAs(admin, 'stay.checkIn', { stayId, roomNumber: offered[0].room.number }))
    } finally {
      fresh.cleanup()
    }
  })

  it('a file with the wrong columns gets one clear message, and nothing is imported', async () => {
    const guests = 'Name,Phone,Nationality\n王小明,13800000000,CN\n'
    const preview = ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'guests.csv', content: b64(guests) }))
    expect(preview.errors).toHaveLength(1)
    expect(preview.errors[0]).toMatchObject({ code: 'no_number_column', line: 1 })
    expect(preview.errors[0].message).toContain('Name, Phone, Nationality')
    // Mapping columns that are not in the file: the same, named.
    const mapped = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'guests.csv', content: b64(guests), mapping: { number: 'Room', floor: 'Floor' } }))
    expect(mapped.status).toBe('rejected')
    expect(mapped.errors).toHaveLength(1)
    expect(mapped.errors[0].code).toBe('not_a_room_file')
    // A guessed number column but no facing or bed for new rooms: once per column, not per row.
    const thin = ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'thin.csv', content: b64('Room,Floor\n1701,17\n1702,17\n') }))
    expect(thin.errors.map((e: { code: string; field: string; value: string }) => [e.code, e.field, e.value])).toEqual([
      ['column_needed', 'facing', '2'],
      ['column_needed', 'bed', '2'],
    ])
  })

  it('a row for a retired room is a bad row, and an unreadable file is refused plainly', async () => {
    ok(core.callAs(manager, 'room.retire', { roomNumber: '1008' }))
    const result = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'r.csv', content: b64('Room,Facing\n1008,S\n1009,S\n') }))
    expect(result.status).toBe('rejected')
    expect(result.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [2, 'retired_room'],
      [1, 'column_needed'],
    ])
    const xls = failure(await core.callAsAsync(manager, 'room.import', { fileName: 'rooms.xls', content: b64(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3])) }))
    expect(xls.code).toBe('REPORT_FILE')
    expect(xls.message).toMatch(/\.xlsx or \.csv/)
    expect(failure(await core.callAsAsync(hotel.desk, 'room.import', { fileName: 'r.csv', content: b64(goodCsv) })).code).toBe('FORBIDDEN')
  })

  it('imports the sample files in test/fixtures/rooms (the bad one names its row)', async () => {
    const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/rooms/${name}`, import.meta.url)).toString('base64')
    const bad = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'rooms-bad.csv', content: fixture('rooms-bad.csv') }))
    expect(bad.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([[3, 'bad_facing']])
    expect(ok(await core.callAsAsync(manager, 'room.import', { fileName: 'rooms.csv', content: fixture('rooms.csv') }))).toMatchObject({ status: 'applied', created: ['2101', '2102', '2103'] })
    const xlsx = ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'rooms.xlsx', content: fixture('rooms.xlsx') }))
    expect(xlsx.headerLine).toBe(2)
    expect(xlsx.errors).toEqual([])
    expect(xlsx.sample.map((r: { room: unknown }) => r.room)).toEqual([
      expect.objectContaining({ number: '2201', floor: 22, facing: 'S', view: 'river', bed: 'king', features: ['bathtub', 'quiet'], roomType: 'DKN' }),
      expect.objectContaining({ number: '2202', facing: 'N', view: 'city', bed: 'twin' }),
      expect.objectContaining({ number: '2203', bed: 'queen', features: ['visual_alarm', 'accessible'], roomType: 'DQN' }),
    ])
  })
})

/**
 * A one-entry zip whose central directory declares `declared` unpacked bytes: a "zip bomb" as the
 * reader meets it (it refuses by the declared size before inflating anything).
 */
function zipDeclaring(declared: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const data = zlib.deflateRawSync(Buffer.alloc(1000, 0x20))
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(declared, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(declared, 24)
  central.writeUInt16LE(name.length, 28)
  central.writeUInt32LE(0, 42)
  const centralAt = local.length + name.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(centralAt, 16)
  return Buffer.concat([local, name, data, central, name, end])
}

describe('a room file that is not a clean room list', () => {
  it('a file without a header row is told to add one; its first room is never taken for column names', async () => {
    const headerless = '801,8,north,king\n802,8,south,twin\n'
    const preview = ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'rooms.csv', content: b64(headerless) }))
    // No mapping is guessed from a value cell ("north" once became the room number column).
    expect(preview.mapping).toEqual({})
    expect(preview.errors).toEqual([
      expect.objectContaining({ code: 'no_header_row', line: 1, field: null, value: '801, 8, north, king' }),
    ])
    expect(preview.errors[0].message).toContain('The first row looks like a room')
    expect(preview.errors[0].message).toContain('add a header row')
    // Even with columns chosen by hand (by the values the row happens to hold), nothing is imported.
    const forced = ok(await core.callAsAsync(manager, 'room.import', { fileName: 'rooms.csv', content: b64(headerless), mapping: { number: '801', floor: '8', facing: 'north', bed: 'king' } }))
    expect(forced).toMatchObject({ status: 'rejected', created: [] })
    expect(forced.errors.map((e: { code: string }) => e.code)).toEqual(['no_header_row'])
    expect(numbers()).not.toContain('802')
    // Chinese values without a header: the same.
    const chinese = ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'rooms.csv', content: b64('1201,12,朝南,大床\n1202,12,北,双床\n') }))
    expect(chinese.errors.map((e: { code: string }) => e.code)).toEqual(['no_header_row'])
    // A real header row (even in unknown words) is not mistaken for a room.
    const german = ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'zimmer.csv', content: b64('Zimmer,Etage,Richtung\n801,8,N\n') }))
    expect(german.errors.map((e: { code: string }) => e.code)).toEqual(['no_number_column'])
    expect(ok(await core.callAsAsync(manager, 'room.importPreview', { fileName: 'r.csv', content: b64('Room,Floor,Facing,Bed\n801,8,north,king\n') })).errors).toEqual([])
  })

  it('every file the reader refuses is spoken of as a room list, never a PMS report, and the screen translates it as one', async () => {
    const refusals = {
      'renamed text file': { fileName: 'rooms.xlsx', content: b64('Room,Floor\n801,8\n') },
      'zip bomb': { fileName: 'rooms.xlsx', content: zipDeclaring(0x7fffffff).toString('base64') },
      'damaged workbook': { fileName: 'rooms.xlsx', content: b64(new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9])) },
      'empty file': { fileName: 'rooms.csv', content: b64('   ') },
      'blank rows only': { fileName: 'rooms.csv', content: b64(',,\n,,\n') },
      'open quote': { fileName: 'rooms.csv', content: b64('Room,View\n801,"river\n') },
      'no header': { fileName: 'rooms.csv', content: b64('801\n802\n') },
    }
    const before = numbers(true)
    for (const [what, upload] of Object.entries(refusals)) {
      for (const op of ['room.importPreview', 'room.import']) {
        const refused = failure(await core.callAsAsync(manager, op, upload))
        expect(refused.code, what).toBe('REPORT_FILE')
        expect(refused.details?.context, what).toBe('room_list')
        expect(refused.message, what).not.toMatch(/PMS|report/i)
        expect(refused.message, what).toMatch(/room list/)
      }
    }
    const bomb = failure(await core.callAsAsync(manager, 'room.importPreview', refusals['zip bomb']))
    expect(bomb.message).toBe('This workbook unpacks to far more than a room list holds. Save the room list again from your spreadsheet, or as CSV.')
    expect(failure(await core.callAsAsync(manager, 'room.importPreview', refusals['renamed text file'])).message).toContain(
      'is named like a workbook but is not one. Save the room list again from your spreadsheet as .xlsx or .csv.',
    )
    expect(numbers(true)).toEqual(before)
    // The PMS import keeps its own words: the reader's wording is its caller's.
    const asReport = await readReportFile(zipDeclaring(0x7fffffff), 'arrivals.xlsx').catch((e: Error) => e)
    expect((asReport as Error).message).toContain('Export the report from the PMS again, or as CSV.')
    const asRooms = await readReportFile(zipDeclaring(0x7fffffff), 'rooms.xlsx', roomListWording).catch((e: Error) => e)
    expect((asRooms as Error).message).toContain('room list')
    // The screen's sentence for a room list, in both languages (i18next context from details.context).
    const en = JSON.parse(fs.readFileSync(new URL('../../src/i18n/en.json', import.meta.url), 'utf8')).errors
    const zh = JSON.parse(fs.readFileSync(new URL('../../src/i18n/zh-CN.json', import.meta.url), 'utf8')).errors
    expect(en.REPORT_FILE_room_list).toContain('room list')
    expect(en.REPORT_FILE_room_list).not.toMatch(/PMS|report/i)
    expect(zh.REPORT_FILE_room_list).toContain('客房清单')
    expect(zh.REPORT_FILE_room_list).not.toMatch(/PMS|报表/)
  })
})
