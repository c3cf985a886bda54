import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { insertRule } from '../../electron/core/rules/rule.repository'
import { ClockStore, seedHotel } from '../fixtures/clock-store'
import { failure, ok } from '../fixtures/test-store'

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString()

/** A guest who reads mainland advertising periodicals, checked in to 1001 at `checkInAt`: housekeeping gets a prompt. */
function setUp(checkInAt: string) {
  const s = (store = new ClockStore(checkInAt))
  const hotel = seedHotel(s, 'Asia/Shanghai')
  ok(s.core.callAs(hotel.admin, 'staff.create', { code: 'gr01', name: 'Guest Relations', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
  const relations: Actor = ok(s.core.callAs(null, 'session.signIn', { code: 'gr01', pin: '1234' })).staff
  ok(s.core.callAs(hotel.admin, 'staff.create', { code: 'mg01', name: 'Duty Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  const manager: Actor = ok(s.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
  s.call(manager, 'escalation.setSteps', {
    department: 'housekeeping',
    ackMinutes: 10,
    promiseMinutes: 30,
    steps: [
      { afterMinutes: 0, notify: 'lead' },
      { afterMinutes: 15, notify: 'duty_manager' },
      { afterMinutes: 30, notify: 'guest_relations' },
    ],
  })
  const { id: guestId } = s.call(hotel.desk, 'guest.create', { nativeName: '何家俊', vip: 1 })
  s.call(hotel.desk, 'preference.add', { guestId, category: 'reading', code: 'periodical', value: 'mainland_advertising' })
  return { s, hotel, relations, manager, guestId }
}

function checkIn(s: ClockStore, desk: Actor, guestId: number, arrival: string, departure: string, room: string): { stayId: number; prompts: PromptView[] } {
  const { stayId } = s.call(desk, 'stay.reserve', { guestId, arrival, departure, party: 1 })
  const { prompts } = s.call(desk, 'stay.checkIn', { stayId, roomNumber: room })
  return { stayId, prompts }
}

describe('escalation', () => {
  it('a prompt not acknowledged by its promise escalates, step by step, and falls overdue after its promise to complete', async () => {
    const t0 = '2026-12-01T06:00:00.000Z'
    const { s, hotel, manager, relations, guestId } = setUp(t0)
    const { prompts } = checkIn(s, hotel.desk, guestId, '2026-12-01', '2026-12-03', '1001')
    const prompt = prompts.find((p) => p.department === 'housekeeping')!
    expect(prompt.escalateAt).toBe(minutes(t0, 10))
    expect(prompt.dueAt).toBe(minutes(t0, 30))
    await s.tick()

    await s.at(minutes(t0, 9)).tick()
    expect(s.call(manager, 'prompt.escalations', {})).toEqual([])

    s.events = []
    const first = await s.at(minutes(t0, 10.5)).tick()
    expect(first.escalated).toBeGreaterThanOrEqual(1)
    const escalated = s.events.filter((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.department === 'housekeeping')
    expect(escalated.map((e) => [(e.payload as { prompt: PromptView }).prompt.id, (e.payload as { notify: string[] }).notify])).toEqual([[prompt.id, ['lead']]])
    expect(s.events.some((e) => e.name === 'prompt.updated' && (e.payload as { prompt: PromptView }).prompt.id === prompt.id)).toBe(true)
    const housekeeping = (list: { prompt: PromptView; level: number }[]) => list.filter((e) => e.prompt.department === 'housekeeping')
    expect(housekeeping(s.call(manager, 'prompt.escalations', {})).map((e) => [e.prompt.id, e.level])).toEqual([[prompt.id, 1]])
    // A second tick in the same minute escalates nothing more.
    await s.at(minutes(t0, 11)).tick()
    expect(housekeeping(s.call(manager, 'prompt.escalations', {}))[0].level).toBe(1)

    s.events = []
    await s.at(minutes(t0, 25.5)).tick()
    expect(s.events.filter((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.id === prompt.id).map((e) => e.payload)).toMatchObject([
      { notify: ['duty_manager'], level: 2 },
    ])
    expect(housekeeping(s.call(manager, 'prompt.escalations', {}))[0].level).toBe(2)

    // Past the promise to complete (30 min): overdue; past the third step (10 + 30): guest relations hear of it.
    s.events = []
    const late = await s.at(minutes(t0, 40.5)).tick()
    expect(late.overdue).toBeGreaterThanOrEqual(1)
    const overdueAt = (s.core.sqlite.prepare('SELECT overdue_at FROM prompt WHERE id = ?').get(prompt.id) as { overdue_at: string | null }).overdue_at
    expect(overdueAt).toBe(minutes(t0, 40.5))
    expect(housekeeping(s.call(manager, 'prompt.escalations', {}))[0]).toMatchObject({ level: 3, overdueAt: minutes(t0, 40.5) })
    const toRelations = s.events.find((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.id === prompt.id)!
    expect(toRelations.payload).toMatchObject({ notify: ['guest_relations'], level: 3 })

    // Who hears it: managers, guest relations when named, the prompt's own department; not the restaurant.
    const { eventVisibleTo } = await import('../../electron/core/event-visibility')
    expect(eventVisibleTo(manager, toRelations)).toBe(true)
    expect(eventVisibleTo(relations, toRelations)).toBe(true)
    expect(eventVisibleTo(hotel.housekeeper, toRelations)).toBe(true)
    expect(eventVisibleTo(hotel.cook, toRelations)).toBe(false)
    expect(eventVisibleTo(relations, escalated[0])).toBe(false)

    // Acknowledged, it leaves the lead's view and escalates no further; it stays overdue until done.
    s.call(hotel.housekeeper, 'prompt.acknowledge', { promptId: prompt.id })
    expect(housekeeping(s.call(manager, 'prompt.escalations', {}))).toEqual([])
    s.events = []
    await s.at(minutes(t0, 90)).tick()
    expect(s.events.filter((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.id === prompt.id)).toEqual([])
    expect(failure(s.core.callAs(hotel.housekeeper, 'prompt.escalations', {})).code).toBe('FORBIDDEN')
  })

  it('a standing instruction escalates if nobody acknowledges it, but is never overdue', async () => {
    const t0 = '2026-12-01T06:00:00.000Z'
    const { s, hotel, guestId } = setUp(t0)
    const ruleId = insertRule(s.core.sqlite, {
      key: 'periodical-standing',
      trigger: 'check_in',
      category: 'reading',
      code: 'periodical',
      value: null,
      department_code: 'front_office',
      priority: 'high',
      due_minutes: 5,
      template_en: 'Standing: periodicals for {guest}',
      template_zh: '常规：为{guest}准备期刊',
      polarity: 'any',
      active: 1,
      kind: 'standing',
    })
    const { prompts } = checkIn(s, hotel.desk, guestId, '2026-12-01', '2026-12-02', '1001')
    const standing = prompts.find((p) => p.text.en.startsWith('Standing'))!
    expect(standing).toBeDefined()
    await s.tick()
    // Long after the stay's departure time (12:00 on 12-02), the guest still in house.
    const report = await s.at('2026-12-02T08:00:00Z').tick()
    const row = s.core.sqlite.prepare('SELECT overdue_at, escalated_at, escalation_level, kind FROM prompt WHERE id = ?').get(standing.id) as { overdue_at: string | null; escalated_at: string | null; kind: string }
    // The front office never had steps set (a department made after the upgrade): the default two, lead then duty manager.
    expect(row).toMatchObject({ kind: 'standing', overdue_at: null, escalation_level: 2 })
    expect(row.escalated_at).not.toBeNull()
    expect(report.overdue).toBeGreaterThanOrEqual(1) // the housekeeping task, not the standing instruction
    expect(ruleId).toBeGreaterThan(0)
  })

  it('escalation steps are set per department and refused with a clear message when wrong', () => {
    const { s, hotel, manager } = setUp('2026-12-01T06:00:00.000Z')
    const listed = s.call(manager, 'escalation.steps', {})
    expect(listed.find((d: { department: string }) => d.department === 'housekeeping')).toMatchObject({ ackMinutes: 10, promiseMinutes: 30, steps: [{ afterMinutes: 0 }, { afterMinutes: 15 }, { afterMinutes: 30 }] })
    expect(listed.find((d: { department: string }) => d.department === 'restaurant').steps).toEqual([
      { afterMinutes: 0, notify: 'lead' },
      { afterMinutes: 15, notify: 'duty_manager' },
    ])
    const descending = failure(
      s.core.callAs(manager, 'escalation.setSteps', { department: 'restaurant', ackMinutes: 5, promiseMinutes: 20, steps: [{ afterMinutes: 20, notify: 'lead' }, { afterMinutes: 5, notify: 'duty_manager' }] }),
    )
    expect(descending.code).toBe('VALIDATION')
    expect(descending.details?.issues).toEqual([{ path: 'steps.1.afterMinutes', message: 'Step 2 comes after step 1: give it at least 20 minutes.' }])
    const six = Array.from({ length: 6 }, (_, i) => ({ afterMinutes: i * 5, notify: 'lead' }))
    expect(failure(s.core.callAs(manager, 'escalation.setSteps', { department: 'restaurant', ackMinutes: 5, promiseMinutes: 20, steps: six })).message).toContain('At most 5 steps')
    expect(failure(s.core.callAs(manager, 'escalation.setSteps', { department: 'restaurant', ackMinutes: 5, promiseMinutes: 20, steps: [{ afterMinutes: -1, notify: 'lead' }] })).code).toBe('VALIDATION')
    expect(failure(s.core.callAs(manager, 'escalation.setSteps', { department: 'restaurant', ackMinutes: 5, promiseMinutes: 20, steps: [] })).message).toContain('at least one step')
    expect(failure(s.core.callAs(manager, 'escalation.setSteps', { department: 'restaurant', ackMinutes: 30, promiseMinutes: 20, steps: [{ afterMinutes: 0, notify: 'lead' }] })).details?.issues).toEqual([
      { path: 'ackMinutes', message: 'Acknowledge within the time to complete: give fewer minutes to acknowledge.' },
    ])
    const lead = [{ afterMinutes: 0, notify: 'lead' }]
    expect(failure(s.core.callAs(manager, 'escalation.setSteps', { department: 'spa', ackMinutes: 5, promiseMinutes: 20, steps: lead })).details?.issues).toEqual([{ path: 'department', message: 'There is no department "spa".' }])
    expect(failure(s.core.callAs(hotel.desk, 'escalation.setSteps', { department: 'restaurant', ackMinutes: 5, promiseMinutes: 20, steps: lead })).code).toBe('FORBIDDEN')
    // Nothing of the refused changes was kept.
    expect(s.call(manager, 'escalation.steps', {}).find((d: { department: string }) => d.department === 'restaurant').steps).toHaveLength(2)

    // A new acknowledge promise holds for the next prompt at once (the department cache is forgotten).
    s.call(manager, 'escalation.setSteps', { department: 'housekeeping', ackMinutes: 3, promiseMinutes: 30, steps: [{ afterMinutes: 5, notify: 'duty_manager' }] })
    const { id: guestId } = s.call(hotel.desk, 'guest.create', { nativeName: '许文', vip: 0 })
    s.call(hotel.desk, 'preference.add', { guestId, category: 'reading', code: 'periodical', value: 'mainland_advertising' })
    const { prompts } = checkIn(s, hotel.desk, guestId, '2026-12-01', '2026-12-02', '1002')
    expect(prompts.find((p) => p.department === 'housekeeping')!.escalateAt).toBe(minutes('2026-12-01T06:00:00.000Z', 3))
  })

  it("declined prompts reach guest relations' queue with the reason, until read", () => {
    const { s, hotel, relations, manager, guestId } = setUp('2026-12-01T06:00:00.000Z')
    const { prompts } = checkIn(s, hotel.desk, guestId, '2026-12-01', '2026-12-03', '1001')
    const prompt = prompts.find((p) => p.department === 'housekeeping')!
    expect(s.call(relations, 'prompt.declinedQueue', {})).toEqual({ total: 0, prompts: [] })
    s.call(hotel.housekeeper, 'prompt.decline', { promptId: prompt.id, reason: 'No mainland periodicals left in stock' })
    const queue = s.call(relations, 'prompt.declinedQueue', {})
    expect(queue.total).toBe(1)
    expect(queue.prompts[0]).toMatchObject({
      id: prompt.id,
      department: 'housekeeping',
      roomNumber: '1001',
      guest: { nativeName: '何家俊' },
      declined: { by: 'Staff hk01', reason: 'No mainland periodicals left in stock' },
    })
    expect(s.call(manager, 'prompt.declinedQueue', {}).total).toBe(1)
    expect(failure(s.core.callAs(hotel.housekeeper, 'prompt.declinedQueue', {})).code).toBe('FORBIDDEN')
    expect(failure(s.core.callAs(hotel.desk, 'prompt.readDecline', { promptId: prompt.id })).code).toBe('FORBIDDEN')

    const read = s.call(relations, 'prompt.readDecline', { promptId: prompt.id })
    expect(read).toEqual({ promptId: prompt.id, readAt: '2026-12-01T06:00:00.000Z' })
    expect(s.call(relations, 'prompt.declinedQueue', {})).toEqual({ total: 0, prompts: [] })
    expect(s.call(manager, 'prompt.readDecline', { promptId: prompt.id })).toEqual(read)
    const open = prompts.find((p) => p.id !== prompt.id)
    if (open) expect(failure(s.core.callAs(relations, 'prompt.readDecline', { promptId: open.id })).code).toBe('PROMPT_STATE')
    expect(failure(s.core.callAs(relations, 'prompt.readDecline', { promptId: 999_999 })).code).toBe('NOT_FOUND')
  })

  it('a step changed while a prompt is escalated takes effect at the new time; with no step left it escalates no more', async () => {
    const t0 = '2026-12-01T06:00:00.000Z'
    const { s, hotel, manager, guestId } = setUp(t0)
    const { prompts } = checkIn(s, hotel.desk, guestId, '2026-12-01', '2026-12-03', '1001')
    const prompt = prompts.find((p) => p.department === 'housekeeping')!
    await s.tick()
    await s.at(minutes(t0, 10.5)).tick()
    const level = () => s.call(manager, 'prompt.escalations', {}).find((e: { prompt: PromptView }) => e.prompt.id === prompt.id)?.level
    expect(level()).toBe(1)
    // The duty manager's step moves from 15 to 40 minutes after the promise: nothing at 25, the step at 50.
    s.call(manager, 'escalation.setSteps', { department: 'housekeeping', ackMinutes: 10, promiseMinutes: 30, steps: [{ afterMinutes: 0, notify: 'lead' }, { afterMinutes: 40, notify: 'duty_manager' }] })
    await s.at(minutes(t0, 25.5)).tick()
    expect(level()).toBe(1)
    s.events = []
    await s.at(minutes(t0, 50.5)).tick()
    expect(level()).toBe(2)
    expect(s.events.filter((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.id === prompt.id).map((e) => e.payload)).toMatchObject([{ notify: ['duty_manager'], level: 2 }])
    s.events = []
    await s.at(minutes(t0, 300)).tick()
    expect(s.events.filter((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.id === prompt.id)).toEqual([])
  })

  it("a reservation moved to later dates moves its prompts' promise to acknowledge with it", async () => {
    const t0 = '2026-12-01T06:00:00.000Z'
    const { s, hotel, guestId } = setUp(t0)
    const { stayId } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-02', departure: '2026-12-04', party: 1 })
    s.call(hotel.desk, 'stay.changeDates', { stayId, arrival: '2026-12-20', departure: '2026-12-22' })
    // On the 2nd, when the old arrival's promise would have run out, nothing escalates.
    s.events = []
    await s.at('2026-12-02T06:00:00.000Z').tick()
    expect(s.events.filter((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.stayId === stayId)).toEqual([])
    // On the 20th, it does.
    await s.at('2026-12-20T09:00:00.000Z').tick()
    expect(s.events.filter((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.stayId === stayId).length).toBeGreaterThan(0)
  })
})
