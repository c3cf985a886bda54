import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type MenuItemConstructorOptions, type WebContents } from 'electron'
import { ipcChannels } from '../core/bridge'
import { createCore, type Core, type Result } from '../core/core'
import { demoDirectory, sqliteBinding } from './app-paths'
import { parseCallEnvelope } from './call-envelope'
import { withContentSecurityPolicy } from './content-security-policy'
import { localeArgument } from './locale-argument'
import { isAllowedRequest, isOwnRendererUrl, rendererLocation } from './renderer-url'
import { WindowSessions } from './window-sessions'

// out/main/index.js: the preload and the renderer are its siblings, the project two folders up.
const mainDir = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(mainDir, '..', '..')
const preloadFile = path.join(mainDir, '..', 'preload', 'index.cjs')
const location = rendererLocation({
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  packaged: app.isPackaged,
  indexFile: path.join(mainDir, '..', 'renderer', 'index.html'),
})

// Tests give every run a user-data folder of its own; it must be set before 'ready'.
if (process.env.ZHIKE_USER_DATA) app.setPath('userData', path.resolve(process.env.ZHIKE_USER_DATA))
app.enableSandbox()

const refused: Result = { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from Zhike’s own page.' } }
const malformed: Result = { ok: false, error: { code: 'VALIDATION', message: 'A call is {method, input}.' } }

function openCore(): Core {
  return createCore({
    file: path.join(app.getPath('userData'), 'zhike.db'),
    demoDir: existingFolder(demoDirectory({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, projectRoot })),
    nativeBinding: sqliteBinding({ env: process.env, packaged: app.isPackaged, exists: (file) => fs.existsSync(file) }),
  })
}

function existingFolder(folder: string): string | undefined {
  return fs.existsSync(folder) ? folder : undefined
}

function secureSession(): void {
  const { webRequest } = session.defaultSession
  webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, location)
    if (!allowed) console.warn(`[zhike] blocked a request to ${details.url}`)
    callback({ cancel: !allowed })
  })
  webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.setDevicePermissionHandler(() => false)
}

/** Every web contents, present and future: no navigation away, no new windows, no webviews. */
function lockDown(contents: WebContents, sessions: () => WindowSessions | undefined): void {
  const stayHome = (event: Electron.Event, url: string) => {
    if (!isOwnRendererUrl(url, location)) {
      event.preventDefault()
      console.warn(`[zhike] denied navigation to ${url}`)
    }
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[zhike] denied a new window for ${url}`)
    return { action: 'deny' }
  })
  const id = contents.id
  contents.once('destroyed', () => sessions()?.forget(id))
}

function serveCalls(sessions: WindowSessions): void {
  ipcMain.handle(ipcChannels.call, (event, envelope: unknown): Result => {
    // Who is asking comes first: only our own page, in a top-level frame, may reach the core.
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isOwnRendererUrl(frame.url, location)) {
      console.warn(`[zhike] refused a call from ${frame?.url ?? 'a destroyed frame'}`)
      return refused
    }
    const call = parseCallEnvelope(envelope)
    if (!call) return malformed
    return sessions.call(event.sender.id, call.method, call.input)
  })
}

function forwardEvents(core: Core, sessions: WindowSessions): void {
  core.events.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents
      if (!contents.isDestroyed() && sessions.mayReceive(contents.id, event)) contents.send(ipcChannels.event, event)
    }
  })
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Zhike 知客',
    icon: app.isPackaged ? undefined : path.join(projectRoot, 'resources', 'icons', 'icon.png'),
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
      additionalArguments: [localeArgument(app.getLocale())],
    },
  })
  window.once('ready-to-show', () => window.show())
  if (location.kind === 'dev') void window.loadURL(process.env.ELECTRON_RENDERER_URL!)
  else void window.loadFile(location.indexFile)
  return window
}

function applicationMenu(): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : [{ role: 'fileMenu' as const }]),
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ]
  return Menu.buildFromTemplate(template)
}

function start(): void {
  let core: Core | undefined
  let sessions: WindowSessions | undefined
  app.on('web-contents-created', (_event, contents) => lockDown(contents, () => sessions))
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0]
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => core?.close())

  void app.whenReady().then(() => {
    let opened: Core
    try {
      opened = openCore()
    } catch (error) {
      const message = (error as Error).message
      // The usual cause in development: `electron .` run by hand loads node_modules' Node build.
      const hint = /NODE_MODULE_VERSION/.test(message) ? '\n\nStart Zhike with `npm start`: it prepares the database module for Electron.' : ''
      dialog.showErrorBox('Zhike cannot open its guest store', `${message}${hint}\n\n${app.getPath('userData')}`)
      app.exit(1)
      return
    }
    core = opened
    sessions = new WindowSessions(opened)
    secureSession()
    serveCalls(sessions)
    forwardEvents(opened, sessions)
    Menu.setApplicationMenu(applicationMenu())
    createWindow()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow()
    })
  })
}

if (app.requestSingleInstanceLock()) start()
else app.quit()
