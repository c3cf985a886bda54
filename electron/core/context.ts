import type { Clock } from './clock'
import type { CoreEvent, CoreEventName, CoreEvents } from './events'
import type { Sqlite } from './db/query'
import type { Role } from './staff/roles'

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
  actor: Actor | null
  /** Queue an event; it is published once the operation's transaction commits. */
  emit<K extends CoreEventName>(name: K, payload: CoreEvents[K]): void
}

export type PendingEvents = CoreEvent[]
