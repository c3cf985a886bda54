import { BrowserWindow, session } from 'electron'
import type { DesktopLanguage } from './desktop-strings'
import { progressPageUrl, type StartStage } from './progress-page'

/** The progress window's session: in memory, and it may load its own data: page and nothing else. */
const progressPartition = 'zhike-progress'
let sessionReady = false

function progressSession(): Electron.Session {
  const target = session.fromPartition(progressPartition)
  if (sessionReady) return target
  sessionReady = true
  target.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith('data:text/html') }))
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  return target
}

/**
 * "Preparing guest search… 12,000 of 200,000" while the core host does long start-up work. The
 * page is rendered here and loaded as a data: URL each time it changes: no script, no preload.
 */
export class ProgressWindow {
  private window: BrowserWindow | undefined

  constructor(
    private language: DesktopLanguage,
    private title: string,
  ) {}

  show(stage: StartStage): void {
    if (!this.window || this.window.isDestroyed()) this.window = this.create()
    void this.window.loadURL(progressPageUrl(this.language, stage))
  }

  close(): void {
    if (this.window && !this.window.isDestroyed()) this.window.destroy()
    this.window = undefined
  }

  private create(): BrowserWindow {
    const window = new BrowserWindow({
      width: 460,
      height: 170,
      useContentSize: true,
      resizable: false,
      maximizable: false,
      fullscreenable: false,
      title: this.title,
      backgroundColor: '#f8f9fa',
      // A status line and a bar: its own in-memory session, no preload, no JavaScript at all.
      webPreferences: {
        session: progressSession(),
        javascript: false,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
        devTools: false,
      },
    })
    window.setMenu(null)
    return window
  }
}
