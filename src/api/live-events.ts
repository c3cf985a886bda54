import { useSyncExternalStore } from 'react'
import type { CoreEvent, CoreEventName } from '../../electron/core/events'
import { initialLiveState, stepLive, silenceMs, type LiveEffect, type LiveInput, type LiveState, type LiveStatus } from './live-machine'
import { createSseParser } from './sse-parser'

export type { LiveStatus } from './live-machine'

/**
 * The live event stream. Inside Electron, events come through the preload bridge; in a browser,
 * from the hub's `GET /api/events`, read with fetch so the page sees a 401 (→ sign-in) and the
 * heartbeats (→ a silently dead connection is noticed). What to do on each turn is decided by the
 * pure state machine in `live-machine.ts`; this module only carries it out.
 */

type Listener = (event: CoreEvent) => void
/** `refetchAll`: the stream (re)opened or the hub said `reload`; `signedOut`: the hub refused the session. */
export type LiveSignal = 'refetchAll' | 'signedOut'

const listeners = new Set<Listener>()
const signalListeners = new Set<(signal: LiveSignal) => void>()
const statusListeners = new Set<() => void>()

const known: Record<CoreEventName, true> = {
  'prompt.created': true,
  'prompt.updated': true,
  'observation.created': true,
  'observation.updated': true,
  'stay.changed': true,
  'room.changed': true,
  'pms.imported': true,
  'prompt.escalated': true,
  'night_audit.completed': true,
}

let state: LiveState = initialLiveState
let bridged = false
let bridgeOff: (() => void) | null = null
let connection: AbortController | null = null
let waitTimer: ReturnType<typeof setTimeout> | undefined
let watchTimer: ReturnType<typeof setTimeout> | undefined
let lastActivity = 0

function dispatch(event: CoreEvent): void {
  for (const listener of [...listeners]) {
    try {
      listener(event)
    } catch (error) {
      console.error('[live] a listener failed', error)
    }
  }
}

function signal(which: LiveSignal): void {
  for (const listener of [...signalListeners]) listener(which)
}

function send(input: LiveInput): void {
  const before = state.status
  const step = stepLive(state, input)
  state = step.state
  for (const effect of step.effects) run(effect)
  if (state.status !== before) for (const listener of [...statusListeners]) listener()
}

function clearTimers(): void {
  clearTimeout(waitTimer)
  clearTimeout(watchTimer)
  waitTimer = watchTimer = undefined
}

function run(effect: LiveEffect): void {
  switch (effect.type) {
    case 'connect':
      void open(effect.lastEventId)
      return
    case 'abort':
      connection?.abort()
      connection = null
      clearTimers()
      return
    case 'wait':
      clearTimeout(waitTimer)
      // A little spread, so fifty terminals do not all knock at the same moment after a restart.
      waitTimer = setTimeout(() => send({ type: 'wake' }), effect.ms * (1 + Math.random() * 0.2))
      return
    case 'watch':
      clearTimeout(watchTimer)
      watchTimer = setTimeout(() => send({ type: 'failed', reason: 'silent' }), effect.ms)
      return
    case 'refetchAll':
    case 'signedOut':
      signal(effect.type)
  }
}

async function open(lastEventId: number | null): Promise<void> {
  connection?.abort()
  const controller = new AbortController()
  connection = controller
  const mine = () => connection === controller
  const url = lastEventId === null ? '/api/events' : `/api/events?lastEventId=${lastEventId}`
  let response: Response
  try {
    response = await fetch(url, { headers: { accept: 'text/event-stream' }, credentials: 'same-origin', cache: 'no-store', signal: controller.signal })
  } catch {
    if (mine()) send({ type: 'failed', reason: 'unreachable' })
    return
  }
  if (!mine()) return
  if (response.status === 401) return send({ type: 'unauthorized' })
  if (!response.ok || !response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    void response.body?.cancel().catch(() => {})
    return send({ type: 'failed', reason: 'refused' })
  }
  lastActivity = Date.now()
  send({ type: 'opened' })
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  const parser = createSseParser()
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (!mine()) return
      if (done) break
      lastActivity = Date.now()
      send({ type: 'activity' })
      for (const item of parser.push(decoder.decode(value, { stream: true }))) {
        if (!mine()) return
        if (item.kind === 'retry') send({ type: 'retry', ms: item.ms })
        else if (item.kind === 'id') send({ type: 'event', name: '', id: eventId(item.id) })
        else {
          if (item.event in known) {
            let payload: unknown
            try {
              payload = JSON.parse(item.data)
            } catch {
              console.warn('[live] an event without JSON data', item.event)
            }
            if (payload !== undefined) dispatch({ name: item.event, payload } as CoreEvent)
          }
          send({ type: 'event', name: item.event, id: eventId(item.id) })
        }
      }
    }
  } catch {
    // The connection broke (or was aborted); mine() tells which.
  }
  if (mine()) send({ type: 'failed', reason: 'ended' })
}

function eventId(id: string | null): number | null {
  return id !== null && /^\d+$/.test(id) ? Number(id) : null
}

let browserHooks = false
function hookBrowser(): void {
  if (browserHooks) return
  browserHooks = true
  window.addEventListener('online', () => send({ type: 'wake' }))
  window.addEventListener('offline', () => {
    if (state.status === 'live') send({ type: 'failed', reason: 'unreachable' })
  })
  // A phone that slept may hold a dead connection whose watchdog was frozen with the page.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible') return
    if (state.status === 'live' && Date.now() - lastActivity > silenceMs) send({ type: 'failed', reason: 'silent' })
    else send({ type: 'wake' })
  })
}

/** Starts the live stream; call once signed in, since the stream needs a session. */
export function startLive(): void {
  if (window.zhike) {
    bridgeOff ??= window.zhike.onEvent(dispatch)
    if (!bridged) {
      bridged = true
      for (const listener of [...statusListeners]) listener()
    }
    return
  }
  hookBrowser()
  send({ type: 'start' })
}

/** Stops the stream (signing out); the next start asks for no missed events, since screens start afresh. */
export function stopLive(): void {
  if (window.zhike) {
    bridgeOff?.()
    bridgeOff = null
    if (bridged) {
      bridged = false
      for (const listener of [...statusListeners]) listener()
    }
    return
  }
  send({ type: 'stop' })
}

/** Hears every core event the hub (or the desktop's core) sends this session. */
export function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function onLiveSignal(listener: (signal: LiveSignal) => void): () => void {
  signalListeners.add(listener)
  return () => signalListeners.delete(listener)
}

/** Where the connection stands. In Electron events come in-process: live once started. */
export function liveStatus(): LiveStatus {
  if (window.zhike) return bridged ? 'live' : 'idle'
  return state.status
}

function onStatus(listener: () => void): () => void {
  statusListeners.add(listener)
  return () => statusListeners.delete(listener)
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(onStatus, liveStatus)
}
