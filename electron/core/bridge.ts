import type { Result } from './core'
import type { CoreEvent } from './events'

/**
 * The one object the preload exposes to the page as `window.zhike`. It carries operation
 * calls and core events; nothing else of Electron or Node reaches the renderer.
 */
export interface ZhikeBridge {
  call(method: string, input: unknown): Promise<Result>
  onEvent(listener: (event: CoreEvent) => void): () => void
  /** The system locale, so the first screen speaks the user's language. */
  readonly locale: string
}

/** The single IPC channel the bridge uses for calls, and the one for events. */
export const ipcChannels = { call: 'zhike:call', event: 'zhike:event' } as const
