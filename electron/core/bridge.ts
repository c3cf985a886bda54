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
  /**
   * The desktop's files (absent in a browser, which prints and downloads instead). The person
   * chooses every place in the system's dialog; the page never names a path to write.
   */
  readonly files?: DesktopFiles
}

/** What the desktop's save and folder dialogs answer (`electron/main/desktop-files.ts`). */
export interface DesktopFiles {
  /** Prints this page (a guest's card, the briefing pack) to an A4 PDF and saves it where the person chooses. */
  savePdf(fileName: string): Promise<Result>
  /** Saves a finished export (`jobId` from `export.start`) where the person chooses. */
  saveFile(jobId: string): Promise<Result>
  /** Picks a folder (the backup folder): `{ folder }`, null when cancelled. */
  chooseFolder(): Promise<Result>
  /** Picks a full export to import (administrators): `{ uploadId, fileName, bytes }`, `{ uploadId: null }` when cancelled. */
  openTransferFile(): Promise<Result>
}

/** The IPC channel the bridge uses for calls, the one for events, and the one for the desktop's files. */
export const ipcChannels = { call: 'zhike:call', event: 'zhike:event', file: 'zhike:file' } as const
