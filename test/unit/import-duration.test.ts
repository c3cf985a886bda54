import { describe, expect, it } from 'vitest'
import { importMinutes } from '../../src/features/transfer/import-duration'

describe('how long an import is said to take', () => {
  it('says nothing for a small hotel, and whole minutes, at least two, for a big one', () => {
    expect(importMinutes(2_600)).toBeNull()
    expect(importMinutes(19_999)).toBeNull()
    expect(importMinutes(20_000)).toBe(2)
    expect(importMinutes(100_000)).toBe(2)
    expect(importMinutes(200_000)).toBe(4)
    expect(importMinutes(Number.NaN)).toBeNull()
  })
})
