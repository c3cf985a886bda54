import type { Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'
import type { PreferenceRow } from '../db/tables/preference.table'
import { listGuestStays, type GuestStayRow } from '../stays/stay.repository'
import { maskedDocument, type MaskedDocument } from './identity-document'
import { guestActivityCounts, listActivePreferences, preferencePeopleOf } from './guest.repository'
import type { GuestRecoveryHistory } from '../recovery/recovery.types'
import { guestRecoveryHistory } from '../recovery/recovery.service'
import { recoveryCasesOfObservations } from '../observations/observation.repository'

export interface PreferenceView {
  id: number
  category: string
  code: string
  value: string
  strength: string
  scope: string
  stayId: number | null
  note: string | null
  sourceDepartment: string | null
  /** Provenance: the staff member who noticed it, and the observation it came from (if any). */
  sourceStaffId: number | null
  sourceStaff: string | null
  sourceObservationId: number | null
  /** A lesson from a recovery case: the case it came from (number, category, business date raised); else null. */
  sourceRecoveryCase: { id: number; category: string; raisedOn: string } | null
  recordedAt: string
  lastConfirmedAt: string
  confirmedBy: string | null
  /** Not confirmed for 12 months: the desk should confirm or retire it. */
  stale: boolean
}

export interface GuestCard {
  guest: {
    id: number
    nativeName: string
    romanName: string | null
    salutation: string | null
    gender: string | null
    nationality: string | null
    homeCity: string | null
    languages: string[]
    occupation: string | null
    company: string | null
    phone: string | null
    email: string | null
    birthDate: string | null
    vip: number
    notes: string | null
    /** The identity document: its type and the last four characters only (the whole number: guest.document, audited). */
    document: MaskedDocument | null
    restricted: boolean
    restrictionNote: string | null
    consentMarketing: boolean | null
    consentSensitive: boolean | null
  }
  stats: {
    stays: number
    nights: number
    firstStay: string | null
    lastStay: string | null
    roomsUsed: string[]
    promptsFulfilled: number
    observations: number
  }
  /** Needs staff must never miss: accessibility, allergies, and anything marked "never". */
  alerts: PreferenceView[]
  preferences: PreferenceView[]
  stays: {
    id: number
    confirmationNo: string
    arrival: string
    departure: string
    party: number
    status: string
    roomNumber: string | null
  }[]
  /** Problems and recovery (issue 13): the guest's cases, promises still open, satisfaction scores. */
  recovery: GuestRecoveryHistory
}

export function isAlert(p: Pick<PreferenceRow, 'category' | 'code' | 'strength'>): boolean {
  return p.category === 'access' || (p.category === 'food' && p.code === 'allergy') || p.strength === 'never'
}

function nights(arrival: string, departure: string): number {
  return Math.round((Date.parse(`${departure}T00:00:00Z`) - Date.parse(`${arrival}T00:00:00Z`)) / 86_400_000)
}

const yearMs = 365 * 86_400_000

function toPreferenceView(p: PreferenceRow, now: Date, people?: { source: string | null; confirmer: string | null }): PreferenceView {
  return {
    id: p.id,
    category: p.category,
    code: p.code,
    value: p.value,
    strength: p.strength,
    scope: p.scope,
    stayId: p.stay_id,
    note: p.note,
    sourceDepartment: p.source_department,
    sourceStaffId: p.source_staff_id,
    sourceStaff: people?.source ?? null,
    sourceObservationId: p.source_observation_id,
    sourceRecoveryCase: null,
    recordedAt: p.recorded_at,
    lastConfirmedAt: p.last_confirmed_at,
    confirmedBy: people?.confirmer ?? null,
    stale: now.getTime() - Date.parse(p.last_confirmed_at) > yearMs,
  }
}

export function buildGuestCard(sqlite: Sqlite, g: GuestRow, now: Date): GuestCard {
  const people = preferencePeopleOf(sqlite, g.id)
  const active = listActivePreferences(sqlite, g.id)
  const lessons = recoveryCasesOfObservations(sqlite, active.flatMap((p) => (p.source_observation_id === null ? [] : [p.source_observation_id])))
  const preferences = active.map((p) => ({
    ...toPreferenceView(p, now, people.get(p.id)),
    sourceRecoveryCase: p.source_observation_id === null ? null : (lessons.get(p.source_observation_id) ?? null),
  }))
  const counts = guestActivityCounts(sqlite, g.id)
  const stays: GuestStayRow[] = listGuestStays(sqlite, g.id)
  const stayed = stays.filter((s) => s.status === 'checked_out' || s.status === 'in_house')
  return {
    guest: {
      id: g.id,
      nativeName: g.native_name,
      romanName: g.roman_name,
      salutation: g.salutation,
      gender: g.gender,
      nationality: g.nationality,
      homeCity: g.home_city,
      languages: g.languages ? g.languages.split(',') : [],
      occupation: g.occupation,
      company: g.company,
      phone: g.phone,
      email: g.email,
      birthDate: g.birth_date,
      vip: g.vip,
      notes: g.notes,
      document: maskedDocument(g.document_type, g.document_no),
      restricted: g.restricted === 1,
      restrictionNote: g.restriction_note,
      consentMarketing: g.consent_marketing === null ? null : g.consent_marketing === 1,
      consentSensitive: g.consent_sensitive === null ? null : g.consent_sensitive === 1,
    },
    stats: {
      stays: stayed.length,
      nights: stayed.reduce((sum, s) => sum + nights(s.arrival_date, s.departure_date), 0),
      firstStay: stayed.length ? stayed[stayed.length - 1].arrival_date : null,
      lastStay: stayed.length ? stayed[0].arrival_date : null,
      roomsUsed: [...new Set(stayed.map((s) => s.room_number).filter((r): r is string => r !== null))],
      promptsFulfilled: counts.promptsDone,
      observations: counts.observations,
    },
    alerts: preferences.filter(isAlert),
    preferences: preferences.filter((p) => !isAlert(p)),
    stays: stays.map((s) => ({
      id: s.id,
      confirmationNo: s.confirmation_no,
      arrival: s.arrival_date,
      departure: s.departure_date,
      party: s.party_size,
      status: s.status,
      roomNumber: s.room_number,
    })),
    recovery: guestRecoveryHistory(sqlite, g.id, now),
  }
}
