import type { Generated, Selectable, Insertable, Updateable } from 'kysely'

export interface GuestTable {
  id: Generated<number>
  native_name: string
  roman_name: string | null
  salutation: string | null
  gender: string | null
  nationality: string | null
  home_city: string | null
  /** Comma-separated language codes. */
  languages: string
  occupation: string | null
  company: string | null
  phone: string | null
  /** The phone in E.164 ("+8613924681357"), read with the hotel's phone country; null when it cannot be read. */
  phone_e164: Generated<string | null>
  email: string | null
  birth_date: string | null
  document_no: string | null
  /** resident_id | passport | hk_macao_permit | taiwan_permit | foreign_permanent_resident | other (guests/identity-document.ts); null without a document. */
  document_type: Generated<string | null>
  vip: number
  notes: string | null
  /** Normalised text the search matches against (names, phone digits, email, company). */
  search_key: string
  merged_into: number | null
  restricted: Generated<0 | 1>
  restriction_note: string | null
  /** null: not asked; 1: given; 0: withdrawn. */
  consent_marketing: number | null
  consent_sensitive: number | null
  /** The PMS's profile id: the first key a PMS arrival is matched on. */
  pms_profile_id: Generated<string | null>
  membership_no: Generated<string | null>
  /** When the guest's identifiers were erased (ISO 8601 UTC; migration 0016, privacy/erasure.service.ts); null for every other guest. */
  anonymised_at: Generated<string | null>
  created_at: string
  created_by: number | null
  updated_at: string
}
export type GuestRow = Selectable<GuestTable>
export type NewGuestRow = Insertable<GuestTable>
export type GuestUpdate = Updateable<GuestTable>
