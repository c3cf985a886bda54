import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import type { CaseView } from '../../electron/core/recovery/recovery.types'
import { ClockStore } from '../fixtures/clock-store'
import { recoveryWorld, type RecoveryWorld } from '../fixtures/recovery-world'
import { failure } from '../fixtures/test-store'

/*
 * The fixes of the attack on issue 13 that recovery-attacks.test.ts does not prove: the kind of
 * each fault, not only its case (a step's prompt in one place, strict inputs, discretion in every
 * list, words of any length, money per currency).
 */

let store: ClockStore | undefined
afterEach(() => {
  store?.cleanup()
  store = undefined
})

// 14:00 in Shanghai on 1 December 2026 (business date 2026-12-01, night audit 04:00).
const t0 = '2026-12-01T06:00:00.000Z'
const minutes = (iso: string, n: number) => new Date(Date.parse(iso) + n * 60_000).toISOString()

type World = RecoveryWorld

const setUp = (): World => recoveryWorld((store = new ClockStore(t0)))

const raiseInput = (w: World, extra: Record<string, unknown> = {}) => ({
  stayId: w.stayId, kind: 'complaint', category: 'noise', severity: 'serious', department: 'housekeeping',
  description: 'The lift woke the guest all night.', raisedFrom: 'desk', ...extra,
})
const raise = (w: World, extra: Record<string, unknown> = {}) => w.s.call<CaseView>(w.hotel.desk, 'recovery.raise', raiseInput(w, extra))
const count = (w: World, table: string) => (w.s.core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const promptStatus = (w: World, id: number) => (w.s.core.sqlite.prepare('SELECT status FROM prompt WHERE id = ?').get(id) as { status: string }).status
const issuePath = (details: unknown) => (details as { issues: { path: string }[] }).issues[0].path
const step = (view: CaseView, key: string) => view.steps.find((x) => x.step === key)!

describe('recovery fixes: raising', () => {
  it('a double tap answers the case already opened; two minutes later, or other words, open another', () => {
    const w = setUp()
    const first = raise(w)
    const again = raise(w)
    expect(again.id).toBe(first.id)
    expect(count(w, 'recovery_case')).toBe(1)
    expect(raise(w, { description: 'Also the minibar was empty.' }).id).not.toBe(first.id)
    w.s.at(minutes(t0, 3))
    expect(raise(w).id).not.toBe(first.id)
    expect(count(w, 'recovery_case')).toBe(3)
  })

  it('a department attendant double-tapping gets the same room-only answer, one case', () => {
    const w = setUp()
    const input = { roomNumber: '1001', kind: 'incident', category: 'food', severity: 'minor', department: 'restaurant', description: '没吃', raisedFrom: 'board' }
    const a = w.s.call(w.hotel.cook, 'recovery.raise', input)
    const b = w.s.call(w.hotel.cook, 'recovery.raise', input)
    expect(b).toEqual(a)
    expect(Object.keys(b).sort()).toEqual(['category', 'id', 'roomNumber', 'severity', 'status'])
    expect(count(w, 'recovery_case')).toBe(1)
  })
})

describe('recovery fixes: words of any length', () => {
  it('a short reason out of order and a short lesson are accepted; blank ones are refused by field', () => {
    const w = setUp()
    const opened = raise(w)
    w.s.call(w.relations, 'recovery.step', { caseId: opened.id, step: 'listen', outOfOrderReason: '急' })
    expect(issuePath(failure(w.hotel.call(w.relations, 'recovery.step', { caseId: opened.id, step: 'solution', outOfOrderReason: '   ' })).details)).toBe('outOfOrderReason')
    expect(issuePath(failure(w.hotel.call(w.hotel.desk, 'recovery.raise', raiseInput(w, { description: '  ' }))).details)).toBe('description')
    const lesson = w.hotel.call(w.relations, 'recovery.proposeLesson', { caseId: opened.id, text: '怕吵', suggestion: { category: 'room', code: 'quiet', value: 'yes' } })
    expect(lesson.ok).toBe(true)
  })
})

describe('recovery fixes: a step’s prompt in one place', () => {
  it('a follow-up recorded as made without a new time completes its scheduled prompt', () => {
    const w = setUp()
    const opened = raise(w)
    const scheduled = w.s.call<CaseView>(w.relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', followUp: { at: minutes(t0, 120) }, outOfOrderReason: 'Call tonight.' })
    const promptId = step(scheduled, 'follow_up').followUp!.promptId!
    const done = w.s.call<CaseView>(w.relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', note: 'Called: all well.', outOfOrderReason: 'Call tonight.' })
    expect(step(done, 'follow_up').doneAt).not.toBeNull()
    expect(promptStatus(w, promptId)).toBe('done')
  })

  it('moving a follow-up back to its first time makes a prompt again (the withdrawn one frees its slot)', () => {
    const w = setUp()
    const opened = raise(w)
    const at1 = minutes(t0, 120)
    const at2 = minutes(t0, 240)
    const a = w.s.call<CaseView>(w.relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', followUp: { at: at1 }, outOfOrderReason: 'x' })
    w.s.call(w.relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', followUp: { at: at2 }, outOfOrderReason: 'x' })
    const c = w.s.call<CaseView>(w.relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', followUp: { at: at1 }, outOfOrderReason: 'x' })
    expect(step(c, 'follow_up').followUp).toMatchObject({ at: at1, promptStatus: 'open' })
    expect(step(c, 'follow_up').followUp!.promptId).not.toBe(step(a, 'follow_up').followUp!.promptId)
    expect(promptStatus(w, step(a, 'follow_up').followUp!.promptId!)).toBe('cancelled')
  })

  it('completing the first-response prompt on a board does the apologise step by that staff member', () => {
    const w = setUp()
    const opened = raise(w)
    const first = w.s.core.sqlite.prepare('SELECT id FROM prompt WHERE dedupe_key = ?').get(`recovery:${opened.id}:first_response`) as { id: number }
    w.s.at(minutes(t0, 5))
    w.s.call(w.relations, 'prompt.complete', { promptId: first.id })
    const view = w.s.call<CaseView>(w.relations, 'recovery.get', { caseId: opened.id })
    expect(view).toMatchObject({ firstRespondedAt: minutes(t0, 5), firstResponseLate: false, stepsDone: 1 })
    expect(step(view, 'apologise')).toMatchObject({ doneBy: { id: w.relations.staffId }, skipped: false })
    // Recording apologise again is refused by name: it is done.
    expect(issuePath(failure(w.hotel.call(w.relations, 'recovery.step', { caseId: opened.id, step: 'apologise' })).details)).toBe('step')
  })
})

describe('recovery fixes: money per currency', () => {
  it('the absurd maximum is one hundred thousand in the major unit of the hotel’s currency', () => {
    const w = setUp()
    const opened = raise(w)
    const tooMuch = failure(w.hotel.call(w.relations, 'recovery.step', { caseId: opened.id, step: 'compensation', outOfOrderReason: 'x', compensation: { kind: 'refund', valueMinor: 10_000_001 } }))
    expect(issuePath(tooMuch.details)).toBe('compensation.valueMinor')
    // Yen have no minor unit: 100,000 yen is the most, 100,001 is absurd.
    w.s.call(w.hotel.admin, 'hotel.setCurrency', { currency: 'JPY' })
    expect(issuePath(failure(w.hotel.call(w.relations, 'recovery.step', { caseId: opened.id, step: 'compensation', outOfOrderReason: 'x', compensation: { kind: 'refund', valueMinor: 100_001 } })).details)).toBe('compensation.valueMinor')
    const given = w.s.call<CaseView>(w.relations, 'recovery.step', { caseId: opened.id, step: 'compensation', outOfOrderReason: 'x', compensation: { kind: 'refund', valueMinor: 100_000 } })
    expect(step(given, 'compensation').compensation).toEqual({ kind: 'refund', valueMinor: 100_000, currency: 'JPY' })
    // Now locked.
    expect(issuePath(failure(w.hotel.call(w.hotel.admin, 'hotel.setCurrency', { currency: 'CNY' })).details)).toBe('currency')
  })
})

describe('recovery fixes: strict inputs and discretion', () => {
  it('every issue-13 query refuses an unknown field by name', () => {
    const w = setUp()
    const opened = raise(w)
    const cases: [Actor, string, Record<string, unknown>][] = [
      [w.manager, 'hotel.currency', { verbose: true }],
      [w.relations, 'recovery.list', { status: 'all', sort: 'x' }],
      [w.relations, 'recovery.get', { caseId: opened.id, full: true }],
      [w.relations, 'satisfaction.record', { stayId: w.stayId, score: 4, stars: 4 }],
    ]
    for (const [actor, name, input] of cases) {
      const refused = failure(w.hotel.call(actor, name, input))
      expect([name, refused.code]).toEqual([name, 'VALIDATION'])
    }
  })

  it('the desk’s list of all cases leaves out a restricted guest’s case; the desk may not score that guest', () => {
    const w = setUp()
    const opened = raise(w, { description: 'Guest shouted at the night manager' })
    w.s.call(w.hotel.admin, 'guest.update', { guestId: w.guestId, fields: { restricted: true, restrictionNote: 'Security' } })
    const deskList = w.s.call<{ cases: CaseView[] }>(w.hotel.desk, 'recovery.list', { status: 'all' })
    expect(deskList.cases.map((c) => c.id)).not.toContain(opened.id)
    expect(JSON.stringify(deskList)).not.toContain('shouted')
    expect(w.s.call<{ cases: CaseView[] }>(w.relations, 'recovery.list', { status: 'all' }).cases.map((c) => c.id)).toContain(opened.id)
    const before = count(w, 'satisfaction')
    expect(failure(w.hotel.call(w.hotel.desk, 'satisfaction.record', { stayId: w.stayId, score: 2 })).code).toBe('GUEST_RESTRICTED')
    expect(count(w, 'satisfaction')).toBe(before)
    expect(w.hotel.call(w.relations, 'satisfaction.record', { stayId: w.stayId, score: 2 }).ok).toBe(true)
  })
})

describe('recovery fixes: lessons and imports', () => {
  it('a lesson’s category and code must be words of the preference vocabulary, refused by field', () => {
    const w = setUp()
    const opened = raise(w)
    const bad = (suggestion: Record<string, unknown>) => failure(w.hotel.call(w.relations, 'recovery.proposeLesson', { caseId: opened.id, text: 'Quiet side', suggestion }))
    expect(issuePath(bad({ category: 'nonsense', code: 'quiet', value: 'yes' }).details)).toBe('suggestion.category')
    expect(issuePath(bad({ category: 'room', code: 'nonsense', value: 'yes' }).details)).toBe('suggestion.code')
    expect(count(w, 'observation')).toBe(0)
  })

  it('a survey file over 2 MB is refused with one issue, not the same one twice', () => {
    const w = setUp()
    const refused = failure(w.hotel.call(w.manager, 'satisfaction.import', { fileName: 'big.csv', csv: 'stay,score\n' + 'x'.repeat(5 * 1024 * 1024) }))
    expect(refused.code).toBe('VALIDATION')
    expect((refused.details as { issues: unknown[] }).issues).toHaveLength(1)
  })
})
