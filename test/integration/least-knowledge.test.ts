import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core'
import type { Actor } from '../../electron/core/context'
import { eventAsSeenBy } from '../../electron/core/event-visibility'
import type { CoreEvent } from '../../electron/core/events'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { dayAfter, failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/*
 * Issue 12's findings 1, 2, 4 and 7, and least knowledge for department staff: each as the
 * attacker or the curious colleague tried it, on a real store.
 */

let store: ReturnType<typeof tempStore>
let core: Core
let hotel: SmallHotel
let relations: Actor
let lead: Actor
beforeEach(() => {
  store = tempStore()
  core = store.core
  hotel = seedSmallHotel(core)
  const member = (code: string, department: string, role: string): Actor => {
    ok(hotel.call(hotel.admin, 'staff.create', { code, name: `Staff ${code}`, department, role, pin: '1234' }))
    return ok(hotel.call(null, 'session.signIn', { code, pin: '1234' })).staff
  }
  relations = member('gr01', 'guest_relations', 'guest_relations')
  lead = member('hk09', 'housekeeping', 'department_lead')
})
afterEach(() => store.cleanup())

/** The hotel's business date (not the machine's calendar date: they differ around midnight). */
const localToday = (): string => ok<{ businessDate: string }>(hotel.call(hotel.admin, 'hotel.clock', {})).businessDate

const auditRows = () => core.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as { action: string; staff_id: number | null; guest_id: number | null; terminal: string | null; detail: string | null }[]

/** A guest hard of hearing (consent given), checked in to room 1108. */
function hearingGuestInHouse(restricted = false): { guestId: number; stayId: number } {
  const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '庄志明', romanName: 'ZHUANG Zhiming', phone: '13800138000' }))
  ok(hotel.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'in_person' }))
  ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'access', code: 'hearing', value: 'hard_of_hearing', strength: 'required', note: 'Hears little on the left' }))
  if (restricted) ok(hotel.call(hotel.desk, 'guest.update', { guestId, fields: { restricted: true, restrictionNote: 'Asked for discretion' } }))
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: localToday(), departure: dayAfter(localToday(), 2), party: 1 }))
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1108' }))
  return { guestId, stayId }
}

describe('finding 1: department staff write only onto guests in house, and see no occupants', () => {
  it('observation.record by guest id, not in house, is refused for housekeeping whatever requireInHouse says, and writes nothing', () => {
    const { id: away } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '钱七', phone: '13900000001' }))
    const before = core.sqlite.prepare('SELECT count(*) FROM observation').pluck().get()
    for (const guestId of [away, 1, 2, 3]) {
      const refused = failure(hotel.call(hotel.housekeeper, 'observation.record', { guestId, text: 'Seen in the lobby', requireInHouse: false }))
      expect(['NOT_IN_HOUSE', 'NOT_FOUND']).toContain(refused.code)
      expect(JSON.stringify(refused)).not.toContain('钱七')
    }
    expect(core.sqlite.prepare('SELECT count(*) FROM observation').pluck().get()).toBe(before)
    // The desk and guest relations may still note something about a past guest.
    expect(ok(hotel.call(relations, 'observation.record', { guestId: away, text: 'Wrote to thank us', requireInHouse: false })).guestId).toBe(away)
  })

  it('room.list shows housekeeping occupied or not, never who', () => {
    const { guestId } = hearingGuestInHouse()
    const seen = ok<{ number: string; occupant: unknown; statusCode: string }[]>(hotel.call(hotel.housekeeper, 'room.list', {}))
    expect(seen.find((r) => r.number === '1108')!.occupant).toBeNull()
    expect(JSON.stringify(seen)).not.toContain('庄志明')
    expect(ok<{ number: string; occupant: { guestId: number } | null }[]>(hotel.call(hotel.desk, 'room.list', {})).find((r) => r.number === '1108')!.occupant!.guestId).toBe(guestId)
  })
})

describe('finding 2: every read of a guest’s data is audited, with the terminal', () => {
  it('history, duplicates, a search, the stay lists and a card each leave a row naming the staff member, guest and terminal', () => {
    const { guestId, stayId } = hearingGuestInHouse()
    const terminal = { address: '192.168.1.44', local: false }
    const reads: [string, unknown][] = [
      ['guest.history', { guestId }],
      ['guest.possibleDuplicates', { nativeName: '庄志明', phone: '13800138000' }],
      ['guest.search', { text: '庄志明' }],
      ['stay.inHouse', {}],
      ['stay.arrivals', {}],
      ['stay.details', { stayId }],
      ['guest.card', { guestId }],
    ]
    for (const [name, input] of reads) {
      const before = auditRows().length
      ok(core.callAs(relations, name, input, terminal))
      const rows = auditRows().slice(before)
      expect(rows.length, name).toBeGreaterThan(0)
      const row = rows[rows.length - 1]
      expect(row, name).toMatchObject({ staff_id: relations.staffId, terminal: '192.168.1.44' })
      const named = row.guest_id === guestId || (JSON.parse(row.detail ?? '{}').guests ?? []).includes(guestId)
      expect(named, `${name} names the guest it read`).toBe(true)
      // Never the guest's identifiers in the log itself.
      expect(JSON.stringify(rows), name).not.toMatch(/庄志明|13800138000|ZHUANG/)
    }
  })

  it('every change is audited even when its handler writes no row of its own; a refused call leaves none', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '李四' }))
    const before = auditRows().length
    ok(core.callAs(hotel.desk, 'preference.add', { guestId, category: 'amenity', code: 'flowers', value: 'orchid' }, { address: '10.0.0.9', local: false }))
    expect(auditRows().slice(before).some((r) => r.guest_id === guestId && r.terminal === '10.0.0.9')).toBe(true)
    const after = auditRows().length
    expect(failure(hotel.call(hotel.housekeeper, 'preference.add', { guestId, category: 'amenity', code: 'flowers', value: 'lily' })).code).toBe('FORBIDDEN')
    expect(auditRows().length).toBe(after)
  })

  it('the audit log cannot be changed or emptied, whatever code asks the store', () => {
    hearingGuestInHouse()
    expect(() => core.sqlite.prepare("UPDATE audit_log SET action = 'nothing'").run()).toThrow(/append-only/)
    expect(() => core.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
  })
})

describe('finding 4: a restricted profile is opened only by roles that must', () => {
  it('the front desk can neither read nor lift it; guest relations reads it (audited) and lifts it', () => {
    const { guestId } = hearingGuestInHouse(true)
    for (const [name, input] of [
      ['guest.card', { guestId }],
      ['guest.history', { guestId }],
      ['guest.update', { guestId, fields: { restricted: false } }],
      ['preference.add', { guestId, category: 'amenity', code: 'flowers', value: 'orchid' }],
      ['observation.ofGuest', { guestId }],
      ['guest.printCard', { guestId }],
    ] as const) {
      expect(failure(hotel.call(hotel.desk, name, input)).code, name).toBe('GUEST_RESTRICTED')
    }
    // Found at the desk (to check in) but marked, without the company.
    const hit = ok<{ guestId: number; restricted: boolean }[]>(hotel.call(hotel.desk, 'guest.search', { text: '庄志明' })).find((h) => h.guestId === guestId)
    expect(hit?.restricted).toBe(true)

    const before = auditRows().length
    expect(ok(hotel.call(relations, 'guest.card', { guestId })).guest.restricted).toBe(true)
    expect(auditRows().slice(before).some((r) => r.guest_id === guestId && r.staff_id === relations.staffId)).toBe(true)
    ok(hotel.call(relations, 'guest.update', { guestId, fields: { restricted: false } }))
    expect(ok(hotel.call(hotel.desk, 'guest.card', { guestId })).guest.restricted).toBe(false)
  })

  it('a restricted guest is not named in prompts, and department staff see "guest" in their place', () => {
    const { guestId } = hearingGuestInHouse(true)
    const desk = ok<PromptView[]>(hotel.call(hotel.desk, 'prompt.ofStay', { stayId: ok<{ guestId: number; stay: { id: number } }[]>(hotel.call(relations, 'guest.search', { text: '庄志明' }))[0].stay.id }))
    expect(JSON.stringify(desk.map((p) => p.text))).not.toMatch(/庄|Zhuang|ZHUANG/)
    const board = ok<PromptView[]>(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' })).filter((p) => p.guestId === guestId)
    expect(board.length).toBeGreaterThan(0)
    for (const p of board) expect(p.guest).toMatchObject({ nativeName: '', romanName: null, withheld: true })
  })
})

describe('finding 7 and the board: what department staff learn', () => {
  it('one character of a name finds nothing for housekeeping; the room finds the guest, and a restricted one unnamed', () => {
    const { guestId } = hearingGuestInHouse(true)
    for (const typed of ['庄', 'z', 'zhuang', '138']) expect(ok(hotel.call(hotel.housekeeper, 'guest.inHouseLookup', { text: typed })), typed).toEqual([])
    const [found] = ok<{ guestId: number; nativeName: string; withheld: boolean }[]>(hotel.call(hotel.housekeeper, 'guest.inHouseLookup', { text: '1108' }))
    expect(found).toMatchObject({ guestId, nativeName: '', withheld: true })
    // Guest relations, who may read the profile, finds by name.
    expect(ok<{ guestId: number }[]>(hotel.call(relations, 'guest.inHouseLookup', { text: '庄' })).map((g) => g.guestId)).toContain(guestId)
  })

  it('housekeeping gets the action and the room, never the diagnosis, in answers and in live events', () => {
    const events: CoreEvent[] = []
    core.events.subscribe((e) => events.push(e))
    const { guestId } = hearingGuestInHouse()
    const board = ok<PromptView[]>(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'housekeeping' })).filter((p) => p.guestId === guestId)
    expect(board.map((p) => p.text.en)).toContain('Room 1108: knock firmly and use the door light; do not rely on calling out.')
    for (const p of board) expect(p.reason).toBeNull()
    expect(JSON.stringify(board)).not.toMatch(/hearing|Hears little/)
    // The front desk's own board keeps the cause.
    const frontOffice = ok<PromptView[]>(hotel.call(hotel.desk, 'prompt.board', { department: 'front_office' })).filter((p) => p.guestId === guestId)
    expect(frontOffice.some((p) => p.reason?.code === 'hearing')).toBe(true)
    // Live: the same event, redacted for the housekeeper, whole for the desk.
    const created = events.find((e) => e.name === 'prompt.created' && (e.payload as { prompt: PromptView }).prompt.department === 'housekeeping' && (e.payload as { prompt: PromptView }).prompt.guestId === guestId)!
    expect((eventAsSeenBy(hotel.housekeeper, created).payload as { prompt: PromptView }).prompt.reason).toBeNull()
    expect((eventAsSeenBy(hotel.desk, created).payload as { prompt: PromptView }).prompt.reason?.code).toBe('hearing')
    // The card stays closed to them.
    expect(failure(hotel.call(hotel.housekeeper, 'guest.card', { guestId })).code).toBe('FORBIDDEN')
  })

  it('an attendant takes a prompt or gives back their own; the lead hands it to anyone of the department', () => {
    hearingGuestInHouse()
    const task = ok<PromptView[]>(hotel.call(lead, 'prompt.board', { department: 'housekeeping' })).find((p) => p.kind === 'task') ??
      ok<PromptView[]>(hotel.call(lead, 'prompt.board', { department: 'housekeeping' }))[0]
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.assign', { promptId: task.id, staffId: lead.staffId })).code).toBe('FORBIDDEN')
    expect(ok<PromptView>(hotel.call(lead, 'prompt.assign', { promptId: task.id, staffId: hotel.housekeeper.staffId })).assignedTo?.id).toBe(hotel.housekeeper.staffId)
    expect(ok<PromptView>(hotel.call(hotel.housekeeper, 'prompt.assign', { promptId: task.id, staffId: null })).assignedTo).toBeNull()
    expect(ok<PromptView>(hotel.call(hotel.housekeeper, 'prompt.assign', { promptId: task.id, staffId: hotel.housekeeper.staffId })).assignedTo?.id).toBe(hotel.housekeeper.staffId)
  })
})

describe('an erased guest', () => {
  it('takes no new stay, preference or change, whoever asks', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '钱七', phone: '13900000001' }))
    ok(hotel.call(hotel.admin, 'guest.erase', { guestId, reason: 'guest_request' }))
    for (const [name, input] of [
      ['guest.update', { guestId, fields: { company: 'Back again' } }],
      ['preference.add', { guestId, category: 'amenity', code: 'flowers', value: 'orchid' }],
      ['stay.reserve', { guestId, arrival: localToday(), departure: dayAfter(localToday(), 1), party: 1 }],
    ] as const) {
      expect(failure(hotel.call(hotel.admin, name, input)).code, name).toBe('GUEST_ANONYMISED')
    }
  })
})

describe('what a tester found after the first round', () => {
  it('the desk’s briefing pack, possible duplicates and the stay’s prompts keep a restricted guest’s details back', () => {
    const { guestId, stayId } = hearingGuestInHouse()
    ok(hotel.call(hotel.desk, 'guest.update', { guestId, fields: { email: 'zhuang@example.sg', birthDate: '1960-03-08' } }))
    ok(hotel.call(relations, 'guest.update', { guestId, fields: { restricted: true } }))
    const pack = ok<{ cards: { guest: { id: number } }[]; restrictedLeftOut: number }>(hotel.call(hotel.desk, 'guest.briefingPack', { kind: 'arrivals' }))
    expect(pack.cards.map((c) => c.guest.id)).not.toContain(guestId)
    expect(pack.restrictedLeftOut).toBe(1)
    expect(ok<{ cards: { guest: { id: number } }[] }>(hotel.call(relations, 'guest.briefingPack', { kind: 'arrivals' })).cards.map((c) => c.guest.id)).toContain(guestId)
    const [dup] = ok<{ guest: Record<string, unknown> }[]>(hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '庄志明', phone: '13800138000' }))
    expect(dup.guest).toMatchObject({ id: guestId, phone: null, email: null, birthDate: null, restricted: true })
    const prompts = ok<PromptView[]>(hotel.call(hotel.desk, 'prompt.ofStay', { stayId }))
    expect(prompts.length).toBeGreaterThan(0)
    for (const p of prompts) expect(p.reason).toBeNull()
    // Restricting him words his open prompts again: no department sees his name any more.
    expect(JSON.stringify(prompts.map((p) => p.text))).not.toMatch(/庄|Zhuang/)
  })

  it('a preference or a companion names its guest: the desk cannot change a restricted one, nobody an erased one', () => {
    const { guestId } = hearingGuestInHouse()
    const preferenceId = ok<{ id: number }>(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'amenity', code: 'flowers', value: 'orchid' })).id
    ok(hotel.call(relations, 'guest.update', { guestId, fields: { restricted: true } }))
    for (const [name, input] of [
      ['preference.update', { preferenceId, note: 'desk edit' }],
      ['preference.confirm', { preferenceId }],
      ['preference.retire', { preferenceId }],
    ] as const) expect(failure(hotel.call(hotel.desk, name, input)).code, name).toBe('GUEST_RESTRICTED')

    const { id: gone } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '钱七' }))
    const gonePreference = ok<{ id: number }>(hotel.call(hotel.desk, 'preference.add', { guestId: gone, category: 'amenity', code: 'flowers', value: 'lily' })).id
    ok(hotel.call(hotel.admin, 'guest.erase', { guestId: gone, reason: 'guest_request' }))
    expect(failure(hotel.call(hotel.admin, 'preference.update', { preferenceId: gonePreference, note: '钱七 13900000001' })).code).toBe('GUEST_ANONYMISED')
    const { id: host } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '孙八' }))
    const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: host, arrival: localToday(), departure: dayAfter(localToday(), 1), party: 2 }))
    expect(failure(hotel.call(hotel.desk, 'stay.setCompanions', { stayId, companions: [{ guestId: gone }] })).code).toBe('GUEST_ANONYMISED')
  })

  it('an attendant learns nothing from a first digit or a guest id, and cannot take a colleague’s prompt', () => {
    const { guestId } = hearingGuestInHouse()
    expect(ok(hotel.call(hotel.housekeeper, 'guest.inHouseLookup', { text: '1' }))).toEqual([])
    ok(hotel.call(relations, 'guest.update', { guestId, fields: { restricted: true } }))
    const { id: erased } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '钱七' }))
    ok(hotel.call(hotel.admin, 'guest.erase', { guestId: erased, reason: 'guest_request' }))
    // Restricted, erased or simply away: one answer.
    for (const id of [guestId, erased]) {
      expect(failure(hotel.call(hotel.housekeeper, 'observation.record', { guestId: id, text: 'Seen in the lobby', requireInHouse: false })).code).toBe('NOT_IN_HOUSE')
    }
    const task = ok<PromptView[]>(hotel.call(lead, 'prompt.board', { department: 'housekeeping' }))[0]
    ok(hotel.call(lead, 'prompt.assign', { promptId: task.id, staffId: lead.staffId }))
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.assign', { promptId: task.id, staffId: hotel.housekeeper.staffId })).code).toBe('FORBIDDEN')
  })

  it('a consent dated before the latest record of it is refused: the current answer stays the latest', () => {
    const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '李四' }))
    ok(hotel.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: false, method: 'in_person' }))
    const refused = failure(hotel.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form', at: '2000-01-01T00:00:00Z' }))
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'at' }] } })
    expect(ok(hotel.call(relations, 'guest.card', { guestId })).guest.consentSensitive).toBe(false)
  })
})
