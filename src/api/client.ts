import type { InputOf, OperationName, OutputOf } from '../../electron/core/api'
import type { ZhikeBridge } from '../../electron/core/bridge'
import type { Result } from '../../electron/core/core'
import type { ErrorCode } from '../../electron/core/errors'

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

const sessionLostListeners = new Set<() => void>()

/** Hears that a call answered `UNAUTHENTICATED`: the session is gone (expired, revoked, signed out elsewhere). */
export function onSessionLost(listener: () => void): () => void {
  sessionLostListeners.add(listener)
  return () => sessionLostListeners.delete(listener)
}

/** Calls one operation, inside Electron through the preload bridge, in a browser through the hub. */
export async function call<K extends OperationName>(method: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = window.zhike ? await window.zhike.call(method, input) : await overHttp(method, input)
  if (!result.ok) {
    if (result.error.code === 'UNAUTHENTICATED') for (const listener of [...sessionLostListeners]) listener()
    throw new ApiError(result.error.code, result.error.message, result.error.details)
  }
  return result.value as OutputOf<K>
}

// The live event stream lives in ./live-events (subscribe, startLive, stopLive, useLiveStatus).

export function systemLocale(): string {
  return window.zhike?.locale ?? navigator.language ?? 'en'
}

/** What the desktop's save and folder dialogs answered: a file saved (or not, when cancelled), or a folder. */
export interface DesktopSaved {
  saved?: boolean
  fileName?: string
  folder?: string | null
  /** A full export chosen to import (null: cancelled), and its size in bytes. */
  uploadId?: string | null
  bytes?: number
}

/**
 * The desktop's file dialogs (Electron only; null in a browser, which prints and downloads
 * instead). Each answer is unwrapped like `call`: a refusal throws an ApiError.
 */
export function desktopFiles(): {
  savePdf(fileName: string): Promise<DesktopSaved>
  saveFile(jobId: string): Promise<DesktopSaved>
  chooseFolder(): Promise<DesktopSaved>
  openTransferFile(): Promise<DesktopSaved>
} | null {
  const files = window.zhike?.files
  if (!files) return null
  const unwrap = async (answer: Promise<Result>): Promise<DesktopSaved> => {
    const result = await answer
    if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.details)
    return result.value as DesktopSaved
  }
  return {
    savePdf: (fileName) => unwrap(files.savePdf(fileName)),
    saveFile: (jobId) => unwrap(files.saveFile(jobId)),
    chooseFolder: () => unwrap(files.chooseFolder()),
    openTransferFile: () => unwrap(files.openTransferFile()),
  }
}
