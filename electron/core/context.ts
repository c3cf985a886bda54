import type { Clock } from './clock'
import type { CoreEventName, CoreEvents } from './events'
import type { Sqlite } from './db/query'
import type { Role } from './staff/roles'
import type { SessionStore } from './staff/sessions'
import { AppError } from './errors'

/** The signed-in staff member on whose behalf an operation runs. */
export interface Actor {
  staffId: number
  code: string
  name: string
  role: Role
  department: string
}

export interface OperationContext {
  sqlite: Sqlite
  clock: Clock
  sessions: SessionStore
  actor: Actor | null
  /** Capabilities the host wires in (the demo hotel's data lives beside the app, not in core). */
  services: CoreServices
  /** Queue an event; it is published once the operation's transaction commits. */
  emit<K extends CoreEventName>(name: K, payload: CoreEvents[K]): void
}

/** The actor of an operation that needs one (every operation that is not public). */
export function actorOf(ctx: OperationContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
  return ctx.actor
}

export interface CoreServices {
  /** Loads the demo hotel into an empty store; absent where no demo data ships. */
  loadDemo?: () => { rooms: number; guests: number; arrivalsToday: number }
}
