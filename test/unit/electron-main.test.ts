import crypto from 'node:crypto'
import fs from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import selfsigned from 'selfsigned'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

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
    constructor(options: any) {
      super()
      this.options = options
      const contents: any = new Emitter()
      Object.assign(contents, { id: nextId++, setWindowOpenHandler: (fn: any) => (contents.openHandler = fn), isDestroyed: () => false, send: () => {} })
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
    close() {}
    show() {}
    isDestroyed() {
      return false
    }
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
      relaunch: () => void (fake.relaunched = true),
      quit: () => {
        fake.quits += 1
        fake.appEvents.emit('will-quit', { preventDefault: () => {} })
      },
      exit: (code: number) => void (fake.exitCode = code),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, fn: any) => void (fake.ipc[channel] = fn) },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: (menu: unknown) => void (fake.menu = menu) },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown) => void (fake.schemes = schemes) },
    session: { defaultSession: makeSession('default'), fromPartition: (p: string) => (fake.sessions[p] ??= makeSession(p)) },
    dialog: {
      showErrorBox: (title: string) => fake.dialogs.push({ title }),
      showMessageBox: async (...args: any[]) => {
        fake.dialogs.push(args.at(-1))
        return { response: 0 }
      },
      showMessageBoxSync: (options: any) => {
        fake.dialogs.push(options)
        return fake.damagedChoice
      },
    },
  }
})

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

let userData = ''
async function startMain(setup: (dir: string) => void = () => {}) {
  userData = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-main-'))
  setup(userData)
  Object.assign(fake, { windows: [], ipc: {}, protocols: {}, before: {}, verifyProcs: [], menu: null, dialogs: [], relaunched: false, quits: 0, exitCode: null, sessions: {} })
  fake.appEvents?.removeAllListeners()
  vi.stubEnv('ZHIKE_USER_DATA', userData)
  vi.resetModules()
  await import('../../electron/main/index')
  await settle()
}

async function quit() {
  fake.appEvents.emit('will-quit', { preventDefault: () => {} })
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
    expect(fake.windows).toHaveLength(1)
    const [window] = fake.windows
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
    const window = fake.windows[0]
    const call = (url: string, parent: unknown = null) =>
      fake.ipc['zhike:call']({ senderFrame: { url, parent }, sender: { id: window.webContents.id } }, { method: 'setup.status', input: {} })
    expect(call('zhike://app/index.html#/')).toMatchObject({ ok: true, value: { needsSetup: true, claim: 'here' } })
    expect(call('https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(call('zhike://app/index.html', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(fake.ipc['zhike:call']({ senderFrame: { url: 'zhike://app/index.html', parent: null }, sender: { id: window.webContents.id } }, { method: 'setup.status', token: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    })
  })

  it('keeps navigation home and denies new windows', async () => {
    await startMain()
    const contents = fake.windows[0].webContents
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
    expect(fs.readdirSync(userData)).toEqual(['terminal.json'])
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
      expect(fake.windows[0].loaded).toBe('zhike://app/index.html')
      expect(fake.verifyProcs).toEqual([])
    } finally {
      fake.damagedChoice = 2
    }
  })
})
