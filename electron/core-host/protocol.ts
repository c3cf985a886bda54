import type { Result } from '../core/core'
import type { CoreEvent } from '../core/events'

/**
 * What the main process and the core host (the utility process that owns the store) say to each
 * other. Structured-clone messages, one `type` each; both ends parse what they receive with the
 * functions below and drop anything else (and log it), so a wrong message is a log line, never a
 * crash or a call the core did not expect.
 */

/** Where the core host finds what it opens; sent once, first. */
export interface CoreHostConfig {
  /** The store file (`<userData>/zhike.db`). */
  file: string
  /** The data folder (the terminal server keeps its certificate in `<dataDir>/tls/`). */
  dataDir: string
  /** The built renderer, served to department terminals. */
  rendererDir: string
  demoDir?: string
  /** better-sqlite3 built for Electron's ABI (development only, from `npm start`). */
  nativeBinding?: string
}

/** Main → core host. */
export type HostRequest =
  | { type: 'start'; config: CoreHostConfig }
  /** An operation for whoever is signed in in that window; answered by a `result` with the same id. */
  | { type: 'call'; id: number; windowId: number; method: string; input: unknown }
  /** The window closed or crashed: end its session. */
  | { type: 'forget-window'; windowId: number }
  /**
   * A file the desktop's dialogs deal with, for whoever is signed in in that window; answered by a
   * `result` with the same id. Paths come from main's own dialogs, never from the page.
   */
  | { type: 'file'; id: number; windowId: number; request: HostFileRequest }
  /** Stop serving terminals, close the store, answer `closed`, exit. */
  | { type: 'shutdown' }

/**
 * - `exportFile`: where a finished export of this window's person is (`{ file, fileName }`), so main
 *   can copy it to the place chosen in the save dialog.
 * - `registerUpload`: a full-export file chosen in main's open dialog, registered for
 *   `transfer.check` / `transfer.import` (`{ uploadId, fileName, bytes }`); administrators only.
 */
export type HostFileRequest = { kind: 'exportFile'; jobId: string } | { kind: 'registerUpload'; path: string }

/** Why the core could not start. The main process translates the title; `message` is core's own. */
export type StartFailureCode = 'STORE_IN_USE' | 'STORE_DAMAGED' | 'STORE_TOO_NEW' | 'NATIVE_MODULE' | 'START_FAILED'
export interface StartFailure {
  code: StartFailureCode
  message: string
}

export type LogLevel = 'info' | 'warn' | 'error'

/** Long start-up work, as core reports it (guests indexed of all guests). */
export interface HostProgress {
  step: 'search-index'
  done: number
  total: number
}

/** Core host → main. */
export type HostMessage =
  | { type: 'progress'; progress: HostProgress }
  | { type: 'ready' }
  | { type: 'fatal'; error: StartFailure }
  | { type: 'result'; id: number; result: Result }
  /** A core event, and the windows whose signed-in person may see it (WindowSessions.mayReceive). */
  | { type: 'event'; event: CoreEvent; windowIds: number[] }
  /** Serving department terminals or starting to (the connect page refuses to make this PC a terminal then). */
  | { type: 'terminal-status'; serving: boolean }
  | { type: 'log'; level: LogLevel; line: string }
  | { type: 'closed' }

const startFailureCodes: readonly StartFailureCode[] = ['STORE_IN_USE', 'STORE_DAMAGED', 'STORE_TOO_NEW', 'NATIVE_MODULE', 'START_FAILED']
const logLevels: readonly LogLevel[] = ['info', 'warn', 'error']
const methodPattern = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/

type Plain = Record<string, unknown>

function plain(value: unknown): value is Plain {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Exactly these keys (optional ones may be missing), nothing else. */
function hasKeys(value: Plain, required: readonly string[], optional: readonly string[] = []): boolean {
  const keys = Object.keys(value)
  return required.every((k) => Object.hasOwn(value, k)) && keys.every((k) => required.includes(k) || optional.includes(k))
}

const id = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0
const count = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0
const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max
const pathText = (value: unknown): value is string => text(value, 4096) && value.length > 0 && !value.includes('\0')

function parseConfig(value: unknown): CoreHostConfig | null {
  if (!plain(value) || !hasKeys(value, ['file', 'dataDir', 'rendererDir'], ['demoDir', 'nativeBinding'])) return null
  const { file, dataDir, rendererDir, demoDir, nativeBinding } = value
  if (!pathText(file) || !pathText(dataDir) || !pathText(rendererDir)) return null
  if (demoDir !== undefined && !pathText(demoDir)) return null
  if (nativeBinding !== undefined && !pathText(nativeBinding)) return null
  return { file, dataDir, rendererDir, ...(demoDir === undefined ? {} : { demoDir }), ...(nativeBinding === undefined ? {} : { nativeBinding }) }
}

/** What the core host accepts from main; null for anything else. */
export function parseHostRequest(value: unknown): HostRequest | null {
  if (!plain(value)) return null
  switch (value.type) {
    case 'start': {
      if (!hasKeys(value, ['type', 'config'])) return null
      const config = parseConfig(value.config)
      return config ? { type: 'start', config } : null
    }
    case 'call': {
      if (!hasKeys(value, ['type', 'id', 'windowId', 'method', 'input'])) return null
      const { id: callId, windowId, method, input } = value
      if (!id(callId) || !id(windowId) || typeof method !== 'string' || !methodPattern.test(method)) return null
      return { type: 'call', id: callId, windowId, method, input }
    }
    case 'forget-window':
      return hasKeys(value, ['type', 'windowId']) && id(value.windowId) ? { type: 'forget-window', windowId: value.windowId } : null
    case 'file': {
      if (!hasKeys(value, ['type', 'id', 'windowId', 'request'])) return null
      const { id: callId, windowId, request } = value
      if (!id(callId) || !id(windowId) || !plain(request)) return null
      if (request.kind === 'exportFile' && hasKeys(request, ['kind', 'jobId']) && text(request.jobId, 64) && /^[A-Za-z0-9_-]+$/.test(request.jobId)) {
        return { type: 'file', id: callId, windowId, request: { kind: 'exportFile', jobId: request.jobId } }
      }
      if (request.kind === 'registerUpload' && hasKeys(request, ['kind', 'path']) && pathText(request.path)) {
        return { type: 'file', id: callId, windowId, request: { kind: 'registerUpload', path: request.path } }
      }
      return null
    }
    case 'shutdown':
      return hasKeys(value, ['type']) ? { type: 'shutdown' } : null
    default:
      return null
  }
}

function parseResult(value: unknown): Result | null {
  if (!plain(value)) return null
  if (value.ok === true) return hasKeys(value, ['ok', 'value']) ? { ok: true, value: value.value } : null
  if (value.ok !== false || !hasKeys(value, ['ok', 'error']) || !plain(value.error)) return null
  const { code, message } = value.error
  if (typeof code !== 'string' || !/^[A-Z][A-Z_]{1,40}$/.test(code) || typeof message !== 'string') return null
  return { ok: false, error: value.error as unknown as Extract<Result, { ok: false }>['error'] }
}

function parseEvent(value: unknown): CoreEvent | null {
  if (!plain(value) || !hasKeys(value, ['name', 'payload'], ['id'])) return null
  if (typeof value.name !== 'string' || !/^[a-z]+\.[a-zA-Z]+$/.test(value.name)) return null
  if (value.id !== undefined && !count(value.id)) return null
  return value as unknown as CoreEvent
}

function parseProgress(value: unknown): HostProgress | null {
  if (!plain(value) || !hasKeys(value, ['step', 'done', 'total']) || value.step !== 'search-index') return null
  const { done, total } = value
  if (!count(done) || !count(total) || done > total) return null
  return { step: 'search-index', done, total }
}

/** What main accepts from the core host; null for anything else. */
export function parseHostMessage(value: unknown): HostMessage | null {
  if (!plain(value)) return null
  switch (value.type) {
    case 'progress': {
      const progress = hasKeys(value, ['type', 'progress']) ? parseProgress(value.progress) : null
      return progress ? { type: 'progress', progress } : null
    }
    case 'ready':
      return hasKeys(value, ['type']) ? { type: 'ready' } : null
    case 'closed':
      return hasKeys(value, ['type']) ? { type: 'closed' } : null
    case 'fatal': {
      if (!hasKeys(value, ['type', 'error']) || !plain(value.error) || !hasKeys(value.error, ['code', 'message'])) return null
      const { code, message } = value.error
      if (!startFailureCodes.includes(code as StartFailureCode) || !text(message, 10_000)) return null
      return { type: 'fatal', error: { code: code as StartFailureCode, message } }
    }
    case 'result': {
      if (!hasKeys(value, ['type', 'id', 'result']) || !id(value.id)) return null
      const result = parseResult(value.result)
      return result ? { type: 'result', id: value.id, result } : null
    }
    case 'event': {
      if (!hasKeys(value, ['type', 'event', 'windowIds']) || !Array.isArray(value.windowIds) || !value.windowIds.every(id)) return null
      const event = parseEvent(value.event)
      return event ? { type: 'event', event, windowIds: [...value.windowIds] } : null
    }
    case 'terminal-status':
      return hasKeys(value, ['type', 'serving']) && typeof value.serving === 'boolean' ? { type: 'terminal-status', serving: value.serving } : null
    case 'log': {
      if (!hasKeys(value, ['type', 'level', 'line']) || !logLevels.includes(value.level as LogLevel) || typeof value.line !== 'string') return null
      // A runaway line is cut, not dropped: the first part usually says what went wrong.
      return { type: 'log', level: value.level as LogLevel, line: value.line.slice(0, 20_000) }
    }
    default:
      return null
  }
}

/** Sorts a start-up error into the codes main knows how to explain. */
export function startFailureOf(error: unknown): StartFailure {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof Error && error.name === 'AppError' && (code === 'STORE_IN_USE' || code === 'STORE_DAMAGED' || code === 'STORE_TOO_NEW')) return { code, message }
  // The usual cause in development: `electron .` run by hand loads node_modules' Node build.
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) return { code: 'NATIVE_MODULE', message }
  return { code: 'START_FAILED', message }
}

/**
 * At most one progress message per `intervalMs`, and always the last one (done = total): the
 * rebuild reports every batch, and the progress window only needs a few updates a second.
 */
export function progressThrottle(intervalMs: number, now: () => number = Date.now): (progress: HostProgress) => boolean {
  let last = -Infinity
  return (progress) => {
    const at = now()
    if (progress.done < progress.total && at - last < intervalMs) return false
    last = at
    return true
  }
}
