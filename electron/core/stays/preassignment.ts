import type { OperationContext } from '../context'
import { suggestForStay } from '../rooms/room-suggest.service'
import type { RoomSuggestion } from '../rooms/room-suggestion'
import { listArrivals, type StayListRow } from './stay.repository'

/** One reservation's proposed room, with why, and the next best choices. */
export interface PreassignmentProposal {
  stayId: number
  confirmationNo: string
  pmsConfirmation: string | null
  guest: { guestId: number; nativeName: string; romanName: string | null; vip: number }
  alerts: number
  roomType: string | null
  eta: string | null
  company: string | null
  /** The room already chosen for the stay, if any (the plan leaves it alone). */
  current: string | null
  proposal: RoomSuggestion | null
  alternatives: RoomSuggestion[]
}

/**
 * Proposes rooms for a day's reservations in one pass, so rooms are prepared before guests
 * arrive: VIPs first, then guests with alerts, then the rest (the arrivals order). Each guest
 * gets the best ready room no earlier guest in the plan took, so choices never clash; a stay
 * that already has a room keeps it (and its room is not offered to others). Reads only: the
 * desk reviews the plan and applies it with `stay.assignRoom` per stay (reversible the same way).
 */
export function planPreassignment(ctx: OperationContext, date: string): PreassignmentProposal[] {
  const arrivals = listArrivals(ctx.sqlite, date).filter((a) => a.status === 'reserved')
  const taken = new Set(arrivals.flatMap((a) => (a.room_number ? [a.room_number] : [])))
  return arrivals.map((a) => {
    if (a.room_number) return proposal(a, null, [])
    const ranked = suggestForStay(ctx, a.id, 30, 0).filter((s) => s.readiness === 'ready' || s.readiness === 'not_ready')
    const free = ranked.filter((s) => !taken.has(s.room.number))
    const chosen = free[0] ?? null
    if (chosen) taken.add(chosen.room.number)
    return proposal(a, chosen, free.slice(1, 3))
  })
}

function proposal(a: StayListRow, chosen: RoomSuggestion | null, alternatives: RoomSuggestion[]): PreassignmentProposal {
  return {
    stayId: a.id,
    confirmationNo: a.confirmation_no,
    pmsConfirmation: a.pms_confirmation,
    guest: { guestId: a.guest_id, nativeName: a.native_name, romanName: a.roman_name, vip: a.vip },
    alerts: Number(a.alerts),
    roomType: a.room_type,
    eta: a.eta,
    company: a.company,
    current: a.room_number,
    proposal: chosen,
    alternatives,
  }
}
