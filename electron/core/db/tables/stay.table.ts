import type { Generated, Selectable, Insertable } from 'kysely'

export interface StayTable {
  id: Generated<number>
  /** Zhike's own number; a PMS stay keeps the PMS's in `pms_confirmation` too. */
  confirmation_no: string
  /** The main guest. */
  guest_id: number
  /** ISO dates, YYYY-MM-DD. */
  arrival_date: string
  departure_date: string
  party_size: number
  /** In house: the room. Reserved: the pre-assigned room, if any. */
  room_id: number | null
  /** reserved | in_house | checked_out | cancelled | no_show */
  status: string
  checked_in_at: string | null
  checked_in_by: number | null
  checked_out_at: string | null
  checked_out_by: number | null
  created_at: string
  created_by: number | null
  /** The PMS's confirmation number: the key every report import upserts on. */
  pms_confirmation: Generated<string | null>
  /** The booked room type code. */
  room_type: Generated<string | null>
  /** Expected time of arrival, HH:MM. */
  eta: Generated<string | null>
  membership_no: Generated<string | null>
  /** Company or travel agent the booking came through. */
  company: Generated<string | null>
  /** Booking source or channel, as the PMS names it. */
  source: Generated<string | null>
  remarks: Generated<string | null>
  withdrawn_at: Generated<string | null>
  /** desk | pms: who created the stay. */
  origin: Generated<string>
}
export type StayRow = Selectable<StayTable>
export type NewStayRow = Insertable<StayTable>

/** An accompanying guest (同住人), with a profile where known. */
export interface StayCompanionTable {
  stay_id: number
  position: number
  guest_id: number | null
  name: string
}

/** One thing that happened to a stay, recorded once whichever way the news came. */
export interface StayEventTable {
  id: Generated<number>
  stay_id: number
  /** reservation | pre_arrival | check_in | room_move | dates_changed | check_out | withdrawn */
  kind: string
  /** desk | pms */
  source: string
  at: string
  staff_id: number | null
  /** JSON: what changed, e.g. {"from":"1001","to":"1108"}. */
  detail: string | null
}

/** A PMS arrival that matched no profile or more than one: guest relations links or creates. */
export interface ArrivalMatchTable {
  id: Generated<number>
  stay_id: number
  /** open | linked | created */
  status: string
  /** unmatched | ambiguous */
  reason: string
  /** JSON array of candidate guest ids. */
  candidates: string
  created_at: string
  resolved_at: string | null
  resolved_by: number | null
}

/** One report import: what, from where, and what came of it. */
export interface PmsImportTable {
  id: Generated<number>
  kind: string
  file_name: string
  /** sha256 of the file's bytes. */
  checksum: string
  /** upload | watch | api */
  via: string
  at: string
  staff_id: number | null
  rows: number
  /** applied | rejected */
  status: string
  /** JSON: the import report. */
  report: string
}
