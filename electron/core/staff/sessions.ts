import crypto from 'node:crypto'
import type { Actor } from '../context'
import type { Clock } from '../clock'
import type { Sqlite } from '../db/query'
import { afterCommit } from '../db/transaction'
import { SetupCode } from '../setup/setup-code'
import { deleteIdleSessions, deleteSession, deleteStaffSessions, findSession, insertSession, touchSession } from './session.repository'
import { SignInThrottle } from './sign-in-throttle'
import { toActor } from './staff-actor'

/** A session ends after this long without a call (hours), whether or not an event stream is open. */
export const sessionHours = 12

/** A session's last-seen time is written at most this often (ms), not on every call. */
const touchEveryMs = 60_000

function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

/**
 * Signed-in staff, by opaque token, plus who may try to come in: the wrong-PIN throttle and
 * the one-time setup code (those two in memory).
 *
 * Sessions are kept in the store (table staff_session), so a hub restart signs nobody out; the
 * token itself never reaches the disk, only its SHA-256. A session is looked up with its staff
 * member on every call, so a deactivated person or a changed role takes effect at once. A
 * session idle for `sessionHours` has ended; only calls count as activity (`actor`), never an
 * open event stream (`peek`).
 */
export class SessionStore {
  readonly throttle: SignInThrottle
  readonly setupCode: SetupCode
  private revokedListeners = new Set<(staffId: number) => void>()

  constructor(
    private sqlite: Sqlite,
    private clock: Clock,
  ) {
    this.throttle = new SignInThrottle(clock)
    this.setupCode = new SetupCode(clock)
  }

  /** Opens a session for `actor` from `address` (the socket's, or 'desktop'); answers the token (base64url, 43 characters). */
  open(actor: Actor, address: string): string {
    const token = crypto.randomBytes(32).toString('base64url')
    const now = this.clock.now()
    deleteIdleSessions(this.sqlite, this.idleSince(now))
    insertSession(this.sqlite, { tokenHash: hashToken(token), staffId: actor.staffId, address, at: now.toISOString() })
    return token
  }

  /** Who holds this token, counting this as activity; null when it is unknown, idle too long, or its person is inactive. */
  actor(token: string | null | undefined): Actor | null {
    return this.resolve(token, true)
  }

  /** Like `actor`, without counting as activity (an event stream checking its session is still valid). */
  peek(token: string | null | undefined): Actor | null {
    return this.resolve(token, false)
  }

  close(token: string | null | undefined): void {
    if (token) deleteSession(this.sqlite, hashToken(token))
  }

  /**
   * Ends every session of one staff member (deactivated, PIN reset, lost phone); answers how many.
   * Listeners (the hub's event streams) hear of it once the change commits, so an open board is
   * signed out at once rather than at its next event or heartbeat.
   */
  revokeStaff(staffId: number): number {
    const ended = deleteStaffSessions(this.sqlite, staffId)
    if (ended > 0) {
      afterCommit(this.sqlite, () => {
        for (const listener of [...this.revokedListeners]) listener(staffId)
      })
    }
    return ended
  }

  /** Hears that a staff member's sessions were ended (after the change committed). */
  onRevoked(listener: (staffId: number) => void): () => void {
    this.revokedListeners.add(listener)
    return () => this.revokedListeners.delete(listener)
  }

  private idleSince(now: Date): string {
    return new Date(now.getTime() - sessionHours * 3_600_000).toISOString()
  }

  private resolve(token: string | null | undefined, touch: boolean): Actor | null {
    if (!token || token.length > 100) return null
    const hash = hashToken(token)
    const session = findSession(this.sqlite, hash)
    if (!session) return null
    const now = this.clock.now()
    if (session.last_seen_at < this.idleSince(now)) {
      deleteSession(this.sqlite, hash)
      return null
    }
    if (session.staff.active !== 1) return null
    if (touch && now.getTime() - Date.parse(session.last_seen_at) >= touchEveryMs) touchSession(this.sqlite, hash, now.toISOString())
    return toActor(session.staff)
  }
}
