import { readsGuestsInAnswer } from '../audit/audit-reads'
import { operation } from '../operation'
import {
  assignInput,
  caseIdInput,
  closeInput,
  keepPromiseInput,
  listInput,
  proposeLessonInput,
  raiseInput,
  satisfactionInput,
  stepInput,
} from './recovery.schemas'
import { assignCase, closeCase, getCase, keepPromise, listCases, proposeLesson, raiseCase, recordSatisfaction, recordStep } from './recovery.service'

/*
 * Complaints and the six-step recovery (issue 13). Shapes: recovery.types.ts (CaseView,
 * CaseSummary, CaseStepView, SatisfactionView). Instants are ISO 8601 UTC; business dates
 * YYYY-MM-DD; compensation in the minor unit of the hotel's currency (fen for CNY). Every refusal
 * of bad input is VALIDATION with details.issues [{ path, message }] naming the field, and leaves
 * nothing saved (each mutation is one transaction).
 */
export const recoveryOperations = {
  'recovery.raise': operation({
    kind: 'mutation',
    summary:
      'Log a complaint (the guest said so) or an incident (staff noticed) against a guest and a stay: ' +
      '{ guestId?, stayId?, roomNumber?, kind (complaint|incident), category (room|noise|food|service|billing|other), severity (minor|moderate|serious), ' +
      'department (code of the department concerned), description (1–2000 characters, not blank), raisedFrom (desk|board|card|cases) }. ' +
      'The front desk, guest relations and managers give stayId (guestId optional: the stay’s guest or a companion) or the room number of a guest in house; ' +
      'department staff give the exact room number of a guest in house only and get back { id, roomNumber, category, severity, status } (no name). ' +
      'Opens the case with its six steps (apologise, listen, solution, compensation, promise, follow_up), no owner, the first response promised within the ' +
      'first-response rule’s acknowledge minutes (default 15) and the resolution within its minutes to complete (default 1440), and a first-response prompt to ' +
      'guest relations (the front office in a hotel without it) that escalates like any prompt. Answers the CaseView. ' +
      'The same raise again by the same staff member within 2 minutes (same stay, guest, kind, category, department and words: a double tap) answers the case already opened. ' +
      'Errors: VALIDATION naming the field (no stay: stayId; a stay of another guest: guestId; a cancelled or no-show booking, or a reservation not begun: stayId; an unknown or empty room: roomNumber; ' +
      'description empty or too long; unknown department), NOT_FOUND (no such stay), GUEST_ANONYMISED.',
    permission: 'recovery.raise',
    input: raiseInput,
    handler: (ctx, input) => raiseCase(ctx, input),
  }),

  'recovery.list': operation({
    kind: 'query',
    summary:
      'Recovery cases: { status? (open (default)|resolved|closed|all), guestId?, limit? (1–500, default 100) } → { cases: CaseSummary[] }, open cases first, ' +
      'those still awaiting their first response first (the most overdue first), then the newest. The cases of a guest who asked for discretion are left out ' +
      'for roles that may not open such profiles (the list reveals no more than recovery.get). Audited (names guests).',
    permission: 'recovery.read',
    audit: readsGuestsInAnswer,
    input: listInput,
    handler: (ctx, input) => listCases(ctx, input),
  }),

  'recovery.get': operation({
    kind: 'query',
    summary:
      'One case: { caseId } → CaseView (the summary, its six steps with who and when, compensation with currency, the promise with its prompt, the follow-up ' +
      'with its prompt’s status, the lesson’s observation id, the stay’s satisfaction records). Errors: NOT_FOUND; GUEST_RESTRICTED for a guest who asked ' +
      'for discretion, to roles that may not open such profiles. Audited.',
    permission: 'recovery.read',
    audit: readsGuestsInAnswer,
    input: caseIdInput,
    handler: (ctx, input) => getCase(ctx, input.caseId),
  }),

  'recovery.assign': operation({
    kind: 'mutation',
    summary:
      'Give a case an owner: { caseId, ownerId } → CaseView. The owner must be an active staff member who may work cases (guest relations, managers, ' +
      'administrators): VALIDATION on ownerId otherwise; VALIDATION on caseId when the case is closed; NOT_FOUND.',
    permission: 'recovery.manage',
    input: assignInput,
    handler: (ctx, input) => assignCase(ctx, input.caseId, input.ownerId),
  }),

  'recovery.step': operation({
    kind: 'mutation',
    summary:
      'Record one of the six steps: { caseId, step (apologise|listen|solution|compensation|promise|follow_up), note? (≤1000), skipped? (needs note as the reason), ' +
      'outOfOrderReason? (needed when an earlier step is neither done, skipped nor under way: a promise made or a follow-up scheduled counts), ' +
      'compensation? { kind (upgrade|discount|refund|amenity|meal|points|other), valueMinor (integer in the currency’s minor unit, 0 to one hundred thousand in its major unit: 10,000,000 fen, 100,000 yen) } on the ' +
      'compensation step (required there unless skipped), promise? { text (1–300), dueDate (business date, today or later, within a year), department } on the ' +
      'promise step, followUp? { at (ISO instant, in the future, within 365 days) } on the follow-up step } → CaseView. ' +
      'apologise sets the first response (first_responded_at) and completes the first-response prompt. promise makes a prompt to the promise’s department due at ' +
      'the end of dueDate (the night audit of the next day); the step is done when the promise is kept (recovery.keepPromise, or its prompt completed on a board). ' +
      'follow_up with followUp.at makes a follow-up prompt to guest relations due then (the same time again keeps it; another time withdraws the earlier prompt); ' +
      'the step is done when that prompt is completed or when the step is recorded again without followUp (its prompt completed then). ' +
      'Skipping the promise or follow-up step withdraws (cancels) its prompt, and a skipped promise’s reminders at later stays. When all six are done or skipped the case is resolved. ' +
      'Errors: VALIDATION naming the field (step already done: step; out of order without a reason: outOfOrderReason; compensation negative or absurd: ' +
      'compensation.valueMinor; promise in the past: promise.dueDate; follow-up in the past: followUp.at; a field of another step; closed case: caseId), ' +
      'NOT_FOUND, GUEST_ANONYMISED. Nothing is saved on a refusal.',
    permission: 'recovery.manage',
    input: stepInput,
    handler: (ctx, input) => recordStep(ctx, input),
  }),

  'recovery.keepPromise': operation({
    kind: 'mutation',
    summary:
      'The promise made to the guest was kept: { caseId, note? } → CaseView (step 5 done, its prompt completed; the case resolved when all six are done). ' +
      'VALIDATION on promise when none was made or it was kept already; NOT_FOUND.',
    permission: 'recovery.manage',
    input: keepPromiseInput,
    handler: (ctx, input) => keepPromise(ctx, input.caseId, input.note),
  }),

  'recovery.close': operation({
    kind: 'mutation',
    summary:
      'Close a resolved case: { caseId, note? } → CaseView (status closed, closedAt; any prompt of the case still open is withdrawn). VALIDATION naming each open step (steps.<step>) while the case is ' +
      'not resolved, and on caseId when it is closed already; NOT_FOUND.',
    permission: 'recovery.manage',
    input: closeInput,
    handler: (ctx, input) => closeCase(ctx, input.caseId, input.note),
  }),

  'recovery.proposeLesson': operation({
    kind: 'mutation',
    summary:
      'Turn what the case taught into knowledge: { caseId, text (1–1000, not blank: 太吵 is enough), suggestion { category, code, value, strength?, scope? } } → { observationId }. ' +
      'An observation (the case’s department and stay, the caller as author, linked to the case) lands in guest relations’ observation inbox and is ' +
      'reviewed like any other: accepted (observation.accept) it becomes a preference whose provenance names the observation. VALIDATION on caseId while an ' +
      'earlier lesson of the case still waits for review or when the case is closed; on suggestion.category / suggestion.code for words the preference vocabulary does not have; NOT_FOUND.',
    permission: 'recovery.manage',
    input: proposeLessonInput,
    handler: (ctx, input) => proposeLesson(ctx, input.caseId, input.text, input.suggestion),
  }),

  'satisfaction.record': operation({
    kind: 'mutation',
    summary:
      'Record how satisfied a guest was with a stay: { stayId, score (integer 1–5), comment? (≤1000) } → SatisfactionView (source "staff"). Several records ' +
      'per stay are allowed; the latest counts. VALIDATION naming the field (score out of range; a stay not begun: stayId); NOT_FOUND; GUEST_ANONYMISED; ' +
      'GUEST_RESTRICTED for a guest who asked for discretion, to roles that may not open such profiles (the front desk).',
    permission: 'satisfaction.write',
    input: satisfactionInput,
    handler: (ctx, input) => recordSatisfaction(ctx, input),
  }),
}
