import { describe, expect, it } from 'vitest'
import { SignInThrottle } from '../../electron/core/staff/sign-in-throttle'

const start = Date.parse('2025-03-01T08:00:00.000Z')
const second = 1000
const minute = 60 * second

function setup() {
  let t = start
  const clock = { now: () => new Date(t) }
  const throttle = new SignInThrottle(clock)
  return {
    throttle,
    now: () => t,
    advance: (ms: number) => {
      t += ms
    },
    /** The wait in ms this attempt would face now (0: may go ahead). */
    waitMs: (code: string | null, address: string) => Math.max(0, throttle.waitUntil(code, address) - t),
  }
}

const phone = '192.168.1.31'
const other = '192.168.1.32'

describe('SignInThrottle', () => {
  it('lets four wrong PINs through and makes the fifth start a 30 s wait on that code from that address', () => {
    const { throttle, waitMs } = setup()
    for (let i = 0; i < 4; i++) {
      expect(throttle.recordFailure('F001', phone)).toBe(false)
      expect(waitMs('F001', phone)).toBe(0)
    }
    expect(throttle.recordFailure('F001', phone)).toBe(true)
    expect(waitMs('F001', phone)).toBe(30 * second)
  })

  it('does not make a colleague on another terminal wait for the same code', () => {
    const { throttle, waitMs } = setup()
    for (let i = 0; i < 8; i++) throttle.recordFailure('ADMIN', phone)
    expect(waitMs('ADMIN', phone)).toBeGreaterThan(0)
    expect(waitMs('ADMIN', other)).toBe(0)
    expect(waitMs('F001', phone)).toBe(0) // the same phone can still try another code
  })

  it('makes an address that guessed 20 times across many codes wait for every code', () => {
    const { throttle, waitMs } = setup()
    for (let i = 0; i < 19; i++) throttle.recordFailure(`S${i}`, phone) // one failure per code: no pair waits
    expect(waitMs('NEW', phone)).toBe(0)
    expect(throttle.recordFailure('S19', phone)).toBe(true)
    expect(waitMs('NEW', phone)).toBe(30 * second)
    expect(waitMs('S0', phone)).toBe(30 * second)
    expect(waitMs(null, phone)).toBe(30 * second) // setup-code attempts too
    expect(waitMs('NEW', other)).toBe(0)
  })

  it('doubles the wait on each further failure, up to 15 minutes', () => {
    const { throttle, waitMs, advance } = setup()
    for (let i = 0; i < 4; i++) throttle.recordFailure('F001', phone)
    const seen: number[] = []
    for (let i = 0; i < 8; i++) {
      throttle.recordFailure('F001', phone)
      const wait = waitMs('F001', phone)
      seen.push(wait / second)
      advance(wait) // sit the wait out, then guess again
    }
    expect(seen).toEqual([30, 60, 120, 240, 480, 900, 900, 900])
  })

  it('reports only the failure that starts a wait, not failures during one', () => {
    const { throttle } = setup()
    for (let i = 0; i < 4; i++) throttle.recordFailure('F001', phone)
    expect(throttle.recordFailure('F001', phone)).toBe(true)
    expect(throttle.recordFailure('F001', phone)).toBe(false)
  })

  it('clears the pair on a right PIN but keeps counting the address', () => {
    const { throttle, waitMs } = setup()
    for (let i = 0; i < 4; i++) throttle.recordFailure('F001', phone)
    throttle.recordSuccess('F001', phone)
    for (let i = 0; i < 4; i++) throttle.recordFailure('F001', phone)
    expect(waitMs('F001', phone)).toBe(0) // 4 since the success: the pair does not wait
    // 8 failures so far from this address; 12 more on fresh codes reach the address limit of 20.
    for (let i = 0; i < 11; i++) throttle.recordFailure(`X${i}`, phone)
    expect(waitMs('Y', phone)).toBe(0)
    throttle.recordFailure('X11', phone)
    expect(waitMs('Y', phone)).toBe(30 * second)
  })

  it('forgets failures an hour after the last one', () => {
    const { throttle, waitMs, advance } = setup()
    for (let i = 0; i < 4; i++) throttle.recordFailure('F001', phone)
    advance(59 * minute)
    expect(throttle.recordFailure('F001', phone)).toBe(true) // still remembered: 5th failure
    advance(61 * minute)
    for (let i = 0; i < 4; i++) throttle.recordFailure('F001', phone)
    expect(waitMs('F001', phone)).toBe(0) // counting started again
    expect(throttle.recordFailure('F001', phone)).toBe(true)
  })

  it('lifts every wait on a code, from every address, and says how many records it cleared', () => {
    const { throttle, waitMs } = setup()
    for (let i = 0; i < 5; i++) throttle.recordFailure('F001', phone)
    for (let i = 0; i < 5; i++) throttle.recordFailure('F001', other)
    for (let i = 0; i < 5; i++) throttle.recordFailure('F002', phone)
    expect(throttle.unlockCode('F001')).toBe(2)
    expect(waitMs('F001', phone)).toBe(0)
    expect(waitMs('F001', other)).toBe(0)
    expect(waitMs('F002', phone)).toBeGreaterThan(0) // another code's wait stays
    expect(throttle.unlockCode('F001')).toBe(0)
  })

  it('lifts every wait on an address, including the whole-address wait', () => {
    const { throttle, waitMs } = setup()
    for (let i = 0; i < 20; i++) throttle.recordFailure(i < 5 ? 'F001' : `S${i}`, phone)
    for (let i = 0; i < 5; i++) throttle.recordFailure('F001', other)
    expect(waitMs('ANY', phone)).toBeGreaterThan(0)
    // 16 pair records (F001, S5…S19) and the address record
    expect(throttle.unlockAddress(phone)).toBe(17)
    expect(waitMs('ANY', phone)).toBe(0)
    expect(waitMs('F001', phone)).toBe(0)
    expect(waitMs('F001', other)).toBeGreaterThan(0) // the other address still waits
    expect(throttle.unlockAddress(phone)).toBe(0)
  })

  it('lists only waits in force, longest first', () => {
    const { throttle, advance, now } = setup()
    for (let i = 0; i < 4; i++) throttle.recordFailure('DONE', '10.0.0.9')
    throttle.recordFailure('DONE', '10.0.0.9') // 30 s wait …
    advance(31 * second) // … over
    for (let i = 0; i < 5; i++) throttle.recordFailure('SHORT', phone) // 30 s
    for (let i = 0; i < 6; i++) throttle.recordFailure('LONG', other) // 60 s
    for (let i = 0; i < 3; i++) throttle.recordFailure('FEW', '10.0.0.7') // no wait
    const list = throttle.lockouts()
    expect(list).toEqual([
      { code: 'LONG', address: other, failures: 6, until: new Date(now() + 60 * second).toISOString() },
      { code: 'SHORT', address: phone, failures: 5, until: new Date(now() + 30 * second).toISOString() },
    ])
    advance(45 * second)
    expect(throttle.lockouts().map((l) => l.code)).toEqual(['LONG'])
    advance(16 * second)
    expect(throttle.lockouts()).toEqual([])
  })

  it('lists a whole-address wait with no staff code', () => {
    const { throttle } = setup()
    for (let i = 0; i < 20; i++) throttle.recordFailure(`S${i}`, phone)
    expect(throttle.lockouts()).toEqual([expect.objectContaining({ code: null, address: phone, failures: 20 })])
  })

  it('keeps at most 5000 records however many addresses fail', () => {
    const { throttle, waitMs } = setup()
    for (let i = 0; i < 20_000; i++) throttle.recordFailure(`C${i}`, `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`)
    expect(throttle.size).toBeLessThanOrEqual(5000)
    expect(throttle.size).toBeGreaterThan(0)
    // and it still works afterwards
    for (let i = 0; i < 5; i++) throttle.recordFailure('F001', phone)
    expect(waitMs('F001', phone)).toBe(30 * second)
    expect(throttle.size).toBeLessThanOrEqual(5000)
  })
})
