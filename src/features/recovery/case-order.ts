import type { CaseStatus, CaseSummary } from '../../../electron/core/recovery/recovery.types'

/*
 * How the cases list is ordered and filtered (pure: test/unit/recovery-case-order.test.ts):
 * open cases first; among them, the ones whose first response is overdue now, most overdue first;
 * then the rest by when they were raised, newest first.
 */

export type CaseFilter = 'open' | 'resolved' | 'closed' | 'all'
export const caseFilters: readonly CaseFilter[] = ['open', 'resolved', 'closed', 'all']

type Ordered = Pick<CaseSummary, 'status' | 'firstResponseDueAt' | 'firstRespondedAt' | 'firstResponseLate' | 'raisedAt'>

/** Whether nobody has answered the guest yet and the promised first response has passed. */
export function firstResponseOverdue(c: Pick<CaseSummary, 'status' | 'firstResponseDueAt' | 'firstRespondedAt'>, now: Date): boolean {
  return c.status === 'open' && c.firstRespondedAt === null && Date.parse(c.firstResponseDueAt) < now.getTime()
}

const statusRank: Record<CaseStatus, number> = { open: 0, resolved: 1, closed: 2 }

/** The cases in the order the list shows them (a new array). */
export function sortCases<T extends Ordered>(cases: readonly T[], now: Date): T[] {
  return [...cases].sort((a, b) => {
    if (statusRank[a.status] !== statusRank[b.status]) return statusRank[a.status] - statusRank[b.status]
    const aLate = firstResponseOverdue(a, now)
    const bLate = firstResponseOverdue(b, now)
    if (aLate !== bLate) return aLate ? -1 : 1
    if (aLate && bLate) return Date.parse(a.firstResponseDueAt) - Date.parse(b.firstResponseDueAt)
    return Date.parse(b.raisedAt) - Date.parse(a.raisedAt)
  })
}

/** The cases a filter keeps, by status and (when given) owner: 'mine' is the signed-in staff member, 'nobody' unowned. */
export function filterCases<T extends Pick<CaseSummary, 'status' | 'owner'>>(cases: readonly T[], filter: CaseFilter, owner: 'any' | 'mine' | 'nobody', myStaffId?: number): T[] {
  return cases.filter((c) => {
    if (filter !== 'all' && c.status !== filter) return false
    if (owner === 'mine') return c.owner?.id === myStaffId
    if (owner === 'nobody') return c.owner === null
    return true
  })
}
