import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Actor } from '../core/context'
import type { Core } from '../core/core'
import { replayPlan } from '../core/event-replay'
import { eventAsSeenBy, eventVisibleTo } from '../core/event-visibility'
import type { CoreEvent } from '../core/events'

/** A terminal's browser reconnects this long after a dropped stream (ms), sent as SSE `retry:`. */
export const reconnectMs = 2000
/** A comment every this many ms keeps proxies from closing an idle stream and lets terminals notice a dead one. */
export const heartbeatMs = 15_000
/** Streams one session may hold; opening one more closes its oldest (a phone that reconnects without closing). */
export const streamsPerSession = 4
/** A terminal that has not read this many bytes is dropped; it reconnects and catches up from the log. */
const maxUnsentBytes = 1024 * 1024

function frame(event: CoreEvent): string {
  return `id: ${event.id}\nevent: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`
}

/**
 * Live events for signed-in terminals, over Server-Sent Events.
 *
 * A stream opens with `retry:`, then (when the terminal says where it was, `Last-Event-ID` or
 * `?lastEventId=`) every event it missed and may see, in order, or `reload` when some of them
 * are no longer kept; then `ready` carrying the latest id; then live events as they commit. Every
 * event has an `id:` from the store's log. The session is checked, without counting as activity,
 * on every event and every heartbeat: a stream never keeps a session alive, and a session that
 * ends (idle, signed out, revoked, person deactivated) ends its streams; the terminal's
 * reconnect then gets 401 and goes to sign-in.
 */
export class EventStreams {
  private bySession = new Map<string, ServerResponse[]>()
  private all = new Set<ServerResponse>()

  constructor(private core: Pick<Core, 'events' | 'eventLog' | 'sessions'>) {
    // A person deactivated, reset or signed out everywhere: their streams end now, not at the next heartbeat.
    this.stopHearingRevocations = core.sessions.onRevoked(() => this.endRevoked())
  }
  private stopHearingRevocations: () => void

  /** Starts streaming on `res` for the session `token` (already checked to be signed in as `actor`). */
  open(request: IncomingMessage, res: ServerResponse, headers: Record<string, string>, token: string, actor: Actor, lastId: number | null): void {
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    res.write(`retry: ${reconnectMs}\n\n`)
    this.limit(token, res)
    // Replay and subscription happen in one synchronous step: no event can fall between them.
    const bounds = this.core.eventLog.bounds()
    if (lastId !== null) {
      if (replayPlan(lastId, bounds) === 'reload') res.write(`id: ${bounds.latest}\nevent: reload\ndata: {}\n\n`)
      else {
        for (let after = lastId; after < bounds.latest; ) {
          const page = this.core.eventLog.after(after, 500)
          if (page.length === 0) break
          for (const event of page) if (eventVisibleTo(actor, event)) res.write(frame(eventAsSeenBy(actor, event)))
          after = page[page.length - 1].id
        }
      }
    }
    res.write(`id: ${bounds.latest}\nevent: ready\ndata: {}\n\n`)
    const end = () => {
      if (!res.writableEnded) res.end()
    }
    const unsubscribe = this.core.events.subscribe((event) => {
      const current = this.core.sessions.peek(token)
      if (!current) return end()
      if (res.writableLength > maxUnsentBytes) return end()
      if (eventVisibleTo(current, event)) res.write(frame(eventAsSeenBy(current, event)))
    })
    const heartbeat = setInterval(() => {
      if (!this.core.sessions.peek(token)) return end()
      res.write(': heartbeat\n\n')
    }, heartbeatMs)
    heartbeat.unref()
    const closed = () => {
      clearInterval(heartbeat)
      unsubscribe()
      this.forget(token, res)
    }
    request.on('close', closed)
    res.on('close', closed)
  }

  /** Open streams (for the hub's status and tests). */
  get size(): number {
    return this.all.size
  }

  /** Ends the streams whose session no longer holds (checked without counting as activity). */
  private endRevoked(): void {
    for (const [token, list] of this.bySession) {
      if (this.core.sessions.peek(token)) continue
      for (const res of [...list]) if (!res.writableEnded) res.end()
    }
  }

  /** Ends every stream (the hub is stopping). */
  closeAll(): void {
    this.stopHearingRevocations()
    for (const res of this.all) if (!res.writableEnded) res.end()
  }

  private limit(token: string, res: ServerResponse): void {
    const list = this.bySession.get(token) ?? []
    while (list.length >= streamsPerSession) list.shift()?.end()
    list.push(res)
    this.bySession.set(token, list)
    this.all.add(res)
  }

  private forget(token: string, res: ServerResponse): void {
    this.all.delete(res)
    const list = this.bySession.get(token)
    if (!list) return
    const left = list.filter((r) => r !== res)
    if (left.length === 0) this.bySession.delete(token)
    else this.bySession.set(token, left)
  }
}
