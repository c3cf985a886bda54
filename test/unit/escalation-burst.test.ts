import { describe, expect, it } from 'vitest'
import { burstAdd, burstGapMs, burstIsNew, type EscalatedPrompt } from '../../src/features/promises/escalation-alerts'

const p = (id: number, department = 'housekeeping'): EscalatedPrompt => ({ id, department, roomNumber: '1203', text: { en: `prompt ${id}`, zh: `提示 ${id}` } })

describe('escalations arriving together make one notice that counts', () => {
  it('three escalations within the gap are one burst of three, newest told, departments once each', () => {
    let b = burstAdd(null, p(1), 0)
    expect(burstIsNew(b)).toBe(true)
    b = burstAdd(b, p(2, 'restaurant'), 5_000)
    b = burstAdd(b, p(3), 10_000)
    expect(b.ids).toEqual([1, 2, 3])
    expect(b.departments).toEqual(['housekeeping', 'restaurant'])
    expect(b.latest.id).toBe(3)
    expect(burstIsNew(b)).toBe(false)
  })

  it('a prompt escalating a second step is not counted twice', () => {
    const b = burstAdd(burstAdd(null, p(1), 0), p(1), 1_000)
    expect(b.ids).toEqual([1])
  })

  it('after a quiet gap the next escalation starts a new burst (and a new desktop notification)', () => {
    const b = burstAdd(burstAdd(null, p(1), 0), p(2), burstGapMs)
    expect(b.ids).toEqual([2])
    expect(burstIsNew(b)).toBe(true)
  })
})
