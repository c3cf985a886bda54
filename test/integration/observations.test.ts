import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core'
import type { Actor } from '../../electron/core/context'
import { addMacauGuest, failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

let store: ReturnType<typeof tempStore>
let core: Core
let hotel: SmallHotel
let relations: Actor
beforeEach(() => {
  store = tempStore()
  core = store.core
  hotel = seedSmallHotel(core)
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'gr01', name: 'Guest Relations', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
  relations = ok(hotel.call(null, 'session.signIn', { code: 'gr01', pin: '1234' })).staff
  ok(hotel.call(hotel.admin, 'rule.create', { key: 'shoe-kit', trigger: 'check_in', category: 'amenity', code: 'shoe_care', value: 'shoe_cleaning_kit', department: 'housekeeping', dueMinutes: 60, template: { en: 'Set up a full shoe-cleaning kit in room {room}.', zh: '在{room}房间备好全套擦鞋用品。' } }))
})
afterEach(() => store.cleanup())

function inHouseContractor(): { guestId: number; stayId: number } {
  const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '王建国', romanName: 'WANG Jianguo', occupation: 'Building contractor' }))
  const today = new Date()
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: iso(today), departure: iso(new Date(today.getTime() + 5 * 86_400_000)), party: 1 }))
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1201' }))
  return { guestId, stayId }
}

describe('observations', () => {
  it('housekeeping notices, guest relations accepts, the next check-in prompts the shoe-cleaning kit', () => {
    const { guestId, stayId } = inHouseContractor()
    const events: string[] = []
    core.events.subscribe((e) => events.push(e.name))
    const observation = ok(hotel.call(hotel.housekeeper, 'observation.record', {
      roomNumber: '1201',
      text: 'Shoes always muddy when he comes back from site',
      suggestion: { category: 'amenity', code: 'shoe_care', value: 'shoe_cleaning_kit' },
    }))
    expect(observation).toMatchObject({ guestId, stayId, department: 'housekeeping', status: 'new', roomNumber: '1201' })
    expect(events).toContain('observation.created')

    const inbox = ok(hotel.call(relations, 'observation.inbox', {}))
    expect(inbox.observations.map((o: { id: number }) => o.id)).toEqual([observation.id])
    expect(inbox.byDepartment).toEqual([{ department: 'housekeeping', new: 1, accepted: 0, merged: 0, rejected: 0 }])

    const accepted = ok(hotel.call(relations, 'observation.accept', { observationId: observation.id, preference: { ...observation.suggestion, note: 'muddy from site' } }))
    expect(accepted.status).toBe('accepted')
    const pref = core.sqlite.prepare('SELECT * FROM preference WHERE id = ?').get(accepted.preferenceId) as Record<string, unknown>
    // Provenance: the housekeeper who noticed it, not the reviewer.
    expect(pref).toMatchObject({ source_staff_id: hotel.housekeeper.staffId, source_department: 'housekeeping', source_observation_id: observation.id, value: 'shoe_cleaning_kit' })
    // The author sees what became of it.
    expect(ok(hotel.call(hotel.housekeeper, 'observation.mine', {}))[0]).toMatchObject({ status: 'accepted', reviewedBy: 'Guest Relations' })

    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    const today = new Date()
    const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    const next = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: iso(today), departure: iso(new Date(today.getTime() + 86_400_000)), party: 1 }))
    const checkIn = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: next.stayId, roomNumber: '1202' }))
    expect(checkIn.prompts.map((p: { department: string; text: { en: string } }) => `${p.department}: ${p.text.en}`)).toContain('housekeeping: Set up a full shoe-cleaning kit in room 1202.')
  })

  it('merges into an existing preference, confirming it', () => {
    const { guestId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: ok(hotel.call(hotel.desk, 'stay.arrivals', {}))[0].stayId, roomNumber: '1001' }))
    const floor = ok(hotel.call(hotel.desk, 'guest.card', { guestId })).preferences.find((p: { code: string }) => p.code === 'floor')
    const o = ok(hotel.call(hotel.cook, 'observation.record', { guestId, text: 'Said again he loves the 10th floor view' }))
    const merged = ok(hotel.call(relations, 'observation.merge', { observationId: o.id, preferenceId: floor.id }))
    expect(merged).toMatchObject({ status: 'merged', preferenceId: floor.id })
    expect(failure(hotel.call(relations, 'observation.reject', { observationId: o.id, reason: 'dup' })).code).toBe('OBSERVATION_STATE')
  })

  it('rejects with a reason the author can read', () => {
    const { guestId } = addMacauGuest(hotel)
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: ok(hotel.call(hotel.desk, 'stay.arrivals', {}))[0].stayId, roomNumber: '1001' }))
    const o = ok(hotel.call(hotel.cook, 'observation.record', { guestId, text: 'Frowned at the mapo tofu and left it' }))
    expect(failure(hotel.call(relations, 'observation.reject', { observationId: o.id, reason: '' })).code).toBe('VALIDATION')
    ok(hotel.call(relations, 'observation.reject', { observationId: o.id, reason: 'Too little to go on; ask him next time' }))
    expect(ok(hotel.call(hotel.cook, 'observation.mine', {}))[0]).toMatchObject({ status: 'rejected', rejectReason: 'Too little to go on; ask him next time' })
  })

  it('refuses an observation for a room with nobody in house, or a guest not in house, and saves nothing', () => {
    const { guestId } = addMacauGuest(hotel) // reserved, not yet in house
    expect(failure(hotel.call(hotel.housekeeper, 'observation.record', { roomNumber: '1002', text: 'Towels on the floor' })).code).toBe('NOT_IN_HOUSE')
    expect(failure(hotel.call(hotel.housekeeper, 'observation.record', { guestId, text: 'Towels on the floor' })).code).toBe('NOT_IN_HOUSE')
    expect(failure(hotel.call(hotel.housekeeper, 'observation.record', { roomNumber: '7777', text: 'Towels on the floor' })).code).toBe('NOT_FOUND')
    expect(failure(hotel.call(hotel.housekeeper, 'observation.record', { roomNumber: '1002', text: '' })).code).toBe('VALIDATION')
    expect((core.sqlite.prepare('SELECT count(*) AS n FROM observation').get() as { n: number }).n).toBe(0)
  })

  it('keeps the inbox to guest relations and managers', () => {
    expect(failure(hotel.call(hotel.housekeeper, 'observation.inbox', {})).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.desk, 'observation.accept', { observationId: 1, preference: { category: 'a', code: 'b', value: 'c' } })).code).toBe('FORBIDDEN')
  })

  it('finds an in-house guest by room number for housekeeping, and by name too for the desk', () => {
    inHouseContractor()
    expect(ok(hotel.call(hotel.housekeeper, 'guest.inHouseLookup', { text: '1201' }))[0]).toMatchObject({ roomNumber: '1201', nativeName: '王建国' })
    // Only the whole room number: a first digit must not list who is where.
    expect(ok(hotel.call(hotel.housekeeper, 'guest.inHouseLookup', { text: '120' }))).toEqual([])
    expect(ok(hotel.call(hotel.housekeeper, 'guest.inHouseLookup', { text: 'wang' }))).toEqual([])
    expect(ok(hotel.call(hotel.desk, 'guest.inHouseLookup', { text: 'wang' }))[0].roomNumber).toBe('1201')
  })
})
