import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { yearsBefore } from '../../electron/core/privacy/retention.service'
import { dayAfter, failure, localToday, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Retention (issue 12): guests inactive for more than N years are anonymised, after a preview that
// names exactly who the run will reach. Real SQLite; the past is written as the PMS history would hold it.

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let manager: Actor
const ids: Record<string, number> = {}
const today = localToday()
const yearsAgo = (years: number) => dayAfter(today, -Math.round(years * 365.25))

/** A guest whose profile was last written `years` ago (created through the API, then dated back). */
function guest(key: string, nativeName: string, years: number): number {
  const { id } = ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', { nativeName, romanName: key.toUpperCase(), phone: `+86 139 0000 ${String(1000 + Object.keys(ids).length)}` }))
  const at = `${yearsAgo(years)}T08:00:00.000Z`
  store.core.sqlite.prepare('UPDATE guest SET created_at = ?, updated_at = ? WHERE id = ?').run(at, at, id)
  store.core.sqlite.prepare('UPDATE guest_change SET at = ? WHERE guest_id = ?').run(at, id)
  ids[key] = id
  return id
}

function pastStay(guestId: number, departure: string): void {
  store.core.sqlite
    .prepare("INSERT INTO stay (confirmation_no, guest_id, arrival_date, departure_date, party_size, status, created_at) VALUES (?, ?, ?, ?, 1, 'checked_out', ?)")
    .run(`H${guestId}-${departure}`, guestId, dayAfter(departure, -2), departure, `${departure}T06:00:00.000Z`)
}

const nameOf = (id: number) => store.core.sqlite.prepare('SELECT native_name FROM guest WHERE id = ?').pluck().get(id) as string

beforeAll(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  manager = ok(store.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff

  pastStay(guest('long_gone', '杜长风', 6), yearsAgo(5))
  guest('never_stayed', '白不来', 4)
  pastStay(guest('recent', '贾近来', 6), yearsAgo(1.5))
  // Inactive on paper, but in house today.
  const inHouse = guest('in_house', '邱在店', 7)
  pastStay(inHouse, yearsAgo(6))
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: inHouse, arrival: today, departure: dayAfter(today, 2), party: 1 }))
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' }))
  // Inactive on paper, but coming back next month.
  const coming = guest('coming_back', '温再来', 8)
  ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: coming, arrival: dayAfter(today, 30), departure: dayAfter(today, 32), party: 1 }))
  // An old stay, but her profile was corrected last month.
  pastStay(guest('edited', '韩新改', 9), yearsAgo(8))
  store.core.sqlite
    .prepare("INSERT INTO guest_change (guest_id, batch, at, staff_id, action, entity, field, old_value, new_value) VALUES (?, 'b1', ?, NULL, 'update', 'guest', 'email', NULL, 'x@example.com')")
    .run(ids.edited, `${dayAfter(today, -30)}T08:00:00.000Z`)
})

afterAll(() => store.cleanup())

describe('the retention period', () => {
  it('is off until set, and only whole years from 1 to 30, by managers', () => {
    expect(ok(hotel.call(manager, 'privacy.retention', {}))).toEqual({ years: null })
    expect(ok(hotel.call(manager, 'privacy.retentionPreview', {}))).toMatchObject({ years: null, count: 0, guests: [] })
    for (const years of [0, 31, 2.5]) expect(failure(hotel.call(manager, 'privacy.setRetention', { years })).code, String(years)).toBe('VALIDATION')
    expect(failure(hotel.call(hotel.desk, 'privacy.setRetention', { years: 3 })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.desk, 'privacy.retentionPreview', {})).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(manager, 'privacy.retentionRun', { expected: 0 })).code).toBe('VALIDATION')
    expect(ok(hotel.call(manager, 'privacy.setRetention', { years: 3 }))).toEqual({ years: 3, changed: true })
    expect(ok(hotel.call(manager, 'privacy.retention', {}))).toEqual({ years: 3 })
  })

  it('previews who is inactive: not the recent guest, not the one in house, not the one coming back, not the one just edited', () => {
    const preview = ok(hotel.call(manager, 'privacy.retentionPreview', {}))
    expect(preview).toMatchObject({ years: 3, businessDate: today, cutoff: yearsBefore(today, 3), count: 2 })
    expect(preview.guests.map((g: { guestId: number }) => g.guestId)).toEqual([ids.long_gone, ids.never_stayed])
    expect(preview.guests[0]).toMatchObject({ nativeName: '杜长风', lastDeparture: yearsAgo(5) })
    expect(preview.guests[1].lastDeparture).toBeNull()
    // Another period, previewed before it is saved: a year reaches the recent guest too.
    const oneYear = ok(hotel.call(manager, 'privacy.retentionPreview', { years: 1 }))
    expect(oneYear.guests.map((g: { guestId: number }) => g.guestId).sort()).toEqual([ids.long_gone, ids.never_stayed, ids.recent].sort())
    expect(ok(hotel.call(manager, 'privacy.retentionPreview', { limit: 1, offset: 1 })).guests.map((g: { guestId: number }) => g.guestId)).toEqual([ids.never_stayed])
  })

  it('refuses a run whose count is not the one confirmed, and changes nothing', () => {
    const refused = failure(hotel.call(manager, 'privacy.retentionRun', { expected: 3 }))
    expect(refused.code).toBe('RETENTION_CHANGED')
    expect(refused.details).toEqual({ expected: 3, found: 2 })
    expect(nameOf(ids.long_gone)).toBe('杜长风')
  })

  it('anonymises exactly the previewed guests, and no one else', () => {
    const run = ok(hotel.call(manager, 'privacy.retentionRun', { expected: 2 }))
    expect(run).toEqual({ anonymised: 2, cutoff: yearsBefore(today, 3), years: 3 })
    expect(nameOf(ids.long_gone)).toBe(`#${ids.long_gone}`)
    expect(nameOf(ids.never_stayed)).toBe(`#${ids.never_stayed}`)
    for (const key of ['recent', 'in_house', 'coming_back', 'edited']) expect(nameOf(ids[key]), key).not.toMatch(/^#/)
    expect(store.core.sqlite.prepare('SELECT count(*) FROM guest WHERE anonymised_at IS NOT NULL').pluck().get()).toBe(2)
    // Statistics stay: the stay is still there, dated.
    expect(store.core.sqlite.prepare('SELECT departure_date FROM stay WHERE guest_id = ?').pluck().all(ids.long_gone)).toEqual([yearsAgo(5)])
    const found = ok<{ guestId: number }[]>(hotel.call(hotel.desk, 'guest.search', { text: '杜长风' }))
    expect(found.map((g) => g.guestId)).not.toContain(ids.long_gone)
    expect(ok(hotel.call(manager, 'privacy.retentionPreview', {}))).toMatchObject({ count: 0, guests: [] })
  })

  it('is audited without names', () => {
    const rows = store.core.sqlite
      .prepare("SELECT action, detail FROM audit_log WHERE action LIKE 'privacy.%' ORDER BY id")
      .all() as { action: string; detail: string }[]
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['privacy.setRetention', 'privacy.retentionPreview', 'privacy.retentionRun']))
    const runRow = rows.find((r) => r.action === 'privacy.retentionRun')!
    expect(JSON.parse(runRow.detail)).toMatchObject({ years: 3, anonymised: 2 })
    for (const row of rows) expect(row.detail ?? '').not.toMatch(/杜长风|白不来|LONG_GONE/)
  })
})

describe('yearsBefore', () => {
  it('counts back whole years on the calendar, 29 February falling back to the 28th', () => {
    expect(yearsBefore('2026-12-01', 3)).toBe('2023-12-01')
    expect(yearsBefore('2028-02-29', 1)).toBe('2027-02-28')
    expect(yearsBefore('2028-02-29', 4)).toBe('2024-02-29')
  })
})
