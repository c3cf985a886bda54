import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Which profile a PMS arrival belongs to: PMS profile id, then membership number, then name with
// the phone's last 8 digits, then name with birth date; several candidates → guest relations decides.

const now = new Date(2026, 11, 1, 10, 0, 0)
const header = 'Conf No,Name,Arrival,Departure,Room,Status,Phone,Profile ID,Membership No,Birth Date'
interface Row {
  conf: string
  name: string
  arrival?: string
  departure?: string
  room?: string
  status?: string
  phone?: string
  profile?: string
  member?: string
  birth?: string
}
const csv = (rows: Row[]) =>
  [
    header,
    ...rows.map((r) =>
      [r.conf, r.name, r.arrival ?? '2026-12-01', r.departure ?? '2026-12-03', r.room ?? '', r.status ?? 'DUE IN', r.phone ?? '', r.profile ?? '', r.member ?? '', r.birth ?? ''].join(','),
    ),
  ].join('\n')

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let relations: Actor
beforeEach(() => {
  store = tempStore({ now })
  hotel = seedSmallHotel(store.core)
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'gr01', name: 'Guest Relations', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
  relations = ok(hotel.call(null, 'session.signIn', { code: 'gr01', pin: '1234' })).staff
})
afterEach(() => store.cleanup())

async function importRows(kind: 'arrivals' | 'in_house', rows: Row[]) {
  const result = ok(await store.core.callAsAsync(hotel.admin, 'pms.import', { kind, fileName: `${kind}.csv`, content: Buffer.from(csv(rows)).toString('base64') }))
  expect(result.status, JSON.stringify(result.errors)).toBe('applied')
  return result
}
const guestOfStay = (conf: string) => (store.core.sqlite.prepare('SELECT guest_id AS id FROM stay WHERE pms_confirmation = ?').get(conf) as { id: number }).id
const stayOf = (conf: string) => (store.core.sqlite.prepare('SELECT id FROM stay WHERE pms_confirmation = ?').get(conf) as { id: number }).id
const newGuest = (nativeName: string, romanName: string, more: Record<string, unknown> = {}) =>
  ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', { nativeName, romanName, ...more })).id
const openMatches = () => ok<{ matchId: number; reason: string; stay: { stayId: number }; arrival: { guestId: number }; candidates: { guestId: number }[] }[]>(hotel.call(relations, 'arrivals.matches', {}))

/** Two profiles the PMS already knows by profile id and membership number (made by an earlier report). */
async function pmsKnownGuests() {
  await importRows('arrivals', [
    { conf: 'S1', name: 'WANG/FANG MS', arrival: '2026-12-20', departure: '2026-12-22', profile: 'P-100', member: 'M-100', phone: '+86 138 0000 1111' },
    { conf: 'S2', name: 'LIU/YANG MR', arrival: '2026-12-20', departure: '2026-12-22', profile: 'P-200', member: 'M-200', phone: '+86 139 0000 2222' },
  ])
  for (const m of openMatches()) ok(hotel.call(relations, 'arrivals.keepNew', { matchId: m.matchId }))
  return { wang: guestOfStay('S1'), liu: guestOfStay('S2') }
}

describe('matching PMS arrivals to profiles', () => {
  it('tries each rule in order: profile id, membership, name + phone, name + birth date', async () => {
    const { wang, liu } = await pmsKnownGuests()
    const chen = newGuest('陈杰', 'CHEN Jie', { phone: '+86 137 0000 3333', birthDate: '1980-05-05' })
    const chenToo = newGuest('陈杰', 'CHEN Jie', { phone: '+86 136 0000 4444', birthDate: '1975-01-01' })
    const guests = (store.core.sqlite.prepare('SELECT count(*) AS n FROM guest').get() as { n: number }).n

    const result = await importRows('arrivals', [
      // Profile id beats a membership number and a name and phone that point elsewhere.
      { conf: 'M1', name: 'CHEN/JIE MR', profile: 'P-100', member: 'M-200', phone: '+86 137 0000 3333' },
      // An unknown profile id: the membership number decides, though name and phone are Chen's.
      { conf: 'M2', name: 'CHEN/JIE MR', profile: 'P-999', member: 'M-200', phone: '+86 137 0000 3333', birth: '1975-01-01' },
      // Name + phone beats name + birth date (the birth date is the other Chen's).
      { conf: 'M3', name: 'CHEN/JIE MR', phone: '+86 (137) 0000-3333', birth: '1975-01-01' },
      // Name + birth date, no phone.
      { conf: 'M4', name: 'CHEN/JIE MR', birth: '1975-01-01' },
    ])
    expect(result.matched).toEqual({ profile_id: 1, membership_no: 1, name_phone: 1, name_birth_date: 1 })
    expect(result.newProfiles).toBe(0)
    expect(result.unmatched).toBe(0)
    expect([guestOfStay('M1'), guestOfStay('M2'), guestOfStay('M3'), guestOfStay('M4')]).toEqual([wang, liu, chen, chenToo])
    expect((store.core.sqlite.prepare('SELECT count(*) AS n FROM guest').get() as { n: number }).n).toBe(guests)
    expect(openMatches()).toEqual([])
    const details = ok(hotel.call(hotel.desk, 'stay.details', { stayId: stayOf('M1') }))
    expect(details.guest).toMatchObject({ guestId: wang, pmsProfileId: 'P-100' })
  })

  it('finds the surviving profile by the PMS profile id of a profile merged into it', async () => {
    const { wang } = await pmsKnownGuests()
    const survivor = newGuest('王芳', 'WANG Fang', { phone: '+86 138 0000 1111' })
    ok(hotel.call(hotel.admin, 'guest.merge', { survivorId: survivor, mergedId: wang, choose: {} }))
    const result = await importRows('arrivals', [{ conf: 'M5', name: 'WANG/F MS', profile: 'P-100' }])
    expect(result.matched).toEqual({ profile_id: 1 })
    expect(guestOfStay('M5')).toBe(survivor)
  })

  it('sends an arrival that matches two profiles to guest relations; linking merges it and runs the rules', async () => {
    const first = newGuest('周敏', 'ZHOU Min', { phone: '+86 135 0000 5555' })
    const second = newGuest('周敏', 'ZHOU Min', { phone: '+86 135 0000 5555' })
    ok(hotel.call(hotel.desk, 'preference.add', { guestId: second, category: 'reading', code: 'periodical', value: 'mainland_advertising' }))
    const result = await importRows('in_house', [{ conf: 'A1', name: 'ZHOU/MIN MS', room: '1001', status: 'CHECKED IN', phone: '+86 135 0000 5555' }])
    expect(result).toMatchObject({ newProfiles: 1, unmatched: 1, matched: {} })
    const arrivalGuest = guestOfStay('A1')
    expect([first, second]).not.toContain(arrivalGuest)

    const [match, ...others] = openMatches()
    expect(others).toEqual([])
    expect(match).toMatchObject({ reason: 'ambiguous', stay: { stayId: stayOf('A1'), roomNumber: '1001', pmsConfirmation: 'A1' }, arrival: { guestId: arrivalGuest } })
    expect(match.candidates.map((c) => c.guestId).sort()).toEqual([first, second].sort())
    // The new profile has no preferences yet: no prompts.
    expect(ok<unknown[]>(hotel.call(hotel.desk, 'prompt.ofStay', { stayId: stayOf('A1') }))).toEqual([])

    const linked = ok(hotel.call(relations, 'arrivals.link', { matchId: match.matchId, guestId: second }))
    expect(linked).toMatchObject({ stayId: stayOf('A1'), guestId: second, prompts: 1 })
    expect(guestOfStay('A1')).toBe(second)
    expect((store.core.sqlite.prepare('SELECT merged_into FROM guest WHERE id = ?').get(arrivalGuest) as { merged_into: number }).merged_into).toBe(second)
    const board = ok<{ stayId: number; guestId: number; roomNumber: string; text: { en: string } }[]>(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' }))
    expect(board).toMatchObject([{ stayId: stayOf('A1'), guestId: second, roomNumber: '1001', text: { en: 'Place the latest mainland advertising periodicals in room 1001.' } }])
    expect(openMatches()).toEqual([])

    // Dealt with once: linking again, or keeping it as new, is refused and changes nothing.
    expect(failure(hotel.call(relations, 'arrivals.link', { matchId: match.matchId, guestId: first })).code).toBe('ARRIVAL_MATCH_STATE')
    expect(failure(hotel.call(relations, 'arrivals.keepNew', { matchId: match.matchId })).code).toBe('ARRIVAL_MATCH_STATE')
    expect(guestOfStay('A1')).toBe(second)
    // The same report again neither asks guest relations again nor makes prompts again.
    const again = await importRows('in_house', [{ conf: 'A1', name: 'ZHOU/MIN MS', room: '1001', status: 'CHECKED IN', phone: '+86 135 0000 5555' }])
    expect(again).toMatchObject({ newProfiles: 0, unmatched: 0 })
    expect(openMatches()).toEqual([])
    expect(ok<unknown[]>(hotel.call(hotel.desk, 'prompt.ofStay', { stayId: stayOf('A1') }))).toHaveLength(1)
    expect(failure(hotel.call(relations, 'arrivals.link', { matchId: 987654, guestId: first })).code).toBe('NOT_FOUND')
  })

  it('keeps an unmatched arrival as a new guest when guest relations says so', async () => {
    await importRows('arrivals', [{ conf: 'N1', name: 'NOVAK/PETRA MS', phone: '+420 602 111 222' }])
    const [match] = openMatches()
    expect(match).toMatchObject({ reason: 'unmatched', candidates: [] })
    const kept = ok(hotel.call(relations, 'arrivals.keepNew', { matchId: match.matchId }))
    expect(kept).toEqual({ stayId: stayOf('N1'), guestId: guestOfStay('N1') })
    expect(openMatches()).toEqual([])
    expect(failure(hotel.call(relations, 'arrivals.keepNew', { matchId: match.matchId })).code).toBe('ARRIVAL_MATCH_STATE')
    expect(failure(hotel.call(relations, 'arrivals.link', { matchId: match.matchId, guestId: guestOfStay('N1') })).code).toBe('ARRIVAL_MATCH_STATE')
    // The next report finds her by name and phone: no second profile.
    const next = await importRows('arrivals', [{ conf: 'N2', name: 'NOVAK/PETRA MS', arrival: '2026-12-10', departure: '2026-12-12', phone: '+420 602 111 222' }])
    expect(next.matched).toEqual({ name_phone: 1 })
    expect(guestOfStay('N2')).toBe(guestOfStay('N1'))
  })

  it('leaves the queue to guest relations and imports to managers', async () => {
    await importRows('arrivals', [{ conf: 'N1', name: 'NOVAK/PETRA MS' }])
    const [match] = openMatches()
    for (const [name, input] of [
      ['arrivals.matches', {}],
      ['arrivals.link', { matchId: match.matchId, guestId: 1 }],
      ['arrivals.keepNew', { matchId: match.matchId }],
    ] as const) {
      expect(failure(hotel.call(hotel.desk, name, input)).code).toBe('FORBIDDEN')
      expect(failure(hotel.call(hotel.housekeeper, name, input)).code).toBe('FORBIDDEN')
    }
    const upload = { kind: 'arrivals', fileName: 'a.csv', content: Buffer.from(csv([{ conf: 'X1', name: 'X/Y MR' }])).toString('base64') }
    for (const actor of [hotel.housekeeper, hotel.cook, hotel.desk, relations]) {
      expect(failure(await store.core.callAsAsync(actor, 'pms.import', upload)).code).toBe('FORBIDDEN')
      expect(failure(await store.core.callAsAsync(actor, 'pms.preview', upload)).code).toBe('FORBIDDEN')
    }
    expect((store.core.sqlite.prepare("SELECT count(*) AS n FROM stay WHERE pms_confirmation = 'X1'").get() as { n: number }).n).toBe(0)
    expect(openMatches()).toHaveLength(1)
  })
})
