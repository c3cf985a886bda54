import { appliesToStay, isNegative, type PreferenceFact, type Strength } from '../guests/preference'
import { facings, type Housekeeping, type RoomFacts } from './room'
import { houseScore, isHighFloor, isLowFloor, noGuestContext, type FloorRange, type GuestContext, type HouseRule } from './room-house-rules'

export type { GuestContext, HouseRule, FloorRange } from './room-house-rules'
export { guestContextOf } from './room-house-rules'

/** How one preference fares in one room, for the "why" the desk sees. */
export interface RoomReason {
  preferenceId: number
  category: string
  code: string
  wanted: string
  strength: Strength
  /**
   * Whether the guest wants what `wanted` names (required, preferred) or wants to be kept from it
   * (avoid, never; and an unlucky number whatever its strength). The desk must read "not west ✓",
   * never "West ✓", for a guest who avoids west-facing rooms.
   */
  polarity: 'wanted' | 'unwanted'
  /**
   * wanted: match (the room has it), near (almost), miss (it has not).
   * unwanted: match (the room is clear of it), conflict (the room has it).
   */
  outcome: 'match' | 'near' | 'miss' | 'conflict'
  /** What the room has, e.g. "10" for the floor or "S" for the facing. */
  actual: string
}

/** How one preference fares in one room (see RoomReason), before the house rules. */
export interface RoomScore {
  room: RoomFacts
  score: number
  reasons: RoomReason[]
}

/**
 * Whether the desk can give the room now: `ready` (clean or inspected, of the booked type, in
 * service); `not_ready` (dirty or pick-up); `different_type` (not the booked type);
 * `out_of_service` (sellable, but with a minor fault: offered last).
 */
export type Readiness = 'ready' | 'not_ready' | 'different_type' | 'out_of_service'

/** A suggested room: its facts, points, the guest's wishes it meets or misses, and the hotel's rules. */
export interface RoomSuggestion extends RoomScore {
  houseRules: HouseRule[]
  readiness: Readiness
  housekeeping: Housekeeping
  roomType: string
}

/** A room the suggestion may offer: vacant, not out of order, not held for another stay. */
export interface CandidateRoom {
  room: RoomFacts
  housekeeping: Housekeeping
  /** Blocked out of service today. */
  outOfService: boolean
}

const weight: Record<Strength, number> = { required: 100, preferred: 20, avoid: 25, never: 120 }

/** What some tests need beyond the room: the hotel's floors (high, low) and the guest's last rooms. */
interface TestContext {
  floors: FloorRange | null
  lastRooms: readonly string[]
}
const noTestContext: TestContext = { floors: null, lastRooms: [] }

type Test = (room: RoomFacts, value: string, context: TestContext) => { hit: boolean | 'near'; actual: string }

function facingDistance(a: string, b: string): number {
  const i = facings.indexOf(a as never)
  const j = facings.indexOf(b as never)
  if (i < 0 || j < 0) return 99
  const d = Math.abs(i - j)
  return Math.min(d, 8 - d)
}

const has = (room: RoomFacts, feature: string) => room.features.includes(feature)
const yes = (value: string) => value !== 'no'

/** Which preferences say something about a room, and how to test a room against each. */
const tests: Record<string, Test> = {
  'room.floor': (room, value, { floors }) => {
    if (value === 'high' || value === 'low') {
      if (!floors) return { hit: false, actual: String(room.floor) }
      const inBand = value === 'high' ? isHighFloor : isLowFloor
      const step = value === 'high' ? 1 : -1
      const hit = inBand(room.floor, floors) ? true : inBand(room.floor + step, floors) ? 'near' : false
      return { hit, actual: String(room.floor) }
    }
    const wanted = Number(value)
    const hit = room.floor === wanted ? true : Math.abs(room.floor - wanted) === 1 ? 'near' : false
    return { hit, actual: String(room.floor) }
  },
  'room.facing': (room, value) => {
    const d = facingDistance(room.facing, value)
    return { hit: d === 0 ? true : d === 1 ? 'near' : false, actual: room.facing }
  },
  'room.view': (room, value) => ({ hit: room.view === value, actual: room.view ?? '' }),
  'room.bed': (room, value) => ({ hit: room.bed === value, actual: room.bed }),
  'room.quiet': (room, value) => ({ hit: has(room, 'quiet') === yes(value), actual: has(room, 'quiet') ? 'quiet' : '' }),
  'room.away_from_lift': (room, value) => ({
    hit: !has(room, 'near_lift') === yes(value),
    actual: has(room, 'near_lift') ? 'near_lift' : '',
  }),
  'room.same_room': (room, value, { lastRooms }) => ({ hit: (room.number === lastRooms[0]) === yes(value), actual: room.number }),
  'room.smoking': (room, value) => ({
    hit: has(room, 'smoking') === yes(value),
    actual: has(room, 'smoking') ? 'smoking' : 'non_smoking',
  }),
  'number.lucky': (room, value) => ({ hit: room.number.includes(value), actual: room.number }),
  'number.unlucky': (room, value) => ({
    hit: room.number.includes(value) || String(room.floor) === value,
    actual: room.number,
  }),
  'access.hearing': (room) => ({ hit: has(room, 'visual_alarm'), actual: has(room, 'visual_alarm') ? 'visual_alarm' : '' }),
  'access.mobility': (room, value) =>
    value === 'wheelchair'
      ? { hit: has(room, 'accessible'), actual: has(room, 'accessible') ? 'accessible' : '' }
      : { hit: has(room, 'near_lift') || has(room, 'accessible'), actual: has(room, 'near_lift') ? 'near_lift' : '' },
}

/** The order the desk reads reasons in: floor, facing, view… then numbers, then needs. */
const reasonOrder = Object.keys(tests)

/** Whether a preference says anything about rooms at all. */
export function concernsRooms(preference: Pick<PreferenceFact, 'category' | 'code'>): boolean {
  return `${preference.category}.${preference.code}` in tests
}

type RoomTest = { preference: PreferenceFact; test: Test }

/** The preferences that concern rooms, each with its test, in the order the desk reads reasons. */
function roomTests(preferences: readonly PreferenceFact[]): RoomTest[] {
  const found: (RoomTest & { order: number })[] = []
  for (const preference of preferences) {
    const key = `${preference.category}.${preference.code}`
    const test = tests[key]
    if (!test) continue
    found.push({ preference, test, order: reasonOrder.indexOf(key) })
  }
  return found.sort((a, b) => a.order - b.order)
}

/** Scores one room against the preferences that concern rooms (no house rules, no floor range). */
export function scoreRoom(room: RoomFacts, preferences: readonly PreferenceFact[]): RoomScore {
  return scoreAgainst(room, roomTests(preferences), noTestContext)
}

/** Codes that name something to keep away from whatever the strength says ("unlucky 4, preferred"). */
const aversions = new Set(['number.unlucky'])

/** Whether a preference asks to keep the room clear of what it names. */
export function polarityOf(preference: Pick<PreferenceFact, 'category' | 'code' | 'strength'>): RoomReason['polarity'] {
  return isNegative(preference.strength) || aversions.has(`${preference.category}.${preference.code}`) ? 'unwanted' : 'wanted'
}

// Tests are looked up and put in reading order once per suggestion, not once per room.
function scoreAgainst(room: RoomFacts, roomTests: readonly RoomTest[], context: TestContext): RoomScore {
  let score = 0
  const reasons: RoomReason[] = []
  for (const { preference, test } of roomTests) {
    const { hit, actual } = test(room, preference.value, context)
    const w = weight[preference.strength]
    const polarity = polarityOf(preference)
    // An aversion "hits" when the room has what the guest wants to avoid.
    let outcome: RoomReason['outcome']
    if (polarity === 'unwanted') {
      outcome = hit === true ? 'conflict' : 'match'
      score += hit === true ? -w : 0
    } else {
      outcome = hit === true ? 'match' : hit === 'near' ? 'near' : 'miss'
      score += hit === true ? w : hit === 'near' ? w / 4 : 0
    }
    reasons.push({
      preferenceId: preference.id,
      category: preference.category,
      code: preference.code,
      wanted: preference.value,
      strength: preference.strength,
      polarity,
      outcome,
      actual,
    })
  }
  return { room, score, reasons }
}

// The same order as localeCompare(…, 'en', { numeric: true }), but built once: localeCompare
// with options builds a collator on every call, which cost ~10 ms per suggestion at 800 rooms.
const roomNumberOrder = new Intl.Collator('en', { numeric: true })

/** What the suggestion ranks, for one stay. */
export interface SuggestionRequest {
  preferences: readonly PreferenceFact[]
  /** Vacant rooms, not out of order today, not held for another stay (see room.repository#suggestionCandidates). */
  rooms: readonly CandidateRoom[]
  /** The stay (this-stay-only wishes count for it), or null. */
  stayId: number | null
  /** The booked room type code; null or '' when any type will do. */
  bookedType?: string | null
  guest?: GuestContext
  /** The hotel's lowest and highest floors (all rooms, not only vacant ones); from the candidates when absent. */
  floors?: FloorRange
  /** The room the reservation pre-assigned to this stay, if any. */
  assignedRoomId?: number | null
  /** How many ready rooms to return (default 8). */
  limit?: number
  /** How many rooms of each other readiness (not ready, different type, out of service) follow them (default 2). */
  othersPerKind?: number
}

const otherKinds = ['not_ready', 'different_type', 'out_of_service'] as const

/** Which readiness a candidate has: a block first, then the type, then housekeeping. */
export function readinessOf(candidate: CandidateRoom, bookedType: string | null | undefined): Readiness {
  if (candidate.outOfService) return 'out_of_service'
  if (bookedType && candidate.room.roomType !== bookedType) return 'different_type'
  return candidate.housekeeping === 'clean' || candidate.housekeeping === 'inspected' ? 'ready' : 'not_ready'
}

/**
 * Ranks vacant rooms for a guest. Pure and deterministic: the same request always gives the
 * same list. First up to `limit` ready rooms (score, then room number), then up to
 * `othersPerKind` rooms of each other readiness in the order not ready, different type, out of
 * service, so the desk sees what could be made ready. Score = the guest's wishes (required 100,
 * preferred 20, avoid −25, never −120) + the hotel's rules (room-house-rules.ts).
 */
export function suggestRooms(request: SuggestionRequest): RoomSuggestion[] {
  const { rooms, stayId, bookedType } = request
  const guest = request.guest ?? noGuestContext
  const floors = request.floors ?? floorRangeOf(rooms.map((c) => c.room.floor))
  const applicable = request.preferences.filter((p) => appliesToStay(p, stayId))
  const relevant = roomTests(applicable)
  const context: TestContext = { floors, lastRooms: guest.lastRooms }
  const house = {
    guest,
    floors,
    floorWished: applicable.some((p) => p.category === 'room' && p.code === 'floor' && !isNegative(p.strength)),
    assignedRoomId: request.assignedRoomId ?? null,
  }
  const byReadiness: Record<Readiness, RoomSuggestion[]> = { ready: [], not_ready: [], different_type: [], out_of_service: [] }
  for (const candidate of rooms) {
    const scored = scoreAgainst(candidate.room, relevant, context)
    const rules = houseScore(candidate.room, candidate.housekeeping, house)
    const readiness = readinessOf(candidate, bookedType)
    // Spelled out: an object spread here made each suggestion 20 times slower (800 rooms).
    byReadiness[readiness].push({
      room: scored.room,
      reasons: scored.reasons,
      score: scored.score + rules.score,
      houseRules: rules.rules,
      readiness,
      housekeeping: candidate.housekeeping,
      roomType: candidate.room.roomType,
    })
  }
  const order = (a: RoomSuggestion, b: RoomSuggestion) => b.score - a.score || roomNumberOrder.compare(a.room.number, b.room.number)
  const others = request.othersPerKind ?? 2
  return [firstIn(byReadiness.ready, request.limit ?? 8, order), ...otherKinds.map((kind) => firstIn(byReadiness[kind], others, order))].flat()
}

/** The lowest and highest of these floors ({0, 0} for none). */
export function floorRangeOf(floors: Iterable<number>): FloorRange {
  let lowest = Infinity
  let highest = -Infinity
  for (const floor of floors) {
    if (floor < lowest) lowest = floor
    if (floor > highest) highest = floor
  }
  return lowest === Infinity ? { lowest: 0, highest: 0 } : { lowest, highest }
}

/** The first `limit` items in `order`, as a stable sort would give them, without sorting all ~800 rooms. */
function firstIn<T>(items: readonly T[], limit: number, order: (a: T, b: T) => number): T[] {
  const top: T[] = []
  if (limit <= 0) return top
  for (const item of items) {
    if (top.length === limit) {
      if (order(item, top[limit - 1]) >= 0) continue
      top.pop()
    }
    let i = top.length
    while (i > 0 && order(item, top[i - 1]) < 0) i--
    top.splice(i, 0, item)
  }
  return top
}
