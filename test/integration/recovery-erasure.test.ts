import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import type { CaseView } from '../../electron/core/recovery/recovery.types'
import { ClockStore, seedHotel } from '../fixtures/clock-store'

/*
 * Erasure (issue 13): anonymising a guest scrubs the words of their recovery cases and
 * satisfaction records (a description names the guest; notes and promises may too) and keeps
 * what the reports count: category, severity, department, dates, compensation, scores.
 */

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

const texts = (s: ClockStore, guestId: number) =>
  JSON.stringify([
    s.core.sqlite.prepare('SELECT description FROM recovery_case WHERE guest_id = ?').all(guestId),
    s.core.sqlite.prepare('SELECT note, promise_text, out_of_order_reason FROM recovery_step WHERE case_id IN (SELECT id FROM recovery_case WHERE guest_id = ?)').all(guestId),
    s.core.sqlite.prepare('SELECT comment FROM satisfaction WHERE guest_id = ?').all(guestId),
  ])

describe('erasing a guest with recovery cases', () => {
  it('removes the guest’s name from cases, steps, promises and satisfaction comments; keeps the statistics; another guest’s case is untouched', async () => {
    const s = (store = new ClockStore('2026-12-01T06:00:00.000Z'))
    const hotel = seedHotel(s, 'Asia/Shanghai')
    s.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Duty Manager', department: 'front_office', role: 'manager', pin: '123456' })
    const manager: Actor = s.call(null, 'session.signIn', { code: 'mg01', pin: '123456' }).staff
    const stayOf = (nativeName: string, romanName: string, room: string) => {
      const { id: guestId } = s.call(hotel.desk, 'guest.create', { nativeName, romanName, vip: 0 })
      const { stayId } = s.call(hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-02', party: 1 })
      s.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: room })
      return { guestId: guestId as number, stayId: stayId as number }
    }
    const ho = stayOf('何家俊', 'HO Ka Chun', '1001')
    const lin = stayOf('林美华', 'LIN Meihua', '1002')
    await s.tick()
    const raise = (stayId: number, description: string) =>
      s.call<CaseView>(hotel.desk, 'recovery.raise', { stayId, kind: 'complaint', category: 'noise', severity: 'serious', department: 'housekeeping', description, raisedFrom: 'desk' })
    const hoCase = raise(ho.stayId, '何家俊 (HO Ka Chun) was kept awake by the lift.')
    const linCase = raise(lin.stayId, '林美华 was kept awake by the party next door.')
    s.call(manager, 'recovery.step', { caseId: hoCase.id, step: 'apologise', note: 'Apologised to Mr HO Ka Chun in person.' })
    s.call(manager, 'recovery.step', { caseId: hoCase.id, step: 'compensation', outOfOrderReason: 'HO Ka Chun asked for it at once.', compensation: { kind: 'discount', valueMinor: 30000 } })
    s.call(manager, 'recovery.step', { caseId: hoCase.id, step: 'promise', outOfOrderReason: 'Promised straight away.', promise: { text: 'a quiet room for 何家俊 next time', dueDate: '2026-12-02', department: 'front_office' } })
    s.call(hotel.desk, 'satisfaction.record', { stayId: ho.stayId, score: 4, comment: '何家俊 said the apology was sincere.' })
    await s.at('2026-12-01T20:00:05Z').tick()
    s.at('2026-12-02T02:00:00Z')
    s.call(hotel.desk, 'stay.checkOut', { stayId: ho.stayId })
    expect(texts(s, ho.guestId)).toContain('何家俊')
    expect(texts(s, ho.guestId)).toContain('HO Ka Chun')

    s.call(manager, 'guest.erase', { guestId: ho.guestId, reason: 'guest_request' })

    const after = texts(s, ho.guestId)
    expect(after).not.toContain('何家俊')
    expect(after).not.toContain('HO Ka Chun')
    expect(after).not.toContain('lift')
    // What the reports count stays: the case, its category and department, the compensation, the score, the dates.
    expect(s.core.sqlite.prepare('SELECT category, severity, department_code, raised_at IS NOT NULL AS dated FROM recovery_case WHERE id = ?').get(hoCase.id)).toEqual({
      category: 'noise',
      severity: 'serious',
      department_code: 'housekeeping',
      dated: 1,
    })
    expect(s.core.sqlite.prepare("SELECT compensation_kind, compensation_minor, done_at IS NOT NULL AS done FROM recovery_step WHERE case_id = ? AND step = 'compensation'").get(hoCase.id)).toEqual({
      compensation_kind: 'discount',
      compensation_minor: 30000,
      done: 1,
    })
    expect(s.core.sqlite.prepare('SELECT score, comment FROM satisfaction WHERE guest_id = ?').get(ho.guestId)).toEqual({ score: 4, comment: null })
    // A promise was made (the reports may count it); its words are gone. Erased guests get no reminders.
    expect(s.core.sqlite.prepare("SELECT promise_text FROM recovery_step WHERE case_id = ? AND step = 'promise'").get(hoCase.id)).toEqual({ promise_text: '' })
    // Another guest's case keeps its words.
    expect(texts(s, lin.guestId)).toContain('林美华 was kept awake by the party next door.')
    expect(s.call<CaseView>(manager, 'recovery.get', { caseId: linCase.id }).description).toBe('林美华 was kept awake by the party next door.')
  })
})
