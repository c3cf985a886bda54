import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron'
import { ipcChannels } from '../core/bridge'
import { createCore, type Core, type Result } from '../core/core'
import { readTerminalSettings } from '../core/terminals/terminal-settings'
import { createTerminalServer } from '../hub/terminal-server'
import { demoDirectory, sqliteBinding } from './app-paths'
import { appScheme, appSchemePrivileges, connectHost, ownSchemeUrl, serveAppRequest } from './app-protocol'
import { parseCallEnvelope } from './call-envelope'
import { connectPageUrl, handleConnectRequest } from './connect-page'
import { contentSecurityPolicy, withContentSecurityPolicy } from './content-security-policy'
import { desktopLanguage, desktopStrings, isCertificateError, unreachableChoices, type DesktopStrings } from './desktop-strings'
import { localeArgument } from './locale-argument'
import { NavigationPolicies } from './navigation-policy'
import { isAllowedRequest, isOwnRendererUrl, rendererLocation } from './renderer-url'
import { checkTerminalServer } from './terminal-check'
import { readTerminalMode, removeTerminalTarget, writeTerminalTarget, type TerminalMode } from './terminal-file'
import { isServing, resumeServing, shutDown, type HostedTerminalServer } from './terminal-hosting'
import { certificateVerdict, isAllowedTerminalRequest, isTerminalUrl, type TerminalTarget } from './terminal-target'
import { WindowSessions } from './window-sessions'

// out/main/index.js: the preload and the renderer are its siblings, the project two folders up.
// Packaged, all three are inside app.asar; Electron's fs reads from it, so the renderer is served
// (zhike://app/ here, https to terminals) straight from the archive its integrity check covers.
const mainDir = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(mainDir, '..', '..')
const preloadFile = path.join(mainDir, '..', 'preload', 'index.cjs')
const rendererDir = path.join(mainDir, '..', 'renderer')
const location = rendererLocation({ devServerUrl: process.env.ELECTRON_RENDERER_URL, packaged: app.isPackaged, rendererDir })

// Tests give every run a user-data folder of its own; it must be set before 'ready'.
if (process.env.ZHIKE_USER_DATA) app.setPath('userData', path.resolve(process.env.ZHIKE_USER_DATA))
app.enableSandbox()
// Our pages come from zhike://, not file:// (so the grantFileProtocolExtraPrivileges fuse is off).
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }])

const refused: Result = { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from Zhike’s own page.' } }
const malformed: Result = { ok: false, error: { code: 'VALIDATION', message: 'A call is {method, input}.' } }
const log = (line: string) => console.log(`[zhike] ${line}`)

/** The connect window's session: in memory, its own zhike://connect handler, nothing else. */
const connectPartition = 'zhike-connect'

const navigation = new NavigationPolicies()
let mode: TerminalMode = { kind: 'local' }
let core: Core | undefined
let sessions: WindowSessions | undefined
let terminals: HostedTerminalServer | undefined
let connectWindow: BrowserWindow | undefined
let strings: DesktopStrings = desktopStrings('en')

function existingFolder(folder: string): string | undefined {
  return fs.existsSync(folder) ? folder : undefined
}

function readFileOrNull(file: string): Buffer | null {
  try {
    return fs.readFileSync(file)
  } catch {
    return null
  }
}

/** Every permission request and check is refused (no camera, notifications, USB, …). */
function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  target.setPermissionCheckHandler(() => false)
  target.setDevicePermissionHandler(() => false)
}

/** Only the requests `allowed` accepts leave the session; with `ourCsp`, every response carries the renderer's CSP. */
function limitRequests(target: Session, allowed: (url: string) => boolean, ourCsp: boolean): void {
  target.webRequest.onBeforeRequest((details, callback) => {
    const ok = allowed(details.url)
    if (!ok) console.warn(`[zhike] blocked a request to ${details.url}`)
    callback({ cancel: !ok })
  })
  if (ourCsp) {
    target.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }))
  }
}

/** Every web contents, present and future: only the navigation its window allows, no new windows, no webviews. */
function lockDown(contents: WebContents): void {
  const stayHome = (event: Electron.Event, url: string) => {
    if (!navigation.allows(contents.id, url)) {
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
  contents.once('destroyed', () => {
    sessions?.forget(id)
    navigation.forget(id)
  })
}

/** Restarts Zhike; in local mode 'will-quit' stops serving terminals and closes the store first. */
function relaunch(): void {
  app.relaunch()
  app.quit()
}

// ---- Local mode: this PC's own store, and perhaps serving department terminals ----

function openCore(): Core {
  return createCore({
    file: path.join(app.getPath('userData'), 'zhike.db'),
    demoDir: existingFolder(demoDirectory({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, projectRoot })),
    nativeBinding: sqliteBinding({ env: process.env, packaged: app.isPackaged, exists: (file) => fs.existsSync(file) }),
  })
}

function secureAppSession(): void {
  const target = session.defaultSession
  target.protocol.handle(appScheme, (request) =>
    serveAppRequest(request, { rendererDir, contentSecurityPolicy, read: readFileOrNull }),
  )
  limitRequests(target, (url) => isAllowedRequest(url, location), true)
  denyPermissions(target)
}

function serveCalls(windowSessions: WindowSessions): void {
  ipcMain.handle(ipcChannels.call, (event, envelope: unknown): Result => {
    // Who is asking comes first: only our own page, in a top-level frame, may reach the core.
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isOwnRendererUrl(frame.url, location)) {
      console.warn(`[zhike] refused a call from ${frame?.url ?? 'a destroyed frame'}`)
      return refused
    }
    const call = parseCallEnvelope(envelope)
    if (!call) return malformed
    return windowSessions.call(event.sender.id, call.method, call.input)
  })
}

function forwardEvents(opened: Core, windowSessions: WindowSessions): void {
  opened.events.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents
      if (!contents.isDestroyed() && windowSessions.mayReceive(contents.id, event)) contents.send(ipcChannels.event, event)
    }
  })
}

function createAppWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Zhike 知客',
    icon: app.isPackaged ? undefined : path.join(projectRoot, 'resources', 'icons', 'icon.png'),
    // The Electron security checklist, written out in full at each window (electronegativity reads it here).
    webPreferences: {
      preload: preloadFile,
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
      devTools: !app.isPackaged,
      additionalArguments: [localeArgument(app.getLocale())],
    },
  })
  navigation.allow(window.webContents.id, (url) => isOwnRendererUrl(url, location))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(location.indexUrl)
  return window
}

/** The desktop's own hub: the same core, served over HTTPS to department terminals when turned on. */
function hostTerminals(opened: Core): HostedTerminalServer {
  const server = createTerminalServer({ core: opened, rendererDir, dataDir: app.getPath('userData'), log: (line) => log(`terminals: ${line}`) })
  opened.services.terminals = server
  if (resumeServing(server, readTerminalSettings(opened.sqlite))) log('serving department terminals, as an administrator left it')
  return server
}

function startLocal(): void {
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
  terminals = hostTerminals(opened)
  secureAppSession()
  serveCalls(sessions)
  forwardEvents(opened, sessions)
  Menu.setApplicationMenu(applicationMenu())
  createAppWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createAppWindow()
  })
}

// ---- Terminal mode: the hotel's Zhike on another PC, certificate pinned, no store here ----

function secureTerminalSession(target: TerminalTarget): void {
  const terminalSession = session.defaultSession
  // Only the server named in terminal.json, presenting exactly the certificate pinned there.
  terminalSession.setCertificateVerifyProc((request, callback) => {
    const verdict = certificateVerdict({ hostname: request.hostname, fingerprint: request.certificate.fingerprint }, target)
    if (verdict !== 0) console.warn(`[zhike] refused the certificate of ${request.hostname} (${request.certificate.fingerprint})`)
    callback(verdict)
  })
  limitRequests(terminalSession, (url) => isAllowedTerminalRequest(url, target), true)
  denyPermissions(terminalSession)
}

function createTerminalWindow(target: TerminalTarget): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 360,
    minHeight: 480,
    title: 'Zhike 知客',
    icon: app.isPackaged ? undefined : path.join(projectRoot, 'resources', 'icons', 'icon.png'),
    // The server's page, so no preload: it speaks to the hub over HTTPS like any terminal.
    webPreferences: {
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
      devTools: !app.isPackaged,
    },
  })
  navigation.allow(window.webContents.id, (url) => isTerminalUrl(url, target))
  let asking = false
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
    if (!isMainFrame || errorCode === -3 || asking) return // -3: aborted (a newer load replaced it)
    asking = true
    const { buttons, choices } = unreachableChoices(strings)
    void dialog
      .showMessageBox(window, {
        type: 'warning',
        title: strings.unreachableTitle,
        message: strings.unreachableMessage(target.url),
        detail: isCertificateError(errorCode) ? strings.certificateDetail : strings.networkDetail(errorDescription),
        buttons,
        defaultId: 0,
        cancelId: choices.indexOf('quit'),
        noLink: true,
      })
      .then(({ response }) => {
        asking = false
        const choice = choices[response] ?? 'quit'
        if (choice === 'retry') void window.loadURL(target.url)
        else if (choice === 'connect') openConnectWindow(window)
        else if (choice === 'own-store') {
          removeTerminalTarget(app.getPath('userData'))
          relaunch()
        } else app.quit()
      })
  })
  void window.loadURL(target.url)
  return window
}

function startTerminal(target: TerminalTarget): void {
  log(`terminal of ${target.url}`)
  secureTerminalSession(target)
  Menu.setApplicationMenu(applicationMenu())
  createTerminalWindow(target)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createTerminalWindow(target)
  })
}

// ---- "Connect to the hotel's Zhike…" and "Use this PC's own store" ----

let connectSessionReady = false

function connectSession(): Session {
  const target = session.fromPartition(connectPartition)
  if (connectSessionReady) return target
  connectSessionReady = true
  target.protocol.handle(appScheme, (request) =>
    handleConnectRequest(request, {
      language: desktopLanguage(app.getLocale()),
      current: () => (mode.kind === 'terminal' ? mode.target : null),
      serving: () => isServing(terminals),
      check: (candidate) => checkTerminalServer(candidate),
      save: (candidate) => writeTerminalTarget(app.getPath('userData'), candidate),
      restart: () => setTimeout(relaunch, 1500),
      close: () => setImmediate(() => connectWindow?.close()),
    }),
  )
  // The connect page answers with its own, stricter policy (no scripts at all).
  limitRequests(target, (url) => url.startsWith('devtools:') || ownSchemeUrl(url, connectHost) !== null, false)
  denyPermissions(target)
  return target
}

function openConnectWindow(parent?: BrowserWindow): void {
  if (connectWindow && !connectWindow.isDestroyed()) {
    connectWindow.focus()
    return
  }
  const window = new BrowserWindow({
    width: 600,
    height: 620,
    parent,
    modal: parent !== undefined,
    title: strings.connectTitle,
    minimizable: false,
    // A form and nothing else: its own in-memory session, no preload, no JavaScript at all.
    webPreferences: {
      session: connectSession(),
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
  navigation.allow(window.webContents.id, (url) => ownSchemeUrl(url, connectHost) !== null)
  window.once('closed', () => {
    if (connectWindow === window) connectWindow = undefined
  })
  connectWindow = window
  void window.loadURL(connectPageUrl)
}

function confirmLeaveTerminalMode(target: TerminalTarget): void {
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const options = {
    type: 'question' as const,
    title: strings.leaveTitle,
    message: strings.leaveMessage(target.url),
    detail: strings.leaveDetail,
    buttons: [strings.leaveConfirm, strings.cancel],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  }
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)).then(({ response }) => {
    if (response !== 0) return
    removeTerminalTarget(app.getPath('userData'))
    relaunch()
  })
}

function applicationMenu(): Menu {
  const fileMenu: MenuItemConstructorOptions = {
    label: strings.fileMenu,
    submenu: [
      { label: strings.connectMenu, click: () => openConnectWindow(BrowserWindow.getFocusedWindow() ?? undefined) },
      {
        label: strings.ownStoreMenu,
        enabled: mode.kind === 'terminal',
        click: () => {
          if (mode.kind === 'terminal') confirmLeaveTerminalMode(mode.target)
        },
      },
      { type: 'separator' },
      process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    fileMenu,
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

/** terminal.json exists but says nothing usable: connect again, use the own store, or quit. */
function resolveDamaged(file: string): void {
  const response = dialog.showMessageBoxSync({
    type: 'warning',
    title: strings.damagedTitle,
    message: strings.damagedMessage(file),
    buttons: [strings.connectElsewhere, strings.ownStoreMenu, strings.quit],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
  })
  if (response === 0) {
    Menu.setApplicationMenu(applicationMenu())
    openConnectWindow()
  } else if (response === 1) {
    removeTerminalTarget(app.getPath('userData'))
    mode = { kind: 'local' }
    startLocal()
  } else app.exit(0)
}

function start(): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0]
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closed = false
  app.on('will-quit', (event) => {
    if (closed) return
    // Stop serving terminals and close the store before the process goes.
    event.preventDefault()
    void shutDown({ server: terminals, core, timeoutMs: 3000, log }).finally(() => {
      closed = true
      app.quit()
    })
  })

  void app.whenReady().then(() => {
    strings = desktopStrings(desktopLanguage(app.getLocale()))
    mode = readTerminalMode(app.getPath('userData'))
    if (mode.kind === 'terminal') startTerminal(mode.target)
    else if (mode.kind === 'damaged') resolveDamaged(mode.file)
    else startLocal()
  })
}

if (app.requestSingleInstanceLock()) start()
else app.quit()
