import { afterEach, describe, expect, it } from 'vitest'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Issue 12: consent records per guest, and finding 3 (withdrawing consent to sensitive data
// changed nothing: a hearing need was still recorded, and housekeeping still got the prompt).

const now = new Date('2026-12-01T06:00:00Z') // 14:00 in Shanghai, business date 2026-12-01
const today = '2026-12-01'

let store: ReturnType<typeof tempStore>
afterEach(() => store?.cleanup())

function hotel(): SmallHotel {
  store = tempStore({ now })
  const h = seedSmallHotel(store.core)
  ok(h.call(h.admin, 'hotel.setClock', { timeZone: 'Asia/Shanghai', nightAuditTime: '04:00' }))
  return h
}

const hearing = { category: 'access', code: 'hearing', value: 'hard_of_hearing', strength: 'required' }
const rows = (sql: string, ...args: unknown[]) => store.core.sqlite.prepare(sql).all(...args) as any[]
const housekeepingBoard = (h: SmallHotel) => ok<any[]>(h.call(h.housekeeper, 'prompt.board', { department: 'housekeeping' }))

function guestInHouse(h: SmallHotel, room = '1108'): { guestId: number; stayId: number } {
  const { id: guestId } = ok(h.call(h.desk, 'guest.create', { nativeName: '庄志明', romanName: 'ZHUANG Zhiming' }))
  const { stayId } = ok(h.call(h.desk, 'stay.reserve', { guestId, arrival: today, departure: '2026-12-03', party: 1 }))
  ok(h.call(h.desk, 'stay.checkIn', { stayId, roomNumber: room }))
  return { guestId, stayId }
}

describe('consent records', () => {
  it('keeps each consent given and withdrawn, when, how and by whom; the guest row holds the current value; a withdrawal is not undone', () => {
    const h = hotel()
    const { id: guestId } = ok(h.call(h.desk, 'guest.create', { nativeName: '林美玲' }))
    const given = ok(h.call(h.desk, 'consent.record', { guestId, kind: 'marketing', given: true, method: 'paper_form', at: '2026-11-30T10:00:00+08:00', note: 'Registration card, box ticked.' }))
    expect(given).toMatchObject({ changed: true })
    const withdrawn = ok(h.call(h.admin, 'consent.record', { guestId, kind: 'marketing', given: false, method: 'phone' }))
    expect(withdrawn).toMatchObject({ changed: true })

    const list = ok<any[]>(h.call(h.desk, 'consent.list', { guestId }))
    expect(list.map((r) => [r.kind, r.given, r.method, r.staff, r.at])).toEqual([
      ['marketing', false, 'phone', 'Admin', now.toISOString()],
      ['marketing', true, 'paper_form', 'Staff fd01', '2026-11-30T02:00:00.000Z'],
    ])
    expect(list[1].note).toBe('Registration card, box ticked.')
    expect(ok(h.call(h.desk, 'guest.card', { guestId })).guest.consentMarketing).toBe(false)

    // guest.update goes through the same records.
    ok(h.call(h.desk, 'guest.update', { guestId, fields: { consentMarketing: true } }))
    expect(ok<any[]>(h.call(h.desk, 'consent.list', { guestId }))[0]).toMatchObject({ kind: 'marketing', given: true, method: 'in_person', staff: 'Staff fd01' })
    // "Not asked" once asked is refused, saying what to do.
    expect(failure(h.call(h.desk, 'guest.update', { guestId, fields: { consentMarketing: null } }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'consentMarketing' }] } })

    // Undo never reverts a guest's choice.
    ok(h.call(h.desk, 'guest.update', { guestId, fields: { homeCity: 'Shenzhen' } }))
    ok(h.call(h.desk, 'consent.record', { guestId, kind: 'marketing', given: false, method: 'email' }))
    expect(ok(h.call(h.desk, 'guest.undo', { guestId }))).toMatchObject({ undone: 'guest.update', fields: ['home_city'] })
    expect(ok(h.call(h.desk, 'guest.card', { guestId })).guest).toMatchObject({ consentMarketing: false, homeCity: null })

    // Audited, without the note.
    const audit = rows("SELECT staff_id, detail FROM audit_log WHERE action = 'consent.record' AND guest_id = ? ORDER BY id", guestId)
    expect(audit).toHaveLength(4)
    expect(JSON.parse(audit[0].detail)).toEqual({ kind: 'marketing', given: true, method: 'paper_form' })
    expect(audit.map((r) => r.detail).join()).not.toContain('Registration')
  })

  it('refuses a time in the future and a method it does not know; department staff may not record or read consent', () => {
    const h = hotel()
    const { id: guestId } = ok(h.call(h.desk, 'guest.create', { nativeName: '林美玲' }))
    expect(failure(h.call(h.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'in_person', at: '2026-12-02T10:00:00+08:00' }))).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'at' }] } })
    expect(failure(h.call(h.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'pigeon' })).code).toBe('VALIDATION')
    expect(failure(h.call(h.housekeeper, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'in_person' })).code).toBe('FORBIDDEN')
    expect(failure(h.call(h.housekeeper, 'consent.list', { guestId })).code).toBe('FORBIDDEN')
    expect(rows('SELECT * FROM guest_consent')).toHaveLength(0)
  })
})

describe('finding 3: without consent to sensitive data', () => {
  it('refuses a hearing need "always"; for this stay only it drives housekeeping’s prompt and is gone after check-out, history included', () => {
    const h = hotel()
    const { guestId, stayId } = guestInHouse(h)
    ok(h.call(h.desk, 'guest.update', { guestId, fields: { consentSensitive: false } }))

    const refused = failure(h.call(h.desk, 'preference.add', { guestId, ...hearing }))
    expect(refused).toMatchObject({ code: 'CONSENT_REQUIRED', details: { consent: 'sensitive', issues: [{ path: 'scope' }] } })
    expect(rows('SELECT * FROM preference WHERE guest_id = ?', guestId)).toHaveLength(0)

    const { id: preferenceId } = ok(h.call(h.desk, 'preference.add', { guestId, ...hearing, scope: 'stay', stayId }))
    const doorLight = housekeepingBoard(h).filter((p) => p.stayId === stayId)
    expect(doorLight.length).toBeGreaterThan(0)
    // Turning it into "always" later is refused too.
    expect(failure(h.call(h.desk, 'preference.update', { preferenceId, scope: 'always' })).code).toBe('CONSENT_REQUIRED')
    expect(rows("SELECT * FROM guest_change WHERE guest_id = ? AND new_value LIKE '%hard_of_hearing%'", guestId)).toHaveLength(1)

    ok(h.call(h.desk, 'stay.checkOut', { stayId }))
    expect(rows('SELECT * FROM preference WHERE guest_id = ?', guestId)).toHaveLength(0)
    expect(rows("SELECT * FROM guest_change WHERE guest_id = ? AND (entity = 'preference' OR new_value LIKE '%hearing%' OR old_value LIKE '%hearing%')", guestId)).toHaveLength(0)
    expect(rows('SELECT * FROM prompt WHERE preference_id = ?', preferenceId)).toHaveLength(0)
    expect(housekeepingBoard(h).filter((p) => p.stayId === stayId && p.status === 'open')).toHaveLength(0)
    expect(ok(h.call(h.desk, 'guest.card', { guestId })).alerts).toEqual([])
    expect(rows("SELECT detail FROM audit_log WHERE action = 'consent.stay_needs_removed' AND guest_id = ?", guestId).map((r) => JSON.parse(r.detail))).toEqual([{ removed: 1 }])
  })

  it('keeps a this-stay-only need of a guest who gave consent since, and removes it for a cancelled reservation', () => {
    const h = hotel()
    const { id: guestId } = ok(h.call(h.desk, 'guest.create', { nativeName: '庄志明' }))
    const { stayId } = ok(h.call(h.desk, 'stay.reserve', { guestId, arrival: '2026-12-05', departure: '2026-12-07', party: 1 }))
    ok(h.call(h.desk, 'preference.add', { guestId, ...hearing, scope: 'stay', stayId }))
    ok(h.call(h.desk, 'stay.cancel', { stayId }))
    expect(rows('SELECT * FROM preference WHERE guest_id = ?', guestId)).toHaveLength(0)

    const { stayId: second } = ok(h.call(h.desk, 'stay.reserve', { guestId, arrival: today, departure: '2026-12-03', party: 1 }))
    ok(h.call(h.desk, 'stay.checkIn', { stayId: second, roomNumber: '1108' }))
    ok(h.call(h.desk, 'preference.add', { guestId, ...hearing, scope: 'stay', stayId: second }))
    ok(h.call(h.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' }))
    ok(h.call(h.desk, 'stay.checkOut', { stayId: second }))
    expect(rows('SELECT scope FROM preference WHERE guest_id = ?', guestId)).toEqual([{ scope: 'stay' }])
  })
})

describe('withdrawing consent to sensitive data', () => {
  it('is never refused: a guest in house keeps the need for this stay only; a guest not in house loses it, and the reservation’s prompts naming it are cancelled', () => {
    const h = hotel()
    // In house: the need becomes this-stay-only, and leaves with the guest.
    const { guestId, stayId } = guestInHouse(h)
    ok(h.call(h.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' }))
    ok(h.call(h.desk, 'preference.add', { guestId, ...hearing }))
    const inHouse = ok(h.call(h.desk, 'consent.record', { guestId, kind: 'sensitive', given: false, method: 'in_person' }))
    expect(inHouse).toMatchObject({ madeStayOnly: 1, removedPreferences: 0 })
    expect(rows('SELECT scope, stay_id FROM preference WHERE guest_id = ?', guestId)).toEqual([{ scope: 'stay', stay_id: stayId }])
    expect(housekeepingBoard(h).filter((p) => p.stayId === stayId).length).toBeGreaterThan(0)
    ok(h.call(h.desk, 'stay.checkOut', { stayId }))
    expect(rows('SELECT * FROM preference WHERE guest_id = ?', guestId)).toHaveLength(0)

    // Arriving later, room chosen: the pre-arrival alarm-kit prompt is cancelled with the need.
    const { id: later } = ok(h.call(h.desk, 'guest.create', { nativeName: '沈一鸣' }))
    ok(h.call(h.desk, 'consent.record', { guestId: later, kind: 'sensitive', given: true, method: 'online' }))
    ok(h.call(h.desk, 'preference.add', { guestId: later, ...hearing }))
    const { stayId: reservation } = ok(h.call(h.desk, 'stay.reserve', { guestId: later, arrival: '2026-12-10', departure: '2026-12-12', party: 1 }))
    ok(h.call(h.desk, 'stay.assignRoom', { stayId: reservation, roomNumber: '1201' }))
    const before = rows("SELECT id FROM prompt WHERE stay_id = ? AND status = 'open' AND preference_id IS NOT NULL", reservation)
    expect(before.length).toBeGreaterThan(0)
    const away = ok(h.call(h.desk, 'consent.record', { guestId: later, kind: 'sensitive', given: false, method: 'email' }))
    expect(away).toMatchObject({ removedPreferences: 1, cancelledPrompts: before.length })
    expect(rows('SELECT status, cancel_reason FROM prompt WHERE id = ?', before[0].id)).toEqual([{ status: 'cancelled', cancel_reason: 'consent_withdrawn' }])
    expect(rows('SELECT * FROM preference WHERE guest_id = ?', later)).toHaveLength(0)
    expect(rows("SELECT * FROM guest_change WHERE guest_id = ? AND entity = 'preference'", later)).toHaveLength(0)
    // And it cannot come back by undo or by "always".
    expect(failure(h.call(h.desk, 'preference.add', { guestId: later, ...hearing })).code).toBe('CONSENT_REQUIRED')
  })
})
