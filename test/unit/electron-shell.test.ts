import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { demoDirectory, sqliteBinding } from '../../electron/main/app-paths'
import { parseCallEnvelope } from '../../electron/main/call-envelope'
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../electron/main/content-security-policy'
import { cleanLocale, localeArgument, localeFromArgv } from '../../electron/main/locale-argument'
import { appFileFor, appIndexUrl, appScheme, appSchemePrivileges, serveAppRequest } from '../../electron/main/app-protocol'
import { NavigationPolicies } from '../../electron/main/navigation-policy'
import { isAllowedRequest, isOwnRendererUrl, rendererLocation } from '../../electron/main/renderer-url'
import { WindowSessions } from '../../electron/main/window-sessions'
import { desktopCaller } from '../../electron/core/context'
import type { CoreEvent } from '../../electron/core/events'
import { failure, ok, seedSmallHotel, tempStore } from '../fixtures/test-store'

const root = path.resolve(os.tmpdir(), 'zhike-app')
const rendererDir = path.join(root, 'out', 'renderer')
const built = rendererLocation({ packaged: true, rendererDir, devServerUrl: 'http://localhost:5173' })
const dev = rendererLocation({ packaged: false, rendererDir, devServerUrl: 'http://localhost:5173/' })
const fileUrl = (file: string) => pathToFileURL(file).href

describe('the IPC sender check', () => {
  it('accepts our page as zhike://app/, on any hash route', () => {
    expect(built).toEqual({ kind: 'app', dir: rendererDir, indexUrl: 'zhike://app/index.html' })
    expect(appIndexUrl).toBe('zhike://app/index.html')
    expect(isOwnRendererUrl('zhike://app/index.html', built)).toBe(true)
    expect(isOwnRendererUrl('zhike://app/index.html#/checkin', built)).toBe(true)
    expect(isOwnRendererUrl('zhike://app/', built)).toBe(true)
  })

  it('refuses the web, local files, other pages and the connect page', () => {
    for (const url of [
      'https://evil.example/',
      'https://app/index.html',
      'http://localhost:5173/',
      fileUrl(path.join(rendererDir, 'index.html')),
      'zhike://app/other.html',
      'zhike://app/assets/index.js',
      'zhike://app/index.html?x=1',
      'zhike://connect/',
      'zhike://APP.evil/index.html',
      'zhike://user:pass@app/index.html',
      'zhike://app:8080/index.html',
      'data:text/html,<script>1</script>',
      'about:blank',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isOwnRendererUrl(url, built), String(url)).toBe(false)
    }
  })

  it('in development trusts the dev server origin only, and never once packaged', () => {
    expect(dev).toEqual({ kind: 'dev', origin: 'http://localhost:5173', indexUrl: 'http://localhost:5173/' })
    expect(isOwnRendererUrl('http://localhost:5173/#/board', dev)).toBe(true)
    expect(isOwnRendererUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isOwnRendererUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isOwnRendererUrl('http://localhost.evil.example:5173/', dev)).toBe(false)
    expect(isOwnRendererUrl('zhike://app/index.html', dev)).toBe(false)
    // A packaged app ignores ELECTRON_RENDERER_URL: nobody can point it at a server.
    expect(built.kind).toBe('app')
    expect(rendererLocation({ packaged: false, rendererDir, devServerUrl: 'javascript:alert(1)' }).kind).toBe('app')
  })
})

describe('requests the window may make', () => {
  it('loads its own files and data: images, and nothing remote or local', () => {
    expect(isAllowedRequest('zhike://app/assets/index.js', built)).toBe(true)
    expect(isAllowedRequest('data:image/png;base64,AAAA', built)).toBe(true)
    expect(isAllowedRequest('https://example.com/tracker.png', built)).toBe(false)
    expect(isAllowedRequest('http://127.0.0.1:4870/api/health', built)).toBe(false)
    expect(isAllowedRequest(fileUrl('/etc/passwd'), built)).toBe(false)
    expect(isAllowedRequest(fileUrl(path.join(rendererDir, 'index.html')), built)).toBe(false)
    expect(isAllowedRequest('zhike://connect/check?address=x', built)).toBe(false)
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false)
  })
})

describe('the zhike:// scheme that serves the renderer', () => {
  const files = new Map<string, string>([
    [path.join(rendererDir, 'index.html'), '<!doctype html>'],
    [path.join(rendererDir, 'assets', 'index-abc.js'), 'export {}'],
    [path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}'],
  ])
  const read = (file: string) => (files.has(file) ? new TextEncoder().encode(files.get(file)) : null)
  const serve = (url: string, method = 'GET') => serveAppRequest({ method, url }, { rendererDir, contentSecurityPolicy, read })

  it('is registered as a standard, secure scheme, so module scripts, CSP and storage work as on https', () => {
    expect(appScheme).toBe('zhike')
    expect(appSchemePrivileges).toMatchObject({ standard: true, secure: true, supportFetchAPI: true, corsEnabled: true })
    expect(appSchemePrivileges).not.toHaveProperty('bypassCSP')
  })

  it('maps URLs to files inside the renderer folder only', () => {
    expect(appFileFor('zhike://app/', rendererDir)).toBe(path.join(rendererDir, 'index.html'))
    expect(appFileFor('zhike://app/index.html#/board', rendererDir)).toBe(path.join(rendererDir, 'index.html'))
    expect(appFileFor('zhike://app/assets/index-abc.js?v=1', rendererDir)).toBe(path.join(rendererDir, 'assets', 'index-abc.js'))
    // ".." in the URL is resolved by the URL parser at the root, so it stays in the folder.
    expect(appFileFor('zhike://app/../main/index.js', rendererDir)).toBe(path.join(rendererDir, 'main', 'index.js'))
    expect(appFileFor('zhike://app/%2e%2e/%2e%2e/main/index.js', rendererDir)).toBe(path.join(rendererDir, 'main', 'index.js'))
    for (const url of [
      'zhike://app/assets/..%2f..%2fmain/index.js',
      'zhike://app/..%5c..%5cmain%5cindex.js',
      'zhike://app/.env',
      'zhike://app/assets/.hidden/x.js',
      'zhike://app/assets/%00.js',
      'zhike://app/%E0%A4%A',
      'zhike://connect/index.html',
      'zhike://app:1/index.html',
      'https://app/index.html',
      fileUrl(path.join(rendererDir, 'index.html')),
      'not a url',
    ]) {
      expect(appFileFor(url, rendererDir), url).toBeNull()
    }
  })

  it('answers files with their type and our CSP, and 404 or 405 otherwise', async () => {
    const page = serve('zhike://app/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toBe('<!doctype html>')
    // Module scripts need a JavaScript MIME type, or Chromium refuses them.
    expect(serve('zhike://app/assets/index-abc.js').headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(serve('zhike://app/assets/index-abc.css').headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(serve('zhike://app/missing.js').status).toBe(404)
    expect(serve('zhike://app/../../etc/passwd').status).toBe(404)
    expect(serve('zhike://app/index.html', 'POST').status).toBe(405)
    const head = serve('zhike://app/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})

describe('where each window may navigate', () => {
  it('only where its window said, and nowhere for contents nobody registered', () => {
    const policies = new NavigationPolicies()
    policies.allow(1, (url) => isOwnRendererUrl(url, built))
    expect(policies.allows(1, 'zhike://app/index.html#/board')).toBe(true)
    expect(policies.allows(1, 'https://example.com/')).toBe(false)
    expect(policies.allows(2, 'zhike://app/index.html')).toBe(false)
    policies.forget(1)
    expect(policies.allows(1, 'zhike://app/index.html')).toBe(false)
  })
})

describe('the call envelope', () => {
  it('accepts {method, input} and defaults a missing input to {}', () => {
    expect(parseCallEnvelope({ method: 'guest.search', input: { query: 'HO' } })).toEqual({ method: 'guest.search', input: { query: 'HO' } })
    expect(parseCallEnvelope({ method: 'setup.status' })).toEqual({ method: 'setup.status', input: {} })
  })

  it('refuses anything else', () => {
    for (const value of [
      null,
      undefined,
      'guest.search',
      ['guest.search', {}],
      {},
      { method: 42 },
      { method: '' },
      { method: '../secret' },
      { method: 'a b' },
      { method: 'x'.repeat(101) },
      { method: 'guest.search', input: {}, token: 'stolen' },
      Object.assign(Object.create({ polluted: true }), { method: 'guest.search' }),
      new Map([['method', 'guest.search']]),
    ]) {
      expect(parseCallEnvelope(value), JSON.stringify(value)).toBeNull()
    }
  })
})

describe('the content security policy', () => {
  it('allows only our own scripts and no remote anything', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]))
    expect(directives.get('default-src')).toBe("'self'")
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('style-src')).toBe("'self' 'unsafe-inline'")
    expect(directives.get('img-src')).toBe("'self' data:")
    expect(directives.get('connect-src')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('base-uri')).toBe("'none'")
    expect(directives.get('frame-ancestors')).toBe("'none'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|\*|https?:/)
  })

  it('replaces a looser policy the response brought, whatever its case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] })
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] })
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] })
  })
})

describe('the locale handed to the sandboxed preload', () => {
  it('round-trips through argv and falls back to English', () => {
    expect(localeFromArgv(['electron', '--type=renderer', localeArgument('zh-CN')])).toBe('zh-CN')
    expect(localeFromArgv(['electron', localeArgument('zh_TW')])).toBe('zh-TW')
    expect(localeFromArgv(['electron'])).toBe('en')
    expect(localeFromArgv(undefined)).toBe('en')
    expect(cleanLocale('"><script>')).toBe('en')
    expect(localeArgument('')).toBe('--zhike-locale=en')
  })
})

describe('where the app finds its store pieces', () => {
  it('uses ZHIKE_SQLITE_BINDING in development only, and names a missing file', () => {
    const exists = (file: string) => file === path.resolve('/cache/better_sqlite3.node')
    expect(sqliteBinding({ env: {}, packaged: false, exists })).toBeUndefined()
    expect(sqliteBinding({ env: { ZHIKE_SQLITE_BINDING: '/cache/better_sqlite3.node' }, packaged: false, exists })).toBe(path.resolve('/cache/better_sqlite3.node'))
    expect(sqliteBinding({ env: { ZHIKE_SQLITE_BINDING: '/cache/better_sqlite3.node' }, packaged: true, exists })).toBeUndefined()
    expect(() => sqliteBinding({ env: { ZHIKE_SQLITE_BINDING: '/nowhere/x.node' }, packaged: false, exists })).toThrow(/\/nowhere\/x\.node.*does not exist/)
  })

  it('finds the demo in the project, or beside a packaged app as extraResources puts it', () => {
    expect(demoDirectory({ packaged: false, resourcesPath: '/opt/Zhike/resources', projectRoot: '/src/zhike' })).toBe(path.join('/src/zhike', 'resources', 'demo'))
    expect(demoDirectory({ packaged: true, resourcesPath: '/opt/Zhike/resources', projectRoot: '/src/zhike' })).toBe(path.join('/opt/Zhike/resources', 'demo'))
    const builder = fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')
    expect(builder).toMatch(/from: resources\/demo\s+to: demo/)
  })
})

describe('sessions held per window', () => {
  let cleanup = () => {}
  afterEach(() => cleanup())

  it('signs a window in without the page ever seeing the token, and keeps windows apart', () => {
    const store = tempStore()
    cleanup = store.cleanup
    seedSmallHotel(store.core)
    const windows = new WindowSessions(store.core)

    const signedIn = ok(windows.call(1, 'session.signIn', { code: 'fd01', pin: '1234' }))
    expect(signedIn.staff.code).toBe('fd01')
    expect(signedIn).not.toHaveProperty('token')
    expect(JSON.stringify(signedIn)).not.toMatch(/token/i)

    expect(ok(windows.call(1, 'session.current', {})).staff.code).toBe('fd01')
    expect(ok(windows.call(2, 'session.current', {})).staff).toBeNull()
    expect(failure(windows.call(2, 'guest.search', { query: 'HO' })).code).toBe('UNAUTHENTICATED')

    ok(windows.call(1, 'session.signOut', {}))
    expect(ok(windows.call(1, 'session.current', {})).staff).toBeNull()
  })

  it('signing in again, or closing the window, ends the old session in the core', () => {
    const store = tempStore()
    cleanup = store.cleanup
    seedSmallHotel(store.core)
    const windows = new WindowSessions(store.core)
    ok(windows.call(7, 'session.signIn', { code: 'fd01', pin: '1234' }))
    ok(windows.call(7, 'session.signIn', { code: 'hk01', pin: '1234' }))
    expect(windows.actor(7)?.staffId).toBeDefined()
    expect(ok(windows.call(7, 'session.current', {})).staff.code).toBe('hk01')
    windows.forget(7)
    expect(windows.actor(7)).toBeNull()
    expect(ok(windows.call(7, 'session.current', {})).staff).toBeNull()
  })

  it('a wrong PIN leaves the window signed out', () => {
    const store = tempStore()
    cleanup = store.cleanup
    seedSmallHotel(store.core)
    const windows = new WindowSessions(store.core)
    expect(failure(windows.call(3, 'session.signIn', { code: 'fd01', pin: '9999' })).code).toBe('BAD_LOGIN')
    expect(windows.actor(3)).toBeNull()
  })

  it('calls the core as the desktop: the machine itself, which may claim a new store', () => {
    const calls: unknown[][] = []
    const fake = {
      call: (...args: unknown[]) => {
        calls.push(args)
        return { ok: true as const, value: {} }
      },
      sessions: { close() {}, actor: () => null },
    } as unknown as ConstructorParameters<typeof WindowSessions>[0]
    new WindowSessions(fake).call(5, 'setup.status', {})
    expect(calls).toEqual([[null, 'setup.status', {}, desktopCaller]])
    expect(desktopCaller).toEqual({ address: 'desktop', local: true })

    const store = tempStore()
    cleanup = store.cleanup
    const windows = new WindowSessions(store.core)
    expect(ok(windows.call(1, 'setup.status', {})).claim).toBe('here')
  })

  it('forwards a department prompt only to windows that may see it', () => {
    const store = tempStore()
    cleanup = store.cleanup
    seedSmallHotel(store.core)
    const windows = new WindowSessions(store.core)
    ok(windows.call(1, 'session.signIn', { code: 'hk01', pin: '1234' })) // housekeeping
    ok(windows.call(2, 'session.signIn', { code: 'rs01', pin: '1234' })) // restaurant
    ok(windows.call(3, 'session.signIn', { code: 'ad01', pin: '123456' })) // admin sees every board
    const event = { name: 'prompt.created', payload: { prompt: { department: 'housekeeping' } } } as unknown as CoreEvent
    expect(windows.mayReceive(1, event)).toBe(true)
    expect(windows.mayReceive(2, event)).toBe(false)
    expect(windows.mayReceive(3, event)).toBe(true)
    expect(windows.mayReceive(4, event)).toBe(false) // nobody signed in there
  })
})
