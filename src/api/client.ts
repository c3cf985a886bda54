import type { InputOf, OperationName, OutputOf } from '../../electron/core/api'
import type { ZhikeBridge } from '../../electron/core/bridge'
import type { Result } from '../../electron/core/core'
import type { ErrorCode } from '../../electron/core/errors'
import type { CoreEvent } from '../../electron/core/events'

declare global {
  interface Window {
    zhike?: ZhikeBridge
  }
}

/** An operation refused by the store; `code` is stable and the UI translates it. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
  }
}

async function overHttp(method: string, input: unknown): Promise<Result> {
  let response: Response
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    })
  } catch {
    return { ok: false, error: { code: 'NETWORK' as ErrorCode, message: 'The hub cannot be reached.' } }
  }
  try {
    return (await response.json()) as Result
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: `The hub answered ${response.status}.` } }
  }
}

/** Calls one operation, inside Electron through the preload bridge, in a browser through the hub. */
export async function call<K extends OperationName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = window.zhike ? await window.zhike.call(method, input) : await overHttp(method, input)
  if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details)
  return result.value as OutputOf<K>
}

type Listener = (event: CoreEvent) => void
const listeners = new Set<Listener>()
let source: EventSource | null = null
let bridgeOff: (() => void) | null = null

function dispatch(event: CoreEvent): void {
  for (const listener of listeners) listener(event)
}

const eventNames = ['prompt.created', 'prompt.updated', 'observation.created', 'observation.updated', 'stay.changed'] as const

/** (Re)connects the live event stream; call after signing in, since the stream needs a session. */
export function connectEvents(): void {
  if (window.zhike) {
    bridgeOff ??= window.zhike.onEvent(dispatch)
    return
  }
  source?.close()
  source = new EventSource('/api/events', { withCredentials: true })
  for (const name of eventNames) {
    source.addEventListener(name, (message) => {
      dispatch({ name, payload: JSON.parse((message as MessageEvent<string>).data) } as CoreEvent)
    })
  }
}

export function disconnectEvents(): void {
  source?.close()
  source = null
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function systemLocale(): string {
  return window.zhike?.locale ?? navigator.language ?? 'en'
}
