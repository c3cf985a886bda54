import crypto from 'node:crypto'
import type { Actor } from '../context'
import type { Clock } from '../clock'
import { SetupCode } from '../setup/setup-code'
import { SignInThrottle } from './sign-in-throttle'

/** A session ends after this long without a call (hours). */
export const sessionHours = 12

/**
 * Signed-in staff, by opaque token, plus who may try to come in: the wrong-PIN throttle and
 * the one-time setup code. Held in memory: a restart signs everyone out, and no token ever
 * reaches the disk.
 */
export class SessionStore {
  private sessions = new Map<string, { actor: Actor; expires: number }>()
  readonly throttle: SignInThrottle
  readonly setupCode: SetupCode

  constructor(private clock: Clock) {
    this.throttle = new SignInThrottle(clock)
    this.setupCode = new SetupCode(clock)
  }

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
}
