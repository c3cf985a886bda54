import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { dayAfter, failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/*
 * Finding 7: allergy alerts and standing instructions expired like tasks ("Overdue by N minutes")
 * and left the board once someone tapped Done. Now they stay in their own section for the whole
 * stay and close only at check-out. Also: assigning a prompt, and the floor and assignee filters.
 */

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
/** The store's clock: tests move it on with setTime. */
let clock: Date

beforeEach(() => {
  clock = new Date()
  store = tempStore({ now: clock })
  hotel = seedSmallHotel(store.core)
  // Allergy alerts are standing instructions. rule.create may not take a kind yet, so the rule is
  // marked as the 0008 migration marks every food.allergy rule.
  const { id } = ok(
    hotel.call(hotel.admin, 'rule.create', {
      key: 'allergy',
      kind: 'standing',
      trigger: 'check_in',
      category: 'food',
      code: 'allergy',
      value: null,
      department: 'restaurant',
      priority: 'high',
      dueMinutes: 15,
      polarity: 'any',
      template: { en: 'Allergy alert for {guest} (room {room}): {value}.', zh: '过敏提示：{guest}（{room}房）：{value}。' },
    }),
  )
  store.core.sqlite.prepare("UPDATE rule SET kind = 'standing' WHERE id = ?").run(id)
})
afterEach(() => store.cleanup())

const moveClock = (minutes: number) => clock.setTime(clock.getTime() + minutes * 60_000)

function businessDate(): string {
  return ok<{ businessDate: string }>(hotel.call(hotel.admin, 'hotel.clock', {})).businessDate
}

/** A guest with the given preferences, checked into `room` today. */
function checkedIn(name: string, room: string, preferences: [string, string, string][]): { guestId: number; stayId: number } {
  const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: name, vip: 0 }))
  // Issue 12: allergies are health data, kept with the guest's consent to sensitive data.
  if (preferences.length > 0) ok(hotel.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' }))
  for (const [category, code, value] of preferences) ok(hotel.call(hotel.desk, 'preference.add', { guestId, category, code, value }))
  const today = businessDate()
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 2), party: 1 }))
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: room }))
  return { guestId, stayId }
}

const board = (actor: Actor, department: string, filter: Record<string, unknown> = {}) =>
  ok<PromptView[]>(hotel.call(actor, 'prompt.board', { department, ...filter }))

describe('standing instructions on the board (finding 7)', () => {
  it('an allergy alert is never overdue, stays after acknowledge, cannot be done, and leaves at check-out', () => {
    const { stayId } = checkedIn('林晓', '1001', [
      ['food', 'allergy', 'peanut'],
      ['food', 'cuisine', 'sichuan'],
    ])
    const first = board(hotel.cook, 'restaurant')
    const alert = first.find((p) => p.kind === 'standing')!
    expect(alert.text.en).toBe('Allergy alert for 林晓 (room 1001): Peanut.')
    // Standing instructions come first, before the tasks.
    expect(first[0].id).toBe(alert.id)
    expect(first.slice(1).every((p) => p.kind === 'task')).toBe(true)
    // Its promise runs to the end of the stay, not 15 minutes.
    expect(Date.parse(alert.dueAt) - Date.parse(alert.createdAt)).toBeGreaterThan(24 * 60 * 60_000)

    // Three hours later, acknowledged once: still on the board, still not overdue.
    moveClock(180)
    ok(hotel.call(hotel.cook, 'prompt.acknowledge', { promptId: alert.id }))
    const later = board(hotel.cook, 'restaurant')
    expect(later[0]).toMatchObject({ id: alert.id, kind: 'standing', status: 'acknowledged', overdueAt: null, acknowledged: { by: 'Staff rs01' } })

    // Done is refused with a reason of its own; the alert stays.
    const refused = failure(hotel.call(hotel.cook, 'prompt.complete', { promptId: alert.id }))
    expect(refused.code).toBe('PROMPT_STATE')
    expect(refused.details).toMatchObject({ context: 'standing' })
    expect(board(hotel.cook, 'restaurant').map((p) => p.id)).toContain(alert.id)
    // Nor can it be declined off the board ("too busy" would make an allergy disappear).
    expect(failure(hotel.call(hotel.cook, 'prompt.decline', { promptId: alert.id, reason: 'too busy' }))).toMatchObject({ code: 'PROMPT_STATE', details: { context: 'standing' } })
    expect(board(hotel.cook, 'restaurant').map((p) => p.id)).toContain(alert.id)
    // The Sichuan task, unlike it, can be done and leaves.
    const task = later.find((p) => p.kind === 'task')!
    ok(hotel.call(hotel.cook, 'prompt.complete', { promptId: task.id }))
    expect(board(hotel.cook, 'restaurant').map((p) => p.id)).toEqual([alert.id])

    // Check-out closes it.
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId }))
    expect(board(hotel.cook, 'restaurant')).toEqual([])
    const closed = board(hotel.cook, 'restaurant', { which: 'closed' })
    expect(closed.find((p) => p.id === alert.id)?.status).toBe('cancelled')
  })

  it('department staff see the standing instruction on their board without the guest card', () => {
    checkedIn('林晓', '1001', [['food', 'allergy', 'shellfish']])
    // The waiter may not open the card...
    expect(failure(hotel.call(hotel.cook, 'guest.card', { guestId: 1 })).code).toBe('FORBIDDEN')
    // ...but the allergy is on the board: what to do and where, in words (least knowledge: the
    // preference behind it, a health fact, stays with those who may read the card).
    const [alert] = board(hotel.cook, 'restaurant')
    expect(alert).toMatchObject({ kind: 'standing', roomNumber: '1001', floor: 10, reason: null })
    expect(alert.text.en).toMatch(/shellfish/i)
    expect(board(hotel.desk, 'restaurant')[0].reason).toMatchObject({ category: 'food', code: 'allergy', value: 'shellfish' })
  })
})

describe('boards that scale: floors, assignment and order', () => {
  it('filters by floor, and assigns a prompt to an attendant of the department', () => {
    checkedIn('王一', '1001', [['reading', 'periodical', 'mainland_advertising']])
    checkedIn('王二', '1101', [['reading', 'periodical', 'mainland_advertising']])
    const all = board(hotel.housekeeper, 'housekeeping')
    expect(all.map((p) => p.roomNumber).sort()).toEqual(['1001', '1101'])
    expect(board(hotel.housekeeper, 'housekeeping', { floor: 11 }).map((p) => p.roomNumber)).toEqual(['1101'])
    expect(board(hotel.housekeeper, 'housekeeping', { floor: 9 })).toEqual([])

    ok(hotel.call(hotel.admin, 'staff.create', { code: 'hk02', name: 'Attendant Two', department: 'housekeeping', role: 'department', pin: '1234' }))
    const pickable = ok<{ id: number; name: string }[]>(hotel.call(hotel.housekeeper, 'prompt.assignees', { department: 'housekeeping' }))
    expect(pickable.map((s) => s.name)).toEqual(['Attendant Two', 'Staff hk01'])
    const two = pickable.find((s) => s.name === 'Attendant Two')!

    const on1101 = all.find((p) => p.roomNumber === '1101')!
    const events: string[] = []
    store.core.events.subscribe((e) => events.push(e.name))
    // An attendant may not hand it to a colleague; the desk (like the department's lead) may.
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.assign', { promptId: on1101.id, staffId: two.id })).code).toBe('FORBIDDEN')
    expect(events).toEqual([])
    const assigned = ok<PromptView>(hotel.call(hotel.desk, 'prompt.assign', { promptId: on1101.id, staffId: two.id }))
    expect(assigned.assignedTo).toEqual({ id: two.id, name: 'Attendant Two' })
    expect(events).toEqual(['prompt.updated'])

    expect(board(hotel.housekeeper, 'housekeeping', { assignedTo: two.id }).map((p) => p.roomNumber)).toEqual(['1101'])
    expect(board(hotel.housekeeper, 'housekeeping', { assignedTo: 'unassigned' }).map((p) => p.roomNumber)).toEqual(['1001'])
    expect(board(hotel.housekeeper, 'housekeeping', { assignedTo: 'me' })).toEqual([])
    // Taken back: no one's again.
    ok(hotel.call(hotel.desk, 'prompt.assign', { promptId: on1101.id, staffId: null }))
    expect(board(hotel.housekeeper, 'housekeeping', { assignedTo: 'unassigned' })).toHaveLength(2)
  })

  it('refuses an attendant of another department, someone who has left, and staff of another department', () => {
    checkedIn('王一', '1001', [['reading', 'periodical', 'mainland_advertising']])
    const [prompt] = board(hotel.housekeeper, 'housekeeping')
    const wrong = failure(hotel.call(hotel.desk, 'prompt.assign', { promptId: prompt.id, staffId: hotel.cook.staffId }))
    expect(wrong.code).toBe('VALIDATION')
    expect(wrong.details).toMatchObject({ issues: [{ path: 'staffId' }] })
    // No operation deactivates staff yet: the row is marked as one would be.
    const { id: gone } = ok(hotel.call(hotel.admin, 'staff.create', { code: 'hk09', name: 'Left Us', department: 'housekeeping', role: 'department', pin: '1234' }))
    store.core.sqlite.prepare('UPDATE staff SET active = 0 WHERE id = ?').run(gone)
    expect(failure(hotel.call(hotel.desk, 'prompt.assign', { promptId: prompt.id, staffId: gone })).code).toBe('VALIDATION')
    // The restaurant's waiter may neither assign housekeeping's work nor read its board or its staff.
    expect(failure(hotel.call(hotel.cook, 'prompt.assign', { promptId: prompt.id, staffId: hotel.housekeeper.staffId })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.cook, 'prompt.board', { department: 'housekeeping', floor: 10 })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.cook, 'prompt.assignees', { department: 'housekeeping' })).code).toBe('FORBIDDEN')
    // A closed prompt is no longer assigned.
    ok(hotel.call(hotel.housekeeper, 'prompt.complete', { promptId: prompt.id }))
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.assign', { promptId: prompt.id, staffId: hotel.housekeeper.staffId })).code).toBe('PROMPT_STATE')
  })

  it('puts the newest urgent task first, and escalated tasks before others of their priority', () => {
    checkedIn('王一', '1001', [['reading', 'periodical', 'mainland_advertising']])
    moveClock(5)
    checkedIn('王二', '1101', [['reading', 'periodical', 'mainland_advertising']])
    moveClock(5)
    checkedIn('王三', '1201', [['reading', 'periodical', 'mainland_advertising']])
    const ids = board(hotel.housekeeper, 'housekeeping').map((p) => p.id)
    // Normal priority: soonest due first.
    expect(board(hotel.housekeeper, 'housekeeping').map((p) => p.roomNumber)).toEqual(['1001', '1101', '1201'])
    // One escalated: first among the normal ones.
    store.core.sqlite.prepare("UPDATE prompt SET escalated_at = ?, escalation_level = 1 WHERE id = ?").run(clock.toISOString(), ids[2])
    expect(board(hotel.housekeeper, 'housekeeping').map((p) => p.roomNumber)).toEqual(['1201', '1001', '1101'])
    // Made urgent, the newest urgent comes first of all.
    store.core.sqlite.prepare("UPDATE prompt SET priority = 'urgent', escalated_at = NULL, escalation_level = 0").run()
    expect(board(hotel.housekeeper, 'housekeeping').map((p) => p.roomNumber)).toEqual(['1201', '1101', '1001'])
  })
})
