import { appliesToStay, isNegative, type PreferenceFact, type Strength } from '../guests/preference'
import { facings, type RoomFacts } from './room'

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

export interface RoomSuggestion {
  room: RoomFacts
  score: number
  reasons: RoomReason[]
}

const weight: Record<Strength, number> = { required: 100, preferred: 20, avoid: 25, never: 120 }

type Test = (room: RoomFacts, value: string) => { hit: boolean | 'near'; actual: string }

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
  'room.floor': (room, value) => {
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

/** Scores one room against the preferences that concern rooms. */
export function scoreRoom(room: RoomFacts, preferences: readonly PreferenceFact[]): RoomSuggestion {
  return scoreAgainst(room, roomTests(preferences))
}

/** Codes that name something to keep away from whatever the strength says ("unlucky 4, preferred"). */
const aversions = new Set(['number.unlucky'])

/** Whether a preference asks to keep the room clear of what it names. */
export function polarityOf(preference: Pick<PreferenceFact, 'category' | 'code' | 'strength'>): RoomReason['polarity'] {
  return isNegative(preference.strength) || aversions.has(`${preference.category}.${preference.code}`) ? 'unwanted' : 'wanted'
}

// Tests are looked up and put in reading order once per suggestion, not once per room.
function scoreAgainst(room: RoomFacts, roomTests: readonly RoomTest[]): RoomSuggestion {
  let score = 0
  const reasons: RoomReason[] = []
  for (const { preference, test } of roomTests) {
    const { hit, actual } = test(room, preference.value)
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

/**
 * Ranks vacant rooms for a guest. Pure and deterministic: the same preferences and rooms
 * always give the same order (score, then fewest unmet required wishes, then room number).
 */
export function suggestRooms(
  preferences: readonly PreferenceFact[],
  vacantRooms: readonly RoomFacts[],
  stayId: number | null,
  limit = 8,
): RoomSuggestion[] {
  const relevant = roomTests(preferences.filter((p) => appliesToStay(p, stayId)))
  const scored = vacantRooms.map((room) => scoreAgainst(room, relevant))
  return firstIn(scored, limit, (a, b) => b.score - a.score || roomNumberOrder.compare(a.room.number, b.room.number))
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
