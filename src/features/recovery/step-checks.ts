/*
 * What the step form can tell before it sends (pure: test/unit/recovery-step-checks.test.ts).
 * Mirrors core's bounds (recovery.service takeStep) so every problem shows at once, in the order
 * of the form: the out-of-order reason, the compensation (0 to 100,000 in the currency's major
 * unit), the promise (text; due on or after the business date, within a year), the follow-up
 * (a real date and time, in the future, within a year) and, for a skip, the reason.
 */
import { addDaysTo } from '../../app/hotel-time-format'
import { currencyDigits, maxCompensationMinor, toMinor } from './recovery-money'
import { hotelInstant } from './recovery-time'

/** The days ahead a promise or follow-up may be set (core's maxFollowUpDays). */
export const maxDaysAhead = 365

export interface StepDraft {
  step: 'apologise' | 'listen' | 'solution' | 'compensation' | 'promise' | 'follow_up'
  skipped: boolean
  note: string
  /** True when an earlier step is still open, so a reason is needed. */
  outOfOrder: boolean
  outOfOrderReason: string
  value: string
  currency: string
  promiseText: string
  promiseDueDate: string
  followedUpNow: boolean
  followUpDate: string
  followUpTime: string
}

/** What the hotel's clock says now: its business date and time zone, and the instant. */
export interface StepClock {
  businessDate: string
  timeZone: string
  now: Date
}

/** A problem named by its message key under recovery.step (with its values) and the field it is about. */
export interface StepProblem {
  field: 'outOfOrderReason' | 'compensationValue' | 'promiseText' | 'promiseDueDate' | 'followUpAt' | 'note'
  key: string
  values?: Record<string, string | number>
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Every problem with the draft, in the form's order (the first is where focus goes). Empty: send it. */
export function stepProblems(d: StepDraft, clock: StepClock | null): StepProblem[] {
  const problems: StepProblem[] = []
  const taking = !d.skipped
  if (d.outOfOrder && d.outOfOrderReason.trim().length === 0) problems.push({ field: 'outOfOrderReason', key: 'outOfOrderMissing' })
  if (taking && d.step === 'compensation') {
    const minor = toMinor(d.value, d.currency)
    if (minor === null) problems.push({ field: 'compensationValue', key: 'valueInvalid', values: { count: currencyDigits(d.currency), digits: currencyDigits(d.currency) } })
    else if (minor > maxCompensationMinor(d.currency)) problems.push({ field: 'compensationValue', key: 'valueTooLarge', values: { maxMinor: maxCompensationMinor(d.currency) } })
  }
  if (taking && d.step === 'promise') {
    if (d.promiseText.trim() === '') problems.push({ field: 'promiseText', key: 'promiseTextMissing' })
    if (!isoDate.test(d.promiseDueDate) || !realDate(d.promiseDueDate)) problems.push({ field: 'promiseDueDate', key: 'dateInvalid' })
    else if (clock && d.promiseDueDate < clock.businessDate) problems.push({ field: 'promiseDueDate', key: 'promisePast', values: { date: clock.businessDate } })
    else if (clock && d.promiseDueDate > addDaysTo(clock.businessDate, maxDaysAhead)) problems.push({ field: 'promiseDueDate', key: 'tooFarAhead' })
  }
  if (taking && d.step === 'follow_up' && !d.followedUpNow) {
    const at = clock ? hotelInstant(d.followUpDate, d.followUpTime, clock.timeZone) : null
    if (clock && at === null) problems.push({ field: 'followUpAt', key: 'followUpInvalid' })
    else if (clock && at !== null && new Date(at).getTime() <= clock.now.getTime()) problems.push({ field: 'followUpAt', key: 'followUpPast' })
    else if (clock && at !== null && d.followUpDate > addDaysTo(clock.businessDate, maxDaysAhead)) problems.push({ field: 'followUpAt', key: 'tooFarAhead' })
  }
  if (d.skipped && d.note.trim() === '') problems.push({ field: 'note', key: 'skipReasonMissing' })
  return problems
}

function realDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number)
  const check = new Date(Date.UTC(y, m - 1, d))
  return check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d
}
