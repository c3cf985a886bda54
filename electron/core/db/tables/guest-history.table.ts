import type { Generated, Selectable, Insertable } from 'kysely'

export interface GuestChangeTable {
  id: Generated<number>
  guest_id: number
  batch: string
  at: string
  staff_id: number | null
  action: string
  entity: string
  entity_id: number | null
  field: string | null
  old_value: string | null
  new_value: string | null
  undone: Generated<0 | 1>
}
export type GuestChangeRow = Selectable<GuestChangeTable>
export type NewGuestChangeRow = Insertable<GuestChangeTable>

export interface GuestMergeTable {
  id: Generated<number>
  survivor_id: number
  merged_id: number
  at: string
  staff_id: number | null
  snapshot: string
  undone_at: string | null
  undone_by: number | null
}
export type GuestMergeRow = Selectable<GuestMergeTable>

export interface GuestPairFlagTable {
  low_id: number
  high_id: number
  flag: string
  at: string
  staff_id: number | null
}

export interface GuestTokenTable {
  token: string
  guest_id: number
}

/** A key the duplicate detector pairs profiles by ("n:wei zhang", "p:00138000"), stored as a 48-bit hash; never searched. */
export interface GuestMatchKeyTable {
  key: number
  guest_id: number
}

/** Two live profiles that share a match key and score as likely one person (low_id < high_id). */
export interface DuplicateCandidateTable {
  low_id: number
  high_id: number
  score: number
}
