import { describe, expect, it } from 'vitest'
import { systemClock } from '../../electron/core/clock'
import { desktopCaller, type Actor, type OperationContext } from '../../electron/core/context'
import type { Core } from '../../electron/core/core'
import { applyRoomStatus } from '../../electron/core/rooms/room-status.service'
import { addMacauGuest, dayAfter, failure, localToday, ok, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

// Issue 9: housekeeping status and blocks on real SQLite, through the public operations.
let core: Core
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  core = s.core
  hotel = h
})

const today = localToday()
type Room = { number: string; code: string; housekeeping: string; occupancy: string; block: { kind: string; reason: string; from: string | null; until: string | null } | null; roomType: string }
const roomOf = (number: string): Room => ok<Room[]>(hotel.call(hotel.desk, 'room.list', {})).find((r) => r.number === number)!
const staff = (code: string, department: string, role: string): Actor => {
  ok(hotel.call(hotel.admin, 'staff.create', { code, name: `Staff ${code}`, department, role, pin: '1234' }))
  return ok(hotel.call(null, 'session.signIn', { code, pin: '1234' })).staff
}
const readyRooms = (stayId: number, limit = 20) =>
  ok<{ room: { number: string }; readiness: string }[]>(hotel.call(hotel.desk, 'room.suggest', { stayId, limit }))

describe('housekeeping status', () => {
  it('housekeeping staff and the front desk set it; restaurant staff may not', () => {
    expect(ok(hotel.call(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '1001', status: 'dirty' }))).toMatchObject({ roomNumber: '1001', housekeeping: 'dirty' })
    expect(roomOf('1001')).toMatchObject({ housekeeping: 'dirty', code: 'VD', occupancy: 'vacant' })
    expect(ok(hotel.call(hotel.desk, 'room.setHousekeeping', { roomNumber: '1001', status: 'inspected' }))).toMatchObject({ housekeeping: 'inspected' })
    expect(roomOf('1001').code).toBe('IN')
    const refused = failure(hotel.call(hotel.cook, 'room.setHousekeeping', { roomNumber: '1001', status: 'dirty' }))
    expect(refused.code).toBe('FORBIDDEN')
    expect(roomOf('1001').code).toBe('IN')
    const audit = core.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'room.status'").get() as { n: number }
    expect(audit.n).toBe(2)
  })

  it('a room number nobody has is NOT_FOUND, a made-up status is a validation error, never a 500', () => {
    expect(failure(hotel.call(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '9999', status: 'clean' })).code).toBe('NOT_FOUND')
    expect(failure(hotel.call(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '1001', status: 'sparkling' })).code).toBe('VALIDATION')
    expect(failure(hotel.call(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '', status: 'clean' })).code).toBe('VALIDATION')
  })

  it('room.list gives the trade’s codes: VC, VD, OC, OD, IN, PU', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' }))
    expect(roomOf('1002')).toMatchObject({ occupancy: 'occupied', code: 'OC' })
    ok(hotel.call(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '1002', status: 'dirty' }))
    expect(roomOf('1002').code).toBe('OD')
    ok(hotel.call(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '1101', status: 'pickup' }))
    expect(roomOf('1101').code).toBe('PU')
    expect(roomOf('1201').code).toBe('VC')
  })

  it('a dirty room is not offered as ready; once clean it is', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '1001', status: 'dirty' }))
    const dirty = readyRooms(stayId)
    expect(dirty.filter((s) => s.readiness === 'ready').map((s) => s.room.number)).not.toContain('1001')
    expect(dirty.find((s) => s.room.number === '1001')?.readiness).toBe('not_ready')
    ok(hotel.call(hotel.housekeeper, 'room.setHousekeeping', { roomNumber: '1001', status: 'clean' }))
    expect(readyRooms(stayId)[0]).toMatchObject({ room: { number: '1001' }, readiness: 'ready' })
  })
})

describe('blocks: out of order and out of service, with reason and dates', () => {
  it('housekeeping and engineering staff and managers block; the front desk and the restaurant may not', () => {
    const engineer = staff('en01', 'engineering', 'department')
    ok(hotel.call(engineer, 'room.block', { roomNumber: '1201', kind: 'out_of_order', reason: 'Leaking pipe' }))
    expect(roomOf('1201').block).toEqual({ kind: 'out_of_order', reason: 'Leaking pipe', from: today, until: null })
    expect(failure(hotel.call(hotel.desk, 'room.unblock', { roomNumber: '1201' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.cook, 'room.block', { roomNumber: '1202', kind: 'out_of_service', reason: 'x' })).code).toBe('FORBIDDEN')
    ok(hotel.call(hotel.housekeeper, 'room.unblock', { roomNumber: '1201' }))
    expect(roomOf('1201').block).toBeNull()
  })

  it('an out-of-order room is never suggested; an out-of-service room is offered last, marked', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.admin, 'room.block', { roomNumber: '1001', kind: 'out_of_order', reason: 'Ceiling repair' }))
    ok(hotel.call(hotel.admin, 'room.block', { roomNumber: '1002', kind: 'out_of_service', reason: 'TV broken' }))
    const list = readyRooms(stayId)
    expect(list.map((s) => s.room.number)).not.toContain('1001')
    expect(list.at(-1)).toMatchObject({ room: { number: '1002' }, readiness: 'out_of_service' })
    expect(failure(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })).code).toBe('ROOM_OUT_OF_ORDER')
  })

  it('a block counts only on its dates', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.admin, 'room.block', { roomNumber: '1001', kind: 'out_of_order', reason: 'Carpet', from: dayAfter(today, 2), until: dayAfter(today, 4) }))
    expect(roomOf('1001')).toMatchObject({ block: null, upcomingBlock: { kind: 'out_of_order', from: dayAfter(today, 2) } })
    expect(readyRooms(stayId)[0].room.number).toBe('1001')
    ok(hotel.call(hotel.admin, 'room.block', { roomNumber: '1001', kind: 'out_of_order', reason: 'Carpet', from: dayAfter(today, -4), until: dayAfter(today, -1) }))
    expect(roomOf('1001').block).toBeNull()
    ok(hotel.call(hotel.admin, 'room.block', { roomNumber: '1001', kind: 'out_of_order', reason: 'Carpet', until: today }))
    expect(roomOf('1001').block).toMatchObject({ from: today, until: today })
    expect(readyRooms(stayId).map((s) => s.room.number)).not.toContain('1001')
  })

  it('refuses a block without a reason, with the end before the start, or with a date that does not exist', () => {
    const block = (input: Record<string, unknown>) => failure(hotel.call(hotel.admin, 'room.block', { roomNumber: '1001', kind: 'out_of_order', reason: 'Paint', ...input }))
    expect(block({ reason: '  ' }).code).toBe('VALIDATION')
    expect(block({ reason: 'x'.repeat(201) }).code).toBe('VALIDATION')
    expect(block({ from: dayAfter(today, 3), until: dayAfter(today, 1) })).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'until' }] } })
    expect(block({ from: '2026-02-30' }).code).toBe('VALIDATION')
    expect(block({ kind: 'closed' }).code).toBe('VALIDATION')
    expect(roomOf('1001').block).toBeNull()
  })

  it('an occupied room may be blocked: the guest stays, and the answer says it is occupied', () => {
    const { stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    expect(ok(hotel.call(hotel.admin, 'room.block', { roomNumber: '1001', kind: 'out_of_order', reason: 'Air conditioning' }))).toMatchObject({ occupied: true })
    expect(roomOf('1001')).toMatchObject({ occupancy: 'occupied', block: { kind: 'out_of_order' } })
  })
})

describe('room types', () => {
  it('room.update changes the type; a reservation of that type is offered only rooms of it as ready', () => {
    for (const roomNumber of ['1001', '1002']) ok(hotel.call(hotel.admin, 'room.update', { roomNumber, roomType: 'ste' }))
    expect(roomOf('1001').roomType).toBe('STE')
    expect(failure(hotel.call(hotel.desk, 'room.update', { roomNumber: '1001', roomType: 'DKN' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.admin, 'room.update', { roomNumber: '1001', roomType: 'not a type!' })).code).toBe('VALIDATION')
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '林小姐' }))
    const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 1), party: 1, roomType: 'STE' }))
    const list = readyRooms(stayId)
    expect(list.filter((s) => s.readiness === 'ready').map((s) => s.room.number)).toEqual(['1001', '1002'])
    expect(list.filter((s) => s.readiness === 'different_type')).toHaveLength(2)
  })

  it('a room pre-assigned to another reservation on the same nights is not offered', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '陈先生' }))
    const other = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 2), party: 1 }))
    ok(hotel.call(hotel.desk, 'stay.assignRoom', { stayId: other.stayId, roomNumber: '1001' }))
    const { stayId } = addMacauGuest(hotel)
    expect(readyRooms(stayId).map((s) => s.room.number)).not.toContain('1001')
    expect(readyRooms(other.stayId)[0].room.number).toBe('1001')
  })
})

describe('applyRoomStatus, as the PMS room-status import calls it', () => {
  // The import runs it inside its own operation; here, the same context by hand.
  const context = (): OperationContext => ({ sqlite: core.sqlite, clock: systemClock, sessions: null as never, actor: hotel.admin, caller: desktopCaller, services: {}, emit: () => {} })
  const apply = (row: Parameters<typeof applyRoomStatus>[1]) => core.sqlite.transaction(() => applyRoomStatus(context(), row, 'pms'))()

  it('is idempotent: the same row twice changes nothing the second time', () => {
    const row = { roomNumber: '1001', roomType: 'DKN', housekeeping: 'dirty' as const, block: { kind: 'out_of_service' as const, reason: 'Minibar', from: today, until: null } }
    expect(apply(row)).toEqual({ roomNumber: '1001', changed: ['roomType', 'housekeeping', 'block'] })
    expect(apply(row)).toEqual({ roomNumber: '1001', changed: [] })
    expect(roomOf('1001')).toMatchObject({ roomType: 'DKN', code: 'VD', block: { kind: 'out_of_service', reason: 'Minibar' } })
    expect(apply({ roomNumber: '1001', block: null })).toEqual({ roomNumber: '1001', changed: ['block'] })
    expect(apply({ roomNumber: '1001' })).toEqual({ roomNumber: '1001', changed: [] })
  })

  it('an unknown room is NOT_FOUND', () => {
    expect(() => apply({ roomNumber: 'X9', housekeeping: 'clean' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })
})
