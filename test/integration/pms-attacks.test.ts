import fs from 'node:fs'
import path from 'node:path'
import { deflateRawSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { scrubCardNumbers } from '../../electron/core/ota/card-scrub'
import { redactCardNumbers } from '../../electron/core/pms/card-numbers'
import { readReportFile } from '../../electron/core/pms/report-file'
import { startWatchFolder } from '../../electron/core/pms/watch-folder'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'
import { dayAfter, failure, localToday, ok, type SmallHotel, type tempStore } from '../fixtures/test-store'

// Each test is a fault an attacker found in the PMS import and the stay operations (issue 9).
let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  store = s
  hotel = h
})

const today = localToday()
const csv = (rows: string[]) => Buffer.from(['Conf No,Name,Arrival,Departure,Room,Status,Adults', ...rows].join('\n')).toString('base64')
const importArrivals = (rows: string[]) => store.core.callAsAsync(hotel.admin, 'pms.import', { kind: 'arrivals', fileName: 'arrivals.csv', content: csv(rows) })

/** A zip with one entry whose content is `size` bytes of spaces, stored compressed: a "zip bomb" of a workbook. */
function zipBomb(size: number): Uint8Array {
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const body = deflateRawSync(Buffer.alloc(size, 0x20), { level: 9 })
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(body.length, 18)
  local.writeUInt32LE(1000, 22) // the size it claims: a lie
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(body.length, 20)
  central.writeUInt32LE(1000, 24)
  central.writeUInt16LE(name.length, 28)
  central.writeUInt32LE(0, 42)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(local.length + name.length + body.length, 16)
  return new Uint8Array(Buffer.concat([local, name, body, central, name, end]))
}

describe('files that would take the store down', () => {
  it('refuses a workbook that unpacks to far more than a report holds, even when it lies about its size', async () => {
    const bomb = zipBomb(160 * 1024 * 1024)
    expect(bomb.length).toBeLessThan(1024 * 1024)
    await expect(readReportFile(bomb, 'arrivals.xlsx')).rejects.toMatchObject({ code: 'REPORT_FILE', details: { reason: 'too_large' } })
  })

  it('reads a long run of single digits in a cell without trying every slice of it, and keeps what is not a card', () => {
    const digits = Array(6400).fill('1').join(' ')
    expect(redactCardNumbers(digits)).toBe(digits)
    expect(redactCardNumbers('card 4111 1111 1111 1111 1228 please')).toBe('card [card removed] 1228 please')
  })

  it('removes a card followed by its expiry from OpenTravel free text too', () => {
    expect(scrubCardNumbers('VISA 4111 1111 1111 1111 1228, AMEX 3782 822463 10005 0925')).toBe('VISA [card removed] 1228, AMEX [card removed] 0925')
  })
})

describe('bookings are never mistaken for one another', () => {
  it('keeps two 16-digit confirmation numbers that happen to pass the card check as two bookings', async () => {
    const result = await importArrivals([`2026120100000019,ALPHA/ANNA MS,${today},${dayAfter(today, 2)},,RESERVED,1`, `2026120100000027,BETA/BOB MR,${dayAfter(today, 1)},${dayAfter(today, 3)},,RESERVED,1`])
    expect(ok(result)).toMatchObject({ status: 'applied', events: { reservation: 2, dates_changed: 0 } })
    const stays = [...ok<{ pmsConfirmation: string }[]>(hotel.call(hotel.desk, 'stay.arrivals', { date: today })), ...ok<{ pmsConfirmation: string }[]>(hotel.call(hotel.desk, 'stay.arrivals', { date: dayAfter(today, 1) }))]
    expect(stays.map((s) => s.pmsConfirmation).sort()).toEqual(['2026120100000019', '2026120100000027'])
  })

  it('refuses a mapping that reads one column as two fields', async () => {
    const mapping = { kind: 'arrivals', columns: { confirmation: 'Conf No', guestName: 'Conf No', arrival: 'Arrival', departure: 'Departure' } }
    const error = failure(await store.core.callAsAsync(hotel.admin, 'pms.preview', { kind: 'arrivals', fileName: 'a.csv', content: csv([]), mapping }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('already read as confirmation')
  })

  it('says an upload that is not base64 did not arrive whole, instead of calling it empty', async () => {
    const error = failure(await store.core.callAsAsync(hotel.admin, 'pms.preview', { kind: 'arrivals', fileName: 'a.csv', content: '!!!!@@@@' }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('did not arrive whole')
  })
})

describe('the watch folder keeps going', () => {
  it('a file it cannot move out is imported once, not every interval, and the manager is told why', async () => {
    const folder = path.join(store.dir, 'drop')
    fs.mkdirSync(folder)
    fs.writeFileSync(path.join(folder, 'done'), 'a file where the done folder should be')
    fs.writeFileSync(path.join(folder, 'failed'), 'and another')
    fs.writeFileSync(path.join(folder, 'arrivals_1.csv'), Buffer.from(csv([`S1,STUCK/SAM MR,${today},${dayAfter(today, 1)},,RESERVED,1`]), 'base64'))
    ok(hotel.call(hotel.admin, 'pms.setSettings', { watchFolder: folder }))
    const watcher = startWatchFolder(store.core, { intervalMs: 60_000 })
    try {
      await watcher.scan()
      expect((await watcher.scan())[0]).toMatchObject({ file: 'arrivals_1.csv', outcome: 'stuck' })
      for (let i = 0; i < 3; i++) expect(await watcher.scan()).toEqual([])
      expect(ok<unknown[]>(hotel.call(hotel.admin, 'pms.imports', {}))).toHaveLength(1)
      expect(ok(hotel.call(hotel.admin, 'pms.settings', {})).problem).toMatchObject({ code: 'cannot_move', folder })
      // The desk needs the mode, not where the files are.
      expect(ok(hotel.call(hotel.desk, 'pms.settings', {}))).toMatchObject({ watchFolder: null, problem: null, watching: true })
    } finally {
      watcher.stop()
    }
  })

  it('never follows a link in the folder', async () => {
    const folder = path.join(store.dir, 'drop')
    fs.mkdirSync(folder)
    fs.symlinkSync('/etc/passwd', path.join(folder, 'arrivals.csv'))
    ok(hotel.call(hotel.admin, 'pms.setSettings', { watchFolder: folder }))
    const watcher = startWatchFolder(store.core, { intervalMs: 60_000 })
    try {
      await watcher.scan()
      expect(await watcher.scan()).toEqual([])
      expect(ok<unknown[]>(hotel.call(hotel.admin, 'pms.imports', {}))).toHaveLength(0)
    } finally {
      watcher.stop()
    }
  })

  it('lists recent imports even when one stored report is damaged', async () => {
    ok(await importArrivals([`D1,DAMAGED/DAN MR,${today},${dayAfter(today, 1)},,RESERVED,1`]))
    const db = new Database(store.file)
    db.prepare("UPDATE pms_import SET report = '{'").run()
    db.close()
    expect(ok<{ fileName: string; events: object }[]>(hotel.call(hotel.admin, 'pms.imports', {}))[0]).toMatchObject({ fileName: 'arrivals.csv', events: {} })
  })
})

describe('stays and rooms', () => {
  it('department staff see which rooms are occupied, never by whom', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '保密客人' }))
    const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 1), party: 1 }))
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1101' }))
    const seen = (actor: SmallHotel['desk']) => ok<{ number: string; occupancy: string; occupant: { nativeName: string } | null }[]>(hotel.call(actor, 'room.list', {})).find((r) => r.number === '1101')
    expect(seen(hotel.housekeeper)).toMatchObject({ occupancy: 'occupied', occupant: null })
    expect(seen(hotel.desk)?.occupant?.nativeName).toBe('保密客人')
  })

  it('refuses a stay of more than a year, a booking years ahead, and an arrival moved into the past', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '日期' }))
    expect(failure(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: '2199-12-31', party: 1 })).code).toBe('STAY_DATES')
    expect(failure(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2062-01-01', departure: '2062-01-02', party: 1 })).message).toContain('check the year')
    const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: dayAfter(today, 1), departure: dayAfter(today, 3), party: 1 }))
    expect(failure(hotel.call(hotel.desk, 'stay.changeDates', { stayId, departure: '9999-12-31' })).code).toBe('STAY_DATES')
    expect(failure(hotel.call(hotel.desk, 'stay.changeDates', { stayId, arrival: '0001-01-01', departure: dayAfter(today, 3) })).code).toBe('STAY_DATES')
    expect(ok(hotel.call(hotel.desk, 'stay.details', { stayId }))).toMatchObject({ arrival: dayAfter(today, 1), departure: dayAfter(today, 3) })
  })

  it('refuses the main guest as their own companion, and one companion twice; a merged profile stands for its survivor', () => {
    const { id: main } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '主客' }))
    const { id: friend } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '同住' }))
    const { id: twin } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '同住人' }))
    const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: main, arrival: today, departure: dayAfter(today, 1), party: 2 }))
    expect(failure(hotel.call(hotel.desk, 'stay.setCompanions', { stayId, companions: [{ guestId: main }] })).code).toBe('VALIDATION')
    expect(failure(hotel.call(hotel.desk, 'stay.setCompanions', { stayId, companions: [{ guestId: friend }, { guestId: friend }] })).message).toContain('twice')
    ok(hotel.call(hotel.admin, 'guest.merge', { survivorId: friend, mergedId: twin, choose: {} }))
    ok(hotel.call(hotel.desk, 'stay.setCompanions', { stayId, companions: [{ guestId: twin }] }))
    expect(ok<{ companions: { guestId: number }[] }>(hotel.call(hotel.desk, 'stay.details', { stayId })).companions.map((c) => c.guestId)).toEqual([friend])
  })
})
