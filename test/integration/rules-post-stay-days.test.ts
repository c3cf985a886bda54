import { afterEach, describe, expect, it } from 'vitest'
import { failure, ok, seedSmallHotel, tempStore } from '../fixtures/test-store'

// Issue 13 finding 12: the after-the-stay follow-up rule counts days after departure. A negative
// count is refused with a sentence on the field (nothing changes); 0 means the day of departure.
let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

function world() {
  const store = tempStore()
  cleanup = store.cleanup
  const hotel = seedSmallHotel(store.core)
  const list = () => ok<Record<string, unknown>[]>(store.core.callAs(hotel.admin, 'rule.list', {}))
  const rule = list().find((r) => r.key === 'builtin-recovery-post-stay')!
  const { id, key, kind, trigger, atTime, category, code, value, polarity, conditions, department, priority, ackMinutes, dueMinutes, template } = rule
  const update = (offsetDays: unknown) => store.core.callAs(hotel.admin, 'rule.update', { id, key, kind, trigger, offsetDays, atTime, category, code, value, polarity, conditions, department, priority, ackMinutes, dueMinutes, template })
  return { rule, update, reread: () => list().find((r) => r.id === id)! }
}

describe('the post-stay follow-up rule’s days after departure', () => {
  it('refuses -2 on the offsetDays field and keeps the saved 3 days', () => {
    const w = world()
    expect(w.rule.offsetDays).toBe(3)
    const error = failure(w.update(-2))
    expect(error.code).toBe('VALIDATION')
    expect((error.details?.issues as { path: string }[]).map((i) => i.path)).toContain('offsetDays')
    expect(w.reread().offsetDays).toBe(3)
  })

  it('accepts 0 (on the day of departure) and 365, refuses 366 and 1.5', () => {
    const w = world()
    ok(w.update(0))
    expect(w.reread().offsetDays).toBe(0)
    ok(w.update(365))
    expect(failure(w.update(366)).code).toBe('VALIDATION')
    expect(failure(w.update(1.5)).code).toBe('VALIDATION')
    expect(w.reread().offsetDays).toBe(365)
  })
})
