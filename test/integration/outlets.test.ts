import { describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import type { Core } from '../../electron/core/core'
import type { CoreEvent } from '../../electron/core/events'
import { eventVisibleTo } from '../../electron/core/event-visibility'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { dayAfter, failure, localToday, ok, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

let core: Core
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  core = s.core
  hotel = h
})

const chinese = { code: 'fb_chinese', name: { en: 'Chinese Restaurant', zh: '中餐厅' }, promiseMinutes: 20, parentCode: 'restaurant' }

/** The Chinese restaurant under F&B, a waiter of its own, and a dim sum rule that prompts it. */
function chineseRestaurant(): Actor {
  ok(hotel.call(hotel.admin, 'department.create', chinese))
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'cn01', name: 'Waiter cn01', department: 'fb_chinese', role: 'department', pin: '1234' }))
  ok(
    hotel.call(hotel.admin, 'rule.create', {
      key: 'dim-sum',
      trigger: 'check_in',
      category: 'food',
      code: 'dish',
      value: 'har gow',
      department: 'fb_chinese',
      dueMinutes: 60,
      template: { en: 'Offer {guest} (room {room}) har gow at breakfast.', zh: '早餐时向{guest}（{room}房）推荐虾饺。' },
    }),
  )
  return ok(hotel.call(null, 'session.signIn', { code: 'cn01', pin: '1234' })).staff
}

function checkInDimSumGuest(): PromptView {
  const { id: guestId } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '梁美玲', romanName: 'LEUNG Mei Ling', phone: '+852 9123 4567' }))
  ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'food', code: 'dish', value: 'har gow' }))
  const today = localToday()
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 2), party: 1 }))
  const { prompts } = ok<{ prompts: PromptView[] }>(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1201' }))
  return prompts.find((p) => p.department === 'fb_chinese')!
}

const board = (actor: Actor, department: string) => ok<PromptView[]>(hotel.call(actor, 'prompt.board', { department }))

describe('Food & Beverage outlets', () => {
  it('lists an outlet right after its department, with its parent', () => {
    chineseRestaurant()
    ok(hotel.call(hotel.admin, 'department.create', { code: 'fb_allday', name: { en: 'All-day Dining', zh: '全日餐厅' }, promiseMinutes: 20, parentCode: 'restaurant' }))
    const list = ok<{ code: string; parentCode: string | null }[]>(hotel.call(hotel.desk, 'department.list', {}))
    const codes = list.map((d) => d.code)
    expect(codes.slice(codes.indexOf('restaurant'), codes.indexOf('restaurant') + 4)).toEqual(['restaurant', 'fb_allday', 'fb_chinese', 'security'])
    expect(list.find((d) => d.code === 'fb_chinese')).toMatchObject({ parentCode: 'restaurant' })
    expect(list.find((d) => d.code === 'restaurant')).toMatchObject({ parentCode: null })
  })

  it('a dish prompt reaches the outlet: its waiter and the F&B office both see and act on it; housekeeping cannot', () => {
    const waiter = chineseRestaurant()
    const heard: CoreEvent[] = []
    core.events.subscribe((e) => heard.push(e))
    const prompt = checkInDimSumGuest()
    expect(prompt).toMatchObject({ department: 'fb_chinese', parentDepartment: 'restaurant', roomNumber: '1201' })
    expect(prompt.text.en).toMatch(/^Offer .+ \(room 1201\) har gow at breakfast\.$/)

    // The outlet's board has it; the F&B office's board has it too, beside F&B's own prompts.
    expect(board(waiter, 'fb_chinese').map((p) => p.id)).toEqual([prompt.id])
    expect(board(hotel.cook, 'restaurant').map((p) => p.id)).toContain(prompt.id)
    expect(board(hotel.cook, 'fb_chinese').map((p) => p.id)).toEqual([prompt.id])
    // The outlet's waiter sees only the outlet: not F&B's own board.
    expect(failure(hotel.call(waiter, 'prompt.board', { department: 'restaurant' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.board', { department: 'fb_chinese' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.housekeeper, 'prompt.acknowledge', { promptId: prompt.id })).code).toBe('FORBIDDEN')

    // Live: the outlet and the F&B office hear it, housekeeping does not.
    const created = heard.find((e) => e.name === 'prompt.created' && (e.payload as { prompt: PromptView }).prompt.id === prompt.id)!
    expect(eventVisibleTo(waiter, created)).toBe(true)
    expect(eventVisibleTo(hotel.cook, created)).toBe(true)
    expect(eventVisibleTo(hotel.housekeeper, created)).toBe(false)

    expect(ok(hotel.call(waiter, 'prompt.acknowledge', { promptId: prompt.id }))).toMatchObject({ status: 'acknowledged', acknowledged: { by: 'Waiter cn01' } })
    expect(ok(hotel.call(hotel.cook, 'prompt.complete', { promptId: prompt.id }))).toMatchObject({ status: 'done', done: { by: 'Staff rs01' } })
    expect(board(waiter, 'fb_chinese')).toEqual([])
  })

  it('a waiter of one outlet does not see a sibling outlet’s board', () => {
    const waiter = chineseRestaurant()
    ok(hotel.call(hotel.admin, 'department.create', { code: 'fb_lounge', name: { en: 'Lobby Lounge', zh: '大堂吧' }, promiseMinutes: 15, parentCode: 'restaurant' }))
    expect(failure(hotel.call(waiter, 'prompt.board', { department: 'fb_lounge' })).code).toBe('FORBIDDEN')
  })

  it('refuses an outlet of an outlet and a parent that does not exist, saying what to fix', () => {
    chineseRestaurant()
    const nested = failure(hotel.call(hotel.admin, 'department.create', { code: 'fb_chinese_vip', name: { en: 'VIP Room', zh: '包间' }, promiseMinutes: 15, parentCode: 'fb_chinese' }))
    expect(nested.code).toBe('VALIDATION')
    expect(nested.message).toContain('put the new outlet under restaurant')
    const orphan = failure(hotel.call(hotel.admin, 'department.create', { code: 'fb_pool', name: { en: 'Pool Bar', zh: '池畔吧' }, promiseMinutes: 15, parentCode: 'food' }))
    expect(orphan.code).toBe('VALIDATION')
    expect(orphan.message).toContain('There is no department "food"')
    const codes = ok<{ code: string }[]>(hotel.call(hotel.admin, 'department.list', {})).map((d) => d.code)
    expect(codes).not.toContain('fb_chinese_vip')
    expect(codes).not.toContain('fb_pool')
  })

  it('renames an outlet and changes its promises; a new prompt escalates by its promise to acknowledge', () => {
    chineseRestaurant()
    ok(hotel.call(hotel.admin, 'department.update', { code: 'fb_chinese', name: { en: 'Jade Garden', zh: '翠园' }, promiseMinutes: 90 }))
    expect(ok<{ code: string; name: { zh: string }; promiseMinutes: number }[]>(hotel.call(hotel.desk, 'department.list', {})).find((d) => d.code === 'fb_chinese')).toMatchObject({
      name: { zh: '翠园' },
      promiseMinutes: 90,
    })
    // Issue 10: a prompt escalates when the promise to acknowledge is broken (set with escalation.setSteps).
    ok(hotel.call(hotel.admin, 'escalation.setSteps', { department: 'fb_chinese', ackMinutes: 25, promiseMinutes: 90, steps: [{ afterMinutes: 0, notify: 'lead' }] }))
    const prompt = checkInDimSumGuest()
    expect((Date.parse(prompt.escalateAt) - Date.parse(prompt.createdAt)) / 60_000).toBeCloseTo(25, 2)
    expect(failure(hotel.call(hotel.admin, 'department.update', { code: 'fb_chinese' })).code).toBe('VALIDATION')
    expect(failure(hotel.call(hotel.admin, 'department.update', { code: 'fb_pool', promiseMinutes: 5 })).code).toBe('NOT_FOUND')
    expect(failure(hotel.call(hotel.cook, 'department.update', { code: 'fb_chinese', promiseMinutes: 5 })).code).toBe('FORBIDDEN')
  })

  it('finds the board through the prompt index, not a scan', () => {
    const plan = core.sqlite
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM prompt WHERE department_code IN (SELECT code FROM department WHERE code = 'restaurant' OR parent_code = 'restaurant') AND status IN ('open', 'acknowledged')",
      )
      .all() as { detail: string }[]
    // The department list is a dozen rows; the prompts are looked up by index.
    expect(plan.map((r) => r.detail).join('\n')).toMatch(/SEARCH prompt USING (COVERING )?INDEX prompt_by_department/)
  })
})
