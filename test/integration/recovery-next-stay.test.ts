import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import type { CaseView } from '../../electron/core/recovery/recovery.types'
import type { StaySummary } from '../../electron/core/stays/stay.operations'
import { recoveryFlagsSql } from '../../electron/core/recovery/recovery-memory.repository'
import { ClockStore, seedHotel } from '../fixtures/clock-store'
import { type SmallHotel } from '../fixtures/test-store'

/*
 * The next stay remembers (issue 13): a guest who complained about the lift on 1 December and
 * was promised a quiet room comes back on 3 December. Whether the desk books and checks them in
 * or the PMS reports the stay, the promise comes back once as a task for the department that
 * keeps it, each department concerned sees "a problem with noise last time" (never what the
 * complaint said), and the arrival and in-house lists carry the flags for the desk's badges.
 */

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

// Asia/Shanghai, night audit 04:00 (20:00Z the day before).
const t0 = '2026-12-01T06:00:00.000Z'
const promiseText = 'a quiet room away from the lift'
const description = '何家俊 heard the lift all night and could not sleep.'

interface World {
  s: ClockStore
  hotel: SmallHotel
  manager: Actor
  guestId: number
  firstStayId: number
  caseId: number
}

/** The first stay (12-01 → 12-02) with a noise complaint and a promise, checked out on 12-02. */
async function earlierStayWithPromise(options: { keep?: boolean } = {}): Promise<World> {
  const s = (store = new ClockStore(t0))
  const hotel = seedHotel(s, 'Asia/Shanghai')
  s.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Duty Manager', department: 'front_office', role: 'manager', pin: '123456' })
  const manager: Actor = s.call(null, 'session.signIn', { code: 'mg01', pin: '123456' }).staff
  const { id: guestId } = s.call(hotel.desk, 'guest.create', { nativeName: '何家俊', romanName: 'HO Ka Chun', phone: '+853 6612 3456', salutation: 'mr', vip: 0 })
  const { stayId: firstStayId } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-02', party: 1 })
  s.call(hotel.desk, 'stay.checkIn', { stayId: firstStayId, roomNumber: '1001' })
  await s.tick()
  const raised = s.call<CaseView>(hotel.desk, 'recovery.raise', {
    stayId: firstStayId,
    kind: 'complaint',
    category: 'noise',
    severity: 'serious',
    department: 'housekeeping',
    description,
    raisedFrom: 'desk',
  })
  s.call(manager, 'recovery.step', {
    caseId: raised.id,
    step: 'promise',
    outOfOrderReason: 'Promised at once to calm the guest.',
    promise: { text: promiseText, dueDate: '2026-12-02', department: 'front_office' },
  })
  if (options.keep) s.call(manager, 'recovery.keepPromise', { caseId: raised.id })
  await s.at('2026-12-01T20:00:05Z').tick() // night audit: business date 12-02
  s.at('2026-12-02T02:00:00Z').call(hotel.desk, 'stay.checkOut', { stayId: firstStayId })
  return { s, hotel, manager, guestId, firstStayId, caseId: raised.id }
}

const promptsOf = (w: World, stayId: number) => w.s.call<PromptView[]>(w.manager, 'prompt.ofStay', { stayId })
const ruleId = (w: World, key: string) => (w.s.core.sqlite.prepare('SELECT id FROM rule WHERE key = ?').get(key) as { id: number }).id
const byRule = (w: World, stayId: number, key: string) => {
  const id = ruleId(w, key)
  return w.s.core.sqlite.prepare("SELECT * FROM prompt WHERE stay_id = ? AND rule_id = ? AND status <> 'cancelled' ORDER BY id").all(stayId, id) as {
    id: number
    department_code: string
    trigger: string
    kind: string
    text_en: string
    text_zh: string
    dedupe_key: string
  }[]
}
const summaryOf = (list: StaySummary[], stayId: number) => list.find((x) => x.stayId === stayId)!

describe('the next stay remembers an open promise and a problem last time', () => {
  it('booked and checked in at the desk: the promise comes back once (at the booking), "last time" at check-in, and the lists carry the flags', async () => {
    const w = await earlierStayWithPromise()
    const { stayId } = w.s.call(w.hotel.desk, 'stay.reserve', { guestId: w.guestId, arrival: '2026-12-03', departure: '2026-12-05', party: 1 })
    // At the booking: the front office must choose the quiet room before the guest is in it.
    const atBooking = byRule(w, stayId, 'builtin-recovery-open-promise')
    expect(atBooking).toHaveLength(1)
    expect(atBooking[0]).toMatchObject({ department_code: 'front_office', trigger: 'recovery', kind: 'task' })
    expect(atBooking[0].text_en).toContain(`last time: ${promiseText}. Make sure it is kept this stay.`)
    expect(atBooking[0].text_zh).toContain(`上次我们向`)
    expect(atBooking[0].text_zh).toContain(promiseText)
    expect(byRule(w, stayId, 'builtin-recovery-last-time')).toHaveLength(0)

    await w.s.at('2026-12-02T20:00:05Z').tick() // business date 12-03
    const arrivals = w.s.at('2026-12-03T06:00:00Z').call<StaySummary[]>(w.hotel.desk, 'stay.arrivals', {})
    expect(summaryOf(arrivals, stayId).recovery).toEqual({ pastCases: 1, openPromises: 1 })
    const checkIn = w.s.call(w.hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' })
    // The open promise is not made twice; "last time" goes to housekeeping, the department concerned.
    expect(byRule(w, stayId, 'builtin-recovery-open-promise')).toHaveLength(1)
    const lastTime = byRule(w, stayId, 'builtin-recovery-last-time')
    expect(lastTime).toHaveLength(1)
    expect(lastTime[0]).toMatchObject({ department_code: 'housekeeping', kind: 'standing', trigger: 'recovery' })
    expect(lastTime[0].text_en).toMatch(/\(room 1002\) had a problem with noise last time\. Take extra care this stay\.$/)
    expect(lastTime[0].text_zh).toContain('1002房）上次入住时在噪音方面遇到过问题')
    expect(checkIn.prompts.map((p: PromptView) => p.id)).toContain(lastTime[0].id)

    // Least knowledge: the housekeeper's board shows the instruction, never what the complaint said.
    const board = w.s.call(w.hotel.housekeeper, 'prompt.board', { department: 'housekeeping' })
    const cards = (Array.isArray(board) ? board : board.prompts) as PromptView[]
    const card = cards.find((p) => p.id === lastTime[0].id)!
    expect(card).toBeDefined()
    expect(JSON.stringify(cards)).not.toContain('lift all night')

    const inHouse = w.s.call<StaySummary[]>(w.hotel.desk, 'stay.inHouse', {})
    expect(summaryOf(inHouse, stayId).recovery).toEqual({ pastCases: 1, openPromises: 1 })
    // A guest with no case: no flags.
    const { id: otherGuest } = w.s.call(w.hotel.desk, 'guest.create', { nativeName: '林美华', vip: 0 })
    const { stayId: otherStay } = w.s.call(w.hotel.desk, 'stay.reserve', { guestId: otherGuest, arrival: '2026-12-03', departure: '2026-12-04', party: 1 })
    expect(summaryOf(w.s.call<StaySummary[]>(w.hotel.desk, 'stay.arrivals', {}), otherStay).recovery).toBeNull()
    expect(promptsOf(w, otherStay).filter((p) => p.text.en.includes('last time'))).toHaveLength(0)

    // One statement for the whole list, through the indexes: no stay or case is scanned in full.
    const plan = (w.s.core.sqlite.prepare(`EXPLAIN QUERY PLAN ${recoveryFlagsSql}`).all(JSON.stringify([stayId, otherStay])) as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(plan).toContain('recovery_case_by_guest')
    expect(plan).not.toMatch(/SCAN (s|c|ps|stay|recovery_case)\b/)
  })

  it('the same stay reported by the PMS (arrivals, then in house, twice): the promise once, "last time" once', async () => {
    const w = await earlierStayWithPromise()
    await w.s.at('2026-12-02T20:00:05Z').tick() // business date 12-03
    w.s.at('2026-12-03T06:00:00Z')
    const csv = (room: string, status: string) =>
      Buffer.from(['Conf No,Name,Arrival,Departure,Room,Status,Phone', `9101,HO/KA CHUN MR,2026-12-03,2026-12-05,${room},${status},+853 6612 3456`].join('\n')).toString('base64')
    const pms = async (kind: string, room: string, status: string) => {
      const result = await w.s.core.callAsAsync(w.hotel.admin, 'pms.import', { kind, fileName: `${kind}.csv`, content: csv(room, status) })
      expect(result.ok && (result.value as { status: string }).status).toBe('applied')
    }
    await pms('arrivals', '', 'DUE IN')
    const stayId = (w.s.core.sqlite.prepare("SELECT id FROM stay WHERE pms_confirmation = '9101'").get() as { id: number }).id
    expect(byRule(w, stayId, 'builtin-recovery-open-promise')).toHaveLength(1)
    await pms('in_house', '1002', 'CHECKED IN')
    await pms('in_house', '1002', 'CHECKED IN')
    expect(w.s.core.sqlite.prepare('SELECT status, guest_id FROM stay WHERE id = ?').get(stayId)).toEqual({ status: 'in_house', guest_id: w.guestId })
    expect(byRule(w, stayId, 'builtin-recovery-open-promise')).toHaveLength(1)
    expect(byRule(w, stayId, 'builtin-recovery-last-time')).toHaveLength(1)
    expect(summaryOf(w.s.call<StaySummary[]>(w.hotel.desk, 'stay.inHouse', {}), stayId).recovery).toEqual({ pastCases: 1, openPromises: 1 })
  })

  it('a promise kept is not brought back; the problem last time still is, and the flags say no promise is open', async () => {
    const w = await earlierStayWithPromise({ keep: true })
    const { stayId } = w.s.call(w.hotel.desk, 'stay.reserve', { guestId: w.guestId, arrival: '2026-12-03', departure: '2026-12-05', party: 1 })
    await w.s.at('2026-12-02T20:00:05Z').tick()
    w.s.at('2026-12-03T06:00:00Z').call(w.hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' })
    expect(byRule(w, stayId, 'builtin-recovery-open-promise')).toHaveLength(0)
    expect(byRule(w, stayId, 'builtin-recovery-last-time')).toHaveLength(1)
    expect(summaryOf(w.s.call<StaySummary[]>(w.hotel.desk, 'stay.inHouse', {}), stayId).recovery).toEqual({ pastCases: 1, openPromises: 0 })
  })

  it('a manager who switches the reminder off gets none; department staff never read the lists', async () => {
    const w = await earlierStayWithPromise()
    w.s.call(w.manager, 'rule.setActive', { id: ruleId(w, 'builtin-recovery-open-promise'), active: false })
    const { stayId } = w.s.call(w.hotel.desk, 'stay.reserve', { guestId: w.guestId, arrival: '2026-12-03', departure: '2026-12-05', party: 1 })
    expect(byRule(w, stayId, 'builtin-recovery-open-promise')).toHaveLength(0)
    const refused = w.s.core.callAs(w.hotel.housekeeper, 'stay.arrivals', {})
    expect(refused.ok).toBe(false)
  })
})
