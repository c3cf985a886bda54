import { describe, expect, it } from 'vitest'
import { SetupCode } from '../../electron/core/setup/setup-code'

const start = Date.parse('2025-03-01T08:00:00.000Z')
const minute = 60_000

function setup() {
  let t = start
  const setupCode = new SetupCode({ now: () => new Date(t) })
  return { setupCode, advance: (ms: number) => (t += ms) }
}

describe('SetupCode', () => {
  it('issues 10 characters from the unambiguous alphabet, valid for one hour', () => {
    const { setupCode } = setup()
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const { code, expires } = setupCode.issue()
      expect(code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}$/)
      expect(expires.getTime()).toBe(start + 60 * minute)
      seen.add(code)
    }
    expect(seen.size).toBe(200)
  })

  it('never uses the look-alike characters 0, O, 1, I', () => {
    const { setupCode } = setup()
    const all = Array.from({ length: 300 }, () => setupCode.issue().code).join('')
    expect(all).not.toMatch(/[01OI]/)
  })

  it('matches the code typed in any case, with spaces and dashes', () => {
    const { setupCode } = setup()
    const { code } = setupCode.issue()
    expect(setupCode.matches(code)).toBe(true)
    expect(setupCode.matches(code.toLowerCase())).toBe(true)
    expect(setupCode.matches(`${code.slice(0, 5)}-${code.slice(5)}`)).toBe(true)
    expect(setupCode.matches(` ${code.slice(0, 3)} ${code.slice(3, 6)}  ${code.slice(6)} `.toLowerCase())).toBe(true)
  })

  it('refuses a wrong, partial, longer, empty or missing code', () => {
    const { setupCode } = setup()
    const { code } = setupCode.issue()
    const wrong = code.slice(0, 9) + (code[9] === 'A' ? 'B' : 'A')
    for (const typed of [wrong, code.slice(0, 9), `${code}A`, '', '   ', '-', undefined, null]) {
      expect(setupCode.matches(typed), String(typed)).toBe(false)
    }
    expect(setupCode.matches(code)).toBe(true) // wrong guesses do not use it up
  })

  it('matches nothing before a code is issued', () => {
    const { setupCode } = setup()
    expect(setupCode.matches('ABCDEFGHJK')).toBe(false)
  })

  it('expires after one hour', () => {
    const { setupCode, advance } = setup()
    const { code } = setupCode.issue()
    advance(59 * minute)
    expect(setupCode.matches(code)).toBe(true)
    advance(minute + 1)
    expect(setupCode.matches(code)).toBe(false)
  })

  it('ends when revoked', () => {
    const { setupCode } = setup()
    const { code } = setupCode.issue()
    setupCode.revoke()
    expect(setupCode.matches(code)).toBe(false)
  })

  it('replaces the old code when issued again', () => {
    const { setupCode, advance } = setup()
    const first = setupCode.issue().code
    advance(50 * minute)
    const second = setupCode.issue()
    expect(second.expires.getTime()).toBe(start + 110 * minute)
    expect(setupCode.matches(first)).toBe(false)
    expect(setupCode.matches(second.code)).toBe(true)
    advance(30 * minute) // past the first code's hour, within the second's
    expect(setupCode.matches(second.code)).toBe(true)
  })
})
