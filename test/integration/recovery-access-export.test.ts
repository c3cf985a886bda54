import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { guestAccessRecord } from '../../electron/core/privacy/guest-access-export.repository'
import type { CaseView } from '../../electron/core/recovery/recovery.types'
import { ClockStore, seedHotel } from '../fixtures/clock-store'

/*
 * The right of access (PIPL Art. 45, GDPR Art. 15) includes what went wrong for the guest: their
 * recovery cases with every step (what was promised, the compensation given) and their
 * satisfaction scores. Hotel in Shanghai, t0 = 14:00 on 1 December 2026.
 */

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

describe('the right of access and recovery', () => {
  it('exports the guest’s cases with their six steps, the promise and compensation, and their scores', () => {
    const s = (store = new ClockStore('2026-12-01T06:00:00.000Z'))
    const hotel = seedHotel(s, 'Asia/Shanghai')
    s.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Duty Manager', department: 'front_office', role: 'manager', pin: '123456' })
    const manager: Actor = s.call(null, 'session.signIn', { code: 'mg01', pin: '123456' }).staff
    const { id: guestId } = s.call(hotel.desk, 'guest.create', { nativeName: '何家俊', romanName: 'HO Ka Chun', vip: 0 })
    const { stayId } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-02', party: 1 })
    s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' })
    const raised = s.call<CaseView>(hotel.desk, 'recovery.raise', {
      stayId, kind: 'complaint', category: 'noise', severity: 'serious', department: 'housekeeping', description: 'The lift woke the guest all night.', raisedFrom: 'desk',
    })
    s.call(manager, 'recovery.step', { caseId: raised.id, step: 'apologise', note: 'Apologised at the desk.' })
    s.call(manager, 'recovery.step', { caseId: raised.id, step: 'listen', note: 'Light sleeper.' })
    s.call(manager, 'recovery.step', { caseId: raised.id, step: 'solution', note: 'Moved to a quiet room.' })
    s.call(manager, 'recovery.step', { caseId: raised.id, step: 'compensation', compensation: { kind: 'amenity', valueMinor: 28800 } })
    s.call(manager, 'recovery.step', { caseId: raised.id, step: 'promise', promise: { text: 'A quiet room away from the lift next time', dueDate: '2026-12-05', department: 'front_office' } })
    s.call(hotel.desk, 'satisfaction.record', { stayId, score: 4, comment: 'Better after the move.' })

    const record = guestAccessRecord(s.core.sqlite, guestId) as { recoveryCases: { id: number; description: string; steps: Record<string, unknown>[] }[]; satisfaction: Record<string, unknown>[] }
    expect(record.recoveryCases).toHaveLength(1)
    const [exported] = record.recoveryCases
    expect(exported.description).toBe('The lift woke the guest all night.')
    expect(exported.steps.map((step) => step.step)).toEqual(['apologise', 'listen', 'solution', 'compensation', 'promise', 'follow_up'])
    expect(exported.steps[3]).toMatchObject({ compensation_kind: 'amenity', compensation_minor: 28800 })
    expect(exported.steps[4]).toMatchObject({ promise_text: 'A quiet room away from the lift next time', promise_due_date: '2026-12-05' })
    expect(record.satisfaction).toEqual([expect.objectContaining({ score: 4, comment: 'Better after the move.', stay_id: stayId })])
  })
})
