import { desktopCaller, type Actor } from '../core/context'
import type { Core, Result } from '../core/core'
import { eventAsSeenBy, eventVisibleTo } from '../core/event-visibility'
import type { CoreEvent } from '../core/events'
import { operationSessionEffect } from '../core/operation-catalog'

/**
 * One session token per window, kept in the main process: the page signs in and out through
 * operations but never holds the token, just as the hub keeps it in an HttpOnly cookie.
 */
export class WindowSessions {
  private tokens = new Map<number, string>()

  constructor(private core: Pick<Core, 'call' | 'callAsync' | 'sessions'>) {}

  /**
   * Calls an operation for whoever is signed in in this window, and answers what the page may see.
   * The caller is always the desktop: the window is this machine's own page (checked by the IPC
   * sender check before this runs), so it may claim a new store without the hub's setup code.
   */
  call(windowId: number, method: string, input: unknown): Result {
    const token = this.tokens.get(windowId) ?? null
    return this.settle(windowId, token, method, this.core.call(token, method, input, desktopCaller))
  }

  /** As `call`, for every operation, including those that read a file before their transaction. */
  async callAsync(windowId: number, method: string, input: unknown): Promise<Result> {
    const token = this.tokens.get(windowId) ?? null
    return this.settle(windowId, token, method, await this.core.callAsync(token, method, input, desktopCaller))
  }

  private settle(windowId: number, token: string | null, method: string, result: Result): Result {
    if (!result.ok) return result
    const effect = operationSessionEffect(method)
    if (effect === 'start') {
      const { token: opened, ...rest } = result.value as { token?: unknown }
      if (typeof opened !== 'string') return { ok: false, error: { code: 'INTERNAL', message: 'Sign-in returned no session.' } }
      if (token) this.core.sessions.close(token)
      this.tokens.set(windowId, opened)
      return { ok: true, value: rest }
    }
    if (effect === 'end') this.forget(windowId)
    return result
  }

  actor(windowId: number): Actor | null {
    return this.core.sessions.actor(this.tokens.get(windowId))
  }

  /** Whether this window's signed-in person may receive the event (department boards see their own). */
  mayReceive(windowId: number, event: CoreEvent): boolean {
    // Hearing an event is not activity: it must not keep an idle window's session alive.
    return eventVisibleTo(this.core.sessions.peek(this.tokens.get(windowId)), event)
  }

  /**
   * The event as each window's signed-in person may see it (`eventAsSeenBy`), grouped: windows that
   * see the same redaction share one delivery. Windows that may not receive it are left out.
   */
  deliveries(event: CoreEvent): { event: CoreEvent; windowIds: number[] }[] {
    const groups = new Map<string, { event: CoreEvent; windowIds: number[] }>()
    for (const windowId of this.recipients(event)) {
      const actor = this.core.sessions.peek(this.tokens.get(windowId))
      if (!actor) continue
      const seen = eventAsSeenBy(actor, event)
      const key = seen === event ? '' : JSON.stringify(seen.payload)
      const group = groups.get(key) ?? { event: seen, windowIds: [] }
      group.windowIds.push(windowId)
      groups.set(key, group)
    }
    return [...groups.values()]
  }

  /** The windows whose signed-in person may receive the event (a window nobody signed in to hears nothing). */
  recipients(event: CoreEvent): number[] {
    return [...this.tokens.keys()].filter((windowId) => this.mayReceive(windowId, event))
  }

  /** Signs the window out (closed, crashed, or signed out). */
  forget(windowId: number): void {
    this.core.sessions.close(this.tokens.get(windowId))
    this.tokens.delete(windowId)
  }
}
