import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDesktopLog, logFolderOf, rotateLogFiles, rotationPlan } from '../../electron/main/desktop-log'
import { desktopStrings } from '../../electron/main/desktop-strings'
import { relaunchOptions, sandboxLogLine, sandboxVerdict, userNamespaceRestriction, type KernelUserNamespaces, type SandboxFacts } from '../../electron/main/linux-sandbox'
import { progressPagePolicy, progressPageUrl, progressText, renderProgressPage } from '../../electron/main/progress-page'
import { startFailureDialog } from '../../electron/main/start-failure'
import { chooseUpdatePolicy, parseFeedUrl, parseUpdatePolicy, updatePolicyFiles, updatePolicyLogLine, updateQuestion } from '../../electron/main/update-policy'
import { developmentFolderName, userDataOverride } from '../../electron/main/user-data'
import { parseWindowState, placeWindow, serializeWindowState } from '../../electron/main/window-state'

const temporary: string[] = []
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-startup-'))
  temporary.push(dir)
  return dir
}

describe('the progress window during long start-up work', () => {
  it('says how far the search rebuild is, with the counts grouped as each language writes them', () => {
    const stage = { step: 'search-index' as const, done: 12_000, total: 200_000 }
    expect(progressText('en', stage)).toBe('Preparing guest search… 12,000 of 200,000')
    expect(progressText('zh-CN', stage)).toBe('正在准备宾客搜索… 已完成 12,000 / 200,000')
    expect(progressText('en', { step: 'opening' })).toBe('Opening the guest store…')
  })

  it('is one script-free page: a status line for screen readers and a bar with the real numbers', () => {
    const html = renderProgressPage('en', { step: 'search-index', done: 12_000, total: 200_000 })
    expect(html).toContain('role="status"')
    expect(html).toContain('max="200000" value="12000"')
    expect(html).not.toMatch(/<script/i)
    expect(progressPagePolicy).toMatch(/default-src 'none'/)
    expect(progressPagePolicy).not.toMatch(/script-src/)
    expect(html).toContain(`content="${progressPagePolicy.replace(/'/g, '&#39;')}"`)
    expect(renderProgressPage('zh-CN', { step: 'opening' })).toContain('<html lang="zh-CN">')
    const url = progressPageUrl('en', { step: 'opening' })
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true)
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toContain('Opening the guest store…')
  })
})

describe('window size and place, kept between runs', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1040 }]

  it('round-trips and opens where it was', () => {
    const saved = parseWindowState(serializeWindowState({ x: 100, y: 80, width: 1400, height: 900, maximized: true }))
    expect(saved).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true })
    expect(placeWindow(saved, screen)).toEqual({ x: 100, y: 80, width: 1400, height: 900, maximized: true })
  })

  it('ignores a damaged or impossible file and opens at the default size', () => {
    for (const text of [null, '', '{', '[]', 'null', '{"x":1,"y":2,"width":0,"height":500}', '{"x":"1","y":2,"width":800,"height":500}', '{"x":1e9,"y":2,"width":800,"height":500}', '{"x":1.5,"y":2,"width":800,"height":500}']) {
      expect(parseWindowState(text), String(text)).toBeNull()
    }
    expect(placeWindow(null, screen)).toEqual({ width: 1280, height: 860, maximized: false })
  })

  it('never opens where no display shows its title bar (a projector unplugged), and fits the largest display', () => {
    const onUnplugged = { x: 2400, y: 100, width: 1200, height: 800, maximized: false }
    expect(placeWindow(onUnplugged, screen)).toEqual({ width: 1200, height: 800, maximized: false })
    const titleAbove = { x: 100, y: -600, width: 1200, height: 800, maximized: false }
    expect(placeWindow(titleAbove, screen).x).toBeUndefined()
    const huge = { x: 0, y: 0, width: 5000, height: 4000, maximized: false }
    expect(placeWindow(huge, screen)).toMatchObject({ width: 1920, height: 1040, x: 0, y: 0 })
    const tiny = { x: 10, y: 10, width: 50, height: 50, maximized: false }
    expect(placeWindow(tiny, screen)).toMatchObject({ width: 360, height: 480 })
    // A second display to the left (negative coordinates) is a real place.
    const left = { x: -1500, y: 40, width: 1200, height: 800, maximized: false }
    expect(placeWindow(left, [...screen, { x: -1600, y: 0, width: 1600, height: 900 }])).toMatchObject({ x: -1500, y: 40 })
  })
})

describe('a development run never opens the installed app’s store', () => {
  it('uses a folder of its own beside the installed one, unless ZHIKE_USER_DATA names one', () => {
    const appData = path.join(os.homedir(), '.config')
    expect(userDataOverride({ packaged: false, env: {}, appData })).toBe(path.join(appData, developmentFolderName))
    expect(userDataOverride({ packaged: false, env: {}, appData })).not.toBe(path.join(appData, 'Zhike'))
    expect(userDataOverride({ packaged: true, env: {}, appData })).toBeUndefined()
    expect(userDataOverride({ packaged: true, env: { ZHIKE_USER_DATA: 'rel/run-1' }, appData })).toBe(path.resolve('rel/run-1'))
    expect(userDataOverride({ packaged: false, env: { ZHIKE_USER_DATA: '  ' }, appData })).toBe(path.join(appData, developmentFolderName))
  })
})

describe('when the store cannot be opened', () => {
  it('explains in the person’s language, keeps core’s own message (the holder), and names the data folder', () => {
    const inUse = { code: 'STORE_IN_USE' as const, message: 'The store /d/zhike.db is in use by Zhike hub (process 4242 on front-office).' }
    const en = startFailureDialog(desktopStrings('en'), inUse, '/d')
    expect(en.title).toBe('The guest store is already open in another Zhike')
    expect(en.content).toContain('process 4242')
    expect(en.content).toContain('Close the other one')
    expect(en.content).toContain('Data folder: /d')
    const zh = startFailureDialog(desktopStrings('zh-CN'), { code: 'STORE_DAMAGED', message: 'Restore the latest backup.' }, '/d')
    expect(zh.title).toBe('宾客数据已损坏')
    expect(zh.content).toContain('Restore the latest backup.')
    expect(zh.content).toContain('数据文件夹：/d')
  })

  it('keeps the friendly hint for a database module built for plain Node', () => {
    const { content } = startFailureDialog(desktopStrings('en'), { code: 'NATIVE_MODULE', message: 'NODE_MODULE_VERSION 115 … requires 139' }, '/d')
    expect(content).toContain('npm start')
  })

  it('has every new sentence in both languages', () => {
    const en = desktopStrings('en')
    const zh = desktopStrings('zh-CN')
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(typeof zh[key], key).toBe(typeof en[key])
      if (typeof en[key] === 'string') expect(zh[key], key).not.toBe('')
    }
    expect(Object.keys(zh.startFailureTitles).sort()).toEqual(Object.keys(en.startFailureTitles).sort())
    expect(zh.openLogFolderMenu).toBe('打开日志文件夹')
  })
})

describe('the log file an IT person can find', () => {
  it('is <userData>/logs/zhike.log, owner-only, one line per entry', () => {
    const userData = tempDir()
    const log = createDesktopLog(logFolderOf(userData), { console: false })
    log.info('Zhike starting')
    log.error('core: stay.checkIn failed: boom')
    expect(log.file).toBe(path.join(userData, 'logs', 'zhike.log'))
    const lines = fs.readFileSync(log.file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\]\s+Zhike starting$/)
    expect(lines[1]).toMatch(/\[error\] core: stay.checkIn failed: boom$/)
    if (process.platform !== 'win32') expect(fs.statSync(log.file).mode & 0o077).toBe(0)
  })

  it('rotates at its size, keeping three older files and dropping the oldest', () => {
    const folder = tempDir()
    const log = createDesktopLog(folder, { console: false, maxBytes: 2_000, keep: 3 })
    for (let i = 0; i < 200; i++) log.info(`line ${i} ${'x'.repeat(60)}`)
    const files = fs.readdirSync(folder).sort()
    expect(files).toEqual(['zhike.1.log', 'zhike.2.log', 'zhike.3.log', 'zhike.log'])
    for (const file of files) expect(fs.statSync(path.join(folder, file)).size).toBeLessThan(2_200)
    // The newest line is in zhike.log, and the oldest kept lines in zhike.3.log are older than zhike.1.log's.
    expect(fs.readFileSync(path.join(folder, 'zhike.log'), 'utf8')).toContain('line 199 ')
    const firstLine = (file: string) => Number(/line (\d+)/.exec(fs.readFileSync(path.join(folder, file), 'utf8'))![1])
    expect(firstLine('zhike.3.log')).toBeLessThan(firstLine('zhike.2.log'))
    expect(firstLine('zhike.2.log')).toBeLessThan(firstLine('zhike.1.log'))
    expect(fs.readFileSync(path.join(folder, 'zhike.3.log'), 'utf8')).not.toContain('line 0 ')
  })

  it('moves files up oldest first, so none is overwritten before it moved', () => {
    expect(rotationPlan('/l/zhike.log', 3)).toEqual([
      { from: '/l/zhike.2.log', to: '/l/zhike.3.log' },
      { from: '/l/zhike.1.log', to: '/l/zhike.2.log' },
      { from: '/l/zhike.log', to: '/l/zhike.1.log' },
    ])
    const folder = tempDir()
    fs.writeFileSync(path.join(folder, 'zhike.log'), 'now')
    rotateLogFiles(path.join(folder, 'zhike.log'), 3) // zhike.1/2.log do not exist yet: skipped
    expect(fs.readdirSync(folder)).toEqual(['zhike.1.log'])
  })
})

describe('Chromium’s sandbox on Linux (AppImage on Ubuntu 24.04)', () => {
  const ubuntu2404: KernelUserNamespaces = { apparmorRestrict: '1\n', unprivilegedClone: null, maxNamespaces: '63704\n' }
  const open: KernelUserNamespaces = { apparmorRestrict: '0\n', unprivilegedClone: '1\n', maxNamespaces: '63704\n' }
  const facts = (over: Partial<SandboxFacts>): SandboxFacts => ({ platform: 'linux', packaged: true, appImage: undefined, noSandbox: false, kernel: open, ...over })

  it('reads the restriction from the kernel’s switches', () => {
    expect(userNamespaceRestriction(ubuntu2404)).toBe('apparmor')
    expect(userNamespaceRestriction(open)).toBeNull()
    expect(userNamespaceRestriction({ apparmorRestrict: null, unprivilegedClone: '0', maxNamespaces: null })).toBe('disabled')
    expect(userNamespaceRestriction({ apparmorRestrict: null, unprivilegedClone: null, maxNamespaces: '0' })).toBe('disabled')
    expect(userNamespaceRestriction({ apparmorRestrict: null, unprivilegedClone: null, maxNamespaces: null })).toBeNull()
  })

  it('with the sandbox, there is nothing to say, whatever the kernel (the .deb’s AppArmor profile at work)', () => {
    expect(sandboxVerdict(facts({ kernel: ubuntu2404 }))).toEqual({ kind: 'sandboxed' })
    expect(sandboxLogLine({ kind: 'sandboxed' })).toBeNull()
  })

  it('an AppImage its launcher started without the sandbox runs, and the log says why', () => {
    const verdict = sandboxVerdict(facts({ appImage: '/home/desk/Zhike.AppImage', noSandbox: true, kernel: ubuntu2404 }))
    expect(verdict).toEqual({ kind: 'appimage-unsandboxed', cause: 'apparmor' })
    expect(sandboxLogLine(verdict)).toMatch(/apparmor_restrict_unprivileged_userns = 1.*\.deb/)
    expect(sandboxVerdict(facts({ appImage: '/x.AppImage', noSandbox: true }))).toEqual({ kind: 'appimage-unsandboxed', cause: null })
  })

  it('any other packaged start with --no-sandbox is refused; development may go without', () => {
    expect(sandboxVerdict(facts({ noSandbox: true, kernel: ubuntu2404 }))).toEqual({ kind: 'refused' })
    expect(sandboxVerdict(facts({ platform: 'win32', noSandbox: true }))).toEqual({ kind: 'refused' })
    expect(sandboxVerdict(facts({ platform: 'darwin', appImage: '/x.AppImage', noSandbox: true }))).toEqual({ kind: 'refused' })
    expect(sandboxVerdict(facts({ packaged: false, noSandbox: true }))).toEqual({ kind: 'development-unsandboxed' })
  })

  it('restarts through the .AppImage file (the running folder is unmounted on exit), without --no-sandbox when asked', () => {
    const argv = ['/tmp/.mount_ZhikeX/zhike', '--no-sandbox', '--lang=zh-CN']
    expect(relaunchOptions({ argv, env: { APPIMAGE: '/home/desk/Zhike.AppImage' } })).toEqual({ args: ['--no-sandbox', '--lang=zh-CN'], execPath: '/home/desk/Zhike.AppImage' })
    expect(relaunchOptions({ argv: ['/opt/Zhike/zhike', '--no-sandbox'], env: {}, dropNoSandbox: true })).toEqual({ args: [] })
  })

  it('packaging: the .deb keeps electron-builder’s AppArmor profile, and the AppImage’s desktop entry does not force --no-sandbox', () => {
    const builder = fs.readFileSync(path.resolve('electron-builder.yml'), 'utf8')
    expect(builder).not.toMatch(/^\s*afterInstall:/m) // a custom script would replace the one that installs the profile
    expect(builder).toMatch(/appImage:\s*\n(?:\s+#.*\n)*\s+executableArgs: \[\]/)
  })
})

describe('updates, only where the hotel allows them', () => {
  it('looks machine-wide first, then in userData', () => {
    expect(updatePolicyFiles({ platform: 'linux', env: {}, userData: '/home/desk/.config/Zhike' })).toEqual(['/etc/zhike/updates.json', '/home/desk/.config/Zhike/updates.json'])
    expect(updatePolicyFiles({ platform: 'win32', env: { ProgramData: 'D:\\ProgramData' }, userData: 'C:\\u' })[0]).toBe('D:\\ProgramData\\Zhike\\updates.json')
    expect(updatePolicyFiles({ platform: 'darwin', env: {}, userData: '/u' })[0]).toBe('/Library/Application Support/Zhike/updates.json')
  })

  it('is off without a policy, in development, when the policy says no, or when it is damaged', () => {
    const allow = '{"allowed": true, "feedUrl": "https://updates.hotel.example/zhike"}'
    expect(chooseUpdatePolicy({ packaged: true, files: [{ file: '/etc/zhike/updates.json', text: null }, { file: '/u/updates.json', text: null }] })).toEqual({ allowed: false, reason: 'no-policy' })
    expect(chooseUpdatePolicy({ packaged: false, files: [{ file: '/u/updates.json', text: allow }] })).toEqual({ allowed: false, reason: 'development' })
    expect(parseUpdatePolicy('{"allowed": false, "feedUrl": "https://x/"}', '/f')).toEqual({ allowed: false, reason: 'not-allowed', file: '/f' })
    expect(parseUpdatePolicy('{"allowed": "yes"}', '/f')).toMatchObject({ allowed: false, reason: 'damaged' })
    expect(parseUpdatePolicy('{allowed: true}', '/f')).toMatchObject({ allowed: false, reason: 'damaged', problem: 'not JSON' })
    expect(parseUpdatePolicy('{"allowed": true, "feedUrl": "http://updates.hotel.example/"}', '/f')).toMatchObject({ allowed: false, reason: 'damaged' })
    expect(updatePolicyLogLine({ allowed: false, reason: 'damaged', file: '/f', problem: 'not JSON' })).toBe('updates: off, /f is damaged (not JSON)')
  })

  it('the machine-wide file wins: staff cannot turn on what the administrator left off', () => {
    const policy = chooseUpdatePolicy({
      packaged: true,
      files: [
        { file: '/etc/zhike/updates.json', text: '{"allowed": false}' },
        { file: '/u/updates.json', text: '{"allowed": true, "feedUrl": "https://evil.example/"}' },
      ],
    })
    expect(policy).toEqual({ allowed: false, reason: 'not-allowed', file: '/etc/zhike/updates.json' })
    expect(chooseUpdatePolicy({ packaged: true, files: [{ file: '/etc/zhike/updates.json', text: null }, { file: '/u/updates.json', text: '{"allowed": true, "feedUrl": "https://updates.hotel.example/z"}' }] })).toEqual({
      allowed: true,
      feedUrl: 'https://updates.hotel.example/z/',
      file: '/u/updates.json',
    })
  })

  it('takes only an https feed without credentials (plain http on this machine, for a test feed)', () => {
    expect(parseFeedUrl('https://updates.hotel.example/zhike/')).toBe('https://updates.hotel.example/zhike/')
    expect(parseFeedUrl('http://127.0.0.1:8080/feed')).toBe('http://127.0.0.1:8080/feed/')
    for (const bad of ['http://updates.hotel.example/', 'https://user:pw@updates.hotel.example/', 'file:///etc/passwd', 'https://x/#frag', 'not a url', 42, null]) expect(parseFeedUrl(bad), String(bad)).toBeNull()
  })

  it('always asks before installing, and says so when this PC serves department terminals', () => {
    expect(updateQuestion(false)).toEqual({ detail: 'updateReadyDetail', defaultButton: 'restartNow' })
    expect(updateQuestion(true)).toEqual({ detail: 'updateReadyServingDetail', defaultButton: 'later' })
    expect(desktopStrings('en').updateReadyServingDetail).toMatch(/department terminals/)
  })
})
