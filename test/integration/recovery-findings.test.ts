import { afterEach, describe, expect, it } from 'vitest'
import type { GuestSearchHit } from '../../electron/core/guests/guest-search'
import type { GuestCard } from '../../electron/core/guests/guest.card'
import type { ObservationView } from '../../electron/core/observations/observation.view'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import type { CaseView } from '../../electron/core/recovery/recovery.types'
import { ClockStore } from '../fixtures/clock-store'
import { recoveryWorld, type RecoveryWorld } from '../fixtures/recovery-world'
import { failure } from '../fixtures/test-store'

/*
 * The newcomer's findings on issue 13 (4, 5, 6a, 6b, 8, 14), each on a real store: a promise
 * made counts as taken and the case resolves while the promise stays a dated task; a lesson says
 * which case it came from; the desk's confirmation-number search opens that booking; the next
 * stay's flag says how the last problem was recovered; the report's return rate is counted on
 * business dates; a promise's kept date is a business date.
 *
 * Hotel in Shanghai (UTC+8), night audit 04:00 (no audit run: the business date is the calendar's
 * less four hours). t0 = 14:00 on 1 December 2026.
 */

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

const t0 = '2026-12-01T06:00:00.000Z'
/** 01:00 on 2 December in Shanghai: still business date 1 December (before the 04:00 night audit). */
const afterMidnight = '2026-12-01T17:00:00.000Z'

type World = RecoveryWorld

const setUp = (): World => recoveryWorld((store = new ClockStore(t0)), '2026-12-02')

function raise(w: World, category = 'noise'): CaseView {
  return w.s.call<CaseView>(w.hotel.desk, 'recovery.raise', {
    stayId: w.stayId, kind: 'complaint', category, severity: 'serious', department: 'housekeeping',
    description: 'The lift woke the guest all night.', raisedFrom: 'desk',
  })
}

/** Steps 1–4 done: apologised, listened, moved to a quiet room, upgraded (500.00 CNY). */
function firstFourSteps(w: World, caseId: number): void {
  w.s.call(w.relations, 'recovery.step', { caseId, step: 'apologise', note: 'Apologised in person.' })
  w.s.call(w.relations, 'recovery.step', { caseId, step: 'listen', note: 'The lift motor hums at night.' })
  w.s.call(w.relations, 'recovery.step', { caseId, step: 'solution', note: 'Moved to 1201 on the quiet side.' })
  w.s.call(w.relations, 'recovery.step', { caseId, step: 'compensation', compensation: { kind: 'upgrade', valueMinor: 50_000 } })
}

const step = (view: CaseView, key: string) => view.steps.find((x) => x.step === key)!
const promptsOfStay = (w: World, stayId: number) => w.s.call<PromptView[]>(w.manager, 'prompt.ofStay', { stayId })
const confirmationOf = (w: World, stayId: number) =>
  (w.s.core.sqlite.prepare('SELECT confirmation_no AS c FROM stay WHERE id = ?').get(stayId) as { c: string }).c

describe('finding 4: a promise made counts as taken', () => {
  it('the follow-up after a made-but-unkept promise needs no reason, the case resolves and closes, and the promise stays a dated task until kept', () => {
    const w = setUp()
    const { s, relations, manager } = w
    const opened = raise(w)
    firstFourSteps(w, opened.id)
    const promised = s.call<CaseView>(relations, 'recovery.step', {
      caseId: opened.id, step: 'promise', promise: { text: 'A quiet room on every stay', dueDate: '2026-12-20', department: 'front_office' },
    })
    const promptId = step(promised, 'promise').promise!.promptId!
    expect(promised.status).toBe('open')

    // Following up during the stay: no out-of-order reason asked for, none recorded.
    s.at('2026-12-01T07:00:00.000Z')
    const scheduled = s.call<CaseView>(relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', followUp: { at: '2026-12-01T10:00:00.000Z' }, note: 'Ask how the night was.' })
    expect(step(scheduled, 'follow_up')).toMatchObject({ outOfOrderReason: null, doneAt: null })
    s.at('2026-12-01T10:05:00.000Z')
    const followed = s.call<CaseView>(relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', note: 'Slept well.' })
    expect(step(followed, 'follow_up')).toMatchObject({ outOfOrderReason: null, doneBy: { id: relations.staffId } })

    // Every step taken: resolved, the promise still waiting to be kept and its task still open.
    expect(followed).toMatchObject({ status: 'resolved', resolvedAt: '2026-12-01T10:05:00.000Z', recovered: true })
    expect(step(followed, 'promise')).toMatchObject({ doneAt: null, promise: { keptAt: null } })
    expect(promptsOfStay(w, w.stayId).find((p) => p.id === promptId)?.status).toBe('open')

    // Closing is allowed; the promise's dated task survives the close and the card still lists it as open.
    const closed = s.call<CaseView>(manager, 'recovery.close', { caseId: opened.id })
    expect(closed.status).toBe('closed')
    expect(promptsOfStay(w, w.stayId).find((p) => p.id === promptId)?.status).toBe('open')
    expect(s.call<GuestCard>(w.hotel.desk, 'guest.card', { guestId: w.guestId }).recovery.openPromises.map((p) => p.text)).toEqual(['A quiet room on every stay'])

    // Kept later, on the closed case: recorded, the task done, nothing open any more.
    const kept = s.call<CaseView>(relations, 'recovery.keepPromise', { caseId: opened.id, note: 'Room 1201 again.' })
    expect(step(kept, 'promise')).toMatchObject({ doneBy: { id: relations.staffId }, promise: { keptAt: '2026-12-01T10:05:00.000Z' } })
    expect(promptsOfStay(w, w.stayId).find((p) => p.id === promptId)?.status).toBe('done')
    expect(s.call<GuestCard>(w.hotel.desk, 'guest.card', { guestId: w.guestId }).recovery.openPromises).toEqual([])
    expect(failure(s.core.callAs(relations, 'recovery.keepPromise', { caseId: opened.id })).details).toMatchObject({ issues: [{ path: 'promise' }] })
  })

  it('a promise not yet made still holds the follow-up back, and a case with a step open cannot close', () => {
    const w = setUp()
    const opened = raise(w)
    firstFourSteps(w, opened.id)
    const refused = failure(w.s.core.callAs(w.relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', note: 'Called.' }))
    expect(refused.details).toMatchObject({ issues: [{ path: 'outOfOrderReason' }] })
    expect(failure(w.s.core.callAs(w.manager, 'recovery.close', { caseId: opened.id })).details).toMatchObject({ issues: [{ path: 'steps.promise' }, { path: 'steps.follow_up' }] })
  })

  it('completing the promise task on a board after the case was resolved keeps the promise', () => {
    const w = setUp()
    const opened = raise(w)
    firstFourSteps(w, opened.id)
    const promised = w.s.call<CaseView>(w.relations, 'recovery.step', {
      caseId: opened.id, step: 'promise', promise: { text: 'Fruit basket tomorrow', dueDate: '2026-12-02', department: 'housekeeping' },
    })
    w.s.call(w.relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', note: 'Called the room.' })
    expect(w.s.call<CaseView>(w.relations, 'recovery.get', { caseId: opened.id }).status).toBe('resolved')
    w.s.call(w.hotel.housekeeper, 'prompt.complete', { promptId: step(promised, 'promise').promise!.promptId! })
    expect(step(w.s.call<CaseView>(w.relations, 'recovery.get', { caseId: opened.id }), 'promise')).toMatchObject({ doneBy: { id: w.hotel.housekeeper.staffId }, promise: { keptAt: t0 } })
  })
})

describe('finding 5: a lesson says which case it came from', () => {
  it('the inbox and the card name the case (number, category, business date) and the author\'s own department; another lesson once the first is reviewed', () => {
    const w = setUp()
    const { s, relations } = w
    // Raised at 01:00 on 2 December: business date 1 December.
    s.at(afterMidnight)
    const opened = raise(w, 'noise')
    const suggestion = { category: 'room', code: 'quiet', value: 'yes', strength: 'required' }
    const { observationId } = s.call(relations, 'recovery.proposeLesson', { caseId: opened.id, text: 'Noise sensitive: the quiet side.', suggestion })
    const inbox = s.call<{ observations: ObservationView[] }>(relations, 'observation.inbox', {})
    expect(inbox.observations.find((o) => o.id === observationId)).toMatchObject({
      staffId: relations.staffId, staffDepartment: 'guest_relations', department: 'housekeeping',
      recoveryCase: { id: opened.id, category: 'noise', raisedAt: afterMidnight, raisedOn: '2026-12-01' },
    })
    // One waiting at a time.
    expect(failure(s.core.callAs(relations, 'recovery.proposeLesson', { caseId: opened.id, text: 'Again', suggestion })).details).toMatchObject({ issues: [{ path: 'caseId' }] })

    s.call(relations, 'observation.accept', { observationId, preference: { category: 'room', code: 'quiet', value: 'yes', strength: 'required' } })
    const card = s.call<GuestCard>(w.hotel.desk, 'guest.card', { guestId: w.guestId })
    const quiet = [...card.alerts, ...card.preferences].find((p) => p.category === 'room' && p.code === 'quiet')
    expect(quiet).toMatchObject({
      sourceObservationId: observationId, sourceStaffId: relations.staffId, sourceDepartment: 'guest_relations',
      sourceRecoveryCase: { id: opened.id, category: 'noise', raisedOn: '2026-12-01' },
    })

    // Reviewed: a second lesson from the same case is welcome, and the case points at it.
    const second = s.call<{ observationId: number }>(relations, 'recovery.proposeLesson', {
      caseId: opened.id, text: 'Prefers a high floor.', suggestion: { category: 'room', code: 'floor', value: 'high', strength: 'preferred' },
    })
    expect(second.observationId).not.toBe(observationId)
    expect(s.call<CaseView>(relations, 'recovery.get', { caseId: opened.id }).lessonObservationId).toBe(second.observationId)
    // An ordinary observation has no case.
    expect(s.call<GuestCard>(w.hotel.desk, 'guest.card', { guestId: w.guestId }).preferences.filter((p) => p.sourceObservationId === null).every((p) => p.sourceRecoveryCase === null)).toBe(true)
  })
})

describe('finding 6: the next stay', () => {
  it('(a) the desk finds a new booking by its confirmation number while the guest is in house, and opens that booking', () => {
    const w = setUp()
    const { stayId: next } = w.s.call(w.hotel.desk, 'stay.reserve', { guestId: w.guestId, arrival: '2026-12-10', departure: '2026-12-12', party: 1 })
    const byNew = w.s.call<GuestSearchHit[]>(w.hotel.desk, 'guest.search', { text: confirmationOf(w, next) })
    expect(byNew).toHaveLength(1)
    expect(byNew[0]).toMatchObject({ guestId: w.guestId, matchedBy: 'confirmation', stay: { id: next, status: 'reserved', arrival: '2026-12-10' } })
    // In lower case too; the stay in house by its own number, and by the room.
    expect(w.s.call<GuestSearchHit[]>(w.hotel.desk, 'guest.search', { text: confirmationOf(w, next).toLowerCase() })[0].stay?.id).toBe(next)
    expect(w.s.call<GuestSearchHit[]>(w.hotel.desk, 'guest.search', { text: confirmationOf(w, w.stayId) })[0]).toMatchObject({ matchedBy: 'confirmation', stay: { id: w.stayId, status: 'in_house' } })
    expect(w.s.call<GuestSearchHit[]>(w.hotel.desk, 'guest.search', { text: '1001' })[0]).toMatchObject({ matchedBy: 'room', stay: { id: w.stayId } })
  })

  it('(b) the stay panel\'s data says how the last problem was recovered: the solution and the compensation', () => {
    const w = setUp()
    const opened = raise(w, 'billing')
    firstFourSteps(w, opened.id)
    const skipped = raise(w, 'food')
    w.s.call(w.relations, 'recovery.step', { caseId: skipped.id, step: 'solution', skipped: true, note: 'Nothing to solve.', outOfOrderReason: 'Guest left.' })
    w.s.at('2026-12-01T18:00:00.000Z').call(w.hotel.desk, 'stay.checkOut', { stayId: w.stayId })
    const { stayId: next } = w.s.call(w.hotel.desk, 'stay.reserve', { guestId: w.guestId, arrival: '2026-12-10', departure: '2026-12-12', party: 1 })
    const card = w.s.call<GuestCard>(w.hotel.desk, 'guest.card', { guestId: w.guestId })
    expect(card.recovery.howRecovered).toEqual([
      { caseId: opened.id, solution: 'Moved to 1201 on the quiet side.', compensation: { kind: 'upgrade', valueMinor: 50_000, currency: 'CNY' } },
    ])
    expect(card.recovery.cases.map((c) => c.stayId)).toContain(w.stayId)
    expect(next).not.toBe(w.stayId)
  })
})

describe('finding 8: the recovered cohort on business dates', () => {
  it('a recovered guest who checked out after midnight (before the audit) and came back the same business day counts as returned', () => {
    const w = setUp()
    const { s, relations } = w
    const opened = raise(w)
    firstFourSteps(w, opened.id)
    s.call(relations, 'recovery.step', { caseId: opened.id, step: 'promise', skipped: true, note: 'Nothing to promise.' })
    expect(s.call<CaseView>(relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', note: 'Thanked us.' }).status).toBe('resolved')

    // 01:00 on 2 December (business date 1 December): checks out a day early, books again and is back in.
    s.at(afterMidnight)
    s.call(w.hotel.desk, 'stay.checkOut', { stayId: w.stayId })
    const { stayId: again } = s.call(w.hotel.desk, 'stay.reserve', { guestId: w.guestId, arrival: '2026-12-01', departure: '2026-12-03', party: 1 })
    s.call(w.hotel.desk, 'stay.checkIn', { stayId: again, roomNumber: '1002' })
    // A guest who never complained, departed on the 1st (booked so, checked out at noon) and not back.
    const { id: other } = s.call(w.hotel.desk, 'guest.create', { nativeName: '李雪', romanName: 'LI Xue', vip: 0 })
    s.at('2026-11-30T06:00:00.000Z')
    const { stayId: otherStay } = s.call(w.hotel.desk, 'stay.reserve', { guestId: other, arrival: '2026-11-30', departure: '2026-12-01', party: 1 })
    s.call(w.hotel.desk, 'stay.checkIn', { stayId: otherStay, roomNumber: '1101' })
    s.at('2026-12-01T04:00:00.000Z').call(w.hotel.desk, 'stay.checkOut', { stayId: otherStay })

    s.at(afterMidnight)
    const report = s.call<{ returnRates: Record<string, { guests: number; returned: number; pct: number | null }> }>(w.manager, 'report.recovery', { from: '2026-11-25', to: '2026-12-01' })
    expect(report.returnRates.recovered).toMatchObject({ guests: 1, returned: 1 })
    expect(report.returnRates.recovered.pct).toBeCloseTo(100)
    expect(report.returnRates.all).toMatchObject({ guests: 2, returned: 1 })
    expect(report.returnRates.neverComplained).toMatchObject({ guests: 1, returned: 0 })
    // The range ending the day before: the guest had not left yet by business date.
    const before = s.call<{ returnRates: Record<string, { guests: number }> }>(w.manager, 'report.recovery', { from: '2026-11-25', to: '2026-11-30' })
    expect(before.returnRates.recovered.guests).toBe(0)
  })
})

describe('finding 14: kept dates are business dates', () => {
  it('a promise due on 1 December and kept at 01:00 on 2 December was kept on business date 1 December', () => {
    const w = setUp()
    const opened = raise(w)
    const promised = w.s.call<CaseView>(w.relations, 'recovery.step', {
      caseId: opened.id, step: 'promise', promise: { text: 'Extra pillows tonight', dueDate: '2026-12-01', department: 'housekeeping' }, outOfOrderReason: 'Promised at once.',
    })
    expect(step(promised, 'promise').promise).toMatchObject({ keptAt: null, keptOn: null })
    w.s.at(afterMidnight)
    const kept = w.s.call<CaseView>(w.relations, 'recovery.keepPromise', { caseId: opened.id })
    expect(step(kept, 'promise').promise).toMatchObject({ dueDate: '2026-12-01', keptAt: afterMidnight, keptOn: '2026-12-01' })
    // After the audit time, the next business date.
    const other = raise(w, 'food')
    w.s.call(w.relations, 'recovery.step', {
      caseId: other.id, step: 'promise', promise: { text: 'Breakfast in the room', dueDate: '2026-12-02', department: 'housekeeping' }, outOfOrderReason: 'Promised at once.',
    })
    w.s.at('2026-12-01T20:30:00.000Z')
    expect(step(w.s.call<CaseView>(w.relations, 'recovery.keepPromise', { caseId: other.id }), 'promise').promise).toMatchObject({ keptOn: '2026-12-02' })
  })
})
