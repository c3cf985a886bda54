import { describe, expect, it } from 'vitest'
import { connectPagePolicy, connectPageUrl, escapeHtml, handleConnectRequest, type ConnectDeps } from '../../electron/main/connect-page'
import { desktopLanguage, desktopStrings, isCertificateError, unreachableChoices, type DesktopStrings } from '../../electron/main/desktop-strings'
import type { CheckOutcome } from '../../electron/main/terminal-check'
import type { TerminalTarget } from '../../electron/main/terminal-target'

const fingerprint = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89'

function harness(options: { outcome?: CheckOutcome; current?: TerminalTarget | null; serving?: boolean; language?: 'en' | 'zh-CN' } = {}) {
  const log = { checked: [] as TerminalTarget[], saved: [] as TerminalTarget[], restarts: 0, closes: 0 }
  const deps: ConnectDeps = {
    language: options.language ?? 'en',
    current: () => options.current ?? null,
    serving: () => options.serving ?? false,
    check: async (target) => {
      log.checked.push(target)
      return options.outcome ?? { ok: true }
    },
    save: (target) => log.saved.push(target),
    restart: () => void (log.restarts += 1),
    close: () => void (log.closes += 1),
  }
  const get = async (path: string, method = 'GET') => {
    const response = await handleConnectRequest({ method, url: new URL(path, connectPageUrl).href }, deps)
    return { response, text: await response.text() }
  }
  return { log, get }
}

const check = (address: string, fp: string) => `check?${new URLSearchParams({ address, fingerprint: fp })}`

describe('the connect page', () => {
  it('is a form with no script, served with a policy that allows none', async () => {
    const { get } = harness()
    const { response, text } = await get('/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(connectPagePolicy)
    expect(connectPagePolicy).toContain("default-src 'none'")
    expect(connectPagePolicy).toContain("form-action 'self'")
    expect(connectPagePolicy).not.toMatch(/script-src|unsafe/)
    expect(text).not.toMatch(/<script|javascript:|\son[a-z]+=/i)
    expect(text).toMatch(/<form method="get" action="check">/)
    expect(text).toContain('<label for="address">Address</label>')
    expect(text).toContain('<label for="fingerprint">Certificate fingerprint (SHA-256)</label>')
    expect(text).toContain('<html lang="en">')
    const css = await get('/style.css')
    expect(css.response.headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('speaks Simplified Chinese on a Chinese system', async () => {
    expect(desktopLanguage('zh-CN')).toBe('zh-CN')
    expect(desktopLanguage('zh-TW')).toBe('zh-CN')
    expect(desktopLanguage('zh')).toBe('zh-CN')
    expect(desktopLanguage('en-GB')).toBe('en')
    expect(desktopLanguage('zhx')).toBe('en')
    expect(desktopLanguage(undefined)).toBe('en')
    const { get } = harness({ language: 'zh-CN' })
    const { text } = await get('/')
    expect(text).toContain('<html lang="zh-CN">')
    expect(text).toContain('连接酒店的知客')
    expect(text).toContain('检查并连接')
  })

  it('shows what is wrong beside each field, keeps what was typed, escaped, and checks nothing', async () => {
    const { get, log } = harness()
    const { text } = await get(check('http://192.168.1.20:4870/"><img src=x onerror=alert(1)>', 'AB:CD'))
    expect(text).toContain('This is not an address Zhike can open.')
    expect(text).toContain('A SHA-256 fingerprint is 32 pairs')
    expect(text).toContain('aria-invalid="true"')
    expect(text).toContain('value="http://192.168.1.20:4870/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"')
    expect(text).not.toContain('<img')
    expect(log.checked).toEqual([])
    expect(log.saved).toEqual([])
  })

  it('checks the server, then saves terminal.json and restarts', async () => {
    const { get, log } = harness()
    const { response, text } = await get(check('192.168.1.20:4870', fingerprint.toLowerCase()))
    expect(response.status).toBe(200)
    const target = { url: 'https://192.168.1.20:4870/', origin: 'https://192.168.1.20:4870', hostname: '192.168.1.20', port: 4870, fingerprint }
    expect(log.checked).toEqual([target])
    expect(log.saved).toEqual([target])
    expect(log.restarts).toBe(1)
    expect(text).toContain('Connected. Zhike restarts now as a terminal of https://192.168.1.20:4870/.')
  })

  it('says why the server was refused, with the fingerprint it showed, and saves nothing', async () => {
    const seen = fingerprint.replace(/^AB/, '00')
    const { get, log } = harness({ outcome: { ok: false, code: 'FINGERPRINT', seen } })
    const { text } = await get(check('https://192.168.1.20:4870/', fingerprint))
    expect(text).toContain('has a different certificate')
    expect(text).toContain(`Its certificate’s fingerprint is ${seen}.`)
    expect(text).toContain('role="alert"')
    expect(log.saved).toEqual([])
    expect(log.restarts).toBe(0)
    for (const code of ['UNREACHABLE', 'TIMEOUT', 'NOT_ZHIKE', 'HOST'] as const) {
      const other = harness({ outcome: { ok: false, code } })
      expect((await other.get(check('https://192.168.1.20:4870/', fingerprint))).text).toContain(escapeHtml(desktopStrings('en').checkErrors[code]))
    }
  })

  it('refuses while this PC serves terminals itself', async () => {
    const { get, log } = harness({ serving: true })
    const form = await get('/')
    expect(form.text).toContain('This PC serves department terminals itself')
    expect(form.text).toContain('<button type="submit" disabled>')
    await get(check('https://192.168.1.20:4870/', fingerprint))
    expect(log.checked).toEqual([])
    expect(log.saved).toEqual([])
  })

  it('starts from the current server on a PC that is already a terminal', async () => {
    const current = { url: 'https://192.168.1.20:4870/', origin: 'https://192.168.1.20:4870', hostname: '192.168.1.20', port: 4870, fingerprint }
    const { text } = await (harness({ current })).get('/')
    expect(text).toContain('This PC is now a terminal of https://192.168.1.20:4870/.')
    expect(text).toContain(`value="${fingerprint}"`)
  })

  it('closes on Cancel, answers only GET, and nothing outside its routes', async () => {
    const { get, log } = harness()
    expect((await get('close')).response.status).toBe(204)
    expect(log.closes).toBe(1)
    expect((await get('/', 'POST')).response.status).toBe(405)
    expect((await get('/other')).response.status).toBe(404)
    const { log: other } = harness()
    const foreign = await handleConnectRequest({ method: 'GET', url: 'zhike://app/index.html' }, {
      language: 'en',
      current: () => null,
      serving: () => false,
      check: async () => ({ ok: true }),
      save: (t) => other.saved.push(t),
      restart: () => {},
      close: () => {},
    })
    expect(foreign.status).toBe(404)
  })
})

describe('the desktop strings', () => {
  it('exist in both languages for every key, with the same placeholders', () => {
    const en = desktopStrings('en')
    const zh = desktopStrings('zh-CN')
    const flatten = (strings: DesktopStrings) => {
      const out: Record<string, string> = {}
      const walk = (value: unknown, key: string) => {
        if (typeof value === 'function') out[key] = String((value as (a: string) => string)('§'))
        else if (typeof value === 'string') out[key] = value
        else for (const [k, v] of Object.entries(value as object)) walk(v, `${key}.${k}`)
      }
      walk(strings, '')
      return out
    }
    const a = flatten(en)
    const b = flatten(zh)
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort())
    for (const key of Object.keys(a)) {
      expect(b[key], key).not.toBe('')
      expect(b[key].includes('§'), key).toBe(a[key].includes('§'))
    }
  })

  it('offers retry, connect again, own store and quit when the server cannot be reached', () => {
    const { buttons, choices } = unreachableChoices(desktopStrings('zh-CN'))
    expect(buttons).toEqual(['重试', '重新连接…', '使用本机自己的数据', '退出'])
    expect(choices).toEqual(['retry', 'connect', 'own-store', 'quit'])
    expect(isCertificateError(-202)).toBe(true)
    expect(isCertificateError(-207)).toBe(true)
    expect(isCertificateError(-102)).toBe(false)
    expect(isCertificateError(-300)).toBe(false)
  })
})
