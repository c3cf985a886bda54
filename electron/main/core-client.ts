import type { Result } from '../core/core'
import type { CoreEvent } from '../core/events'
import { parseHostMessage, type CoreHostConfig, type HostFileRequest, type HostProgress, type HostRequest, type LogLevel, type StartFailure } from '../core-host/protocol'

/** The core host's process as main sees it (Electron's UtilityProcess, or a test's stand-in). */
export interface HostProcess {
  postMessage(message: HostRequest): void
  onMessage(listener: (message: unknown) => void): void
  onExit(listener: (code: number) => void): void
  kill(): void
}

export interface CoreClientHandlers {
  progress(progress: HostProgress): void
  ready(): void
  fatal(failure: StartFailure): void
  event(event: CoreEvent, windowIds: number[]): void
  log(level: LogLevel, line: string): void
  /** The process ended; `expected` is false when nobody asked it to (a crash). */
  exit(code: number, expected: boolean): void
}

export type CoreClientState = 'starting' | 'ready' | 'failed' | 'closing' | 'exited'

/** What a window's pending call answers when the core host is gone. */
export const hostGone: Result = { ok: false, error: { code: 'INTERNAL', message: 'Zhike’s store stopped before it answered. It has been logged.' } }

/**
 * Main's side of the core host: numbered calls answered by promises, events handed on with the
 * windows the host chose, and the one state main needs synchronously (is this PC serving
 * department terminals). A call in flight when the host dies is answered `hostGone`, never left
 * hanging.
 */
export class CoreClient {
  private nextId = 1
  private pending = new Map<number, (result: Result) => void>()
  private closed: (() => void) | undefined
  private closing: Promise<void> | undefined
  private stateNow: CoreClientState = 'starting'
  private servingNow = false

  constructor(
    private host: HostProcess,
    private handlers: CoreClientHandlers,
  ) {
    host.onMessage((raw) => this.receive(raw))
    host.onExit((code) => this.exited(code))
  }

  get state(): CoreClientState {
    return this.stateNow
  }

  /** True while the core host serves department terminals or is starting to. */
  get serving(): boolean {
    return this.servingNow
  }

  start(config: CoreHostConfig): void {
    this.host.postMessage({ type: 'start', config })
  }

  call(windowId: number, method: string, input: unknown): Promise<Result> {
    if (this.stateNow === 'exited' || this.stateNow === 'closing') return Promise.resolve(hostGone)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.host.postMessage({ type: 'call', id, windowId, method, input })
    })
  }

  /** A file for the desktop's dialogs (see `HostFileRequest`), for whoever is signed in in that window. */
  file(windowId: number, request: HostFileRequest): Promise<Result> {
    if (this.stateNow === 'exited' || this.stateNow === 'closing') return Promise.resolve(hostGone)
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, resolve)
      this.host.postMessage({ type: 'file', id, windowId, request })
    })
  }

  forgetWindow(windowId: number): void {
    if (this.stateNow === 'ready') this.host.postMessage({ type: 'forget-window', windowId })
  }

  /**
   * Asks the host to stop serving terminals and close the store; resolves when it says so or
   * exits, or after `timeoutMs` (then it is killed, so a hung host cannot keep Zhike open).
   */
  shutdown(timeoutMs: number): Promise<void> {
    if (this.closing) return this.closing
    if (this.stateNow === 'exited') return Promise.resolve()
    this.stateNow = 'closing'
    this.closing = new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.handlers.log('warn', `the core host did not close within ${timeoutMs} ms; ending it`)
        this.host.kill()
        resolve()
      }, timeoutMs)
      this.closed = () => {
        clearTimeout(timer)
        resolve()
      }
      this.host.postMessage({ type: 'shutdown' })
    })
    return this.closing
  }

  private receive(raw: unknown): void {
    const message = parseHostMessage(raw)
    if (!message) {
      this.handlers.log('warn', `ignored a message the core host should never send: ${safeJson(raw)}`)
      return
    }
    switch (message.type) {
      case 'result': {
        const resolve = this.pending.get(message.id)
        this.pending.delete(message.id)
        resolve?.(message.result)
        return
      }
      case 'event':
        this.handlers.event(message.event, message.windowIds)
        return
      case 'progress':
        this.handlers.progress(message.progress)
        return
      case 'ready':
        if (this.stateNow === 'starting') this.stateNow = 'ready'
        this.handlers.ready()
        return
      case 'fatal':
        this.stateNow = 'failed'
        this.handlers.fatal(message.error)
        return
      case 'terminal-status':
        this.servingNow = message.serving
        return
      case 'log':
        this.handlers.log(message.level, message.line)
        return
      case 'closed':
        this.finishClosing()
        return
    }
  }

  private exited(code: number): void {
    const expected = this.stateNow === 'closing' || this.stateNow === 'failed'
    this.stateNow = 'exited'
    this.servingNow = false
    for (const resolve of this.pending.values()) resolve(hostGone)
    this.pending.clear()
    this.finishClosing()
    this.handlers.exit(code, expected)
  }

  private finishClosing(): void {
    const closed = this.closed
    this.closed = undefined
    closed?.()
  }
}

function safeJson(value: unknown): string {
  try {
    return String(JSON.stringify(value)).slice(0, 200)
  } catch {
    return typeof value
  }
}
