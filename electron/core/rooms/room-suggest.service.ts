import type { OperationContext } from '../context'
import { findGuest, listActivePreferences, toPreferenceFact } from '../guests/guest.repository'
import { requireStay } from '../stays/stay.service'
import { lastRoomsOfGuest, suggestionCandidates } from './room.repository'
import { guestContextOf, suggestRooms, type RoomSuggestion } from './room-suggestion'
import { hotelToday } from './room-status.service'

/**
 * Loads what the suggestion needs for one stay (the guest's wishes, VIP level and last rooms, the
 * booked type, the rooms it may be offered with their housekeeping status read fresh) and ranks
 * them (see suggestRooms). Throws NOT_FOUND for an unknown stay.
 */
export function suggestForStay(ctx: OperationContext, stayId: number, limit: number, othersPerKind: number): RoomSuggestion[] {
  const stay = requireStay(ctx, stayId)
  const preferences = listActivePreferences(ctx.sqlite, stay.guest_id).map(toPreferenceFact)
  const guest = guestContextOf(preferences, findGuest(ctx.sqlite, stay.guest_id)?.vip ?? 0, lastRoomsOfGuest(ctx.sqlite, stay.guest_id))
  const { candidates, floors } = suggestionCandidates(ctx.sqlite, { id: stay.id, arrival: stay.arrival_date, departure: stay.departure_date }, hotelToday(ctx))
  return suggestRooms({
    preferences,
    rooms: candidates,
    stayId: stay.id,
    bookedType: stay.room_type,
    guest,
    floors,
    assignedRoomId: stay.status === 'reserved' ? stay.room_id : null,
    limit,
    othersPerKind,
  })
}
