import { recordAudit } from '../audit/audit.repository'
import { addDays } from '../clock'
import { actorOf, type Actor, type OperationContext } from '../context'
import type { Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'
import type { RecoveryStepRow } from '../db/tables/recovery.table'
import { findDepartment } from '../departments/department.repository'
import { AppError } from '../errors'
import { findGuest } from '../guests/guest.repository'
import { calendarBusinessDate, hotelClockSettings, hotelInstant, today } from '../hotel-clock'
import { findObservationView, insertObservation } from '../observations/observation.repository'
import { findPromptView, updatePromptStatus } from '../prompts/prompt.repository'
import type { PromptView } from '../prompts/prompt.view'
import { findRoomByNumber, inHouseStayInRoom } from '../rooms/room.repository'
import { roleAllows } from '../staff/roles'
import { listCompanions } from '../stays/stay-event.repository'
import {
  caseOfPrompt,
  findCaseRow,
  findStepRow,
  findCaseSummaryRow,
  insertCase,
  listCaseRowsOfGuest,
  listCaseSummaryRows,
  listStepRows,
  openPromisesOfGuest,
  openPromptIdsOfCase,
  openRemindersOfPromise,
  promptOrigin,
  promptStatuses,
  recentIdenticalCase,
  setObservationCase,
  staffRef,
  stayWithRoom,
  updateCase,
  updateStep,
  vocabularyKnows,
  withdrawRecoveryPrompt,
  type CaseSummaryRow,
} from './recovery.repository'
import { openPromiseRuleKey } from './recovery-memory'
import { howCasesWereRecovered } from './recovery-outcome.repository'
import { findRuleByKey } from '../rules/rule.repository'
import { hotelCurrency, maxCompensationMinorOf } from './currency'
import { firstResponseMinutes, insertRecoveryPrompt, recoveryPromptDraft, recoveryRuleKeys } from './recovery-prompts'
import { duplicateRaiseSeconds, maxFollowUpDays, type RaiseInput, type StepInput } from './recovery.schemas'
import {
  caseSteps,
  type CaseCategory,
  type CaseKind,
  type CaseSeverity,
  type CaseStatus,
  type CaseStepKey,
  type CaseStepView,
  type CaseSummary,
  type CaseView,
  type CompensationKind,
  type GuestRecoveryHistory,
  type RaisedFrom,
  type SatisfactionView,
} from './recovery.types'
import { averageScoreOfGuest, findSatisfaction, insertSatisfaction, satisfactionOfGuest, satisfactionOfStay } from './satisfaction.repository'

/*
 * Recovery cases: a complaint or incident against a guest and a stay, worked through the six
 * steps (apologise, listen, solution, compensation, promise, follow-up). Every function runs
 * inside the operation's transaction: a refusal (AppError) leaves nothing saved.
 */

/** What a department attendant learns back when raising a case: no name, no cause beyond their own words. */
export interface RaisedByRoom {
  id: number
  roomNumber: string | null
  category: CaseCategory
  severity: CaseSeverity
  status: CaseStatus
}

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', `${path}: ${message}`, { issues: [{ path, message }] })
}

/** May this role see a guest who asked for discretion (guest relations, managers, administrators)? */
function seesRestricted(actor: Actor): boolean {
  return roleAllows(actor.role, 'guest.restricted')
}

function toSummary(r: CaseSummaryRow, showName: boolean, now: Date): CaseSummary {
  const status = r.status as CaseStatus
  const firstResponseLate = r.first_responded_at !== null ? r.first_responded_at > r.first_response_due_at : status === 'open' && now.toISOString() > r.first_response_due_at
  return {
    id: r.id,
    guestId: r.guest_id,
    guestName: showName ? { native: r.native_name, latin: r.roman_name } : null,
    stayId: r.stay_id,
    roomNumber: r.room_number,
    arrival: r.arrival_date,
    departure: r.departure_date,
    kind: r.kind as CaseKind,
    category: r.category as CaseCategory,
    severity: r.severity as CaseSeverity,
    department: r.department_code,
    status,
    recovered: status !== 'open' && Number(r.solution_done) > 0,
    raisedAt: r.raised_at,
    raisedBy: { id: r.raised_by, name: r.raised_by_name },
    raisedFrom: r.raised_from as RaisedFrom,
    owner: r.owner_id !== null ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    firstResponseDueAt: r.first_response_due_at,
    firstRespondedAt: r.first_responded_at,
    firstResponseLate,
    resolutionDueAt: r.resolution_due_at,
    resolvedAt: r.resolved_at,
    stepsDone: Number(r.steps_done),
    description: r.description,
  }
}

function toStepView(row: RecoveryStepRow & { done_by_name: string | null }, currency: string, statuses: Map<number, string>, dateOf: (iso: string) => string): CaseStepView {
  return {
    step: row.step as CaseStepKey,
    position: row.position,
    doneAt: row.done_at,
    doneBy: row.done_by !== null ? { id: row.done_by, name: row.done_by_name ?? '' } : null,
    note: row.note,
    skipped: row.skipped === 1,
    outOfOrderReason: row.out_of_order_reason,
    compensation:
      row.compensation_kind !== null && row.compensation_minor !== null
        ? { kind: row.compensation_kind as CompensationKind, valueMinor: row.compensation_minor, currency }
        : null,
    promise:
      row.promise_text !== null
        ? { text: row.promise_text, dueDate: row.promise_due_date ?? '', department: row.promise_department ?? '', keptAt: row.promise_kept_at, keptOn: row.promise_kept_at === null ? null : dateOf(row.promise_kept_at), promptId: row.promise_prompt_id }
        : null,
    followUp:
      row.follow_up_at !== null
        ? { at: row.follow_up_at, promptId: row.follow_up_prompt_id, promptStatus: row.follow_up_prompt_id !== null ? (statuses.get(row.follow_up_prompt_id) ?? null) : null }
        : null,
  }
}

/** A case as the cases page shows it (the actor decides whether a restricted guest is named). */
export function caseView(ctx: OperationContext, caseId: number): CaseView {
  const actor = actorOf(ctx)
  const row = findCaseSummaryRow(ctx.sqlite, caseId)
  if (!row) throw new AppError('NOT_FOUND', `No recovery case with id ${caseId}.`, { entity: 'recovery_case', id: caseId })
  const currency = hotelCurrency(ctx.sqlite)
  const steps = listStepRows(ctx.sqlite, caseId)
  const statuses = promptStatuses(ctx.sqlite, steps.map((s) => s.follow_up_prompt_id).filter((id): id is number => id !== null))
  return {
    ...toSummary(row, row.guest_restricted !== 1 || seesRestricted(actor), ctx.clock.now()),
    // A promise's kept date is a business date, as its due date is (kept at 00:30 counts for the day before).
    steps: steps.map((s) => toStepView(s, currency, statuses, (iso) => calendarBusinessDate(new Date(iso), hotelClockSettings(ctx.sqlite)))),
    currency,
    lessonObservationId: row.lesson_observation_id,
    closedAt: row.closed_at,
    satisfaction: satisfactionOfStay(ctx.sqlite, row.stay_id),
  }
}

/**
 * One case, refused (GUEST_RESTRICTED) to roles that may not open the profile of a guest who
 * asked for discretion, as a profile operation would be.
 */
export function getCase(ctx: OperationContext, caseId: number): CaseView {
  const actor = actorOf(ctx)
  const row = requireCase(ctx, caseId)
  const guest = findGuest(ctx.sqlite, row.guest_id)
  if (guest?.restricted === 1 && !seesRestricted(actor)) {
    throw new AppError('GUEST_RESTRICTED', 'This guest asked for discretion: only guest relations, managers and administrators may open or change this profile.', { guestId: guest.id })
  }
  return caseView(ctx, caseId)
}

/**
 * Cases by status (default open), optionally one guest's. The list reveals no more than
 * `getCase`: the cases of a guest who asked for discretion are left out for roles that may not
 * open such profiles (the front desk), whose words, room and raiser are theirs to keep.
 */
export function listCases(ctx: OperationContext, filter: { status: 'open' | 'resolved' | 'closed' | 'all'; guestId?: number; limit: number }): { cases: CaseSummary[] } {
  const actor = actorOf(ctx)
  const now = ctx.clock.now()
  const rows = listCaseSummaryRows(
    ctx.sqlite,
    { status: filter.status === 'all' ? undefined : filter.status, guestId: filter.guestId, withoutRestricted: !seesRestricted(actor) },
    filter.limit,
  )
  return { cases: rows.map((r) => toSummary(r, r.guest_restricted !== 1 || seesRestricted(actor), now)) }
}

function requireCase(ctx: OperationContext, caseId: number) {
  const row = findCaseRow(ctx.sqlite, caseId)
  if (!row) throw new AppError('NOT_FOUND', `No recovery case with id ${caseId}.`, { entity: 'recovery_case', id: caseId })
  return row
}

function requireWorkable(ctx: OperationContext, caseId: number) {
  const row = requireCase(ctx, caseId)
  if (row.status === 'closed') invalid('caseId', 'This case is closed: nothing more is recorded on it.')
  const guest = findGuest(ctx.sqlite, row.guest_id)
  if (guest?.anonymised_at) {
    throw new AppError('GUEST_ANONYMISED', 'This guest was erased (anonymised): nothing more is recorded on this record. Create a new profile if they come back.', { guestId: guest.id })
  }
  return row
}

function audit(ctx: OperationContext, action: string, guestId: number, caseId: number, detail?: Record<string, unknown>): void {
  recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action, guestId, entity: 'recovery_case', entityId: caseId, detail })
}

/** The stay a case is raised on, found the way the caller may: by stay (and guest) or, for department staff, by room. */
function stayForRaise(ctx: OperationContext, input: RaiseInput): { stayId: number; guestId: number } {
  const actor = actorOf(ctx)
  const byRoomOnly = !roleAllows(actor.role, 'recovery.read')
  if (byRoomOnly) {
    // Least knowledge: department staff name the room they are at, never a guest or a stay id.
    if (input.guestId !== undefined) invalid('guestId', 'Give the room number only.')
    if (input.stayId !== undefined) invalid('stayId', 'Give the room number only.')
    if (input.roomNumber === undefined) invalid('roomNumber', 'Give the room number of the guest concerned.')
  }
  if (input.roomNumber !== undefined && input.stayId === undefined) {
    const room = findRoomByNumber(ctx.sqlite, input.roomNumber)
    if (!room) invalid('roomNumber', `There is no room ${input.roomNumber}.`)
    const stayId = inHouseStayInRoom(ctx.sqlite, room.id)
    if (stayId === undefined) invalid('roomNumber', `Nobody is in house in room ${room.number}.`)
    const stay = stayWithRoom(ctx.sqlite, stayId)!
    const inRoom = [stay.guest_id, ...listCompanions(ctx.sqlite, stayId).map((c) => c.guestId).filter((id): id is number => id !== null)]
    if (input.guestId !== undefined && !inRoom.includes(input.guestId)) invalid('guestId', `That guest is not in house in room ${room.number}.`)
    return { stayId, guestId: input.guestId ?? stay.guest_id }
  }
  if (input.stayId === undefined) invalid('stayId', 'Choose the guest’s stay the problem happened on.')
  const stay = stayWithRoom(ctx.sqlite, input.stayId)
  if (!stay) throw new AppError('NOT_FOUND', `No stay with id ${input.stayId}.`, { entity: 'stay', id: input.stayId })
  if (stay.status === 'cancelled' || stay.status === 'no_show') invalid('stayId', 'This booking was cancelled or not taken up: choose a stay the guest had.')
  // A case is about something that happened on a stay: a reservation not begun has no room, no service yet.
  if (stay.status !== 'in_house' && stay.status !== 'checked_out') invalid('stayId', 'This stay has not begun: raise the case on a stay the guest is on or has had.')
  if (input.roomNumber !== undefined && stay.room_number !== input.roomNumber) invalid('roomNumber', `This stay is not in room ${input.roomNumber}.`)
  if (input.guestId !== undefined && input.guestId !== stay.guest_id) {
    const companions = listCompanions(ctx.sqlite, stay.id).map((c) => c.guestId)
    if (!companions.includes(input.guestId)) invalid('guestId', 'This stay is not this guest’s: choose one of the guest’s own stays.')
  }
  return { stayId: stay.id, guestId: input.guestId ?? stay.guest_id }
}

/**
 * Opens a case: six step rows, no owner, the first response promised within the first-response
 * rule's acknowledge minutes and the resolution within its minutes to complete, and the
 * first-response prompt (which escalates like any prompt). Department staff get back
 * `RaisedByRoom` only.
 */
export function raiseCase(ctx: OperationContext, input: RaiseInput): CaseView | RaisedByRoom {
  const actor = actorOf(ctx)
  const department = findDepartment(ctx.sqlite, input.department)
  if (!department || department.active !== 1) invalid('department', `There is no department "${input.department}".`)
  const { stayId, guestId } = stayForRaise(ctx, input)
  const guest = findGuest(ctx.sqlite, guestId)
  if (!guest || guest.merged_into !== null) invalid('guestId', 'There is no such guest.')
  if (guest.anonymised_at !== null) {
    throw new AppError('GUEST_ANONYMISED', 'This guest was erased (anonymised): nothing more is recorded on this record. Create a new profile if they come back.', { guestId })
  }
  const now = ctx.clock.now()
  const at = now.toISOString()
  // A double tap (the same case by the same person moments ago) answers the case already open.
  const existing = recentIdenticalCase(ctx.sqlite, {
    stayId,
    guestId,
    kind: input.kind,
    category: input.category,
    department: department.code,
    description: input.description,
    raisedBy: actor.staffId,
    since: new Date(now.getTime() - duplicateRaiseSeconds * 1000).toISOString(),
  })
  if (existing !== undefined) {
    const stay = stayWithRoom(ctx.sqlite, stayId)!
    const row = findCaseRow(ctx.sqlite, existing)!
    if (!roleAllows(actor.role, 'recovery.read')) {
      return { id: existing, roomNumber: stay.room_number, category: input.category, severity: row.severity as CaseSeverity, status: row.status as CaseStatus }
    }
    return caseView(ctx, existing)
  }
  const minutes = firstResponseMinutes(ctx)
  const caseId = insertCase(ctx.sqlite, {
    guest_id: guestId,
    stay_id: stayId,
    kind: input.kind,
    category: input.category,
    severity: input.severity,
    department_code: department.code,
    description: input.description,
    raised_by: actor.staffId,
    raised_at: at,
    raised_from: input.raisedFrom,
    owner_id: null,
    first_response_due_at: new Date(now.getTime() + minutes.ackMinutes * 60_000).toISOString(),
    first_responded_at: null,
    resolution_due_at: new Date(now.getTime() + minutes.dueMinutes * 60_000).toISOString(),
    resolved_at: null,
    closed_at: null,
    closed_by: null,
    first_response_prompt_id: null,
    lesson_observation_id: null,
  })
  const stay = stayWithRoom(ctx.sqlite, stayId)!
  const prompt = insertRecoveryPrompt(
    ctx,
    recoveryPromptDraft(ctx, recoveryRuleKeys.firstResponse, { caseId, slot: 'first_response', guest, stayId, roomNumber: stay.room_number, note: input.description, ackFromNow: true }),
    guestId,
    stayId,
  )
  if (prompt) updateCase(ctx.sqlite, caseId, { first_response_prompt_id: prompt.id })
  audit(ctx, 'recovery.raise', guestId, caseId, { category: input.category, severity: input.severity, department: department.code })
  if (!roleAllows(actor.role, 'recovery.read')) {
    return { id: caseId, roomNumber: stay.room_number, category: input.category, severity: input.severity, status: 'open' }
  }
  return caseView(ctx, caseId)
}

/** The owner must be an active staff member who may work cases (recovery.manage). */
export function assignCase(ctx: OperationContext, caseId: number, ownerId: number): CaseView {
  const row = requireWorkable(ctx, caseId)
  const owner = staffRef(ctx.sqlite, ownerId)
  if (!owner || owner.active !== 1 || !roleAllows(owner.role as Actor['role'], 'recovery.manage')) {
    invalid('ownerId', 'Choose someone of guest relations or a manager: they own the case.')
  }
  updateCase(ctx.sqlite, caseId, { owner_id: ownerId })
  audit(ctx, 'recovery.assign', row.guest_id, caseId, { ownerId })
  return caseView(ctx, caseId)
}

/** A step is under way or done: done or skipped, a promise made, a follow-up scheduled. */
function taken(row: RecoveryStepRow): boolean {
  return row.done_at !== null || row.promise_text !== null || row.follow_up_at !== null
}

/** Closes a prompt a case made when the step it stands for is done (the first response, a promise kept). */
function completePrompt(ctx: OperationContext, promptId: number | null): void {
  if (promptId === null) return
  const actor = actorOf(ctx)
  if (updatePromptStatus(ctx.sqlite, promptId, ['open', 'acknowledged'], { status: 'done', at: ctx.clock.now().toISOString(), by: actor.staffId })) {
    const prompt = findPromptView(ctx.sqlite, promptId)
    if (prompt) ctx.emit('prompt.updated', { prompt })
  }
}

/**
 * A step's prompt is kept in one place: when the step's prompt is replaced (a follow-up moved to
 * another time), the step is skipped (a promise withdrawn, a follow-up not needed) or the case
 * ends, the prompt before is withdrawn (cancelled, its dedupe key freed) and boards are told, so
 * no department is chased for work that no longer stands.
 */
function withdrawPrompt(ctx: OperationContext, promptId: number | null): void {
  if (promptId === null) return
  if (withdrawRecoveryPrompt(ctx.sqlite, promptId)) {
    const prompt = findPromptView(ctx.sqlite, promptId)
    if (prompt) ctx.emit('prompt.updated', { prompt })
  }
}

/** A promise no longer awaited (kept or withdrawn): the "we promised last time" reminders of later stays are withdrawn too. */
function withdrawReminders(ctx: OperationContext, stepId: number): void {
  const rule = findRuleByKey(ctx.sqlite, openPromiseRuleKey)
  if (!rule) return
  for (const id of openRemindersOfPromise(ctx.sqlite, rule.id, stepId)) withdrawPrompt(ctx, id)
}

/** The case ended (closed): every prompt it made that is still open is withdrawn, but a promise's: it stays a dated task until kept. */
function withdrawPromptsOfCase(ctx: OperationContext, caseId: number): void {
  const promise = listStepRows(ctx.sqlite, caseId).find((s) => s.step === 'promise')
  const tracked = promise && promise.promise_kept_at === null && promise.skipped === 0 ? promise.promise_prompt_id : null
  for (const id of openPromptIdsOfCase(ctx.sqlite, caseId)) if (id !== tracked) withdrawPrompt(ctx, id)
}

/**
 * A step settled for the case's resolution: done or skipped, or — the promise — made. A promise
 * made stays tracked as its dated task until kept (and comes back at the next stay if it is not).
 */
function settled(row: RecoveryStepRow): boolean {
  return row.done_at !== null || (row.step === 'promise' && row.promise_text !== null)
}

/** Every step settled (done, skipped, the promise made): the case is resolved. */
function resolveWhenDone(ctx: OperationContext, caseId: number): void {
  const row = findCaseRow(ctx.sqlite, caseId)
  if (!row || row.status !== 'open') return
  if (listStepRows(ctx.sqlite, caseId).every(settled)) updateCase(ctx.sqlite, caseId, { status: 'resolved', resolved_at: ctx.clock.now().toISOString() })
}

function isRealDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number)
  const parsed = new Date(Date.UTC(y, m - 1, d))
  return parsed.getUTCFullYear() === y && parsed.getUTCMonth() === m - 1 && parsed.getUTCDate() === d
}

/**
 * Records one step (see recovery.step's summary for the rules). Throws VALIDATION naming the
 * field; nothing is saved then.
 */
export function recordStep(ctx: OperationContext, input: StepInput): CaseView {
  const actor = actorOf(ctx)
  const kase = requireWorkable(ctx, input.caseId)
  const steps = listStepRows(ctx.sqlite, kase.id)
  const row = steps.find((s) => s.step === input.step)!
  if (row.done_at !== null) invalid('step', row.skipped === 1 ? 'This step was skipped already.' : 'This step is already done.')
  // What belongs to another step is refused by name, never dropped.
  if (input.compensation && input.step !== 'compensation') invalid('compensation', 'A compensation is recorded on the compensation step.')
  if (input.promise && input.step !== 'promise') invalid('promise', 'A promise is recorded on the promise step.')
  if (input.followUp && input.step !== 'follow_up') invalid('followUp', 'A follow-up is scheduled on the follow-up step.')
  if (input.skipped) {
    if (!input.note) invalid('note', 'Say why this step is skipped.')
    if (input.compensation || input.promise || input.followUp) invalid('skipped', 'A skipped step records nothing else: leave the details out, or do not skip it.')
  }
  const waiting = steps.find((s) => s.position < row.position && !taken(s))
  if (waiting && !input.outOfOrderReason) {
    invalid('outOfOrderReason', `Step ${waiting.position} comes before step ${row.position}; say why you are doing it first.`)
  }
  const now = ctx.clock.now()
  const at = now.toISOString()
  const outOfOrder = waiting ? (input.outOfOrderReason ?? null) : null
  const done = { done_at: at, done_by: actor.staffId, note: input.note ?? null, skipped: input.skipped ? 1 : 0, out_of_order_reason: outOfOrder }
  const guest = findGuest(ctx.sqlite, kase.guest_id) as GuestRow
  const stay = stayWithRoom(ctx.sqlite, kase.stay_id)!

  if (input.skipped) {
    updateStep(ctx.sqlite, kase.id, input.step, done)
    // The first response no longer awaits anyone: its prompt stops escalating.
    if (input.step === 'apologise') completePrompt(ctx, kase.first_response_prompt_id)
    // A promise withdrawn or a follow-up not needed: its prompt (and any reminder) is withdrawn.
    if (input.step === 'promise') {
      withdrawPrompt(ctx, row.promise_prompt_id)
      withdrawReminders(ctx, row.id)
    }
    if (input.step === 'follow_up') withdrawPrompt(ctx, row.follow_up_prompt_id)
  } else if (input.step === 'apologise') {
    updateStep(ctx.sqlite, kase.id, 'apologise', done)
    if (kase.first_responded_at === null) updateCase(ctx.sqlite, kase.id, { first_responded_at: at })
    completePrompt(ctx, kase.first_response_prompt_id)
  } else if (input.step === 'compensation') {
    if (!input.compensation) invalid('compensation', 'Give the kind of compensation and its value (0 if it cost nothing).')
    // "Absurd" is one hundred thousand in the currency's major unit: 10,000,000 fen, 100,000 yen.
    const currency = hotelCurrency(ctx.sqlite)
    const max = maxCompensationMinorOf(currency)
    if (input.compensation.valueMinor > max) {
      invalid('compensation.valueMinor', `That is far more than any compensation (at most ${max.toLocaleString('en')} in the smallest unit of ${currency}): check the amount.`)
    }
    updateStep(ctx.sqlite, kase.id, 'compensation', { ...done, compensation_kind: input.compensation.kind, compensation_minor: input.compensation.valueMinor })
  } else if (input.step === 'promise') {
    if (row.promise_text !== null) invalid('step', 'The promise was made already: mark it kept when it is.')
    const promise = input.promise
    if (!promise) invalid('promise', 'Say what was promised, by when, and which department keeps it.')
    if (!isRealDate(promise.dueDate)) invalid('promise.dueDate', 'That date does not exist.')
    const businessDate = today(ctx)
    if (promise.dueDate < businessDate) invalid('promise.dueDate', 'A promise cannot be due in the past.')
    if (promise.dueDate > addDays(businessDate, maxFollowUpDays)) invalid('promise.dueDate', 'Keep a promise within a year.')
    const department = findDepartment(ctx.sqlite, promise.department)
    if (!department || department.active !== 1) invalid('promise.department', `There is no department "${promise.department}".`)
    // Due at the end of its business date: the night audit of the next day.
    const clock = hotelClockSettings(ctx.sqlite)
    const dueAt = hotelInstant(addDays(promise.dueDate, 1), clock.nightAuditTime, clock.timeZone)
    const prompt = insertRecoveryPrompt(
      ctx,
      recoveryPromptDraft(ctx, recoveryRuleKeys.promise, { caseId: kase.id, slot: 'promise', guest, stayId: kase.stay_id, roomNumber: stay.room_number, note: promise.text, dueAt, date: promise.dueDate, department: department.code }),
      kase.guest_id,
      kase.stay_id,
    )
    // The step is done when the promise is kept (recovery.keepPromise, or its prompt completed).
    updateStep(ctx.sqlite, kase.id, 'promise', {
      note: input.note ?? null,
      out_of_order_reason: outOfOrder,
      promise_text: promise.text,
      promise_due_date: promise.dueDate,
      promise_department: department.code,
      promise_prompt_id: prompt?.id ?? null,
    })
  } else if (input.step === 'follow_up' && input.followUp) {
    const followAt = new Date(input.followUp.at)
    if (followAt.getTime() <= now.getTime()) invalid('followUp.at', 'A follow-up cannot be in the past.')
    if (followAt.getTime() > now.getTime() + maxFollowUpDays * 86_400_000) invalid('followUp.at', 'Schedule a follow-up within a year.')
    const current = row.follow_up_prompt_id !== null ? promptStatuses(ctx.sqlite, [row.follow_up_prompt_id]).get(row.follow_up_prompt_id) : undefined
    const unchanged = row.follow_up_at === followAt.toISOString() && (current === 'open' || current === 'acknowledged')
    // The same time again (a double click) keeps the prompt; another time moves the follow-up: the earlier prompt is withdrawn.
    if (!unchanged) withdrawPrompt(ctx, row.follow_up_prompt_id)
    const prompt = unchanged ? null : insertRecoveryPrompt(
      ctx,
      recoveryPromptDraft(ctx, recoveryRuleKeys.followUp, {
        caseId: kase.id,
        slot: `follow_up@${followAt.toISOString()}`,
        guest,
        stayId: kase.stay_id,
        roomNumber: stay.room_number,
        note: input.note ?? kase.description,
        dueAt: followAt,
      }),
      kase.guest_id,
      kase.stay_id,
    )
    // The step is done when this follow-up prompt is completed, or by recording the step again without a time.
    updateStep(ctx.sqlite, kase.id, 'follow_up', {
      note: input.note ?? row.note,
      out_of_order_reason: outOfOrder ?? row.out_of_order_reason,
      follow_up_at: followAt.toISOString(),
      follow_up_prompt_id: unchanged ? row.follow_up_prompt_id : (prompt?.id ?? null),
    })
  } else {
    updateStep(ctx.sqlite, kase.id, input.step, { ...done, note: input.note ?? row.note, out_of_order_reason: outOfOrder ?? row.out_of_order_reason })
    // The follow-up was made (recorded without a new time): its scheduled prompt is done too.
    if (input.step === 'follow_up') completePrompt(ctx, row.follow_up_prompt_id)
  }
  resolveWhenDone(ctx, kase.id)
  audit(ctx, 'recovery.step', kase.guest_id, kase.id, { step: input.step, skipped: input.skipped, outOfOrder: outOfOrder !== null })
  return caseView(ctx, kase.id)
}

function markPromiseKept(ctx: OperationContext, caseId: number, row: RecoveryStepRow, by: number, note: string | null): void {
  updateStep(ctx.sqlite, caseId, 'promise', { promise_kept_at: ctx.clock.now().toISOString(), done_at: ctx.clock.now().toISOString(), done_by: by, note: note ?? row.note })
}

/** The promise made to the guest was kept: step 5 done, its prompt completed. */
export function keepPromise(ctx: OperationContext, caseId: number, note: string | undefined): CaseView {
  const actor = actorOf(ctx)
  // A promise outlives its case: one made on a case resolved or closed since is still kept here.
  const kase = requireCase(ctx, caseId)
  if (findGuest(ctx.sqlite, kase.guest_id)?.anonymised_at) {
    throw new AppError('GUEST_ANONYMISED', 'This guest was erased (anonymised): nothing more is recorded on this record. Create a new profile if they come back.', { guestId: kase.guest_id })
  }
  const row = listStepRows(ctx.sqlite, caseId).find((s) => s.step === 'promise')!
  if (row.promise_text === null) invalid('promise', row.skipped === 1 ? 'The promise step was skipped: there is no promise to keep.' : 'No promise was made yet: record it on the promise step first.')
  if (row.promise_kept_at !== null) invalid('promise', 'This promise was kept already.')
  markPromiseKept(ctx, caseId, row, actor.staffId, note ?? null)
  completePrompt(ctx, row.promise_prompt_id)
  withdrawReminders(ctx, row.id)
  resolveWhenDone(ctx, caseId)
  audit(ctx, 'recovery.keepPromise', kase.guest_id, caseId)
  return caseView(ctx, caseId)
}

/**
 * The prompt-completion hook (prompt.complete), inside its transaction:
 * - the first-response prompt completed on a board records the first response: the apologise
 *   step done by that staff member (first_responded_at), as `recovery.step` apologise would;
 * - a case's promise prompt completed keeps the promise (step 5), as does the next stay's
 *   "we promised last time" reminder (rule builtin-recovery-open-promise): the earlier promise is
 *   kept, its own prompt completed and other reminders of it withdrawn, so it stops coming back;
 * - its latest follow-up prompt completed does the follow-up step.
 * A kept promise is a fact, recorded whatever the order of the other steps.
 */
export function recoveryPromptCompleted(ctx: OperationContext, prompt: PromptView): void {
  if (prompt.trigger !== 'recovery') return
  const actor = actorOf(ctx)
  const at = ctx.clock.now().toISOString()
  const found = caseOfPrompt(ctx.sqlite, prompt.id)
  if (!found) {
    keepPromiseOfReminder(ctx, prompt)
    return
  }
  const kase = findCaseRow(ctx.sqlite, found.caseId)
  // A promise made is tracked until kept, whatever became of its case; the other steps only while it is open.
  if (!kase || (kase.status !== 'open' && found.step !== 'promise')) return
  if (found.step === 'first_response') {
    const apologise = listStepRows(ctx.sqlite, kase.id).find((s) => s.step === 'apologise')!
    if (apologise.done_at === null) updateStep(ctx.sqlite, kase.id, 'apologise', { done_at: at, done_by: actor.staffId, skipped: 0 })
    if (kase.first_responded_at === null) updateCase(ctx.sqlite, kase.id, { first_responded_at: at })
    resolveWhenDone(ctx, kase.id)
    audit(ctx, 'recovery.step', kase.guest_id, kase.id, { promptId: prompt.id, step: 'apologise' })
    return
  }
  const row = listStepRows(ctx.sqlite, kase.id).find((s) => s.step === found.step)!
  if (row.done_at !== null) return
  if (found.step === 'promise' && row.promise_prompt_id === prompt.id) {
    markPromiseKept(ctx, kase.id, row, actor.staffId, null)
    withdrawReminders(ctx, row.id)
  } else if (found.step === 'follow_up' && row.follow_up_prompt_id === prompt.id) updateStep(ctx.sqlite, kase.id, 'follow_up', { done_at: at, done_by: actor.staffId })
  else return
  resolveWhenDone(ctx, kase.id)
  audit(ctx, `recovery.${found.step === 'promise' ? 'keepPromise' : 'step'}`, kase.guest_id, kase.id, { promptId: prompt.id, step: found.step })
}

/** The next stay's reminder of an earlier promise was done: that promise is kept (dedupe key `…:-@promise<step id>`). */
function keepPromiseOfReminder(ctx: OperationContext, prompt: PromptView): void {
  const origin = promptOrigin(ctx.sqlite, prompt.id)
  if (!origin || origin.ruleKey !== openPromiseRuleKey) return
  const match = /:-@promise(\d+)$/.exec(origin.dedupeKey)
  if (!match) return
  const row = findStepRow(ctx.sqlite, Number(match[1]))
  if (!row || row.step !== 'promise' || row.promise_text === null || row.promise_kept_at !== null || row.skipped === 1) return
  const kase = findCaseRow(ctx.sqlite, row.case_id)
  if (!kase) return
  markPromiseKept(ctx, kase.id, row, actorOf(ctx).staffId, null)
  completePrompt(ctx, row.promise_prompt_id)
  withdrawReminders(ctx, row.id)
  resolveWhenDone(ctx, kase.id)
  audit(ctx, 'recovery.keepPromise', kase.guest_id, kase.id, { promptId: prompt.id, step: 'promise' })
}

/** Closes a resolved case; VALIDATION naming the steps still open otherwise. */
export function closeCase(ctx: OperationContext, caseId: number, note: string | undefined): CaseView {
  const actor = actorOf(ctx)
  const kase = requireWorkable(ctx, caseId)
  if (kase.status !== 'resolved') {
    const open = listStepRows(ctx.sqlite, caseId).filter((s) => !settled(s))
    const message = 'Do or skip this step before closing the case.'
    throw new AppError('VALIDATION', `Steps ${open.map((s) => s.position).join(', ')} are still open: do or skip them before closing the case.`, {
      issues: open.map((s) => ({ path: `steps.${s.step}`, message })),
    })
  }
  updateCase(ctx.sqlite, caseId, { status: 'closed', closed_at: ctx.clock.now().toISOString(), closed_by: actor.staffId })
  withdrawPromptsOfCase(ctx, caseId)
  audit(ctx, 'recovery.close', kase.guest_id, caseId, note ? { note } : undefined)
  return caseView(ctx, caseId)
}

/**
 * What the case taught, as an observation in guest relations' inbox (department: the case's;
 * staff: the caller; stay: the case's), reviewed like any other: accepted, it becomes a
 * preference whose provenance names the observation.
 */
export function proposeLesson(
  ctx: OperationContext,
  caseId: number,
  text: string,
  suggestion: { category: string; code: string; value: string; strength: string; scope: string },
): { observationId: number } {
  const actor = actorOf(ctx)
  const kase = requireWorkable(ctx, caseId)
  if (!vocabularyKnows(ctx.sqlite, suggestion.category)) invalid('suggestion.category', `"${suggestion.category}" is not a preference category: choose one from the list.`)
  if (!vocabularyKnows(ctx.sqlite, suggestion.category, suggestion.code)) invalid('suggestion.code', `"${suggestion.code}" is not a preference of ${suggestion.category}: choose one from the list.`)
  if (kase.lesson_observation_id !== null && findObservationView(ctx.sqlite, kase.lesson_observation_id)?.status === 'new') {
    invalid('caseId', 'A lesson from this case is already waiting in the observation inbox.')
  }
  const at = ctx.clock.now().toISOString()
  const observationId = insertObservation(ctx.sqlite, {
    guest_id: kase.guest_id,
    stay_id: kase.stay_id,
    department_code: kase.department_code,
    staff_id: actor.staffId,
    text,
    suggested_category: suggestion.category,
    suggested_code: suggestion.code,
    suggested_value: suggestion.value,
    suggested_strength: suggestion.strength,
    suggested_scope: suggestion.scope,
    created_at: at,
  })
  setObservationCase(ctx.sqlite, observationId, caseId)
  updateCase(ctx.sqlite, caseId, { lesson_observation_id: observationId })
  audit(ctx, 'recovery.proposeLesson', kase.guest_id, caseId, { observationId })
  const view = findObservationView(ctx.sqlite, observationId)
  if (view) ctx.emit('observation.created', { observation: view })
  return { observationId }
}

/** A score (1–5) and comment for a stay that has begun, by the staff member. */
export function recordSatisfaction(ctx: OperationContext, input: { stayId: number; score: number; comment?: string }): SatisfactionView {
  const actor = actorOf(ctx)
  const stay = stayWithRoom(ctx.sqlite, input.stayId)
  if (!stay) throw new AppError('NOT_FOUND', `No stay with id ${input.stayId}.`, { entity: 'stay', id: input.stayId })
  if (stay.status !== 'in_house' && stay.status !== 'checked_out') invalid('stayId', 'Record a score for a stay the guest has begun or finished.')
  const guest = findGuest(ctx.sqlite, stay.guest_id)
  if (guest?.anonymised_at) {
    throw new AppError('GUEST_ANONYMISED', 'This guest was erased (anonymised): nothing more is recorded on this record. Create a new profile if they come back.', { guestId: guest.id })
  }
  // A score is profile data: refused to roles that may not open the profile of a guest who asked for discretion.
  if (guest?.restricted === 1 && !seesRestricted(actor)) {
    throw new AppError('GUEST_RESTRICTED', 'This guest asked for discretion: only guest relations, managers and administrators may open or change this profile.', { guestId: guest.id })
  }
  const at = ctx.clock.now().toISOString()
  const id = insertSatisfaction(ctx.sqlite, {
    guest_id: stay.guest_id,
    stay_id: stay.id,
    score: input.score,
    comment: input.comment ? input.comment : null,
    source: 'staff',
    answered_on: null,
    recorded_at: at,
    recorded_by: actor.staffId,
    import_file: null,
  })
  recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'satisfaction.record', guestId: stay.guest_id, entity: 'satisfaction', entityId: id })
  return findSatisfaction(ctx.sqlite, id)!
}

/** The guest card's "Problems and recovery": cases (newest first, at most 20), open promises, scores (newest first, at most 20) and their average. */
export function guestRecoveryHistory(sqlite: Sqlite, guestId: number, now: Date): GuestRecoveryHistory {
  const cases = listCaseRowsOfGuest(sqlite, guestId, 20).map((r) => toSummary(r, true, now))
  return {
    cases,
    // How each was recovered (solution, compensation): what the next stay's flag says.
    howRecovered: howCasesWereRecovered(sqlite, cases.map((c) => c.id)),
    openPromises: openPromisesOfGuest(sqlite, guestId),
    satisfaction: satisfactionOfGuest(sqlite, guestId, 20),
    averageScore: averageScoreOfGuest(sqlite, guestId),
  }
}

/** The six steps in order (for callers that list them). */
export const recoverySteps = caseSteps
