import { isNegative, type PreferenceFact } from '../guests/preference'
import type { Housekeeping, RoomFacts } from './room'

/** What the suggestion knows about the guest beyond their wishes. */
export interface GuestContext {
  /** VIP level, 0 (none) to 5. */
  vip: number
  /** An active mobility need (access.mobility, wanted): accessible rooms are kept for such guests. */
  needsAccessible: boolean
  /** A smoker (room.smoking = yes, required or preferred): smoking rooms are kept for smokers. */
  smokes: boolean
  /** Room numbers of the guest's last stays, most recent first (the first is "last time"). */
  lastRooms: readonly string[]
}

export const noGuestContext: GuestContext = { vip: 0, needsAccessible: false, smokes: false, lastRooms: [] }

/** The guest context a guest's preferences imply, with their VIP level and last rooms. */
export function guestContextOf(preferences: readonly PreferenceFact[], vip: number, lastRooms: readonly string[]): GuestContext {
  const wants = (category: string, code: string, value?: string) =>
    preferences.some((p) => p.category === category && p.code === code && (value === undefined || p.value === value) && !isNegative(p.strength))
  return { vip: Math.max(0, Math.min(5, vip)), needsAccessible: wants('access', 'mobility'), smokes: wants('room', 'smoking', 'yes'), lastRooms }
}

/**
 * A hotel rule that moved a room up or down, for the desk to read:
 * - kept_accessible / kept_smoking (penalty): kept for guests who need it or smoke; offered to
 *   others only when nothing else is ready;
 * - vip_high_floor (bonus): a high floor for a VIP (`detail`: the VIP level);
 * - same_room (bonus): the room of the guest's last stay; stayed_before (bonus): of an earlier one;
 * - pre_assigned (bonus): the room the reservation holds for this stay.
 */
export interface HouseRule {
  code: 'kept_accessible' | 'kept_smoking' | 'vip_high_floor' | 'same_room' | 'stayed_before' | 'pre_assigned'
  outcome: 'bonus' | 'penalty'
  detail?: string
}

/** The hotel's lowest and highest floors: "high" and "low" are its top and bottom thirds. */
export interface FloorRange {
  lowest: number
  highest: number
}

/** How many floors make a third of the hotel (at least one). */
function third(floors: FloorRange): number {
  return Math.max(1, Math.ceil((floors.highest - floors.lowest + 1) / 3))
}
export function isHighFloor(floor: number, floors: FloorRange): boolean {
  return floor > floors.highest - third(floors)
}
export function isLowFloor(floor: number, floors: FloorRange): boolean {
  return floor < floors.lowest + third(floors)
}

// A penalty larger than any sum of wishes: a kept room ranks below every other ready room, but is
// still offered when it is all that is ready (a penalty, not a filter).
const keptPenalty = 1000
const sameRoomBonus = 30
const stayedBeforeBonus = 10
const preAssignedBonus = 500
// Per VIP level, kept under one preferred wish (20) at VIP 5, so a wish still beats the house.
const vipFloorPoints = 2.5
const vipViewPoints = 0.5
const vipInspectedPoints = 0.5

export interface HouseContext {
  guest: GuestContext
  floors: FloorRange
  /** The guest said which floor they like: their wish speaks, not the VIP floor bonus. */
  floorWished: boolean
  assignedRoomId: number | null
}

/** The points the hotel's own rules give a room for this guest, and the rules that fired. */
export function houseScore(room: RoomFacts, housekeeping: Housekeeping, house: HouseContext): { score: number; rules: HouseRule[] } {
  let score = 0
  const rules: HouseRule[] = []
  const { guest, floors } = house
  if (house.assignedRoomId === room.id) {
    score += preAssignedBonus
    rules.push({ code: 'pre_assigned', outcome: 'bonus' })
  }
  if (!guest.needsAccessible && room.features.includes('accessible')) {
    score -= keptPenalty
    rules.push({ code: 'kept_accessible', outcome: 'penalty' })
  }
  if (!guest.smokes && room.features.includes('smoking')) {
    score -= keptPenalty
    rules.push({ code: 'kept_smoking', outcome: 'penalty' })
  }
  if (guest.vip > 0) {
    if (!house.floorWished && floors.highest > floors.lowest) {
      score += guest.vip * vipFloorPoints * ((room.floor - floors.lowest) / (floors.highest - floors.lowest))
      if (isHighFloor(room.floor, floors)) rules.push({ code: 'vip_high_floor', outcome: 'bonus', detail: String(guest.vip) })
    }
    if (room.view) score += guest.vip * vipViewPoints
    if (housekeeping === 'inspected') score += guest.vip * vipInspectedPoints
  }
  const last = guest.lastRooms.indexOf(room.number)
  if (last === 0) {
    score += sameRoomBonus
    rules.push({ code: 'same_room', outcome: 'bonus' })
  } else if (last > 0) {
    score += stayedBeforeBonus
    rules.push({ code: 'stayed_before', outcome: 'bonus' })
  }
  return { score, rules }
}
