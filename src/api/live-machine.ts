/**
 * The live connection's state machine, pure: (state, input) → (state, effects). The driver in
 * `live-events.ts` owns the network, the timers and the listeners; every decision is made here,
 * so it is unit-tested without a browser (test/unit/live-machine.test.ts).
 *
 *   idle ──start──▶ connecting ──opened──▶ live ◀──opened── reconnecting / offline
 *                        │                   │                    ▲
 *                        └──── failed ───────┴──── failed ────────┘   (retried after a delay)
 *   any ──unauthorized (HTTP 401)──▶ signedOut         any ──stop──▶ idle
 *
 * `offline` means the hub could not be reached at all; `reconnecting` that the stream ended or
 * went silent, or the hub refused it for a moment. Both keep the last event id, so the next
 * connection asks for what was missed (`?lastEventId=`), and every (re)connection refetches what
 * the screens show, since a screen may have loaded before the stream was open.
 */

export type LiveStatus = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'offline' | 'signedOut'

export interface LiveState {
  status: LiveStatus
  /** The id of the last event received; survives reconnections, cleared by stop. */
  lastEventId: number | null
  /** The server's `retry:`; the first delay before reconnecting. */
  retryMs: number
  /** Failed attempts since the stream was last open. */
  attempt: number
  /** A connection has been asked for and has not answered yet. */
  inFlight: boolean
}

export type FailReason =
  /** fetch itself failed: no route to the hub, nothing listening, or the browser is offline. */
  | 'unreachable'
  /** The hub answered, but not with a stream (a 503 while it is busy, a proxy's 502). */
  | 'refused'
  /** The stream ended (the hub stopped, or ended an expired session's stream). */
  | 'ended'
  /** No byte for longer than the heartbeat allows: the connection is silently dead. */
  | 'silent'

export type LiveInput =
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'opened' }
  | { type: 'activity' }
  | { type: 'event'; name: string; id: number | null }
  | { type: 'retry'; ms: number }
  | { type: 'unauthorized' }
  | { type: 'failed'; reason: FailReason }
  /** A reconnection delay ran out, the browser came back online, or the page became visible again. */
  | { type: 'wake' }

export type LiveEffect =
  | { type: 'connect'; lastEventId: number | null }
  /** Close the connection and cancel every timer. */
  | { type: 'abort' }
  | { type: 'wait'; ms: number }
  /** (Re)arm the silence watchdog: no byte for `ms` is a `failed: silent`. */
  | { type: 'watch'; ms: number }
  | { type: 'refetchAll' }
  | { type: 'signedOut' }

export interface LiveStep {
  state: LiveState
  effects: LiveEffect[]
}

/** Heartbeats come every 15 s; after 40 s without a byte the connection is taken as dead. */
export const silenceMs = 40_000
export const defaultRetryMs = 2_000
const longestWaitMs = 10_000

export const initialLiveState: LiveState = { status: 'idle', lastEventId: null, retryMs: defaultRetryMs, attempt: 0, inFlight: false }

/** The wait before attempt `attempt` (1 = the first retry): the server's delay twice, then doubling, at most 10 s. */
export function reconnectDelay(attempt: number, retryMs: number): number {
  return Math.min(retryMs * 2 ** Math.max(0, attempt - 2), Math.max(retryMs, longestWaitMs))
}

const active = (s: LiveState) => s.status === 'connecting' || s.status === 'live' || s.status === 'reconnecting' || s.status === 'offline'

export function stepLive(state: LiveState, input: LiveInput): LiveStep {
  const connect = (s: LiveState): LiveEffect[] => [
    { type: 'connect', lastEventId: s.lastEventId },
    { type: 'watch', ms: silenceMs },
  ]
  switch (input.type) {
    case 'start': {
      if (active(state)) return { state, effects: [] }
      const next: LiveState = { ...initialLiveState, status: 'connecting', inFlight: true }
      return { state: next, effects: connect(next) }
    }
    case 'stop':
      return { state: initialLiveState, effects: state.status === 'idle' ? [] : [{ type: 'abort' }] }
    case 'opened':
      if (!active(state) || !state.inFlight) return { state, effects: [] }
      return {
        state: { ...state, status: 'live', attempt: 0, inFlight: false },
        effects: [{ type: 'watch', ms: silenceMs }, { type: 'refetchAll' }],
      }
    case 'activity':
      return state.status === 'live' ? { state, effects: [{ type: 'watch', ms: silenceMs }] } : { state, effects: [] }
    case 'event': {
      if (state.status !== 'live') return { state, effects: [] }
      const next = input.id === null ? state : { ...state, lastEventId: input.id }
      return { state: next, effects: input.name === 'reload' ? [{ type: 'refetchAll' }] : [] }
    }
    case 'retry':
      if (!Number.isFinite(input.ms)) return { state, effects: [] }
      return { state: { ...state, retryMs: Math.min(Math.max(input.ms, 500), 60_000) }, effects: [] }
    case 'unauthorized':
      if (!active(state)) return { state, effects: [] }
      return { state: { ...initialLiveState, status: 'signedOut' }, effects: [{ type: 'abort' }, { type: 'signedOut' }] }
    case 'failed': {
      // Only the open stream or the attempt under way can fail; anything else is a late echo.
      if (state.status !== 'live' && !state.inFlight) return { state, effects: [] }
      const attempt = state.attempt + 1
      // The hub answered (refused, or ended the stream): reachable, so reconnecting. An attempt
      // that went silent while offline is still offline, not news.
      const status: LiveStatus =
        input.reason === 'unreachable' || (input.reason === 'silent' && state.status === 'offline') ? 'offline' : 'reconnecting'
      return {
        state: { ...state, status, attempt, inFlight: false },
        effects: [{ type: 'abort' }, { type: 'wait', ms: reconnectDelay(attempt, state.retryMs) }],
      }
    }
    case 'wake':
      if ((state.status !== 'reconnecting' && state.status !== 'offline') || state.inFlight) return { state, effects: [] }
      return { state: { ...state, inFlight: true }, effects: [{ type: 'abort' }, ...connect(state)] }
  }
}
