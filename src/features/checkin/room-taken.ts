/**
 * A room another desk just checked a guest into is no longer a suggestion. Pure helpers for
 * RoomSuggestions (test/unit/room-taken.test.ts).
 */
export interface StayChange {
  stayId: number
  status: string
  roomNumber: string | null
}

/** The room a stay change took, if it took one from someone else's stay (`ownStayId`). */
export function takenRoom(change: StayChange, ownStayId: number): string | null {
  return change.status === 'in_house' && change.roomNumber !== null && change.stayId !== ownStayId ? change.roomNumber : null
}

/** The list without that room, or the same list (same object) when the room was not in it. */
export function withoutRoom<T extends { room: { number: string } }>(list: T[] | undefined, room: string): T[] | undefined {
  if (!list || !list.some((s) => s.room.number === room)) return list
  return list.filter((s) => s.room.number !== room)
}

/**
 * Where focus goes when the suggestion that had it is gone: the room that is now first, or
 * (none left) the field for another room.
 */
export function focusAfterLoss(focusedRoom: string | null, rooms: readonly string[]): 'keep' | 'top' | 'other' {
  if (focusedRoom === null || rooms.includes(focusedRoom)) return 'keep'
  return rooms.length > 0 ? 'top' : 'other'
}
