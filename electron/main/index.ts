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
  screen,
  session,
  shell,
  utilityProcess,
  type MenuItemConstructorOptions,
  type Session,
  type WebContents,
} from 'electron'
import { ipcChannels } from '../core/bridge'
import type { Result } from '../core/core'
import type { CoreHostConfig } from '../core-host/protocol'
import { demoDirectory, sqliteBinding } from './app-paths'
import { appScheme, appSchemePrivileges, connectHost, ownSchemeUrl, serveAppRequest } from './app-protocol'
import { parseCallEnvelope } from './call-envelope'
import { connectPageUrl, handleConnectRequest } from './connect-page'
import { contentSecurityPolicy, withContentSecurityPolicy } from './content-security-policy'
import { CoreClient, type HostProcess } from './core-client'
import { createDesktopLog, logFolderOf } from './desktop-log'
import { copyFileWhole, parseFileRequest, pdfOptions, safeFileName, saveFolder, writeFileWhole, type FileRequest } from './desktop-files'
import { desktopLanguage, desktopStrings, isCertificateError, unreachableChoices, type DesktopStrings } from './desktop-strings'
import { kernelUserNamespaceFiles, relaunchOptions, sandboxLogLine, sandboxVerdict, type KernelUserNamespaces } from './linux-sandbox'
import { localeArgument } from './locale-argument'
import { NavigationPolicies } from './navigation-policy'
import { ProgressWindow } from './progress-window'
import { isAllowedRequest, isOwnRendererUrl, rendererLocation } from './renderer-url'
import { startFailureDialog } from './start-failure'
import { checkTerminalServer } from './terminal-check'
import { readTerminalMode, removeTerminalTarget, writeTerminalTarget, type TerminalMode } from './terminal-file'
import { certificateVerdict, isAllowedTerminalRequest, isTerminalUrl, type TerminalTarget } from './terminal-target'
import { startUpdates } from './updates'
import { userDataOverride } from './user-data'
import { minimumWindowSize, parseWindowState, placeWindow, serializeWindowState, windowStateFile } from './window-state'

// out/main/index.js: the preload and the renderer are its siblings, the project two folders up.
// Packaged, all three are inside app.asar; Electron's fs reads from it, so the renderer is served
// (zhike://app/ here, https to terminals) straight from the archive its integrity check covers.
const mainDir = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(mainDir, '..', '..')
const preloadFile = path.join(mainDir, '..', 'preload', 'index.cjs')
// The core host, built beside this file by electron-vite (electron.vite.config.ts, main inputs).
const coreHostFile = path.join(mainDir, 'core-host.js')
const rendererDir = path.join(mainDir, '..', 'renderer')
const location = rendererLocation({ devServerUrl: process.env.ELECTRON_RENDERER_URL, packaged: app.isPackaged, rendererDir })

// Before 'ready': tests give every run a user-data folder of its own (ZHIKE_USER_DATA), and a
// development run never opens the installed app's store (user-data.ts).
const userDataFolder = userDataOverride({ packaged: app.isPackaged, env: process.env, appData: app.isPackaged ? '' : app.getPath('appData') })
if (userDataFolder) app.setPath('userData', userDataFolder)
const desktopLog = createDesktopLog(logFolderOf(app.getPath('userData')))
const log = (line: string) => desktopLog.info(line)
log(`Zhike ${app.getVersion?.() ?? ''} starting (Electron ${process.versions.electron ?? '?'}, ${process.platform}), data in ${app.getPath('userData')}`)

function readKernelFile(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
}
const kernel = Object.fromEntries(Object.entries(kernelUserNamespaceFiles).map(([key, file]) => [key, process.platform === 'linux' ? readKernelFile(file) : null])) as unknown as KernelUserNamespaces
const sandbox = sandboxVerdict({
  platform: process.platform,
  packaged: app.isPackaged,
  appImage: process.env.APPIMAGE,
  noSandbox: app.commandLine?.hasSwitch('no-sandbox') ?? process.argv.includes('--no-sandbox'),
  kernel,
})
const sandboxLine = sandboxLogLine(sandbox)
if (sandboxLine) desktopLog.warn(sandboxLine)
app.enableSandbox()
// Our pages come from zhike://, not file:// (so the grantFileProtocolExtraPrivileges fuse is off).
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: appSchemePrivileges }])

const refused: Result = { ok: false, error: { code: 'FORBIDDEN', message: 'Calls are accepted only from Zhike’s own page.' } }
const malformed: Result = { ok: false, error: { code: 'VALIDATION', message: 'A call is {method, input}.' } }

/** The connect window's session: in memory, its own zhike://connect handler, nothing else. */
const connectPartition = 'zhike-connect'

const navigation = new NavigationPolicies()
let mode: TerminalMode = { kind: 'local' }
let coreHost: CoreClient | undefined
let progress: ProgressWindow | undefined
let quitting = false
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
    if (!ok) desktopLog.warn(`blocked a request to ${details.url}`)
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
      desktopLog.warn(`denied navigation to ${url}`)
    }
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    desktopLog.warn(`denied a new window for ${url}`)
    return { action: 'deny' }
  })
  const id = contents.id
  contents.once('destroyed', () => {
    coreHost?.forgetWindow(id)
    navigation.forget(id)
  })
}

/** Restarts Zhike; in local mode 'will-quit' stops serving terminals and closes the store first. */
function relaunch(): void {
  app.relaunch(relaunchOptions({ argv: process.argv, env: process.env }))
  app.quit()
}

// ---- Local mode: this PC's own store, and perhaps serving department terminals ----

function coreHostConfig(): CoreHostConfig {
  const demoDir = existingFolder(demoDirectory({ packaged: app.isPackaged, resourcesPath: process.resourcesPath, projectRoot }))
  const nativeBinding = sqliteBinding({ env: process.env, packaged: app.isPackaged, exists: (file) => fs.existsSync(file) })
  return {
    file: path.join(app.getPath('userData'), 'zhike.db'),
    dataDir: app.getPath('userData'),
    rendererDir,
    ...(demoDir ? { demoDir } : {}),
    ...(nativeBinding ? { nativeBinding } : {}),
  }
}

/** Starts the core host (electron/core-host) as a utility process; its output goes to the log. */
function forkCoreHost(): HostProcess {
  const child = utilityProcess.fork(coreHostFile, [], { serviceName: 'Zhike core', stdio: 'pipe' })
  const forward = (level: 'info' | 'warn') => (chunk: Buffer | string) => {
    for (const line of String(chunk).split(/\r?\n/)) if (line.trim()) desktopLog[level](`core: ${line}`)
  }
  child.stdout?.on('data', forward('info'))
  child.stderr?.on('data', forward('warn'))
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', listener),
    kill: () => void child.kill(),
  }
}

function secureAppSession(): void {
  const target = session.defaultSession
  target.protocol.handle(appScheme, (request) =>
    serveAppRequest(request, { rendererDir, contentSecurityPolicy, read: readFileOrNull }),
  )
  limitRequests(target, (url) => isAllowedRequest(url, location), true)
  denyPermissions(target)
}

function serveCalls(client: CoreClient): void {
  ipcMain.handle(ipcChannels.call, (event, envelope: unknown): Result | Promise<Result> => {
    // Who is asking comes first: only our own page, in a top-level frame, may reach the core.
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isOwnRendererUrl(frame.url, location)) {
      desktopLog.warn(`refused a call from ${frame?.url ?? 'a destroyed frame'}`)
      return refused
    }
    const call = parseCallEnvelope(envelope)
    if (!call) return malformed
    return client.call(event.sender.id, call.method, call.input)
  })
}

const noFileRequest: Result = { ok: false, error: { code: 'VALIDATION', message: 'A file request is {kind: savePdf | saveFile | chooseFolder | openTransferFile, …}.' } }
// The folder the last save dialog ended in (this run only), so the next one opens there.
let lastSaveFolder: string | null = null

/**
 * The page's file requests (`desktop-files.ts`): from our own top-level page only, like calls. The
 * page never names a path to write; the person chooses it in the system's dialog.
 */
function serveFiles(client: CoreClient): void {
  ipcMain.handle(ipcChannels.file, async (event, raw: unknown): Promise<Result> => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null || !isOwnRendererUrl(frame.url, location)) {
      desktopLog.warn(`refused a file request from ${frame?.url ?? 'a destroyed frame'}`)
      return refused
    }
    const request = parseFileRequest(raw)
    if (!request) return noFileRequest
    try {
      return await answerFileRequest(client, event.sender, request)
    } catch (error) {
      desktopLog.error(`a file request (${request.kind}) failed: ${String(error)}`)
      const code = (error as NodeJS.ErrnoException).code
      const message = code === 'ENOSPC' ? 'The disk is full; nothing was saved. Free some space or choose another place.' : code === 'EACCES' || code === 'EPERM' ? 'Zhike may not write there; nothing was saved. Choose another folder.' : 'The file could not be saved; nothing was saved under that name. It has been logged.'
      return { ok: false, error: { code: 'FILE_NOT_SAVED', message } }
    }
  })
}

async function answerFileRequest(client: CoreClient, sender: WebContents, request: FileRequest): Promise<Result> {
  const parent = BrowserWindow.fromWebContents(sender) ?? undefined
  if (request.kind === 'chooseFolder') {
    const options = { properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> }
    const chosen = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options))
    return { ok: true, value: { folder: chosen.canceled ? null : (chosen.filePaths[0] ?? null) } }
  }
  if (request.kind === 'savePdf') {
    // Printed before the dialog opens, so what is saved is the page as it was asked for.
    const pdf = await sender.printToPDF(pdfOptions)
    return saveChosen(parent, request.fileName, 'PDF', (target) => writeFileWhole(target, pdf))
  }
  if (request.kind === 'openTransferFile') {
    // A full export to import: chosen here, registered by the core host as an upload (administrators).
    const options = { properties: ['openFile'] as Array<'openFile'>, filters: [{ name: 'Zhike export', extensions: ['json', 'jsonl'] }] }
    const chosen = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options))
    const file = chosen.canceled ? undefined : chosen.filePaths[0]
    if (!file) return { ok: true, value: { uploadId: null } }
    return client.file(sender.id, { kind: 'registerUpload', path: file })
  }
  // A finished export: the core host says whether this window's person may have it, and where it is.
  const found = await client.file(sender.id, { kind: 'exportFile', jobId: request.jobId })
  if (!found.ok) return found
  const { file, fileName } = found.value as { file: string; fileName: string }
  const extension = path.extname(fileName).slice(1)
  return saveChosen(parent, safeFileName(path.basename(fileName, path.extname(fileName)), extension || 'dat'), extension.toUpperCase() || 'File', (target) => copyFileWhole(file, target))
}

async function saveChosen(parent: BrowserWindow | undefined, fileName: string, kind: string, write: (target: string) => Promise<void>): Promise<Result> {
  const extension = path.extname(fileName).slice(1)
  const options = { defaultPath: path.join(saveFolder(lastSaveFolder, app.getPath('documents')), fileName), filters: [{ name: kind, extensions: [extension] }] }
  const chosen = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options))
  if (chosen.canceled || !chosen.filePath) return { ok: true, value: { saved: false } }
  await write(chosen.filePath)
  lastSaveFolder = path.dirname(chosen.filePath)
  log(`saved ${path.basename(chosen.filePath)}`)
  return { ok: true, value: { saved: true, fileName: path.basename(chosen.filePath) } }
}

/** An event goes to the windows the core host chose (their signed-in person may see it). */
function forwardEvent(event: unknown, windowIds: readonly number[]): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents = window.webContents
    if (!contents.isDestroyed() && windowIds.includes(contents.id)) contents.send(ipcChannels.event, event)
  }
}

function readWindowState(): string | null {
  try {
    return fs.readFileSync(path.join(app.getPath('userData'), windowStateFile), 'utf8')
  } catch {
    return null
  }
}

/** Kept whole (written beside, then renamed), so a crash mid-write leaves the old state, not half a file. */
function keepWindowState(window: BrowserWindow): void {
  try {
    const bounds = window.getNormalBounds()
    const file = path.join(app.getPath('userData'), windowStateFile)
    fs.writeFileSync(`${file}.tmp`, serializeWindowState({ ...bounds, maximized: window.isMaximized() }))
    fs.renameSync(`${file}.tmp`, file)
  } catch (error) {
    desktopLog.warn(`could not keep the window's size and place: ${String(error)}`)
  }
}

function createAppWindow(): BrowserWindow {
  const placement = placeWindow(parseWindowState(readWindowState()), screen.getAllDisplays().map((display) => display.workArea))
  const window = new BrowserWindow({
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: minimumWindowSize.width,
    minHeight: minimumWindowSize.height,
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
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize()
    window.show()
  })
  window.on('close', () => keepWindowState(window))
  void window.loadURL(location.indexUrl)
  return window
}

/** The core host stopped without being asked: say so, and restart or quit (never a window that hangs). */
function coreHostGone(code: number): void {
  desktopLog.error(`the core host exited unexpectedly (code ${code})`)
  const options = {
    type: 'error' as const,
    title: strings.hostGoneTitle,
    message: strings.hostGoneMessage,
    detail: strings.hostGoneDetail(code, desktopLog.folder),
    buttons: [strings.restart, strings.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  }
  const parent = BrowserWindow.getAllWindows().find((w) => !w.isDestroyed())
  // The progress window (if any) stays until the answer: closing the last window would quit at once.
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)).then(({ response }) => {
    progress?.close()
    if (response === 0) relaunch()
    else app.quit()
  })
}

function startLocal(): void {
  secureAppSession()
  Menu.setApplicationMenu(applicationMenu())
  progress = new ProgressWindow(desktopLanguage(app.getLocale()), strings.progressTitle)
  const client = new CoreClient(forkCoreHost(), {
    progress: (p) => progress?.show(p),
    ready: () => {
      log('the store is open')
      createAppWindow()
      // After the main window exists: closing the last window would quit.
      progress?.close()
      showSandboxNotice()
    },
    fatal: (failure) => {
      desktopLog.error(`the store did not open: ${failure.code}`)
      const { title, content } = startFailureDialog(strings, failure, app.getPath('userData'))
      dialog.showErrorBox(title, content)
      void client.shutdown(3000).finally(() => app.exit(1))
    },
    event: forwardEvent,
    log: (level, line) => desktopLog[level](`core: ${line}`),
    exit: (code, expected) => {
      if (!expected && !quitting) coreHostGone(code)
    },
  })
  coreHost = client
  serveCalls(client)
  serveFiles(client)
  client.start(coreHostConfig())
  // A store that opens at once never shows the progress window; a slow one (a long check, the search rebuild) does.
  setTimeout(() => {
    if (client.state === 'starting') progress?.show({ step: 'opening' })
  }, 800).unref?.()
  app.on('activate', () => {
    if (client.state === 'ready' && BrowserWindow.getAllWindows().length === 0) createAppWindow()
  })
}

// ---- The sandbox (linux-sandbox.ts) ----

/** Started with --no-sandbox for no reason Zhike accepts: restart with the sandbox, or quit. Answers whether to go on. */
function refuseUnsandboxed(): boolean {
  if (sandbox.kind !== 'refused') return true
  const response = dialog.showMessageBoxSync({
    type: 'warning',
    title: strings.sandboxRefusedTitle,
    message: strings.sandboxRefusedMessage,
    detail: strings.sandboxRefusedDetail,
    buttons: [strings.restartWithSandbox, strings.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  })
  if (response === 0) app.relaunch(relaunchOptions({ argv: process.argv, env: process.env, dropNoSandbox: true }))
  app.exit(response === 0 ? 0 : 1)
  return false
}

/** An AppImage without the sandbox says so once (the log says it at every start). */
function showSandboxNotice(): void {
  if (sandbox.kind !== 'appimage-unsandboxed') return
  const marker = path.join(app.getPath('userData'), 'sandbox-notice-shown')
  if (fs.existsSync(marker)) return
  try {
    fs.writeFileSync(marker, `${new Date().toISOString()}\n`)
  } catch (error) {
    desktopLog.warn(`could not remember the sandbox notice: ${String(error)}`)
  }
  void dialog.showMessageBox({ type: 'warning', title: strings.sandboxOffTitle, message: strings.sandboxOffMessage, detail: strings.sandboxOffDetail, buttons: [strings.ok], noLink: true })
}

// ---- Terminal mode: the hotel's Zhike on another PC, certificate pinned, no store here ----

function secureTerminalSession(target: TerminalTarget): void {
  const terminalSession = session.defaultSession
  // Only the server named in terminal.json, presenting exactly the certificate pinned there.
  terminalSession.setCertificateVerifyProc((request, callback) => {
    const verdict = certificateVerdict({ hostname: request.hostname, fingerprint: request.certificate.fingerprint }, target)
    if (verdict !== 0) desktopLog.warn(`refused the certificate of ${request.hostname} (${request.certificate.fingerprint})`)
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
      serving: () => coreHost?.serving ?? false,
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
    {
      label: strings.helpMenu,
      submenu: [{ label: strings.openLogFolderMenu, click: () => void shell.openPath(desktopLog.folder) }],
    },
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
    if (closed || !coreHost) return
    quitting = true
    // The core host stops serving terminals and closes the store before the app goes.
    event.preventDefault()
    void coreHost.shutdown(4000).finally(() => {
      closed = true
      log('closed')
      app.quit()
    })
  })

  void app.whenReady().then(() => {
    strings = desktopStrings(desktopLanguage(app.getLocale()))
    if (!refuseUnsandboxed()) return
    mode = readTerminalMode(app.getPath('userData'))
    if (mode.kind === 'terminal') startTerminal(mode.target)
    else if (mode.kind === 'damaged') resolveDamaged(mode.file)
    else startLocal()
    void startUpdates({ log: desktopLog, strings: () => strings, serving: () => coreHost?.serving ?? false }).catch((error) =>
      desktopLog.warn(`updates could not start: ${String(error)}`),
    )
  })
}

if (app.requestSingleInstanceLock()) start()
else app.quit()
