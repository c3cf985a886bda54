import { recordAudit } from '../audit/audit.repository'
import type { Actor, OperationContext } from '../context'
import type { RoomRow } from '../db/tables/room.table'
import { AppError } from '../errors'
import type { BlockKind, Housekeeping, RoomBlock } from './room'
import { findRoom, findRoomByNumber, setRoomBlock, setRoomHousekeeping, updateRoomFacts } from './room.repository'
import { today } from '../hotel-clock'
import { isDepartmentStaff } from '../staff/roles'

/** One room's status as the desk, the housekeeping board or the PMS's room-status report gives it. */
export interface RoomStatusRow {
  roomNumber: string
  /** The room type code; undefined or null leaves it as it is. */
  roomType?: string | null
  /** undefined or null leaves it as it is. */
  housekeeping?: Housekeeping | null
  /** A block to set; null lifts any block; undefined leaves it as it is. */
  block?: { kind: BlockKind; reason: string; from: string | null; until: string | null } | null
}

/** The room with this number, or NOT_FOUND naming it. */
export function requireRoom(ctx: OperationContext, roomNumber: string): RoomRow {
  const room = findRoomByNumber(ctx.sqlite, roomNumber)
  if (!room) throw new AppError('NOT_FOUND', `There is no room ${roomNumber.trim().toUpperCase()}. Check the number.`, { entity: 'room', roomNumber })
  return room
}

const sameBlock = (room: RoomRow, block: RoomBlock | null) =>
  block === null
    ? room.block === null
    : room.block === block.kind && room.block_reason === block.reason && room.block_from === block.from && room.block_until === block.until

/**
 * Applies one room's status (type, housekeeping, block) and answers what changed: the names of
 * the fields among 'roomType', 'housekeeping', 'block'. Idempotent: the same row applied twice
 * changes nothing the second time (changed: []). Each change is audited once, with its source
 * ('desk' or 'pms'). Throws NOT_FOUND for an unknown room. Runs inside the caller's transaction;
 * the PMS room-status import calls it per row.
 *
 * A retired room (see room.retire) is out of the inventory: the desk is refused (ROOM_RETIRED),
 * while a PMS room-status report that still lists it changes nothing and answers `retired: true`
 * (one room the hotel took out of Zhike does not stop the whole report).
 */
export function applyRoomStatus(ctx: OperationContext, row: RoomStatusRow, source: 'desk' | 'pms'): { roomNumber: string; changed: string[]; retired?: true } {
  const room = requireRoom(ctx, row.roomNumber)
  if (room.retired_at !== null) {
    if (source === 'pms') return { roomNumber: room.number, changed: [], retired: true }
    throw new AppError('ROOM_RETIRED', `Room ${room.number} is retired. Reinstate it on the Rooms page first.`, { roomNumber: room.number })
  }
  const changed: string[] = []
  const roomType = row.roomType == null ? undefined : row.roomType.trim().toUpperCase()
  if (roomType !== undefined && roomType !== room.room_type) {
    updateRoomFacts(ctx.sqlite, room.id, { room_type: roomType })
    changed.push('roomType')
  }
  if (row.housekeeping != null && setRoomHousekeeping(ctx.sqlite, room.id, row.housekeeping)) changed.push('housekeeping')
  if (row.block !== undefined) {
    const block: RoomBlock | null = row.block === null ? null : { ...row.block, reason: row.block.reason.trim() }
    if (!sameBlock(room, block)) {
      setRoomBlock(ctx.sqlite, room.id, block)
      changed.push('block')
    }
  }
  if (changed.length > 0) {
    announceRoom(ctx, room.id)
    recordAudit(ctx.sqlite, {
      at: ctx.clock.now().toISOString(),
      staffId: ctx.actor?.staffId ?? null,
      action: 'room.status',
      entity: 'room',
      entityId: room.id,
      detail: { source, changed, roomType, housekeeping: row.housekeeping ?? undefined, block: row.block },
    })
  }
  return { roomNumber: room.number, changed }
}

/** Tells every board that shows rooms that this room's status or block changed. */
export function announceRoom(ctx: OperationContext, roomId: number): void {
  const room = findRoom(ctx.sqlite, roomId)
  if (room) ctx.emit('room.changed', { roomNumber: room.number, housekeeping: room.housekeeping, block: room.block })
}

/** Who may set a room's housekeeping status: managers, admins, the front desk, housekeeping staff. */
export function maySetHousekeeping(actor: Actor): boolean {
  return actor.role === 'manager' || actor.role === 'admin' || actor.role === 'front_desk' || (isDepartmentStaff(actor.role) && actor.department === 'housekeeping')
}

/** Who may block and unblock rooms: managers, admins, housekeeping and engineering staff. */
export function mayBlockRooms(actor: Actor): boolean {
  return actor.role === 'manager' || actor.role === 'admin' || (isDepartmentStaff(actor.role) && (actor.department === 'housekeeping' || actor.department === 'engineering'))
}

/** The hotel's business date now, YYYY-MM-DD (hotel-clock.ts). */
export function hotelToday(ctx: OperationContext): string {
  return today(ctx)
}
