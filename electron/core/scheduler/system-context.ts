import { desktopCaller, type Actor, type OperationContext } from '../context'
import type { Core } from '../core'
import { afterCommit } from '../db/transaction'
import { appendEvent } from '../event-log.repository'
import type { CoreEvent } from '../events'

/** The parts of a core the scheduler needs. */
export type SchedulerCore = Pick<Core, 'sqlite' | 'events' | 'sessions' | 'services'>

/**
 * A context for work no one asked for (the scheduler): time stands at `now`, events are logged
 * and published after the transaction commits, exactly as an operation's are (core.ts).
 */
export function systemContext(core: SchedulerCore, actor: Actor | null, now: Date): OperationContext {
  const clock = { now: () => new Date(now) }
  return {
    sqlite: core.sqlite,
    clock,
    sessions: core.sessions,
    actor,
    caller: desktopCaller,
    services: core.services,
    emit: (name, payload) => {
      const id = appendEvent(core.sqlite, name, payload, now)
      afterCommit(core.sqlite, () => core.events.publish({ id, name, payload } as CoreEvent))
    },
  }
}
