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
  out_of_order: 0 | 1
}
export type RoomRow = Selectable<RoomTable>
export type NewRoomRow = Insertable<RoomTable>
