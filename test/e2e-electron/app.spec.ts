import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import https from 'node:https'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import selfsigned from 'selfsigned'
import { _electron as electron, expect, test as base, type ElectronApplication, type Page } from '@playwright/test'
import type { ZhikeBridge } from '../../electron/core/bridge'
import type { Result } from '../../electron/core/core'
import type { CoreEvent } from '../../electron/core/events'

// The desktop shell end to end: the real Electron main process, preload and built renderer.
// Run `npx playwright test --project=electron` (the config's webServer builds out/ first).

const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

/** What these tests touch of the page's global object (tsconfig.node has no DOM types). */
type PageGlobals = Record<string, unknown> & {
  zhike: ZhikeBridge
  location: { href: string }
  open(url: string, target: string): unknown
}

/** The Electron executable, if npm install downloaded it. */
function electronBinary(): string | null {
  try {
    const binary = createRequire(path.join(projectRoot, 'package.json'))('electron') as unknown
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null
  } catch {
    return null // node_modules/electron/index.js throws when the download was skipped
  }
}
const binaryExists = electronBinary() !== null
const skipReason =
  'the Electron binary is not on this machine (npm start downloads it once where there is internet): the Electron end-to-end test runs where it exists'

base.skip(!binaryExists, skipReason) // skipped only where the Electron binary is absent
// Skip loudly: the list reporter shows no skip reasons, so say it where the run is read.
if (!binaryExists) console.warn(`[electron] SKIPPED: ${skipReason}`)

let sqliteBinding = ''
base.beforeAll(() => {
  // The same Electron build of better-sqlite3 `npm start` uses (built once into node_modules/.cache).
  const output = execFileSync(process.execPath, [path.join(projectRoot, 'electron/cli/start.mjs'), '--prepare-only'], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 600_000,
  })
  sqliteBinding = output.trim().split('\n').at(-1)!
  expect(fs.existsSync(sqliteBinding), sqliteBinding).toBe(true)
})

/** Electron on this project with a user-data folder of its own (its own store, session, lock). */
async function launch(userData: string): Promise<ElectronApplication> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v
  return electron.launch({
    args: ['.'],
    cwd: projectRoot,
    env: { ...env, ZHIKE_USER_DATA: userData, ZHIKE_SQLITE_BINDING: sqliteBinding, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' },
  })
}

/** Each test: its own user-data folder, so its own empty store, session and single-instance lock. */
const test = base.extend<{ app: ElectronApplication; page: Page }>({
  app: async ({}, use) => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-electron-'))
    const app = await launch(userData)
    await use(app)
    await app.close()
    fs.rmSync(userData, { recursive: true, force: true })
  },
  page: async ({ app }, use) => {
    const page = await appWindow(app)
    await page.waitForLoadState('domcontentloaded')
    await use(page)
  },
})

/** The main window: a slow store first shows the start-up progress window (a data: page), so not simply the first one. */
async function appWindow(app: ElectronApplication): Promise<Page> {
  for (let i = 0; i < 600; i++) {
    const found = app.windows().find((w) => w.url().startsWith('zhike://app/'))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('the main window did not open within a minute')
}

test('the first window opens on the first-start screen, offering the demo hotel', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Zhike' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Load the demo hotel' })).toBeVisible()
  // Served by the app's own scheme, never file:// (the grantFileProtocolExtraPrivileges fuse is off).
  expect(page.url()).toMatch(/^zhike:\/\/app\/index\.html(#.*)?$/)
})

test('the page gets window.zhike and nothing of Node or Electron', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const seen = await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals
    return {
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      ipcRenderer: typeof w.ipcRenderer,
      electron: typeof w.electron,
      keys: Object.keys(w.zhike).sort(),
      call: typeof w.zhike.call,
      onEvent: typeof w.zhike.onEvent,
      locale: w.zhike.locale,
      frozen: Object.isFrozen(w.zhike),
    }
  })
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    ipcRenderer: 'undefined',
    electron: 'undefined',
    keys: ['call', 'locale', 'onEvent'],
    call: 'function',
    onEvent: 'function',
    locale: expect.stringMatching(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
    frozen: true, // contextBridge hands the page a frozen copy
  })
})

test('navigation away from the app is denied', async ({ app, page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const before = page.url()
  // Wait for the main process to see the attempt (an event, not a sleep), then check nothing moved.
  const attempted = app.evaluate(
    ({ BrowserWindow }) =>
      new Promise<string>((resolve) => BrowserWindow.getAllWindows()[0].webContents.once('will-navigate', (_event, url) => resolve(url))),
  )
  await page.evaluate(() => {
    const w = globalThis as unknown as PageGlobals
    w.location.href = 'https://example.com/'
  })
  expect(await attempted).toBe('https://example.com/')
  expect(page.url()).toBe(before)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Zhike' })).toBeVisible()
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.getURL())).toBe(before)
})

test('window.open opens nothing', async ({ app, page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const opened = await page.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/', '_blank') === null)
  expect(opened).toBe(true)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
  expect(app.windows()).toHaveLength(1)
})

test('the demo loads, a desk clerk signs in and checks in over IPC, and the prompts arrive as events', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const outcome = await page.evaluate(async () => {
    const zhike = (globalThis as unknown as PageGlobals).zhike
    const value = <T>(result: Result): T => {
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
      return result.value as T
    }
    const signedOut = await zhike.call('stay.arrivals', {})
    const demo = value<{ rooms: number; guests: number }>(await zhike.call('setup.loadDemo', {}))
    const signIn = await zhike.call('session.signIn', { code: 'fd01', pin: '1234' })
    const current = value<{ staff: { code: string } | null }>(await zhike.call('session.current', {}))
    const arrivals = value<{ stayId: number; guest: { nativeName: string } }[]>(await zhike.call('stay.arrivals', {}))
    const stay = arrivals.find((a) => a.guest.nativeName === '何家俊')
    if (!stay) throw new Error('the demo has no 何家俊 arriving today')
    const suggestions = value<{ room: { number: string } }[]>(await zhike.call('room.suggest', { stayId: stay.stayId }))
    const room = suggestions[0].room.number
    const prompts: CoreEvent[] = []
    const firstPrompt = new Promise<CoreEvent>((resolve) => {
      const off = zhike.onEvent((event) => {
        if (event.name !== 'prompt.created') return
        prompts.push(event)
        off()
        resolve(event)
      })
    })
    const checkIn = await zhike.call('stay.checkIn', { stayId: stay.stayId, roomNumber: room })
    const prompt = await firstPrompt
    return { signedOut, demo, signIn, current, room, checkIn, prompt }
  })

  expect(outcome.signedOut).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  expect(outcome.demo.rooms).toBeGreaterThan(100)
  expect(outcome.signIn).toMatchObject({ ok: true, value: { staff: { code: 'fd01' } } })
  // The session token stays in the main process: the page never sees it.
  expect(JSON.stringify(outcome.signIn)).not.toMatch(/token/i)
  expect(outcome.current.staff?.code).toBe('fd01')
  expect(outcome.checkIn.ok).toBe(true)
  expect(outcome.prompt.name).toBe('prompt.created')
  expect(JSON.stringify(outcome.prompt.payload)).toContain(outcome.room)
})

test('the File menu offers to connect to the hotel’s Zhike; leaving terminal mode is off in local mode', async ({ app, page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const items = await app.evaluate(({ Menu }) => {
    const file = Menu.getApplicationMenu()!.items.find((item) => item.label === 'File')!
    return file.submenu!.items.filter((item) => item.type !== 'separator').map((item) => ({ label: item.label, enabled: item.enabled }))
  })
  expect(items.slice(0, 2)).toEqual([
    { label: 'Connect to the hotel’s Zhike…', enabled: true },
    { label: 'Use this PC’s own store', enabled: false },
  ])
})

test('the page cannot reach the connect page or the web', async ({ page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const outcomes = await page.evaluate(async () => {
    const attempt = (url: string) =>
      (globalThis as unknown as { fetch(url: string): Promise<{ status: number }> })
        .fetch(url)
        .then((r) => `status ${r.status}`)
        .catch(() => 'refused')
    return { connect: await attempt('zhike://connect/check?address=127.0.0.1:1&fingerprint=x'), web: await attempt('https://example.com/') }
  })
  expect(outcomes).toEqual({ connect: 'refused', web: 'refused' })
})

/** A stand-in for the hotel's server: HTTPS with a self-signed certificate, a page and /api/health. */
async function hotelServer(): Promise<{ url: string; fingerprint: string; requests: string[]; connections(): number; close(): Promise<void> }> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Zhike hub' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' } as never)
  const requests: string[] = []
  const server = https.createServer({ cert: pems.cert, key: pems.private }, (req, res) => {
    requests.push(req.url ?? '')
    if (req.url === '/api/health') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"ok":true}')
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><html lang="en"><title>Hotel hub</title><main><h1>Hotel hub</h1></main></html>')
  })
  let connections = 0
  server.on('connection', () => void (connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    connections: () => connections,
    url: `https://127.0.0.1:${port}/`,
    fingerprint: new crypto.X509Certificate(pems.cert).fingerprint256,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

test('“Connect to the hotel’s Zhike…” checks the server’s certificate before anything is sent', async ({ app, page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const hotel = await hotelServer()
  try {
    const opened = app.waitForEvent('window')
    await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()!.items.find((item) => item.label === 'File')!
      file.submenu!.items[0].click()
    })
    const dialog = await opened
    await expect(dialog.getByRole('heading', { level: 1, name: 'Connect to the hotel’s Zhike' })).toBeVisible()
    expect(dialog.url()).toBe('zhike://connect/')
    await dialog.getByLabel('Address').fill(hotel.url)
    await dialog.getByLabel('Certificate fingerprint (SHA-256)').fill(hotel.fingerprint.replace(/^../, '00'))
    await dialog.getByRole('button', { name: 'Check and connect' }).click()
    await expect(dialog.getByRole('alert')).toContainText('has a different certificate')
    await expect(dialog.getByRole('alert')).toContainText(hotel.fingerprint)
    expect(hotel.requests).toEqual([]) // the fingerprint is compared before any HTTP is written
    await dialog.getByLabel('Address').fill('http://192.168.1.20:4870/')
    await dialog.getByRole('button', { name: 'Check and connect' }).click()
    await expect(dialog.getByText('Only https:// addresses are accepted')).toBeVisible()
  } finally {
    await hotel.close()
  }
})

test('terminal mode: no store, the server’s page in a window without preload, pinned to its certificate', async () => {
  const hotel = await hotelServer()
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-electron-terminal-'))
  fs.writeFileSync(path.join(userData, 'terminal.json'), JSON.stringify({ url: hotel.url, fingerprint: hotel.fingerprint }))
  const app = await launch(userData)
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('heading', { level: 1, name: 'Hotel hub' })).toBeVisible()
    expect(page.url()).toBe(hotel.url)
    expect(await page.evaluate(() => typeof (globalThis as unknown as PageGlobals).zhike)).toBe('undefined')
    expect(fs.existsSync(path.join(userData, 'zhike.db'))).toBe(false) // no store of its own
    const items = await app.evaluate(({ Menu }) => {
      const file = Menu.getApplicationMenu()!.items.find((item) => item.label === 'File')!
      return file.submenu!.items.filter((item) => item.type !== 'separator').map((item) => item.enabled)
    })
    expect(items.slice(0, 2)).toEqual([true, true])
    await page.evaluate(() => {
      ;(globalThis as unknown as PageGlobals).location.href = 'https://example.com/'
    })
    await expect(page.getByRole('heading', { level: 1, name: 'Hotel hub' })).toBeVisible()
    expect(page.url()).toBe(hotel.url)
  } finally {
    await app.close()
    await hotel.close()
    fs.rmSync(userData, { recursive: true, force: true })
  }
})

test('terminal mode refuses a server whose certificate is not the pinned one', async () => {
  const hotel = await hotelServer()
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-electron-terminal-'))
  const wrong = hotel.fingerprint.replace(/^../, hotel.fingerprint.startsWith('00') ? '11' : '00')
  fs.writeFileSync(path.join(userData, 'terminal.json'), JSON.stringify({ url: hotel.url, fingerprint: wrong }))
  const app = await launch(userData)
  try {
    // Chromium reaches the server (TCP), then refuses its certificate: no HTTP request is ever sent,
    // and the page never shows. (The native "cannot be reached" dialog is left to app.close().)
    await expect.poll(() => hotel.connections(), { timeout: 15_000 }).toBeGreaterThan(0)
    const page = await app.firstWindow()
    await page.waitForTimeout(1500)
    await expect(page.getByRole('heading', { name: 'Hotel hub' })).toHaveCount(0)
    expect(hotel.requests).toEqual([])
  } finally {
    await app.close()
    await hotel.close()
    fs.rmSync(userData, { recursive: true, force: true })
  }
})
