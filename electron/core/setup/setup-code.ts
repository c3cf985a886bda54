import crypto from 'node:crypto'
import type { Clock } from '../clock'

/** Letters and digits that cannot be mistaken for each other when read off a console. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const validMs = 60 * 60_000

/**
 * The one-time code that lets a terminal elsewhere on the network claim a new store. The hub
 * prints it on its console; it is valid for one hour and only until the store is claimed.
 */
export class SetupCode {
  private current: { code: string; expires: number } | null = null

  constructor(private clock: Clock) {}

  /** Issues a new code (10 characters, about 50 bits), replacing any earlier one. */
  issue(): { code: string; expires: Date } {
    const code = Array.from(crypto.randomBytes(10), (b) => alphabet[b % alphabet.length]).join('')
    const expires = this.clock.now().getTime() + validMs
    this.current = { code, expires }
    return { code, expires: new Date(expires) }
  }

  /** Whether `typed` is the live code (case, spaces and dashes ignored; constant time). */
  matches(typed: string | undefined | null): boolean {
    if (!typed || !this.current) return false
    if (this.clock.now().getTime() > this.current.expires) {
      this.current = null
      return false
    }
    const a = Buffer.from(typed.toUpperCase().replace(/[\s-]/g, ''))
    const b = Buffer.from(this.current.code)
    return a.length === b.length && crypto.timingSafeEqual(a, b)
  }

  /** Used up: the store has been claimed. */
  revoke(): void {
    this.current = null
  }
}
