import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import type { CaseView } from '../../electron/core/recovery/recovery.types'
import { ClockStore, seedHotel } from '../fixtures/clock-store'
import { type SmallHotel } from '../fixtures/test-store'

/*
 * After the stay (issue 13): guest relations call a guest who had a problem, N days after
 * departure at 10:00 hotel time (built-in rule builtin-recovery-post-stay, condition
 * recoveryCase). It fires once through the scheduler's claim, not for a guest without a case,
 * and a manager who changes N on the rules screen moves it.
 */

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

const t0 = '2026-12-01T06:00:00.000Z' // 14:00 in Shanghai, business date 12-01

interface World {
  s: ClockStore
  hotel: SmallHotel
  manager: Actor
  withCase: number
  withoutCase: number
  ruleId: number
}

/** Two guests stay 12-01 → 12-02; one complains. Both leave on 12-02. */
async function twoStays(): Promise<World> {
  const s = (store = new ClockStore(t0))
  const hotel = seedHotel(s, 'Asia/Shanghai')
  s.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Duty Manager', department: 'front_office', role: 'manager', pin: '123456' })
  const manager: Actor = s.call(null, 'session.signIn', { code: 'mg01', pin: '123456' }).staff
  const stay = (nativeName: string, room: string) => {
    const { id: guestId } = s.call(hotel.desk, 'guest.create', { nativeName, vip: 0 })
    const { stayId } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-02', party: 1 })
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: room })
    return stayId as number
  }
  const withCase = stay('何家俊', '1001')
  const withoutCase = stay('林美华', '1002')
  await s.tick()
  s.call<CaseView>(hotel.desk, 'recovery.raise', {
    stayId: withCase,
    kind: 'complaint',
    category: 'billing',
    severity: 'minor',
    department: 'front_office',
    description: 'The minibar was charged twice.',
    raisedFrom: 'desk',
  })
  await s.at('2026-12-01T20:00:05Z').tick() // night audit: business date 12-02
  s.at('2026-12-02T02:00:00Z')
  s.call(hotel.desk, 'stay.checkOut', { stayId: withCase })
  s.call(hotel.desk, 'stay.checkOut', { stayId: withoutCase })
  const ruleId = (s.core.sqlite.prepare("SELECT id FROM rule WHERE key = 'builtin-recovery-post-stay'").get() as { id: number }).id
  return { s, hotel, manager, withCase, withoutCase, ruleId }
}

const fired = (w: World, stayId: number) =>
  w.s.core.sqlite.prepare('SELECT id, department_code, status, scheduled_for, text_en FROM prompt WHERE rule_id = ? AND stay_id = ?').all(w.ruleId, stayId) as {
    id: number
    department_code: string
    status: string
    scheduled_for: string
    text_en: string
  }[]

/** Night audits at 04:00 Shanghai (20:00Z) up to the evening before `date`. */
async function nightsUntil(w: World, lastAuditDay: string): Promise<void> {
  for (let d = Date.parse('2026-12-02T20:00:05Z'); d <= Date.parse(`${lastAuditDay}T20:00:05Z`); d += 86_400_000) await w.s.at(new Date(d).toISOString()).tick()
}

describe('the post-stay follow-up of a guest who had a problem', () => {
  it('is installed for guest relations, 3 days after departure at 10:00, for guests with a case only', async () => {
    const w = await twoStays()
    const rule = w.s.call<{ id: number; trigger: string; offsetDays: number; atTime: string; department: string; conditions: Record<string, unknown> }[]>(w.manager, 'rule.list', {}).find((r) => r.id === w.ruleId)!
    expect(rule).toMatchObject({ trigger: 'post_stay', offsetDays: 3, atTime: '10:00', department: 'guest_relations', conditions: { recoveryCase: true } })
  })

  it('fires once, at 10:00 three days after departure, and not for the guest without a case', async () => {
    const w = await twoStays()
    await nightsUntil(w, '2026-12-04')
    await w.s.at('2026-12-05T01:59:00Z').tick() // 09:59 on 12-05
    expect(fired(w, w.withCase)).toHaveLength(0)
    await w.s.at('2026-12-05T02:00:05Z').tick() // 10:00
    const first = fired(w, w.withCase)
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({ department_code: 'guest_relations', status: 'open', scheduled_for: '2026-12-05T02:00:00.000Z' })
    expect(first[0].text_en).toMatch(/^Call .+, who left on .+: they had a problem during the stay\./)
    await w.s.at('2026-12-05T02:00:30Z').tick()
    await w.s.at('2026-12-05T03:00:00Z').tick()
    w.s.reopen()
    await w.s.at('2026-12-05T03:01:00Z').tick()
    expect(fired(w, w.withCase)).toHaveLength(1)
    expect(fired(w, w.withoutCase)).toHaveLength(0)
  })

  it('a manager who makes it 4 days moves it to the fourth day', async () => {
    const w = await twoStays()
    const rule = w.s.call<Record<string, unknown>[]>(w.manager, 'rule.list', {}).find((r) => r.id === w.ruleId)!
    const { key, kind, trigger, atTime, category, code, value, polarity, conditions, department, priority, ackMinutes, dueMinutes, template } = rule
    w.s.call(w.manager, 'rule.update', { id: w.ruleId, key, kind, trigger, offsetDays: 4, atTime, category, code, value, polarity, conditions, department, priority, ackMinutes, dueMinutes, template })
    await nightsUntil(w, '2026-12-04')
    await w.s.at('2026-12-05T01:59:00Z').tick()
    await w.s.at('2026-12-05T02:00:05Z').tick()
    expect(fired(w, w.withCase)).toHaveLength(0)
    await nightsUntil(w, '2026-12-05')
    await w.s.at('2026-12-06T01:59:00Z').tick()
    await w.s.at('2026-12-06T02:00:05Z').tick()
    await w.s.at('2026-12-06T02:00:30Z').tick()
    expect(fired(w, w.withCase)).toEqual([expect.objectContaining({ scheduled_for: '2026-12-06T02:00:00.000Z' })])
    expect(fired(w, w.withoutCase)).toHaveLength(0)
  })
})
