import { describe, expect, it } from 'vitest'
import { averageText, earlierCases, recordableStays } from '../../src/features/recovery/recovery-history'
import type { CaseSummary, GuestRecoveryHistory } from '../../electron/core/recovery/recovery.types'

const history = (stayIds: number[]): GuestRecoveryHistory => ({
  cases: stayIds.map((stayId, i) => ({ id: i + 1, stayId }) as CaseSummary),
  openPromises: [],
  satisfaction: [],
  averageScore: null,
})

describe('what the desk remembers of a guest’s earlier problems', () => {
  it('lists cases of other stays only: this stay’s own case is not “last time”', () => {
    expect(earlierCases(history([5, 3]), 5).map((c) => c.stayId)).toEqual([3])
    expect(earlierCases(history([5]), 5)).toEqual([])
    expect(earlierCases(null, 5)).toEqual([])
  })

  it('offers stays in house first, then stays that ended, latest first; never cancelled ones', () => {
    const stays = [
      { id: 1, status: 'checked_out', arrival: '2026-01-01' },
      { id: 2, status: 'cancelled', arrival: '2026-11-01' },
      { id: 3, status: 'checked_out', arrival: '2026-06-01' },
      { id: 4, status: 'in_house', arrival: '2026-11-30' },
      { id: 5, status: 'reserved', arrival: '2026-12-20' },
    ]
    expect(recordableStays(stays).map((s) => s.id)).toEqual([4, 3, 1])
  })

  it('says the average score with one decimal', () => {
    expect(averageText(4.333, 'en')).toBe('4.3')
    expect(averageText(4, 'zh-CN')).toBe('4.0')
    expect(averageText(null, 'en')).toBeNull()
  })
})
