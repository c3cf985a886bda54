import type { Generated, Selectable, Insertable } from 'kysely'

export interface RoomTable {
  id: Generated<number>
  number: string
  floor: number
  facing: string
  view: string | null
  bed: string
  /** Space-separated feature codes, e.g. "visual_alarm quiet". */
  features: string
  /** The hotel's (PMS's) room type code, e.g. "DKN"; '' when the hotel uses none. */
  room_type: Generated<string>
  /**
   * Housekeeping status of the room itself: clean | dirty | inspected | pickup. Whether it is
   * vacant or occupied comes from the stays, so "vacant dirty" (空脏) is dirty with no guest in house.
   */
  housekeeping: Generated<string>
  /** out_of_order (not sellable) | out_of_service (sellable last, minor fault) | null. */
  block: string | null
  block_reason: string | null
  /** ISO dates the block runs from and until (inclusive); null for open-ended. */
  block_from: string | null
  block_until: string | null
  /** When the room was retired (ISO instant; migration 0010), NULL while it is in the inventory. */
  retired_at: Generated<string | null>
}
export type RoomRow = Selectable<RoomTable>
export type NewRoomRow = Insertable<RoomTable>
