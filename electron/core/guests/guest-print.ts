import type { Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'
import { findObservationView } from '../observations/observation.repository'
import { listArrivals, listInHouse, type StayListRow } from '../stays/stay.repository'
import { buildGuestCard, type GuestCard, type PreferenceView } from './guest.card'
import { findGuest } from './guest.repository'

/*
 * What a printed guest card holds (issue 11): the guest card as the screens know it, each
 * preference with the words of the observation it came from, and the stay the card is printed
 * for. The morning briefing pack is the same card for each of a day's arrivals, or for each VIP in
 * house. Printing is personal data leaving the screen, so the operations audit every print.
 */

/** At most this many cards in one briefing pack; the answer says how many guests were left out. */
export const maxBriefingCards = 200

/** A preference as printed: its provenance includes what the observer wrote, when it came from an observation. */
export interface PrintedPreference extends PreferenceView {
  observation: string | null
}

/** The stay a card is printed for: in house, or the next reservation; for the pack, the arrival or the stay in house. */
export interface PrintedStay {
  stayId: number
  confirmationNo: string
  arrival: string
  departure: string
  party: number
  status: string
  roomNumber: string | null
  eta: string | null
}

export interface PrintedCard extends Omit<GuestCard, 'alerts' | 'preferences'> {
  alerts: PrintedPreference[]
  preferences: PrintedPreference[]
  stay: PrintedStay | null
}

export type BriefingKind = 'arrivals' | 'vip'

export interface BriefingPack {
  kind: BriefingKind
  /** The business date of the arrivals, or the business date the VIPs are in house on. */
  date: string
  /** How many guests qualified; `cards` holds at most `limit` of them. */
  total: number
  limit: number
  cards: PrintedCard[]
  /** Guests who asked for discretion, left out for a role that may not open their profiles (guest.briefingPack sets it). */
  restrictedLeftOut?: number
}

function withObservations(sqlite: Sqlite, preferences: PreferenceView[]): PrintedPreference[] {
  return preferences.map((p) => ({
    ...p,
    observation: p.sourceObservationId === null ? null : (findObservationView(sqlite, p.sourceObservationId)?.text ?? null),
  }))
}

/** The guest's stay in house, else the next reservation on or after `businessDate`, else none. */
export function stayOfInterest(stays: GuestCard['stays'], businessDate: string): GuestCard['stays'][number] | null {
  const inHouse = stays.find((s) => s.status === 'in_house')
  if (inHouse) return inHouse
  const next = stays.filter((s) => s.status === 'reserved' && s.arrival >= businessDate).sort((a, b) => a.arrival.localeCompare(b.arrival))
  return next[0] ?? null
}

/** A guest's card for print; `stay` is the stay it is printed for (null: the stay of interest, if any). */
export function buildPrintedCard(sqlite: Sqlite, guest: GuestRow, now: Date, businessDate: string, stay?: StayListRow): PrintedCard {
  const { alerts, preferences, ...card } = buildGuestCard(sqlite, guest, now)
  const chosen: PrintedStay | null = stay
    ? {
        stayId: stay.id,
        confirmationNo: stay.confirmation_no,
        arrival: stay.arrival_date,
        departure: stay.departure_date,
        party: stay.party_size,
        status: stay.status,
        roomNumber: stay.room_number,
        eta: stay.eta,
      }
    : (() => {
        const s = stayOfInterest(card.stays, businessDate)
        return s ? { stayId: s.id, confirmationNo: s.confirmationNo, arrival: s.arrival, departure: s.departure, party: s.party, status: s.status, roomNumber: s.roomNumber, eta: null } : null
      })()
  return { ...card, alerts: withObservations(sqlite, alerts), preferences: withObservations(sqlite, preferences), stay: chosen }
}

/**
 * The stays a briefing pack covers: a date's arrivals (expected first, VIPs and guests with
 * alerts first, as the arrivals list), or the VIPs in house (highest level first, then by room).
 * One card per guest: a guest holding two rooms appears once, with the first stay.
 */
export function briefingStays(sqlite: Sqlite, kind: BriefingKind, date: string): StayListRow[] {
  const rows = kind === 'arrivals' ? listArrivals(sqlite, date) : listInHouse(sqlite).filter((r) => r.vip > 0).sort((a, b) => b.vip - a.vip)
  const seen = new Set<number>()
  return rows.filter((r) => (seen.has(r.guest_id) ? false : (seen.add(r.guest_id), true)))
}

/** The cards of a briefing pack, at most `maxBriefingCards` of them. */
export function buildBriefingPack(sqlite: Sqlite, kind: BriefingKind, date: string, now: Date): BriefingPack {
  const stays = briefingStays(sqlite, kind, date)
  const cards: PrintedCard[] = []
  for (const stay of stays.slice(0, maxBriefingCards)) {
    const guest = findGuest(sqlite, stay.guest_id)
    if (guest) cards.push(buildPrintedCard(sqlite, guest, now, date, stay))
  }
  return { kind, date, total: stays.length, limit: maxBriefingCards, cards }
}
