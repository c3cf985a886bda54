import type { Generated, Selectable } from 'kysely'

/** One consent given or withdrawn by a guest (migration 0015); guest.consent_* hold the current value. */
export interface GuestConsentTable {
  id: Generated<number>
  guest_id: number
  /** marketing | sensitive */
  kind: string
  /** 1 given, 0 withdrawn */
  given: 0 | 1
  /** When the guest gave or withdrew it (ISO instant). */
  at: string
  /** in_person | paper_form | phone | email | online | pms | before_records */
  method: string
  staff_id: number | null
  note: string | null
  /** When it was entered in Zhike. */
  recorded_at: string
}
export type GuestConsentRow = Selectable<GuestConsentTable>
