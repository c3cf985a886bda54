import crypto from 'node:crypto'
import fs from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import selfsigned from 'selfsigned'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createCore, type Core } from '../../electron/core/core'
import { addMacauGuest, seedSmallHotel, turnAtMidnight } from '../fixtures/test-store'

// electron/main/index.ts wired against a stand-in for Electron's main-process API (Electron cannot
// run here): the real core, hub and modules, a fake `electron` that records what the app asks of it.
// It checks the wiring the module tests cannot: which mode starts, what each window is given, what
// each session allows, and that quitting closes the store.

const fake = vi.hoisted(() => {
  type Handler = (...args: any[]) => any
  const state = {
    windows: [] as any[],
    ipc: {} as Record<string, Handler>,
    protocols: {} as Record<string, Handler>,
    before: {} as Record<string, Handler>,
    verifyProcs: [] as Handler[],
    schemes: null as unknown,
    menu: null as any,
    dialogs: [] as any[],
    relaunched: false,
    quits: 0,
    exitCode: null as number | null,
    damagedChoice: 2,
    locale: 'en-US',
    appEvents: null as any,
    paths: {} as Record<string, string>,
    sessions: {} as Record<string, any>,
    forked: [] as string[],
    children: [] as any[],
    opened: [] as string[],
    relaunchOptions: null as unknown,
    seededStay: 0,
    /** What the next save or folder dialog answers, and the options each was opened with. */
    saveAnswer: { canceled: true } as { canceled: boolean; filePath?: string; filePaths?: string[] },
    fileDialogs: [] as any[],
  }
  return state
})

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  fake.appEvents = new Emitter()
  const makeSession = (name: string) => ({
    name,
    protocol: { handle: (scheme: string, fn: any) => void (fake.protocols[`${name}:${scheme}`] = fn) },
    webRequest: { onBeforeRequest: (fn: any) => void (fake.before[name] = fn), onHeadersReceived: () => {} },
    setPermissionRequestHandler: () => {},
    setPermissionCheckHandler: () => {},
    setDevicePermissionHandler: () => {},
    setCertificateVerifyProc: (fn: any) => fake.verifyProcs.push(fn),
  })
  let nextId = 1
  class BrowserWindow extends Emitter {
    options: any
    webContents: any
    loaded: string | null = null
    static getAllWindows = () => fake.windows
    static getFocusedWindow = () => null
    static fromWebContents = (contents: unknown) => fake.windows.find((w: any) => w.webContents === contents) ?? null
    constructor(options: any) {
      super()
      this.options = options
      const contents: any = new Emitter()
      contents.sent = [] as unknown[][]
      Object.assign(contents, { id: nextId++, setWindowOpenHandler: (fn: any) => (contents.openHandler = fn), isDestroyed: () => false, send: (...args: unknown[]) => contents.sent.push(args) })
      this.webContents = contents
      fake.windows.push(this)
      fake.appEvents.emit('web-contents-created', {}, contents)
    }
    loadURL(url: string) {
      this.loaded = url
      return Promise.resolve()
    }
    setMenu() {}
    focus() {}
    close() {
      this.emit('close', {})
    }
    destroy() {}
    show() {}
    maximize() {}
    isMaximized() {
      return false
    }
    getNormalBounds() {
      const { x = 40, y = 30, width, height } = this.options
      return { x, y, width, height }
    }
    isDestroyed() {
      return false
    }
  }
  // The core host as Electron would run it, but in this process: the real core-host module behind
  // a channel that clones messages and delivers them later, like a MessagePort.
  const fork = (modulePath: string) => {
    const child: any = new Emitter()
    fake.forked.push(modulePath)
    fake.children.push(child)
    child.alive = true
    let deliver: ((message: unknown) => void) | undefined
    const queue: unknown[] = []
    const end = (code: number) => {
      if (!child.alive) return
      child.alive = false
      setImmediate(() => child.emit('exit', code))
    }
    child.postMessage = (message: unknown) => {
      const copy = structuredClone(message)
      setImmediate(() => {
        if (!child.alive) return
        if (deliver) deliver(copy)
        else queue.push(copy)
      })
    }
    child.kill = () => end(143)
    child.crash = end
    void Promise.all([import('../../electron/core-host/core-host'), import('../../electron/hub/terminal-server')]).then(([{ runCoreHost }, { createTerminalServer }]) =>
      runCoreHost(
        {
          postMessage: (message) => {
            const copy = structuredClone(message)
            setImmediate(() => child.alive && child.emit('message', copy))
          },
          onMessage: (listener) => {
            deliver = listener
            for (const message of queue.splice(0)) listener(message)
          },
        },
        { createTerminals: (core, config, log) => createTerminalServer({ core, rendererDir: config.rendererDir, dataDir: config.dataDir, log }), exit: end },
      ),
    )
    return child
  }
  return {
    app: {
      isPackaged: false,
      setPath: (k: string, v: string) => void (fake.paths[k] = v),
      getPath: (k: string) => fake.paths[k],
      enableSandbox: () => {},
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: any) => fake.appEvents.on(name, fn),
      whenReady: () => Promise.resolve(),
      getLocale: () => fake.locale,
      getVersion: () => '0.1.0',
      commandLine: { hasSwitch: () => false },
      relaunch: (options: unknown) => {
        fake.relaunched = true
        fake.relaunchOptions = options
      },
      quit: () => {
        fake.quits += 1
        fake.appEvents.emit('will-quit', { preventDefault: () => {} })
      },
      exit: (code: number) => void (fake.exitCode = code),
    },
    BrowserWindow,
    utilityProcess: { fork },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
    shell: { openPath: async (folder: string) => void fake.opened.push(folder) },
    ipcMain: { handle: (channel: string, fn: any) => void (fake.ipc[channel] = fn) },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => void (fake.menu = menu) },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown) => void (fake.schemes = schemes) },
    session: { defaultSession: makeSession('default'), fromPartition: (p: string) => (fake.sessions[p] ??= makeSession(p)) },
    dialog: {
      showErrorBox: (title: string, content: string) => fake.dialogs.push({ title, content }),
      showMessageBox: async (...args: any[]) => {
        fake.dialogs.push(args.at(-1))
        return { response: 0 }
      },
      showSaveDialog: async (...args: any[]) => {
        fake.fileDialogs.push(args.at(-1))
        return fake.saveAnswer
      },
      showOpenDialog: async (...args: any[]) => {
        fake.fileDialogs.push(args.at(-1))
        return fake.saveAnswer
      },
      showMessageBoxSync: (options: any) => {
        fake.dialogs.push(options)
        return fake.damagedChoice
      },
    },
  }
})

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  if (!condition()) throw new Error(`timed out waiting for ${what}`)
}

/** Windows other than the progress window (a data: page shown while a slow store opens). */
const appWindows = () => fake.windows.filter((w: any) => !String(w.loaded).startsWith('data:'))

let userData = ''
async function startMain(setup: (dir: string) => void = () => {}, started: () => boolean = () => appWindows().length > 0) {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-main-'))
  setup(userData)
  Object.assign(fake, { fileDialogs: [], saveAnswer: { canceled: true }, windows: [], ipc: {}, protocols: {}, before: {}, verifyProcs: [], menu: null, dialogs: [], relaunched: false, quits: 0, exitCode: null, sessions: {}, forked: [], children: [], opened: [], relaunchOptions: null })
  fake.appEvents?.removeAllListeners()
  vi.stubEnv('ZHIKE_USER_DATA', userData)
  vi.resetModules()
  await import('../../electron/main/index')
  // Local mode: the window comes once the core host has opened the store.
  await until(started, 'the app to start')
  await settle()
}

async function quit() {
  fake.appEvents.emit('will-quit', { preventDefault: () => {} })
  await until(() => fake.children.every((child) => !child.alive), 'the core host to close')
  await settle()
}

afterEach(async () => {
  await quit()
  vi.unstubAllEnvs()
  fs.rmSync(userData, { recursive: true, force: true })
})

const fileMenu = () => fake.menu.template.find((m: any) => m.label === 'File' || m.label === '文件').submenu as any[]
const request = (session: string, url: string) => new Promise<boolean>((resolve) => fake.before[session]({ url }, (r: { cancel: boolean }) => resolve(r.cancel)))

describe('the main process in local mode', () => {
  it('serves the renderer as zhike://app/ to one sandboxed window with the preload', async () => {
    await startMain()
    expect(fake.schemes).toEqual([{ scheme: 'zhike', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(appWindows()).toHaveLength(1)
    const [window] = appWindows()
    expect(window.loaded).toBe('zhike://app/index.html')
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
    expect(window.options.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(Object.keys(fake.protocols)).toEqual(['default:zhike'])
    expect(await request('default', 'zhike://app/assets/index.js')).toBe(false)
    expect(await request('default', 'https://example.com/')).toBe(true)
    expect(await request('default', 'zhike://connect/')).toBe(true)
    expect(fs.existsSync(path.join(userData, 'zhike.db'))).toBe(true)
  })

  it('answers IPC calls from its own page as the desktop, and refuses any other frame', async () => {
    await startMain()
    const window = appWindows()[0]
    const call = (url: string, parent: unknown = null) =>
      fake.ipc['zhike:call']({ senderFrame: { url, parent }, sender: { id: window.webContents.id } }, { method: 'setup.status', input: {} })
    expect(await call('zhike://app/index.html#/')).toMatchObject({ ok: true, value: { needsSetup: true, claim: 'here' } })
    expect(await call('https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('zhike://app/index.html', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await fake.ipc['zhike:call']({ senderFrame: { url: 'zhike://app/index.html', parent: null }, sender: { id: window.webContents.id } }, { method: 'setup.status', token: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  it('saves its own page as an A4 PDF where the person chooses, whole or not at all, and refuses other frames', async () => {
    await startMain()
    const contents = appWindows()[0].webContents
    fake.paths.documents = path.join(userData, 'documents')
    let printed: unknown = null
    contents.printToPDF = async (options: unknown) => {
      printed = options
      return Buffer.from('%PDF-1.7 card')
    }
    const ask = (request: unknown, url = 'zhike://app/index.html#/print/card/1') => fake.ipc['zhike:file']({ senderFrame: { url, parent: null }, sender: contents }, request)
    const chosen = path.join(userData, '陈嘉豪.pdf')
    fake.saveAnswer = { canceled: false, filePath: chosen }
    expect(await ask({ kind: 'savePdf', fileName: '陈嘉豪 / card' })).toEqual({ ok: true, value: { saved: true, fileName: '陈嘉豪.pdf' } })
    expect(fs.readFileSync(chosen, 'utf8')).toBe('%PDF-1.7 card')
    expect(printed).toMatchObject({ pageSize: 'A4', printBackground: true })
    // The dialog suggested a safe name in the documents folder; the page named no path.
    expect(fake.fileDialogs.at(-1).defaultPath).toBe(path.join(userData, 'documents', '陈嘉豪 card.pdf'))
    // A place that cannot be written: a clear refusal, and nothing left under the name.
    const unwritable = path.join(userData, 'no-such-folder', 'card.pdf')
    fake.saveAnswer = { canceled: false, filePath: unwritable }
    expect(await ask({ kind: 'savePdf', fileName: 'card' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_SAVED' } })
    expect(fs.existsSync(unwritable) || fs.existsSync(`${unwritable}.part`)).toBe(false)
    // The next dialog opens where the last save went.
    fake.saveAnswer = { canceled: true }
    expect(await ask({ kind: 'savePdf', fileName: 'card' })).toEqual({ ok: true, value: { saved: false } })
    expect(fake.fileDialogs.at(-1).defaultPath).toBe(path.join(userData, 'card.pdf'))
    // A folder for backups; another frame or a request of another shape gets nothing.
    fake.saveAnswer = { canceled: false, filePaths: [path.join(userData, 'backups')] }
    expect(await ask({ kind: 'chooseFolder' })).toEqual({ ok: true, value: { folder: path.join(userData, 'backups') } })
    expect(await ask({ kind: 'savePdf', fileName: 'card' }, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ask({ kind: 'savePdf', fileName: 'card', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await ask({ kind: 'saveFile', jobId: '../../zhike.db' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('keeps navigation home and denies new windows', async () => {
    await startMain()
    const contents = appWindows()[0].webContents
    const navigate = (url: string) => {
      let prevented = false
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url)
      return prevented
    }
    expect(navigate('zhike://app/index.html#/board')).toBe(false)
    expect(navigate('https://example.com/')).toBe(true)
    expect(navigate('zhike://connect/')).toBe(true)
    expect(contents.openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('offers "Connect to the hotel’s Zhike…" in a window of its own: own session, no preload, no JavaScript', async () => {
    fake.locale = 'zh-CN'
    try {
      await startMain()
      expect(fileMenu()[0].label).toBe('连接酒店的知客…')
      expect(fileMenu()[1]).toMatchObject({ label: '使用本机自己的数据', enabled: false })
      fileMenu()[0].click()
      const connect = fake.windows.at(-1)
      expect(connect.loaded).toBe('zhike://connect/')
      expect(connect.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false })
      expect(connect.options.webPreferences.preload).toBeUndefined()
      expect(connect.options.webPreferences.session.name).toBe('zhike-connect')
      expect(await request('zhike-connect', 'zhike://connect/check?address=x')).toBe(false)
      expect(await request('zhike-connect', 'zhike://app/index.html')).toBe(true)
      const page = (await fake.protocols['zhike-connect:zhike'](new Request('zhike://connect/'))) as Response
      expect(await page.text()).toContain('<html lang="zh-CN">')
    } finally {
      fake.locale = 'en-US'
    }
  })
})

describe('the main process and its core host', () => {
  const call = (window: any, method: string, input: unknown) =>
    fake.ipc['zhike:call']({ senderFrame: { url: 'zhike://app/index.html', parent: null }, sender: { id: window.webContents.id } }, { method, input })

  /** A small hotel with the Macau guest arriving, written to the user-data folder's store before start. */
  const seeded = (dir: string) => {
    const core = turnAtMidnight(createCore({ file: path.join(dir, 'zhike.db'), logError: () => {} }))
    fake.seededStay = addMacauGuest(seedSmallHotel(core)).stayId
    core.close()
  }

  it('opens the store in the core host (a utility process), never on the main thread', async () => {
    await startMain()
    expect(fake.forked).toHaveLength(1)
    expect(fake.forked[0]).toMatch(/[\\/]core-host\.js$/)
    expect(fs.readFileSync(path.join(userData, 'logs', 'zhike.log'), 'utf8')).toMatch(/Zhike .*starting[\s\S]*the store is open/)
  })

  it('forwards a core event to the window whose person may see it', async () => {
    await startMain(seeded)
    const [window] = appWindows()
    expect(await call(window, 'session.signIn', { code: 'fd01', pin: '1234' })).toMatchObject({ ok: true })
    expect(await call(window, 'stay.checkIn', { stayId: fake.seededStay, roomNumber: '1001' })).toMatchObject({ ok: true })
    await until(() => window.webContents.sent.some(([channel, event]: any[]) => channel === 'zhike:event' && event.name === 'prompt.created'), 'a prompt event')
  })

  it('Help → Open log folder opens <userData>/logs', async () => {
    await startMain()
    const help = fake.menu.template.find((m: any) => m.label === 'Help').submenu
    expect(help[0].label).toBe('Open log folder')
    help[0].click()
    expect(fake.opened).toEqual([path.join(userData, 'logs')])
  })

  it('keeps the window’s size and place for the next start; a damaged file is ignored', async () => {
    await startMain((dir) => fs.writeFileSync(path.join(dir, 'window-state.json'), '{"x": 300, "y": 120, "width": 1500, "height": 950, "maximized": false}'))
    expect(appWindows()[0].options).toMatchObject({ x: 300, y: 120, width: 1500, height: 950 })
    appWindows()[0].options.width = 1111
    appWindows()[0].close()
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toMatchObject({ x: 300, y: 120, width: 1111, height: 950 })
    await quit()
    await startMain((dir) => fs.writeFileSync(path.join(dir, 'window-state.json'), '{"x": 300, "y"'))
    expect(appWindows()[0].options).toMatchObject({ width: 1280, height: 860, x: undefined })
  })

  it('shows start-up progress in a script-free window of its own', async () => {
    await startMain()
    fake.children[0].emit('message', { type: 'progress', progress: { step: 'search-index', done: 12_000, total: 200_000 } })
    const progress = fake.windows.find((w: any) => String(w.loaded).startsWith('data:'))
    expect(decodeURIComponent(progress.loaded)).toContain('Preparing guest search… 12,000 of 200,000')
    expect(progress.options.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false })
    expect(progress.options.webPreferences.preload).toBeUndefined()
    expect(progress.options.webPreferences.session.name).toBe('zhike-progress')
    expect(await request('zhike-progress', 'https://example.com/')).toBe(true)
    expect(await request('zhike-progress', 'data:text/html,x')).toBe(false)
  })

  it('a store another Zhike holds: a translated dialog naming the holder, then Zhike quits', async () => {
    let holder: Core | undefined
    fake.locale = 'zh-CN'
    try {
      await startMain(
        (dir) => void (holder = createCore({ file: path.join(dir, 'zhike.db'), owner: 'Zhike hub', logError: () => {} })),
        () => fake.exitCode !== null,
      )
      expect(fake.dialogs).toHaveLength(1)
      expect(fake.dialogs[0].title).toBe('宾客数据已在另一个知客中打开')
      expect(fake.dialogs[0].content).toMatch(/Zhike hub/)
      expect(fake.dialogs[0].content).toContain(userData)
      expect(fake.exitCode).toBe(1)
      expect(appWindows()).toEqual([])
    } finally {
      holder?.close()
      fake.locale = 'en-US'
    }
  })

  it('if the core host dies, says so and offers a restart instead of hanging', async () => {
    await startMain()
    const [window] = appWindows()
    fake.children[0].crash(139)
    await until(() => fake.dialogs.length > 0, 'the dialog')
    expect(fake.dialogs[0]).toMatchObject({ type: 'error', title: 'Zhike’s guest store stopped', buttons: ['Restart Zhike', 'Quit'] })
    expect(fake.dialogs[0].detail).toContain(path.join(userData, 'logs'))
    await until(() => fake.relaunched, 'the restart')
    expect(await call(window, 'session.current', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })
})

let hotel: https.Server
let hotelUrl = ''
let hotelFingerprint = ''
let hotelDer: Buffer
beforeAll(async () => {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Zhike hub' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' } as never)
  hotel = https.createServer({ cert: pems.cert, key: pems.private }, (_req, res) => res.end('{"ok":true}'))
  await new Promise<void>((resolve) => hotel.listen(0, '127.0.0.1', resolve))
  hotelUrl = `https://127.0.0.1:${(hotel.address() as AddressInfo).port}/`
  const x509 = new crypto.X509Certificate(pems.cert)
  hotelFingerprint = x509.fingerprint256
  hotelDer = x509.raw
})
afterAll(() => new Promise((resolve) => hotel.close(resolve)))

describe('the main process in terminal mode', () => {
  const asTerminal = (dir: string) => fs.writeFileSync(path.join(dir, 'terminal.json'), JSON.stringify({ url: hotelUrl, fingerprint: hotelFingerprint }))

  it('opens no store and no IPC, and shows the server’s page without a preload', async () => {
    await startMain(asTerminal)
    // No store here: only the terminal settings and the log.
    expect(fs.readdirSync(userData).sort()).toEqual(['logs', 'terminal.json'])
    expect(fake.forked).toEqual([])
    expect(fake.ipc).toEqual({})
    expect(fake.protocols).toEqual({})
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0].loaded).toBe(hotelUrl)
    expect(fake.windows[0].options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(fake.windows[0].options.webPreferences.preload).toBeUndefined()
    expect(fileMenu()[1]).toMatchObject({ label: 'Use this PC’s own store', enabled: true })
  })

  it('pins the certificate and keeps requests on the server', async () => {
    await startMain(asTerminal)
    const [verify] = fake.verifyProcs
    const verdict = (hostname: string, fingerprint: string) => new Promise((resolve) => verify({ hostname, certificate: { fingerprint } }, resolve))
    const electronForm = `sha256/${crypto.createHash('sha256').update(hotelDer).digest('base64')}`
    expect(await verdict('127.0.0.1', electronForm)).toBe(0)
    expect(await verdict('127.0.0.2', electronForm)).toBe(-2)
    expect(await verdict('127.0.0.1', `sha256/${Buffer.alloc(32).toString('base64')}`)).toBe(-2)
    expect(await request('default', `${hotelUrl}api/events`)).toBe(false)
    expect(await request('default', 'https://example.com/')).toBe(true)
  })

  it('asks what to do when the server cannot be reached, and leaves terminal mode when asked', async () => {
    await startMain(asTerminal)
    fake.windows[0].webContents.emit('did-fail-load', {}, -207, 'ERR_CERT_INVALID', hotelUrl, true)
    await settle()
    expect(fake.dialogs.at(-1)).toMatchObject({ title: 'The hotel’s Zhike cannot be reached', buttons: ['Try again', 'Connect again…', 'Use this PC’s own store', 'Quit'] })
    expect(fake.dialogs.at(-1).detail).toMatch(/certificate/)
    fileMenu()[1].click() // "Use this PC's own store", confirmed
    await settle()
    expect(fs.existsSync(path.join(userData, 'terminal.json'))).toBe(false)
    expect(fake.relaunched).toBe(true)
  })

  it('a damaged terminal.json is neither trusted nor silently ignored', async () => {
    fake.damagedChoice = 1 // "Use this PC's own store"
    try {
      await startMain((dir) => fs.writeFileSync(path.join(dir, 'terminal.json'), '{"url": "https://evil.example/"}'))
      expect(fake.dialogs[0]).toMatchObject({ title: 'Terminal settings are damaged' })
      expect(fs.existsSync(path.join(userData, 'terminal.json'))).toBe(false)
      expect(appWindows()[0].loaded).toBe('zhike://app/index.html')
      expect(fake.verifyProcs).toEqual([])
    } finally {
      fake.damagedChoice = 2
    }
  })
})
