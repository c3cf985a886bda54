import { localDate } from '../clock'
import { all, qb, type Sqlite } from '../db/query'
import { foldForSearch, phoneDigits } from './guest-name'
import { searchGuestsByKey } from './guest.repository'

export interface GuestSearchHit {
  guestId: number
  nativeName: string
  romanName: string | null
  salutation: string | null
  vip: number
  company: string | null
  matchedBy: 'name' | 'room' | 'confirmation'
  /** The stay that matters now: in house, or the next reservation. */
  stay: { id: number; status: string; arrival: string; departure: string; roomNumber: string | null } | null
}

/**
 * The desk's one search box. Any text is a valid query: an empty or symbol-only query
 * simply finds nothing. Ranked by how the text matched, then by who is here or due today.
 */
export function searchGuests(sqlite: Sqlite, text: string, limit: number, now: Date): GuestSearchHit[] {
  const folded = foldForSearch(text)
  if (folded === '') return []
  const today = localDate(now)
  const hits = new Map<number, GuestSearchHit & { rank: number }>()
  const add = (row: { id: number; native_name: string; roman_name: string | null; salutation: string | null; vip: number; company: string | null }, matchedBy: GuestSearchHit['matchedBy'], rank: number) => {
    const existing = hits.get(row.id)
    if (existing && existing.rank <= rank) return
    hits.set(row.id, {
      guestId: row.id,
      nativeName: row.native_name,
      romanName: row.roman_name,
      salutation: row.salutation,
      vip: row.vip,
      company: row.company,
      matchedBy,
      stay: null,
      rank,
    })
  }

  const upper = folded.toUpperCase()
  const byCodes = all(
    sqlite,
    qb
      .selectFrom('stay')
      .innerJoin('guest', 'guest.id', 'stay.guest_id')
      .leftJoin('room', 'room.id', 'stay.room_id')
      .select(['guest.id', 'guest.native_name', 'guest.roman_name', 'guest.salutation', 'guest.vip', 'guest.company', 'stay.confirmation_no', 'room.number'])
      .where((eb) =>
        eb.or([
          eb('stay.confirmation_no', '=', upper),
          eb.and([eb('room.number', '=', folded), eb('stay.status', '=', 'in_house')]),
        ]),
      )
      .limit(limit),
  )
  for (const row of byCodes) add(row, row.confirmation_no === upper ? 'confirmation' : 'room', 0)

  // Phone numbers are stored as digits in the key, so "138-0013" finds "+86 138 0013 8000".
  const digits = phoneDigits(folded)
  const needle = digits.length >= 3 && digits.length >= folded.replace(/[\s+()./-]/g, '').length ? digits : folded
  for (const row of searchGuestsByKey(sqlite, needle, limit * 3)) {
    const name = foldForSearch(`${row.native_name} ${row.roman_name ?? ''}`)
    const startsWord = name.startsWith(needle) || name.includes(` ${needle}`)
    add(row, 'name', startsWord ? 1 : 2)
  }

  const list = [...hits.values()]
  const stays = currentStays(sqlite, list.map((h) => h.guestId), today)
  for (const hit of list) hit.stay = stays.get(hit.guestId) ?? null
  const relevance = (h: GuestSearchHit) =>
    h.stay?.status === 'in_house' ? 0 : h.stay?.arrival === today ? 1 : h.stay ? 2 : 3
  list.sort(
    (a, b) =>
      a.rank - b.rank ||
      relevance(a) - relevance(b) ||
      b.vip - a.vip ||
      (a.romanName ?? a.nativeName).localeCompare(b.romanName ?? b.nativeName, 'en'),
  )
  return list.slice(0, limit).map(({ rank: _rank, ...hit }) => hit)
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
      .where((eb) =>
        eb.or([eb('stay.status', '=', 'in_house'), eb.and([eb('stay.status', '=', 'reserved'), eb('stay.departure_date', '>', today)])]),
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
