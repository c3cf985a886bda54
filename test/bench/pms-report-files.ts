import { facings } from '../../electron/core/rooms/room'
import { namePinyin } from '../../electron/core/guests/guest-keys'
import type { Random } from './random'

/**
 * PMS report files as an OPERA export writes them (issue 9 benchmark): the header row, names as
 * "ZHANG/WEI MR" with the Chinese name in "Alt Name", dates as 15-MAY-26, birth dates as
 * 03-JUL-1975, VIP codes V1–V3, statuses RESERVED / DUE IN / CHECKED IN. The OPERA preset
 * recognises every header through suggestMapping.
 */

export const reportHeaders = [
  'Conf No', 'Name', 'Alt Name', 'Arrival', 'Departure', 'Room', 'Room Type', 'VIP', 'Status', 'Adults', 'Children', 'ETA',
  'Profile ID', 'Membership No', 'Company', 'Source', 'Comments', 'Phone', 'Birth Date', 'Nationality', 'Email',
] as const

/** What a guest profile (or a new person) gives a report row. */
export interface ReportPerson {
  native_name: string
  roman_name: string | null
  salutation: string | null
  phone: string | null
  birth_date: string | null
  nationality: string | null
  company: string | null
  email: string | null
  vip: number
}

/** One booking as the PMS lists it. Dates ISO; formatted on writing. */
export interface ReportBooking {
  confirmation: string
  person: ReportPerson
  arrival: string
  departure: string
  room: string | null
  roomType: string
  status: 'RESERVED' | 'DUE IN' | 'CHECKED IN'
  adults: number
  children: number
  eta: string | null
  profileId: string | null
  membershipNo: string | null
  source: string
  comments: string | null
}

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']

/** 2026-05-15 → 15-MAY-26, as OPERA prints stay dates. */
export function operaDate(iso: string, fullYear = false): string {
  const [y, m, d] = iso.split('-')
  return `${d}-${months[Number(m) - 1]}-${fullYear ? y : y.slice(2)}`
}

const nativeScript = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/
const titles: Record<string, string> = { mr: 'MR', ms: 'MS', mrs: 'MRS', dr: 'DR', prof: 'PROF' }

/**
 * The name columns OPERA prints for a person: "SURNAME/GIVEN TITLE" in Name, the native-script
 * name in Alt Name. A Han name without a romanization is printed in pinyin, as the PMS clerk
 * types it from the ID card.
 */
export function operaName(p: Pick<ReportPerson, 'native_name' | 'roman_name' | 'salutation'>): { name: string; alt: string } {
  const title = p.salutation ? ` ${titles[p.salutation] ?? ''}`.trimEnd() : ''
  const native = nativeScript.test(p.native_name)
  let surname: string
  let given: string
  if (p.roman_name) {
    const [first, ...rest] = p.roman_name.split(' ')
    surname = first
    given = rest.join(' ')
  } else if (native) {
    const syllables = namePinyin(p.native_name)
    surname = syllables[0] ?? p.native_name
    given = syllables.slice(1).join('')
  } else {
    // A Latin name as the desk typed it ("Anna van der Berg"): the first word is the given name.
    const [first, ...rest] = p.native_name.split(' ')
    surname = rest.join(' ') || first
    given = rest.length > 0 ? first : ''
  }
  const name = `${surname.toUpperCase()}${given ? `/${given.toUpperCase()}` : ''}${title}`
  return { name, alt: native ? p.native_name : '' }
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** The report as CSV text (UTF-8, CRLF line ends, a title line above the header as OPERA prints one). */
export function reportCsv(title: string, bookings: readonly ReportBooking[]): string {
  const lines = [csvCell(title), reportHeaders.join(',')]
  for (const b of bookings) {
    const { name, alt } = operaName(b.person)
    const cells = [
      b.confirmation,
      name,
      alt,
      operaDate(b.arrival),
      operaDate(b.departure),
      b.room ?? '',
      b.roomType,
      b.person.vip > 0 ? `V${b.person.vip}` : '',
      b.status,
      String(b.adults),
      String(b.children),
      b.eta ?? '',
      b.profileId ?? '',
      b.membershipNo ?? '',
      b.person.company ?? '',
      b.source,
      b.comments ?? '',
      b.person.phone ?? '',
      b.person.birth_date ? operaDate(b.person.birth_date, true) : '',
      b.person.nationality ?? '',
      b.person.email ?? '',
    ]
    lines.push(cells.map(csvCell).join(','))
  }
  return `${lines.join('\r\n')}\r\n`
}

export const roomTypes = ['DKN', 'DTN', 'EXK', 'EXT', 'STE'] as const

/**
 * A tower of `count` rooms on floors 5–40 (numbers floor × 100 + n, unique): deluxe king and twin
 * below 30, executive king and twin from 30, suites at each corridor's ends from 36. About 1% are
 * out of order (blocked, with a reason).
 */
export function pmsHotelRooms(count: number, random: Random) {
  const floors = 36
  const perFloor = Math.ceil(count / floors)
  return Array.from({ length: count }, (_, i) => {
    const floor = 5 + Math.floor(i / perFloor)
    const n = (i % perFloor) + 1
    const facing = facings[Math.floor((n - 1) / 7) % facings.length]
    const suite = floor >= 36 && (n <= 2 || n >= perFloor - 1)
    const bed: 'king' | 'twin' = suite || random.chance(0.6) ? 'king' : 'twin'
    const roomType = suite ? 'STE' : floor >= 30 ? (bed === 'king' ? 'EXK' : 'EXT') : bed === 'king' ? 'DKN' : 'DTN'
    const features: string[] = []
    if (n <= 3 || n >= perFloor - 2) features.push('near_lift')
    else if (n >= 20 && n <= 35) features.push('quiet')
    if (suite || random.chance(0.4)) features.push('bathtub')
    if (n % 10 === 5) features.push('connecting')
    const blocked = random.chance(0.01)
    return {
      number: String(floor * 100 + n),
      floor,
      facing,
      view: facing.includes('S') ? 'river' : facing.includes('N') ? 'city' : 'garden',
      bed,
      features,
      roomType,
      block: blocked ? { kind: 'out_of_order' as const, reason: random.pick(['Bathroom leak', 'Air conditioning', 'Refurbishment', '更换地毯']) } : null,
    }
  })
}

const remarks = [
  'Late check-out requested', 'Non-smoking room please', '需要无烟房', 'High floor', 'Airport pick-up 14:00', '安排接机',
  'Anniversary: cake in room', 'Quiet room away from lift', 'Extra bed for child', '商务客人，需要发票', 'Early check-in if possible',
]
const sources = ['WEB', 'GDS', 'DIRECT', 'OTA', 'CORP', 'WALK', 'TA']

/** The booking details a PMS adds around the person: party, ETA, source, remarks. */
export function bookingExtras(random: Random, walkIn = false) {
  const eta = walkIn ? null : random.chance(0.6) ? `${random.int(11, 22)}:${random.pick(['00', '15', '30', '45'])}` : random.chance(0.3) ? `${random.int(1, 9)}:30 PM` : null
  return {
    adults: random.chance(0.6) ? 1 : 2,
    children: random.chance(0.1) ? 1 : 0,
    eta,
    source: walkIn ? 'WALK' : random.pick(sources),
    comments: random.chance(0.25) ? random.pick(remarks) : null,
  }
}
