import type { OperationContext } from '../context'
import { blockHolds, parseFeatures, roomStatusCode, type BlockKind, type Housekeeping, type RoomBlock, type RoomStatusCode } from './room'
import { listRoomsWithOccupancy } from './room.repository'
import { hotelToday } from './room-status.service'

/** One room as room.list answers it (the housekeeping board and the desk read it). */
export interface RoomStatusView {
  id: number
  number: string
  floor: number
  facing: string
  view: string | null
  bed: string
  features: string[]
  /** '' when the hotel uses no room types. */
  roomType: string
  housekeeping: Housekeeping
  occupancy: 'vacant' | 'occupied'
  /** VC VD OC OD IN PU: see roomStatusCode. */
  code: RoomStatusCode
  /** The block that holds today, or null (a block that starts later or has ended is not shown). */
  block: RoomBlock | null
  /** A block set for later days, so the board can say it is coming. */
  upcomingBlock: RoomBlock | null
  /**
   * Kept for callers that read one word: 'out_of_order' when blocked out of order today, else
   * 'occupied' or 'vacant'.
   */
  status: 'out_of_order' | 'occupied' | 'vacant'
  occupant: { stayId: number; guestId: number | null; nativeName: string | null; romanName: string | null } | null
  /** When the room was retired (ISO instant), or null while it is in the inventory. */
  retiredAt: string | null
}

/**
 * Every room in the inventory, by floor then number, with its status as of the hotel's today.
 * Retired rooms are left out unless `includeRetired` (the Rooms page lists them apart).
 */
export function listRoomStatus(ctx: OperationContext, options: { includeRetired?: boolean } = {}): RoomStatusView[] {
  const today = hotelToday(ctx)
  const rows = listRoomsWithOccupancy(ctx.sqlite)
  return (options.includeRetired ? rows : rows.filter((r) => r.retired_at === null)).map((r) => {
    const stored: RoomBlock | null =
      r.block === null ? null : { kind: r.block as BlockKind, reason: r.block_reason ?? '', from: r.block_from, until: r.block_until }
    const block = stored && blockHolds(stored, today) ? stored : null
    const occupied = r.stay_id !== null
    const housekeeping = r.housekeeping as Housekeeping
    return {
      id: r.id,
      number: r.number,
      floor: r.floor,
      facing: r.facing,
      view: r.view,
      bed: r.bed,
      features: parseFeatures(r.features),
      roomType: r.room_type,
      housekeeping,
      occupancy: occupied ? 'occupied' : 'vacant',
      code: roomStatusCode(housekeeping, occupied),
      block,
      upcomingBlock: stored && !block && stored.from !== null && stored.from > today ? stored : null,
      status: block?.kind === 'out_of_order' ? 'out_of_order' : occupied ? 'occupied' : 'vacant',
      occupant: r.stay_id ? { stayId: r.stay_id, guestId: r.guest_id, nativeName: r.native_name, romanName: r.roman_name } : null,
      retiredAt: r.retired_at,
    }
  })
}
