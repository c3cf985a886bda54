import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core'
import { addMacauGuest, failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

let store: ReturnType<typeof tempStore>
let core: Core
let hotel: SmallHotel
let now = new Date()
beforeEach(() => {
  now = new Date()
  store = tempStore()
  core = store.core
  // Let tests move the clock forward (12-month confirmation).
  ;(core.clock as { now: () => Date }).now = () => now
  hotel = seedSmallHotel(core)
})
afterEach(() => store.cleanup())

const card = (guestId: number) => ok(hotel.call(hotel.desk, 'guest.card', { guestId }))

describe('preferences', () => {
  it('carry provenance: who noticed, which department, when', () => {
    const { guestId } = addMacauGuest(hotel)
    const { id } = ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'amenity', code: 'pillow', value: 'buckwheat', note: 'asked at turndown' }))
    const row = core.sqlite.prepare('SELECT * FROM preference WHERE id = ?').get(id) as Record<string, unknown>
    expect(row).toMatchObject({ source_staff_id: hotel.desk.staffId, source_department: 'front_office', strength: 'preferred', scope: 'always' })
    const pref = card(guestId).preferences.find((p: { id: number }) => p.id === id)
    expect(pref).toMatchObject({ sourceDepartment: 'front_office', note: 'asked at turndown', stale: false })
  })

  it('refuses a preference without a category, or with a this-stay scope but no stay of the guest', () => {
    const { guestId } = addMacauGuest(hotel)
    const before = card(guestId).preferences.length
    expect(failure(hotel.call(hotel.desk, 'preference.add', { guestId, category: '', code: 'pillow', value: 'x' })).code).toBe('VALIDATION')
    expect(failure(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'amenity', code: 'pillow', value: 'x', scope: 'stay', stayId: 99999 })).code).toBe('VALIDATION')
    expect(card(guestId).preferences.length).toBe(before)
  })

  it('a this-stay-only wish drives this stay’s prompts and not the next stay’s', () => {
    ok(hotel.call(hotel.admin, 'rule.create', { key: 'extra-pillows', trigger: 'check_in', category: 'amenity', code: 'pillow', value: null, department: 'housekeeping', dueMinutes: 20, template: { en: 'Extra {value} pillows in {room}.', zh: '{room}加{value}枕头。' } }))
    const { guestId, stayId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'amenity', code: 'pillow', value: 'firm', scope: 'stay', stayId }))
    const first = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
    expect(first.prompts.map((p: { text: { en: string } }) => p.text.en)).toContain('Extra Firm pillows in 1001.')
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    const today = new Date()
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    const next = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: iso(today), departure: iso(new Date(today.getTime() + 86_400_000)), party: 1 }))
    const second = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: next.stayId, roomNumber: '1002' }))
    expect(second.prompts.map((p: { text: { en: string } }) => p.text.en).join('\n')).not.toMatch(/pillows/)
  })

  it('shows preferences unconfirmed for 12 months as stale, until confirmed or retired', () => {
    const { guestId } = addMacauGuest(hotel)
    now = new Date(Date.now() + 400 * 86_400_000)
    const stale = card(guestId).preferences.filter((p: { stale: boolean }) => p.stale)
    expect(stale.length).toBe(5)
    ok(hotel.call(hotel.desk, 'preference.confirm', { preferenceId: stale[0].id }))
    ok(hotel.call(hotel.desk, 'preference.retire', { preferenceId: stale[1].id }))
    const after = card(guestId)
    expect(after.preferences.filter((p: { stale: boolean }) => p.stale).length).toBe(3)
    expect(after.preferences.map((p: { id: number }) => p.id)).not.toContain(stale[1].id)
    const confirmed = core.sqlite.prepare('SELECT last_confirmed_at, confirmed_by FROM preference WHERE id = ?').get(stale[0].id) as { last_confirmed_at: string; confirmed_by: number }
    expect(confirmed).toEqual({ last_confirmed_at: now.toISOString(), confirmed_by: hotel.desk.staffId })
  })
})

describe('bringing in what the hotel knew before', () => {
  it('dates an imported preference when it was noticed, so the desk is asked to confirm it', () => {
    const { guestId } = addMacauGuest(hotel)
    const noticedOn = new Date(Date.now() - 500 * 86_400_000).toISOString().slice(0, 10)
    const { id } = ok(hotel.call(hotel.admin, 'preference.import', { guestId, category: 'amenity', code: 'pillow', value: 'buckwheat', noticedOn }))
    const imported = card(guestId).preferences.find((p: { id: number }) => p.id === id)
    expect(imported).toMatchObject({ value: 'buckwheat', stale: true, sourceDepartment: 'front_office' })
    expect(card(guestId).preferences.filter((p: { stale: boolean }) => p.stale).map((p: { id: number }) => p.id)).toEqual([id])
  })

  it('refuses a date in the future, and the front desk may not backdate what it records', () => {
    const { guestId } = addMacauGuest(hotel)
    const before = card(guestId).preferences.length
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10)
    const future = failure(hotel.call(hotel.admin, 'preference.import', { guestId, category: 'amenity', code: 'pillow', value: 'soft', noticedOn: tomorrow }))
    expect(future).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'noticedOn' }] } })
    expect(failure(hotel.call(hotel.desk, 'preference.import', { guestId, category: 'amenity', code: 'pillow', value: 'soft', noticedOn: '2024-01-01' })).code).toBe('FORBIDDEN')
    expect(card(guestId).preferences.length).toBe(before)
  })
})

describe('editing a guest', () => {
  it('keeps every change with who, when, old and new value, and undoes the last one', () => {
    const { guestId } = addMacauGuest(hotel)
    expect(ok(hotel.call(hotel.desk, 'guest.update', { guestId, fields: { company: 'Lusitano Advertising', vip: 2 } })).changed.sort()).toEqual(['company', 'vip'])
    ok(hotel.call(hotel.desk, 'guest.update', { guestId, fields: { phone: '+853 6600 0000' } }))
    const history = ok(hotel.call(hotel.desk, 'guest.history', { guestId }))
    expect(history[0]).toMatchObject({ action: 'guest.update', field: 'phone', oldValue: '+853 6612 3456', newValue: '+853 6600 0000', staff: 'Staff fd01' })
    // Search follows the edit.
    expect(ok(hotel.call(hotel.desk, 'guest.search', { text: '6600 0000' })).map((h: { guestId: number }) => h.guestId)).toEqual([guestId])

    expect(ok(hotel.call(hotel.desk, 'guest.undo', { guestId })).fields).toEqual(['phone'])
    expect(card(guestId).guest).toMatchObject({ phone: '+853 6612 3456', company: 'Lusitano Advertising', vip: 2 })
    expect(ok(hotel.call(hotel.desk, 'guest.search', { text: '6600 0000' }))).toEqual([])
    ok(hotel.call(hotel.desk, 'guest.undo', { guestId }))
    expect(card(guestId).guest).toMatchObject({ company: null, vip: 1 })
  })

  it('undoes an added preference and a retirement', () => {
    const { guestId } = addMacauGuest(hotel)
    const { id } = ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'amenity', code: 'flowers', value: 'orchid' }))
    ok(hotel.call(hotel.desk, 'guest.undo', { guestId }))
    expect(card(guestId).preferences.map((p: { id: number }) => p.id)).not.toContain(id)
    const floor = card(guestId).preferences.find((p: { code: string }) => p.code === 'floor')
    ok(hotel.call(hotel.desk, 'preference.retire', { preferenceId: floor.id }))
    ok(hotel.call(hotel.desk, 'guest.undo', { guestId }))
    expect(card(guestId).preferences.map((p: { id: number }) => p.id)).toContain(floor.id)
  })

  it('refuses empty or absurd values and keeps what was saved', () => {
    const { guestId } = addMacauGuest(hotel)
    for (const fields of [{ nativeName: '' }, { vip: 9 }, { email: 'not-an-email' }, { phone: 'call me' }, { birthDate: '1990-13-45' }, { nationality: 'Macau' }, { unknown: 1 }]) {
      expect(failure(hotel.call(hotel.desk, 'guest.update', { guestId, fields })).code, JSON.stringify(fields)).toBe('VALIDATION')
    }
    expect(card(guestId).guest).toMatchObject({ nativeName: '何家俊', vip: 1, phone: '+853 6612 3456' })
    expect(failure(hotel.call(hotel.desk, 'guest.undo', { guestId: 424242 })).code).toBe('NOT_FOUND')
  })

  it('says so when there is nothing to undo', () => {
    const { id } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '新客' }))
    expect(failure(hotel.call(hotel.desk, 'guest.undo', { guestId: id })).code).toBe('NOTHING_TO_UNDO')
  })
})
