import { describe, expect, it } from 'vitest'
import { parseLastEventId, replayPlan } from '../../electron/core/event-replay'

describe('what a reconnecting terminal gets', () => {
  it('replays when every event after its id is still kept', () => {
    expect(replayPlan(10, { oldest: 5, latest: 20 })).toBe('replay')
    expect(replayPlan(4, { oldest: 5, latest: 20 })).toBe('replay')
    expect(replayPlan(20, { oldest: 5, latest: 20 })).toBe('replay')
    expect(replayPlan(0, { oldest: null, latest: 0 })).toBe('replay')
    expect(replayPlan(7, { oldest: null, latest: 7 })).toBe('replay')
  })

  it('says reload when some it missed are gone, or its id is not this store’s', () => {
    expect(replayPlan(3, { oldest: 5, latest: 20 })).toBe('reload')
    expect(replayPlan(6, { oldest: null, latest: 7 })).toBe('reload')
    expect(replayPlan(21, { oldest: 5, latest: 20 })).toBe('reload')
    expect(replayPlan(-1, { oldest: 1, latest: 2 })).toBe('reload')
    expect(replayPlan(1.5, { oldest: 1, latest: 2 })).toBe('reload')
  })

  it('reads Last-Event-ID as a whole number only', () => {
    expect(parseLastEventId('42')).toBe(42)
    expect(parseLastEventId(' 42 ')).toBe(42)
    expect(parseLastEventId(['7', '8'])).toBe(7)
    for (const bad of ['', '-1', '1e3', 'abc', '9'.repeat(16), undefined, 42]) expect(parseLastEventId(bad)).toBeNull()
  })
})
