import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { kindFromFileName, startWatchFolder } from '../../electron/core/pms/watch-folder'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'
import { dayAfter, failure, localToday, ok, type SmallHotel, type tempStore } from '../fixtures/test-store'

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  store = s
  hotel = h
})

const header = 'Conf No,Name,Arrival,Departure,Room,Room Type,VIP,Status,Adults'
const arrivals = (rows: string[]) => [header, ...rows].join('\n')

function folderWith(files: Record<string, string>): string {
  const folder = path.join(store.dir, 'pms-drop')
  fs.mkdirSync(folder, { recursive: true })
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text)
  return folder
}

describe('the watch folder', () => {
  it('imports a report once it has stopped changing, moves it to done/ with a report, and the arrivals are on the desk', async () => {
    const today = localToday()
    const folder = folderWith({ 'arrivals_0700.csv': arrivals([`W1,KOWALSKA/ANNA MS,${today},${dayAfter(today, 2)},,DKN,0,RESERVED,1`]) })
    ok(hotel.call(hotel.admin, 'pms.setSettings', { watchFolder: folder }))
    const watcher = startWatchFolder(store.core, { intervalMs: 60_000 })
    try {
      expect(await watcher.scan()).toEqual([]) // first look: the PMS may still be writing it
      const [imported] = await watcher.scan()
      expect(imported).toMatchObject({ file: 'arrivals_0700.csv', kind: 'arrivals', outcome: 'applied' })
      expect(fs.existsSync(path.join(folder, 'arrivals_0700.csv'))).toBe(false)
      const report = fs.readFileSync(path.join(folder, 'done', 'arrivals_0700.csv.report.txt'), 'utf8')
      expect(report).toContain('new bookings: 1')
      expect(report).toContain('新预订：1')
      const desk = ok(hotel.call(hotel.desk, 'stay.arrivals', {})) as { pmsConfirmation: string | null; guest: { romanName: string | null } }[]
      expect(desk.map((a) => a.pmsConfirmation)).toContain('W1')
      const imports = ok(hotel.call(hotel.admin, 'pms.imports', {})) as { via: string; fileName: string }[]
      expect(imports[0]).toMatchObject({ via: 'watch', fileName: 'arrivals_0700.csv' })
      expect(ok(hotel.call(hotel.admin, 'pms.settings', {})).lastScanAt).not.toBeNull()
    } finally {
      watcher.stop()
    }
  })

  it('moves a file with bad rows to failed/, naming the lines, and applies nothing', async () => {
    const today = localToday()
    const folder = folderWith({
      'arrivals_1200.csv': arrivals([`B1,LEE/MAY MS,${today},${dayAfter(today, 1)},,DKN,0,RESERVED,1`, `B2,NG/JOE MR,not a date,${today},,DKN,0,RESERVED,1`, `B3,WU/TAN MR,${today},${dayAfter(today, 1)},,DKN,0,SOMETHING,1`]),
    })
    ok(hotel.call(hotel.admin, 'pms.setSettings', { watchFolder: folder }))
    const watcher = startWatchFolder(store.core, { intervalMs: 60_000 })
    try {
      await watcher.scan()
      const [result] = await watcher.scan()
      expect(result.outcome).toBe('rejected')
      const report = fs.readFileSync(path.join(folder, 'failed', 'arrivals_1200.csv.report.txt'), 'utf8')
      expect(report).toMatch(/line 3\b/)
      expect(report).toMatch(/line 4\b/)
      expect((ok(hotel.call(hotel.desk, 'stay.arrivals', {})) as unknown[]).length).toBe(0)
    } finally {
      watcher.stop()
    }
  })

  it('does not guess: a file whose kind it cannot tell goes to failed/ saying how to name it', async () => {
    const folder = folderWith({ 'export.csv': arrivals([]) })
    ok(hotel.call(hotel.admin, 'pms.setSettings', { watchFolder: folder }))
    const watcher = startWatchFolder(store.core, { intervalMs: 60_000 })
    try {
      await watcher.scan()
      const [result] = await watcher.scan()
      expect(result.outcome).toBe('failed')
      expect(fs.readFileSync(path.join(folder, 'failed', 'export.csv.report.txt'), 'utf8')).toContain('Name it arrivals')
    } finally {
      watcher.stop()
    }
  })

  it('reads the kind from the names PMS schedulers use, in English and Chinese', () => {
    expect(kindFromFileName('ARRIVALS_20261201.xlsx')).toBe('arrivals')
    expect(kindFromFileName('inhouse-1800.csv')).toBe('in_house')
    expect(kindFromFileName('在住客人报表.csv')).toBe('in_house')
    expect(kindFromFileName('departures.csv')).toBe('departures')
    expect(kindFromFileName('roomstatus.csv')).toBe('room_status')
    expect(kindFromFileName('房态表.xlsx')).toBe('room_status')
    expect(kindFromFileName('report.csv')).toBeNull()
  })

  it('refuses a folder given as a relative path, with a message that says what to type', () => {
    const error = failure(hotel.call(hotel.admin, 'pms.setSettings', { watchFolder: 'exports' }))
    expect(error.code).toBe('VALIDATION')
    expect(error.message).toContain('full path')
    expect(ok(hotel.call(hotel.admin, 'pms.settings', {})).watchFolder).toBeNull()
  })
})
