import { afterEach, describe, expect, it } from 'vitest'
import type { GuestCard } from '../../electron/core/guests/guest.card'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import type { CaseView } from '../../electron/core/recovery/recovery.types'
import { ClockStore } from '../fixtures/clock-store'
import { recoveryWorld, type RecoveryWorld } from '../fixtures/recovery-world'
import { failure } from '../fixtures/test-store'

/*
 * Complaints and the six-step recovery (issue 13), on a real store with the scheduler's
 * escalation slice: a noise complaint worked to the end, bad input refused with the field named
 * and nothing saved, the lesson accepted into the card, and least knowledge for department staff.
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

const raise = (w: World, extra: Record<string, unknown> = {}) =>
  w.s.core.callAs(w.hotel.desk, 'recovery.raise', {
    stayId: w.stayId,
    kind: 'complaint',
    category: 'noise',
    severity: 'serious',
    department: 'housekeeping',
    description: 'The lift woke the guest all night.',
    raisedFrom: 'desk',
    ...extra,
  })

const count = (w: World, table: string) => (w.s.core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const promptOf = (w: World, id: number) => w.s.call<PromptView[]>(w.manager, 'prompt.ofStay', { stayId: w.stayId }).find((p) => p.id === id)!
const step = (view: CaseView, key: string) => view.steps.find((s) => s.step === key)!

describe('a recovery case through the six steps', () => {
  it('escalates a missed first response, records compensation, keeps the promise and follows up on the boards, and resolves', async () => {
    const w = setUp()
    const { s, hotel, relations, manager } = w
    const opened = s.call<CaseView>(hotel.desk, 'recovery.raise', {
      stayId: w.stayId, kind: 'complaint', category: 'noise', severity: 'serious', department: 'housekeeping',
      description: 'The lift woke the guest all night.', raisedFrom: 'desk',
    })
    expect(opened).toMatchObject({
      status: 'open', stepsDone: 0, roomNumber: '1001', guestName: { native: '何家俊', latin: 'HO Ka Chun' }, owner: null,
      firstResponseDueAt: minutes(t0, 15), resolutionDueAt: minutes(t0, 24 * 60), firstRespondedAt: null, firstResponseLate: false, currency: 'CNY',
    })
    expect(opened.steps.map((x) => [x.step, x.position, x.doneAt])).toEqual([
      ['apologise', 1, null], ['listen', 2, null], ['solution', 3, null], ['compensation', 4, null], ['promise', 5, null], ['follow_up', 6, null],
    ])
    // The first response is a prompt on guest relations' board, promised within 15 minutes.
    const board = s.call<PromptView[]>(relations, 'prompt.board', { department: 'guest_relations' })
    const first = board.find((p) => p.trigger === 'recovery')!
    expect(first).toMatchObject({ kind: 'task', priority: 'high', escalateAt: minutes(t0, 15), status: 'open' })
    expect(first.text.en).toContain('The lift woke the guest all night.')
    await s.tick()

    // Nobody answers: past the promise the scheduler's escalation slice escalates it.
    s.events = []
    const report = await s.at(minutes(t0, 16)).tick()
    expect(report.escalated).toBeGreaterThanOrEqual(1)
    expect(s.events.some((e) => e.name === 'prompt.escalated' && (e.payload as { prompt: PromptView }).prompt.id === first.id)).toBe(true)
    expect(s.call<CaseView>(relations, 'recovery.get', { caseId: opened.id }).firstResponseLate).toBe(true)
    expect(s.call<{ cases: CaseView[] }>(relations, 'recovery.list', {}).cases[0]).toMatchObject({ id: opened.id, firstResponseLate: true })

    s.call(manager, 'recovery.assign', { caseId: opened.id, ownerId: relations.staffId })
    s.at(minutes(t0, 20))
    const apologised = s.call<CaseView>(relations, 'recovery.step', { caseId: opened.id, step: 'apologise', note: 'Apologised in person.' })
    expect(apologised).toMatchObject({ owner: { id: relations.staffId }, firstRespondedAt: minutes(t0, 20), firstResponseLate: true, stepsDone: 1 })
    expect(step(apologised, 'apologise')).toMatchObject({ doneBy: { id: relations.staffId, name: 'Guest Relations' }, note: 'Apologised in person.' })
    expect(promptOf(w, first.id).status).toBe('done')

    s.call(relations, 'recovery.step', { caseId: opened.id, step: 'listen', note: 'The lift motor hums at night.' })
    s.call(relations, 'recovery.step', { caseId: opened.id, step: 'solution', note: 'Move to 1201 on the quiet side.' })
    const compensated = s.call<CaseView>(relations, 'recovery.step', { caseId: opened.id, step: 'compensation', compensation: { kind: 'upgrade', valueMinor: 50_000 } })
    expect(step(compensated, 'compensation').compensation).toEqual({ kind: 'upgrade', valueMinor: 50_000, currency: 'CNY' })

    // The promise: a dated task for housekeeping, due at the end of 2 December (04:00 on the 3rd, Shanghai).
    const promised = s.call<CaseView>(relations, 'recovery.step', {
      caseId: opened.id, step: 'promise', promise: { text: 'A quiet room away from the lift', dueDate: '2026-12-02', department: 'housekeeping' },
    })
    const promise = step(promised, 'promise')
    expect(promise).toMatchObject({ doneAt: null, promise: { text: 'A quiet room away from the lift', dueDate: '2026-12-02', department: 'housekeeping', keptAt: null } })
    const promisePrompt = promptOf(w, promise.promise!.promptId!)
    expect(promisePrompt).toMatchObject({ department: 'housekeeping', trigger: 'recovery', dueAt: '2026-12-02T20:00:00.000Z', status: 'open' })
    expect(promisePrompt.text.en).toContain('A quiet room away from the lift')
    // The housekeeper completes it on the board: the promise is kept.
    s.call(hotel.housekeeper, 'prompt.complete', { promptId: promisePrompt.id })
    const kept = s.call<CaseView>(relations, 'recovery.get', { caseId: opened.id })
    expect(step(kept, 'promise')).toMatchObject({ doneBy: { id: hotel.housekeeper.staffId }, promise: { keptAt: minutes(t0, 20) } })
    expect(kept.status).toBe('open')

    // The follow-up: a prompt to guest relations at the time set; done when that prompt is.
    const followAt = minutes(t0, 6 * 60)
    const following = s.call<CaseView>(relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', followUp: { at: followAt }, note: 'Ask how the new room was.' })
    const followUp = step(following, 'follow_up')
    expect(followUp).toMatchObject({ doneAt: null, followUp: { at: followAt, promptStatus: 'open' } })
    expect(promptOf(w, followUp.followUp!.promptId!)).toMatchObject({ department: 'guest_relations', dueAt: followAt, trigger: 'recovery' })
    s.at(minutes(t0, 6 * 60 + 5))
    s.call(relations, 'prompt.complete', { promptId: followUp.followUp!.promptId! })
    const resolved = s.call<CaseView>(relations, 'recovery.get', { caseId: opened.id })
    expect(resolved).toMatchObject({ status: 'resolved', recovered: true, stepsDone: 6, resolvedAt: minutes(t0, 6 * 60 + 5) })
    expect(step(resolved, 'follow_up').followUp!.promptStatus).toBe('done')

    const closed = s.call<CaseView>(manager, 'recovery.close', { caseId: opened.id })
    expect(closed).toMatchObject({ status: 'closed', recovered: true })
    expect(failure(s.core.callAs(relations, 'recovery.step', { caseId: opened.id, step: 'listen' })).details).toMatchObject({ issues: [{ path: 'caseId' }] })
  })

  it('refuses bad input naming the field, and saves nothing', () => {
    const w = setUp()
    const { s, hotel, relations } = w
    const cases = count(w, 'recovery_case')
    const steps = count(w, 'recovery_step')
    const prompts = count(w, 'prompt')
    const path = (r: ReturnType<typeof raise>) => {
      const error = failure(r)
      expect(error.code).toBe('VALIDATION')
      return (error.details as { issues: { path: string }[] }).issues[0].path
    }

    // No stay; a stay of another guest; a booking cancelled; a room nobody is in.
    expect(path(raise(w, { stayId: undefined }))).toBe('stayId')
    const { id: otherGuest } = s.call(hotel.desk, 'guest.create', { nativeName: '林美华', vip: 0 })
    expect(path(raise(w, { guestId: otherGuest }))).toBe('guestId')
    const { stayId: cancelled } = s.call(hotel.desk, 'stay.reserve', { guestId: otherGuest, arrival: '2026-12-05', departure: '2026-12-06', party: 1 })
    s.call(hotel.desk, 'stay.cancel', { stayId: cancelled })
    expect(path(raise(w, { stayId: cancelled, guestId: otherGuest }))).toBe('stayId')
    expect(path(raise(w, { stayId: undefined, roomNumber: '1218' }))).toBe('roomNumber')
    expect(path(raise(w, { description: '  ' }))).toBe('description')
    expect(path(raise(w, { department: 'spa' }))).toBe('department')
    expect([count(w, 'recovery_case'), count(w, 'recovery_step'), count(w, 'prompt')]).toEqual([cases, steps, prompts])

    const opened = s.call<CaseView>(hotel.desk, 'recovery.raise', {
      stayId: w.stayId, category: 'food', department: 'restaurant', description: 'Frowned at the dish and did not eat it.', kind: 'incident', raisedFrom: 'desk',
    })
    const stepFails = (input: Record<string, unknown>) => {
      const error = failure(s.core.callAs(relations, 'recovery.step', { caseId: opened.id, ...input }))
      expect(error.code).toBe('VALIDATION')
      return error as unknown as { message: string; details: { issues: { path: string; message: string }[] } }
    }
    const promptsBefore = count(w, 'prompt')

    // Out of order without a reason: refused, naming the reason and the step that comes first.
    const order = stepFails({ step: 'solution', note: 'Replace the dish.' })
    expect(order.details.issues[0]).toEqual({ path: 'outOfOrderReason', message: 'Step 1 comes before step 3; say why you are doing it first.' })
    // Negative and absurd compensation.
    expect(stepFails({ step: 'compensation', compensation: { kind: 'meal', valueMinor: -100 } }).details.issues[0].path).toBe('compensation.valueMinor')
    expect(stepFails({ step: 'compensation', compensation: { kind: 'meal', valueMinor: 10_000_001 }, outOfOrderReason: 'Chef offered at once.' }).details.issues[0].path).toBe('compensation.valueMinor')
    expect(stepFails({ step: 'compensation', compensation: { kind: 'meal', valueMinor: 12.5 }, outOfOrderReason: 'Chef offered at once.' }).details.issues[0].path).toBe('compensation.valueMinor')
    // A follow-up in the past, and a promise due yesterday.
    s.call(relations, 'recovery.step', { caseId: opened.id, step: 'apologise' })
    s.call(relations, 'recovery.step', { caseId: opened.id, step: 'listen' })
    const undoSteps = JSON.stringify(s.call<CaseView>(relations, 'recovery.get', { caseId: opened.id }).steps.slice(2))
    const past = stepFails({ step: 'follow_up', followUp: { at: minutes(t0, -60) }, outOfOrderReason: 'Checking tonight.' })
    expect(past.details.issues[0]).toEqual({ path: 'followUp.at', message: 'A follow-up cannot be in the past.' })
    expect(stepFails({ step: 'promise', promise: { text: 'A new dish', dueDate: '2026-11-30', department: 'restaurant' }, outOfOrderReason: 'Chef promised.' }).details.issues[0].path).toBe('promise.dueDate')
    // A skipped step needs its reason; a step of another's fields is refused by name.
    expect(stepFails({ step: 'solution', skipped: true }).details.issues[0].path).toBe('note')
    expect(stepFails({ step: 'solution', compensation: { kind: 'meal', valueMinor: 100 } }).details.issues[0].path).toBe('compensation')
    expect(JSON.stringify(s.call<CaseView>(relations, 'recovery.get', { caseId: opened.id }).steps.slice(2))).toBe(undoSteps)
    expect(count(w, 'prompt')).toBe(promptsBefore)

    // With a reason, a step out of order is accepted and the reason kept.
    const early = s.call<CaseView>(relations, 'recovery.step', { caseId: opened.id, step: 'compensation', compensation: { kind: 'meal', valueMinor: 8800 }, outOfOrderReason: 'The chef sent a dessert at once.' })
    expect(step(early, 'compensation')).toMatchObject({ outOfOrderReason: 'The chef sent a dessert at once.', compensation: { kind: 'meal', valueMinor: 8800 } })
    // A step is done once; a case is closed only when resolved, naming the open steps.
    expect(stepFails({ step: 'compensation', compensation: { kind: 'meal', valueMinor: 1 } }).details.issues[0].path).toBe('step')
    const close = failure(s.core.callAs(relations, 'recovery.close', { caseId: opened.id }))
    expect((close.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['steps.solution', 'steps.promise', 'steps.follow_up'])
  })
})

describe('what was learned, who may do what', () => {
  it('a lesson proposed from the case is reviewed in the inbox and lands on the card with its provenance', () => {
    const w = setUp()
    const { s, relations, manager } = w
    const opened = s.call<CaseView>(w.hotel.desk, 'recovery.raise', {
      stayId: w.stayId, category: 'noise', department: 'housekeeping', description: 'The lift woke the guest all night.', raisedFrom: 'card',
    })
    s.call(relations, 'recovery.step', { caseId: opened.id, step: 'apologise' })
    s.call(relations, 'recovery.step', { caseId: opened.id, step: 'promise', promise: { text: 'A quiet room next time', dueDate: '2026-12-03', department: 'front_office' }, outOfOrderReason: 'Promised at once.' })
    s.call(manager, 'satisfaction.record', { stayId: w.stayId, score: 4, comment: 'Better after the move.' })
    const { observationId } = s.call(relations, 'recovery.proposeLesson', {
      caseId: opened.id, text: 'Noise sensitive: the quiet side, away from the lift.', suggestion: { category: 'room', code: 'quiet', value: 'yes', strength: 'required' },
    })
    expect(failure(s.core.callAs(relations, 'recovery.proposeLesson', { caseId: opened.id, text: 'Again', suggestion: { category: 'room', code: 'quiet', value: 'yes' } })).details).toMatchObject({ issues: [{ path: 'caseId' }] })
    const inbox = s.call<{ observations: { id: number; department: string; stayId: number; suggestion: unknown }[] }>(relations, 'observation.inbox', {})
    expect(inbox.observations.find((o) => o.id === observationId)).toMatchObject({ department: 'housekeeping', stayId: w.stayId, suggestion: { category: 'room', code: 'quiet', value: 'yes' } })
    expect(s.call<CaseView>(relations, 'recovery.get', { caseId: opened.id }).lessonObservationId).toBe(observationId)
    s.call(relations, 'observation.accept', { observationId, preference: { category: 'room', code: 'quiet', value: 'yes', strength: 'required' } })

    const card = s.call<GuestCard>(w.hotel.desk, 'guest.card', { guestId: w.guestId })
    expect([...card.alerts, ...card.preferences].find((p) => p.category === 'room' && p.code === 'quiet')).toMatchObject({
      // Noted by guest relations in their own department; the case it came from is named beside it.
      sourceObservationId: observationId, sourceStaffId: relations.staffId, sourceDepartment: 'guest_relations',
      sourceRecoveryCase: { id: opened.id, category: 'noise', raisedOn: '2026-12-01' },
    })
    expect(card.recovery.cases.map((c) => [c.id, c.category, c.status])).toEqual([[opened.id, 'noise', 'open']])
    expect(card.recovery.openPromises).toEqual([{ caseId: opened.id, text: 'A quiet room next time', dueDate: '2026-12-03', department: 'front_office', madeAt: t0 }])
    expect(card.recovery.satisfaction).toMatchObject([{ score: 4, comment: 'Better after the move.', source: 'staff', recordedBy: { id: manager.staffId }, stayId: w.stayId }])
    expect(card.recovery.averageScore).toBe(4)
    expect(failure(s.core.callAs(manager, 'satisfaction.record', { stayId: w.stayId, score: 6 })).details).toMatchObject({ issues: [{ path: 'score' }] })
  })

  it('department staff raise by room and learn no name; they read no cases; the front desk reads but records no step', () => {
    const w = setUp()
    const { s, hotel } = w
    const raised = s.call(hotel.cook, 'recovery.raise', {
      roomNumber: '1001', kind: 'incident', category: 'food', severity: 'minor', department: 'restaurant', description: 'Frowned at the dish and did not eat it.', raisedFrom: 'board',
    })
    expect(raised).toEqual({ id: expect.any(Number), roomNumber: '1001', category: 'food', severity: 'minor', status: 'open' })
    expect(JSON.stringify(raised)).not.toMatch(/何家俊|HO Ka Chun/)
    // By room only: no stay or guest ids, no room nobody is in.
    expect(failure(s.core.callAs(hotel.cook, 'recovery.raise', { stayId: w.stayId, category: 'food', department: 'restaurant', description: 'Cold soup.' })).details).toMatchObject({ issues: [{ path: 'stayId' }] })
    expect(failure(s.core.callAs(hotel.cook, 'recovery.raise', { roomNumber: '1218', category: 'food', department: 'restaurant', description: 'Cold soup.' })).details).toMatchObject({ issues: [{ path: 'roomNumber' }] })
    expect(failure(s.core.callAs(hotel.cook, 'recovery.list', {})).code).toBe('FORBIDDEN')
    expect(failure(s.core.callAs(hotel.cook, 'recovery.get', { caseId: raised.id })).code).toBe('FORBIDDEN')

    // The desk sees the case the restaurant raised, but may not work it.
    const seen = s.call<CaseView>(hotel.desk, 'recovery.get', { caseId: raised.id })
    expect(seen).toMatchObject({ guestId: w.guestId, kind: 'incident', raisedFrom: 'board', raisedBy: { id: hotel.cook.staffId }, department: 'restaurant' })
    expect(failure(s.core.callAs(hotel.desk, 'recovery.step', { caseId: raised.id, step: 'apologise' })).code).toBe('FORBIDDEN')

    // A guest who asked for discretion: the desk's list leaves the case out (it reveals no more than get), and the case is refused to it.
    s.call(hotel.admin, 'guest.update', { guestId: w.guestId, fields: { restricted: true, restrictionNote: 'Security' } })
    expect(s.call<{ cases: CaseView[] }>(hotel.desk, 'recovery.list', {}).cases.find((c) => c.id === raised.id)).toBeUndefined()
    expect(s.call<{ cases: CaseView[] }>(w.relations, 'recovery.list', {}).cases.find((c) => c.id === raised.id)).toMatchObject({ description: 'Frowned at the dish and did not eat it.' })
    expect(failure(s.core.callAs(hotel.desk, 'recovery.get', { caseId: raised.id })).code).toBe('GUEST_RESTRICTED')
    expect(s.call<CaseView>(w.relations, 'recovery.get', { caseId: raised.id }).guestName).toEqual({ native: '何家俊', latin: 'HO Ka Chun' })
  })
})

describe('the recovery rules', () => {
  it('managers change their department, priority and minutes like any rule; {note} belongs to them only; preview and the generator never fire them', () => {
    const w = setUp()
    const { s, manager } = w
    const rules = s.call<{ id: number; key: string; trigger: string; department: string; ackMinutes: number | null; dueMinutes: number; template: { en: string; zh: string }; kind: string; priority: string }[]>(manager, 'rule.list', {})
    const firstResponse = rules.find((r) => r.key === 'builtin-recovery-first-response')!
    expect(firstResponse).toMatchObject({ trigger: 'recovery', department: 'guest_relations', priority: 'high', ackMinutes: 15, dueMinutes: 1440 })
    expect(rules.filter((r) => r.trigger === 'recovery').map((r) => r.key).sort()).toEqual(
      expect.arrayContaining(['builtin-recovery-first-response', 'builtin-recovery-follow-up', 'builtin-recovery-promise']),
    )
    s.call(manager, 'rule.update', {
      id: firstResponse.id, kind: 'task', trigger: 'recovery', template: firstResponse.template,
      department: 'front_office', priority: 'urgent', ackMinutes: 5, dueMinutes: 120,
    })
    const opened = s.call<CaseView>(w.hotel.desk, 'recovery.raise', { stayId: w.stayId, category: 'billing', department: 'front_office', description: 'Charged twice for the minibar.' })
    expect(opened).toMatchObject({ firstResponseDueAt: minutes(t0, 5), resolutionDueAt: minutes(t0, 120) })
    const prompt = s.call<PromptView[]>(manager, 'prompt.ofStay', { stayId: w.stayId }).find((p) => p.trigger === 'recovery')!
    expect(prompt).toMatchObject({ department: 'front_office', priority: 'urgent', escalateAt: minutes(t0, 5), dueAt: minutes(t0, 120) })

    // {note} on a stay's rule is refused by name; a new recovery rule too (they are built in).
    const rule = { trigger: 'check_in', department: 'housekeeping', dueMinutes: 30, template: { en: 'Note: {note} in {room}', zh: '备注：{note}，{room}' } }
    expect(failure(s.core.callAs(manager, 'rule.create', rule)).details).toMatchObject({ issues: [{ path: 'template.en' }] })
    expect(failure(s.core.callAs(manager, 'rule.create', { ...rule, trigger: 'recovery' })).details).toMatchObject({ issues: [{ path: 'trigger' }] })
    const preview = s.call<{ matches: unknown[] }>(manager, 'rule.preview', { rule: { ...rule, trigger: 'recovery', template: { en: 'For {guest}: {note}', zh: '{guest}：{note}' } } })
    expect(preview.matches).toEqual([])
    // A check-in fires no recovery rule.
    const { id: guestId } = s.call(w.hotel.desk, 'guest.create', { nativeName: '林美华', vip: 0 })
    const { stayId } = s.call(w.hotel.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-02', party: 1 })
    const { prompts } = s.call<{ prompts: PromptView[] }>(w.hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1002' })
    expect(prompts.filter((p) => p.trigger === 'recovery')).toEqual([])
  })
})

describe('after the stay', () => {
  it('a follow-up call set for after departure outlives the check-out', () => {
    const w = setUp()
    const { s, relations } = w
    const opened = s.call<CaseView>(w.hotel.desk, 'recovery.raise', { stayId: w.stayId, category: 'service', department: 'front_office', description: 'Waited 40 minutes at check-in.' })
    const followAt = '2026-12-06T02:00:00.000Z'
    const view = s.call<CaseView>(relations, 'recovery.step', { caseId: opened.id, step: 'follow_up', followUp: { at: followAt }, outOfOrderReason: 'Guest leaves early; call next week.' })
    const promptId = step(view, 'follow_up').followUp!.promptId!
    s.call(w.hotel.desk, 'stay.checkOut', { stayId: w.stayId })
    const prompts = s.call<PromptView[]>(w.manager, 'prompt.ofStay', { stayId: w.stayId })
    expect(prompts.find((p) => p.id === promptId)).toMatchObject({ status: 'open', dueAt: followAt })
    // The first response, still open at the check-out, closes with the stay like any prompt.
    expect(prompts.find((p) => p.id !== promptId && p.trigger === 'recovery')!.status).toBe('cancelled')
    expect(step(s.call<CaseView>(relations, 'recovery.get', { caseId: opened.id }), 'follow_up')).toMatchObject({ outOfOrderReason: 'Guest leaves early; call next week.', followUp: { promptStatus: 'open' } })
  })
})
