import crypto from 'node:crypto'
import type { Actor } from '../context'
import type { Clock } from '../clock'

const sessionHours = 12
const maxFailures = 5
const failureWindowMs = 60_000

/**
 * Signed-in staff, by opaque token. Held in memory: a restart signs everyone out, which a
 * hotel accepts, and no token ever reaches the disk.
 */
export class SessionStore {
  private sessions = new Map<string, { actor: Actor; expires: number }>()
  private failures = new Map<string, number[]>()

  constructor(private clock: Clock) {}

  open(actor: Actor): string {
    const token = crypto.randomBytes(32).toString('base64url')
    this.sessions.set(token, { actor, expires: this.clock.now().getTime() + sessionHours * 3_600_000 })
    return token
  }

  actor(token: string | null | undefined): Actor | null {
    if (!token) return null
    const session = this.sessions.get(token)
    if (!session) return null
    const now = this.clock.now().getTime()
    if (session.expires < now) {
      this.sessions.delete(token)
      return null
    }
    session.expires = now + sessionHours * 3_600_000
    return session.actor
  }

  close(token: string | null | undefined): void {
    if (token) this.sessions.delete(token)
  }

  /** True when this staff code has failed too often in the last minute. */
  isLockedOut(code: string): boolean {
    const now = this.clock.now().getTime()
    const recent = (this.failures.get(code) ?? []).filter((t) => now - t < failureWindowMs)
    this.failures.set(code, recent)
    return recent.length >= maxFailures
  }

  recordFailure(code: string): void {
    const list = this.failures.get(code) ?? []
    list.push(this.clock.now().getTime())
    this.failures.set(code, list)
  }

  clearFailures(code: string): void {
    this.failures.delete(code)
  }
}
