import { sql } from 'kysely'
import { all, qb, type Sqlite } from '../db/query'
import { foldForSearch, phoneDigits } from './guest-name'
import { nameWords, searchSections, typedTokens, type GuestKeyFields } from './guest-keys'
import { compareNameKeys, nameSortKey, type NameSortKey } from './name-order'
import { hotelPhoneCountry, phoneSearchDigits } from './phone'
import { absorbedProfilesOf, currentGuestsMatching, prefixMatches, prefixMatchesAmong, substringMatches } from './guest-index.repository'
import { businessDateOf } from '../hotel-clock'

export interface GuestSearchHit {
  guestId: number
  nativeName: string
  romanName: string | null
  salutation: string | null
  vip: number
  company: string | null
  /** What the typed text matched: the name (any form or spelling), a phone, email, company, room or confirmation number. */
  matchedBy: 'name' | 'phone' | 'email' | 'company' | 'room' | 'confirmation'
  /** The stay that matters now: in house, or the next reservation. */
  stay: { id: number; status: string; arrival: string; departure: string; roomNumber: string | null } | null
}

/** Prefix tokens read per typed token. */
const prefixWindow = 60

/** How closely a guest matched: a room or confirmation number, a whole word, a word's start, or inside a word. */
const closeness = { code: 0, exact: 1, prefix: 2, substring: 3 } as const

/**
 * The desk's one search box, as you type. Any text is a valid query: an empty or symbol-only
 * query finds nothing. Short input (1–2 characters) matches the start of names, pinyin and
 * initials; longer input also matches anywhere (names, pinyin, phone digits, email, company),
 * except that words with spaces which already match a name as typed are taken as that name.
 * Results rank by closeness, then by who is in house or arriving today.
 */
export function searchGuests(sqlite: Sqlite, text: string, limit: number, now: Date): GuestSearchHit[] {
  const folded = foldForSearch(text)
  if (folded === '') return []
  const today = businessDateOf(sqlite, now)
  const rank = new Map<number, number>()
  const byCode = new Map<number, 'room' | 'confirmation'>()
  // A confirmation number names one stay: that booking is the hit's stay, not the guest's current one.
  const confirmedStay = new Map<number, number>()
  const note = (id: number, r: number) => {
    if ((rank.get(id) ?? 99) > r) rank.set(id, r)
  }

  for (const row of codeMatches(sqlite, folded)) {
    note(row.id, closeness.code)
    byCode.set(row.id, row.by)
    if (row.by === 'confirmation') confirmedStay.set(row.id, row.stayId)
  }
  const words = nameWords(folded)
  const tokens = typedTokens(folded)
  const prefixed = tokens.flatMap((token) => prefixMatches(sqlite, token, prefixWindow))
  for (const m of prefixed) note(m.id, m.exact ? closeness.exact : closeness.prefix)
  // A phone number typed with spaces or dashes is searched as its digits; with its country
  // prefix (+86, 0086), as its national number.
  const digits = phoneDigits(folded)
  const typedPhone = digits.length >= 3 && digits.length >= folded.replace(/[\s+()./-]/g, '').length
  const needle = typedPhone ? phoneSearchDigits(folded, hotelPhoneCountry(sqlite)) : folded
  // Matches inside a word rank below every prefix match (all of live guests: merged ones are
  // not indexed), so when prefixes already fill the page the FTS5 query could not change it.
  const pageFull = new Set(prefixed.map((m) => m.id)).size >= limit
  // Words with spaces that already match a name as typed are a name: searching every document
  // for the phrase as well was the slowest query over a million guests (common trigrams).
  const nameTyped = words.length > 1 && prefixed.length > 0
  const window = limit * 3
  let everyMatchSeen = false
  if (needle.length >= 3 && !pageFull && !nameTyped) {
    const inside = substringMatches(sqlite, needle, window)
    for (const id of inside) note(id, closeness.substring)
    // The document holds every prefix token too, so a window not cut short saw every match.
    everyMatchSeen = inside.length < window && prefixed.length < prefixWindow
  }
  // Otherwise a guest in house or arriving today may lie beyond a window: look among them directly.
  if (!everyMatchSeen) {
    const current = currentGuestsMatching(sqlite, needle, tokens, today, 50)
    for (const m of tokens.flatMap((token) => prefixMatchesAmong(sqlite, token, current))) note(m.id, m.exact ? closeness.exact : closeness.prefix)
    for (const id of current) note(id, closeness.substring)
  }

  const ids = [...rank.keys()]
  if (ids.length === 0) return []
  const guests = all(
    sqlite,
    qb
      .selectFrom('guest')
      .select(['id', 'native_name', 'roman_name', 'salutation', 'vip', 'company', 'phone', 'phone_e164', 'email'])
      .where('id', 'in', ids)
      .where('merged_into', 'is', null),
  )
  const stays = currentStays(sqlite, guests.map((g) => g.id), today)
  for (const [guestId, stay] of staysByIds(sqlite, [...confirmedStay.values()])) {
    if (confirmedStay.get(guestId) === stay.id) stays.set(guestId, stay)
  }
  const relevance = (id: number) => {
    const stay = stays.get(id)
    return stay?.status === 'in_house' ? 0 : stay?.arrival === today ? 1 : 2
  }
  // Names decide last, in the order lists use (pinyin for Han names); read only when needed.
  const names = new Map<number, NameSortKey>()
  const nameOf = (g: (typeof guests)[number]) => {
    let key = names.get(g.id)
    if (!key) names.set(g.id, (key = nameSortKey({ nativeName: g.native_name, romanName: g.roman_name })))
    return key
  }
  guests.sort(
    (a, b) =>
      rank.get(a.id)! - rank.get(b.id)! || relevance(a.id) - relevance(b.id) || b.vip - a.vip || compareNameKeys(nameOf(a), nameOf(b)),
  )
  const top = guests.slice(0, limit)
  const absorbed = absorbedProfilesOf(sqlite, top.map((g) => g.id))
  return top.map((g) => ({
    guestId: g.id,
    nativeName: g.native_name,
    romanName: g.roman_name,
    salutation: g.salutation,
    vip: g.vip,
    company: g.company,
    matchedBy: byCode.get(g.id) ?? fieldMatched(g, absorbed.get(g.id) ?? [], typedPhone ? needle : folded, typedPhone),
    stay: stays.get(g.id) ?? null,
  }))
}

/**
 * Which of a hit's fields the text matched. Digits typed as a phone matched the phone; text in
 * neither the email nor the company matched the name (in some form or spelling); where the name
 * holds it as well as the email or company, the name wins. The name's forms (pinyin and all) are
 * worked out only in that last case: on every hit they cost a millisecond per keystroke.
 */
function fieldMatched(g: GuestKeyFields & { id: number }, absorbed: readonly GuestKeyFields[], needle: string, typedPhone: boolean): 'name' | 'phone' | 'email' | 'company' {
  const people = [g, ...absorbed]
  const inEmail = people.some((p) => !!p.email && foldForSearch(p.email).includes(needle))
  const inCompany = people.some((p) => !!p.company && foldForSearch(p.company).includes(needle))
  if (typedPhone && !inEmail && !inCompany) return 'phone'
  if (!inEmail && !inCompany) return 'name'
  const name = searchSections(g, absorbed).name
  if (name.includes(needle) || name.replace(/\s+/g, '').includes(needle.replace(/\s+/g, ''))) return 'name'
  return inEmail ? 'email' : 'company'
}

/** A confirmation number, or the room number of a guest in house (rooms such as 12A in any case). */
function codeMatches(sqlite: Sqlite, folded: string): { id: number; stayId: number; by: 'room' | 'confirmation' }[] {
  if (folded.length > 12 || /\s/.test(folded)) return []
  const upper = folded.toUpperCase()
  // Two indexed lookups; written as one OR, SQLite read every in-house stay on each keystroke.
  return all(
    sqlite,
    qb
      .selectFrom('stay')
      .select(['stay.guest_id', 'stay.id', 'stay.confirmation_no'])
      .where('stay.confirmation_no', '=', upper)
      .unionAll(
        qb
          .selectFrom('room')
          .innerJoin('stay', 'stay.room_id', 'room.id')
          .select(['stay.guest_id', 'stay.id', 'stay.confirmation_no'])
          // As typed or in capitals (12a finds 12A), through the index on room numbers.
          .where('room.number', 'in', [...new Set([folded, folded.toUpperCase()])])
          .where('stay.status', '=', 'in_house'),
      )
      .limit(10),
  ).map((r) => ({ id: r.guest_id, stayId: r.id, by: r.confirmation_no === upper ? ('confirmation' as const) : ('room' as const) }))
}

/**
 * Stays found by their confirmation number, by guest: a booking still to come or in house (a
 * cancelled or finished one leaves the guest's current stay as the hit's stay).
 */
function staysByIds(sqlite: Sqlite, stayIds: number[]): Map<number, NonNullable<GuestSearchHit['stay']>> {
  const result = new Map<number, NonNullable<GuestSearchHit['stay']>>()
  if (stayIds.length === 0) return result
  const rows = all(
    sqlite,
    qb
      .selectFrom('stay')
      .leftJoin('room', 'room.id', 'stay.room_id')
      .select(['stay.id', 'stay.guest_id', 'stay.status', 'stay.arrival_date', 'stay.departure_date', 'room.number'])
      .where('stay.id', 'in', stayIds)
      .where('stay.status', 'in', ['reserved', 'in_house']),
  )
  for (const r of rows) result.set(r.guest_id, { id: r.id, status: r.status, arrival: r.arrival_date, departure: r.departure_date, roomNumber: r.number })
  return result
}

function currentStays(sqlite: Sqlite, guestIds: number[], today: string): Map<number, NonNullable<GuestSearchHit['stay']>> {
  const result = new Map<number, NonNullable<GuestSearchHit['stay']>>()
  if (guestIds.length === 0) return result
  const rows = all(
    sqlite,
    qb
      .selectFrom('stay')
      .leftJoin('room', 'room.id', 'stay.room_id')
      .select(['stay.id', 'stay.guest_id', 'stay.status', 'stay.arrival_date', 'stay.departure_date', 'room.number'])
      .where('stay.guest_id', 'in', guestIds)
      // Unary + keeps SQLite on the guest index: otherwise it reads every in-house and reserved stay.
      .where((eb) =>
        eb.or([eb(sql`+stay.status`, '=', 'in_house'), eb.and([eb(sql`+stay.status`, '=', 'reserved'), eb('stay.departure_date', '>', today)])]),
      )
      .orderBy('stay.status')
      .orderBy('stay.arrival_date'),
  )
  for (const r of rows) {
    if (!result.has(r.guest_id)) {
      result.set(r.guest_id, { id: r.id, status: r.status, arrival: r.arrival_date, departure: r.departure_date, roomNumber: r.number })
    }
  }
  return result
}
