import { describe, expect, it } from 'vitest'
import { filterCases, firstResponseOverdue, sortCases } from '../../src/features/recovery/case-order'

const now = new Date('2026-12-01T12:00:00.000Z')
type Row = Parameters<typeof sortCases>[0][number] & { id: number; owner: { id: number; name: string } | null }
const row = (id: number, patch: Partial<Row>): Row => ({
  id, status: 'open', firstResponseDueAt: '2026-12-01T13:00:00.000Z', firstRespondedAt: null, firstResponseLate: false, raisedAt: '2026-12-01T11:00:00.000Z', owner: null, ...patch,
})

describe('the cases list', () => {
  it('flags an open case nobody has answered past its promised first response', () => {
    expect(firstResponseOverdue(row(1, { firstResponseDueAt: '2026-12-01T11:30:00.000Z' }), now)).toBe(true)
    expect(firstResponseOverdue(row(1, { firstResponseDueAt: '2026-12-01T11:30:00.000Z', firstRespondedAt: '2026-12-01T11:40:00.000Z' }), now)).toBe(false)
    expect(firstResponseOverdue(row(1, {}), now)).toBe(false)
    expect(firstResponseOverdue(row(1, { status: 'resolved', firstResponseDueAt: '2026-12-01T11:30:00.000Z' }), now)).toBe(false)
  })

  it('shows open cases first, the overdue ones on top (most overdue first), then newest first', () => {
    const cases = [
      row(1, { status: 'resolved', raisedAt: '2026-12-01T11:59:00.000Z' }),
      row(2, { raisedAt: '2026-12-01T09:00:00.000Z' }),
      row(3, { firstResponseDueAt: '2026-12-01T11:50:00.000Z' }),
      row(4, { raisedAt: '2026-12-01T11:30:00.000Z' }),
      row(5, { firstResponseDueAt: '2026-12-01T10:00:00.000Z' }),
      row(6, { status: 'closed', raisedAt: '2026-12-01T11:59:30.000Z' }),
    ]
    expect(sortCases(cases, now).map((c) => c.id)).toEqual([5, 3, 4, 2, 1, 6])
    expect(cases.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6]) // untouched
  })

  it('filters by status and owner', () => {
    const cases = [row(1, { owner: { id: 7, name: 'A' } }), row(2, {}), row(3, { status: 'resolved', owner: { id: 7, name: 'A' } })]
    expect(filterCases(cases, 'open', 'any').map((c) => c.id)).toEqual([1, 2])
    expect(filterCases(cases, 'all', 'mine', 7).map((c) => c.id)).toEqual([1, 3])
    expect(filterCases(cases, 'all', 'nobody').map((c) => c.id)).toEqual([2])
    expect(filterCases(cases, 'resolved', 'any').map((c) => c.id)).toEqual([3])
  })
})
