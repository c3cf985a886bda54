import type { Generated, Selectable, Insertable } from 'kysely'

export interface StayTable {
  id: Generated<number>
  confirmation_no: string
  guest_id: number
  /** ISO dates, YYYY-MM-DD. */
  arrival_date: string
  departure_date: string
  party_size: number
  room_id: number | null
  /** reserved | in_house | checked_out | cancelled | no_show */
  status: string
  checked_in_at: string | null
  checked_in_by: number | null
  checked_out_at: string | null
  checked_out_by: number | null
  created_at: string
  created_by: number | null
}
export type StayRow = Selectable<StayTable>
export type NewStayRow = Insertable<StayTable>
