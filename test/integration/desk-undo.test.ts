import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/core'
import { dayAfter, failure, ok, seedSmallHotel, type SmallHotel } from '../fixtures/test-store'

/*
 * Issue 10, finding 9: the desk undoes a check-out or a check-in within 10 minutes. The clock is
 * the test's own (14:00 in Shanghai), so "10 minutes later" is exact.
 */

let core: Core
let hotel: SmallHotel
let dir: string
let now: Date
let today: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-undo-'))
  now = new Date('2026-12-01T06:00:00Z')
  core = createCore({ file: path.join(dir, 'zhike.db'), clock: { now: () => new Date(now) }, logError: () => {} })
  hotel = seedSmallHotel(core)
  ok(hotel.call(hotel.admin, 'hotel.setClock', { timeZone: 'Asia/Shanghai', nightAuditTime: '04:00' }))
  today = ok<{ businessDate: string }>(hotel.call(hotel.desk, 'hotel.clock', {})).businessDate
})
afterEach(() => {
  core.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const minutes = (n: number) => {
  now = new Date(now.getTime() + n * 60_000)
}

/** A guest who reads the advertising periodicals (housekeeping's check-in prompt), arriving today for 3 nights. */
function arrival(name = '何家俊'): { guestId: number; stayId: number } {
  const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: name, phone: null }))
  ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'reading', code: 'periodical', value: 'mainland_advertising' }))
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 3), party: 1 }))
  return { guestId, stayId }
}

const stayRow = (stayId: number) => core.sqlite.prepare('SELECT status, room_id, checked_in_at, checked_out_at FROM stay WHERE id = ?').get(stayId) as {
  status: string
  room_id: number | null
  checked_in_at: string | null
  checked_out_at: string | null
}
const promptStatuses = (stayId: number) =>
  (core.sqlite.prepare('SELECT status FROM prompt WHERE stay_id = ? ORDER BY id').all(stayId) as { status: string }[]).map((r) => r.status)
const roomStatus = (room: string) => ok<{ number: string; code: string }[]>(hotel.call(hotel.desk, 'room.list', {})).find((r) => r.number === room)?.code
const boardOf = (actor = hotel.housekeeper) => ok<{ id: number; stayId: number; status: string }[]>(hotel.call(actor, 'prompt.board', { department: 'housekeeping' }))

describe('undo a check-out', () => {
  it('within 10 minutes brings the guest back in house in the same room, with the prompts the check-out closed', () => {
    const { stayId, guestId } = arrival()
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    const [first] = boardOf()
    ok(hotel.call(hotel.housekeeper, 'prompt.acknowledge', { promptId: first.id }))
    minutes(30)
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    expect(promptStatuses(stayId).every((s) => s === 'cancelled')).toBe(true)
    expect(boardOf().filter((p) => p.stayId === stayId)).toHaveLength(0)
    expect(roomStatus('1001')).toBe('VD')

    minutes(9)
    const details = ok(hotel.call(hotel.desk, 'stay.details', { stayId }))
    expect(details.undo).toMatchObject({ action: 'check_out' })
    const undone = ok(hotel.call(hotel.desk, 'stay.undoCheckOut', { stayId }))
    expect(undone).toMatchObject({ stayId, status: 'in_house', roomNumber: '1001', reopenedPrompts: 1 })

    expect(stayRow(stayId)).toMatchObject({ status: 'in_house', checked_out_at: null })
    expect(roomStatus('1001')).toBe('OD')
    const inHouse = ok<{ stayId: number; roomNumber: string }[]>(hotel.call(hotel.desk, 'stay.inHouse', {}))
    expect(inHouse.find((s) => s.stayId === stayId)?.roomNumber).toBe('1001')
    // The prompt comes back as it was: acknowledged, on housekeeping's board again.
    expect(promptStatuses(stayId)).toEqual(['acknowledged'])
    expect(boardOf().filter((p) => p.stayId === stayId).map((p) => p.status)).toEqual(['acknowledged'])
    // Another guest cannot be checked into the room: it is occupied again.
    const other = arrival('林雪')
    expect(failure(hotel.call(hotel.desk, 'stay.checkIn', { stayId: other.stayId, roomNumber: '1001' })).code).toBe('ROOM_OCCUPIED')
    // The history says so, and who did it.
    const kinds = ok(hotel.call(hotel.desk, 'stay.details', { stayId })).events.map((e: { kind: string }) => e.kind)
    expect(kinds.slice(-2)).toEqual(['check_out', 'check_out_undone'])
    expect(ok(hotel.call(hotel.desk, 'guest.card', { guestId })).stays[0]).toMatchObject({ status: 'in_house', roomNumber: '1001' })
  })

  it('after 10 minutes is refused, saying it is too late', () => {
    const { stayId } = arrival()
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    minutes(10)
    minutes(0.1)
    expect(ok(hotel.call(hotel.desk, 'stay.details', { stayId })).undo).toBeNull()
    const refusal = failure(hotel.call(hotel.desk, 'stay.undoCheckOut', { stayId }))
    expect(refusal.code).toBe('UNDO_TOO_LATE')
    expect(refusal.details).toMatchObject({ minutes: 10, context: 'check_out' })
    expect(stayRow(stayId).status).toBe('checked_out')
  })

  it('is refused when the room has since been taken', () => {
    const { stayId } = arrival()
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    const next = arrival('林雪')
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: next.stayId, roomNumber: '1001' }))
    const refusal = failure(hotel.call(hotel.desk, 'stay.undoCheckOut', { stayId }))
    expect(refusal).toMatchObject({ code: 'ROOM_OCCUPIED', details: { roomNumber: '1001' } })
    expect(stayRow(stayId).status).toBe('checked_out')
  })

  it('is refused beside a PMS, and for a stay not checked out', () => {
    const { stayId } = arrival()
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    expect(failure(hotel.call(hotel.desk, 'stay.undoCheckOut', { stayId })).code).toBe('NOTHING_TO_UNDO')
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    ok(hotel.call(hotel.admin, 'pms.setSettings', { mode: 'with_pms' }))
    expect(failure(hotel.call(hotel.desk, 'stay.undoCheckOut', { stayId })).code).toBe('PMS_OWNS_STAYS')
    expect(ok(hotel.call(hotel.desk, 'stay.details', { stayId })).undo).toBeNull()
    expect(stayRow(stayId).status).toBe('checked_out')
  })

  it('needs stay.write: housekeeping cannot undo', () => {
    const { stayId } = arrival()
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    expect(failure(hotel.call(hotel.housekeeper, 'stay.undoCheckOut', { stayId })).code).toBe('FORBIDDEN')
  })
})

describe('undo a check-in', () => {
  it('within 10 minutes makes it a reservation again, the room kept as chosen, the check-in prompts withdrawn', () => {
    const { stayId } = arrival()
    const checkedIn = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    expect(checkedIn.prompts).toHaveLength(1)
    expect(boardOf().filter((p) => p.stayId === stayId)).toHaveLength(1)
    minutes(5)
    expect(ok(hotel.call(hotel.desk, 'stay.details', { stayId })).undo).toMatchObject({ action: 'check_in' })
    const undone = ok(hotel.call(hotel.desk, 'stay.undoCheckIn', { stayId }))
    expect(undone).toMatchObject({ stayId, status: 'reserved', roomNumber: '1001', withdrawnPrompts: 1 })
    expect(stayRow(stayId)).toMatchObject({ status: 'reserved', checked_in_at: null })
    expect(boardOf().filter((p) => p.stayId === stayId)).toHaveLength(0)
    const arrivals = ok<{ stayId: number; status: string; roomNumber: string | null }[]>(hotel.call(hotel.desk, 'stay.arrivals', {}))
    expect(arrivals.find((s) => s.stayId === stayId)).toMatchObject({ status: 'reserved', roomNumber: '1001' })
    expect(ok(hotel.call(hotel.desk, 'stay.details', { stayId })).events.at(-1).kind).toBe('check_in_undone')
    // Checked in again for real: the check-in prompt is made afresh, once.
    const again = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' }))
    expect(again.prompts).toHaveLength(1)
    expect(boardOf().filter((p) => p.stayId === stayId)).toHaveLength(1)
  })

  it('after 10 minutes is refused, and beside a PMS', () => {
    const { stayId } = arrival()
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    minutes(11)
    const late = failure(hotel.call(hotel.desk, 'stay.undoCheckIn', { stayId }))
    expect(late).toMatchObject({ code: 'UNDO_TOO_LATE', details: { context: 'check_in', minutes: 10 } })
    expect(stayRow(stayId).status).toBe('in_house')
    const other = arrival('林雪')
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: other.stayId, roomNumber: '1002' }))
    ok(hotel.call(hotel.admin, 'pms.setSettings', { mode: 'with_pms' }))
    expect(failure(hotel.call(hotel.desk, 'stay.undoCheckIn', { stayId: other.stayId })).code).toBe('PMS_OWNS_STAYS')
    expect(stayRow(other.stayId).status).toBe('in_house')
  })
})
