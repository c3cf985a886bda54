import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import selfsigned from 'selfsigned'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTerminalServer } from '../../electron/hub/terminal-server'
import { checkTerminalServer } from '../../electron/main/terminal-check'
import { readTerminalMode, removeTerminalTarget, terminalFile, writeTerminalTarget } from '../../electron/main/terminal-file'
import { isServing, resumeServing, shutDown, type HostedTerminalServer } from '../../electron/main/terminal-hosting'
import {
  certificateVerdict,
  fingerprintFromElectron,
  isAllowedTerminalRequest,
  isLoopbackHost,
  isTerminalUrl,
  normalizeFingerprint,
  parseConnectForm,
  parseServerAddress,
  parseTerminalFile,
  terminalFileContents,
  type TerminalTarget,
} from '../../electron/main/terminal-target'
import { tempStore } from '../fixtures/test-store'

const fingerprint = 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89'
const target = (url: string, fp: string | null = fingerprint): TerminalTarget => {
  const form = parseConnectForm({ address: url, fingerprint: fp ?? '' })
  if (!form.ok) throw new Error(JSON.stringify(form.errors))
  return form.target
}

describe('the server address a terminal connects to', () => {
  it('takes https://host:port/, or host:port with https assumed, and normalizes it', () => {
    expect(parseServerAddress('https://192.168.1.20:4870/')).toEqual({ ok: true, url: 'https://192.168.1.20:4870/', origin: 'https://192.168.1.20:4870', hostname: '192.168.1.20', port: 4870, tls: true })
    expect(parseServerAddress('  192.168.1.20:4870 ')).toMatchObject({ ok: true, url: 'https://192.168.1.20:4870/' })
    expect(parseServerAddress('HTTPS://Front-Desk.Hotel.LOCAL:4870')).toMatchObject({ ok: true, url: 'https://front-desk.hotel.local:4870/', hostname: 'front-desk.hotel.local' })
    expect(parseServerAddress('https://zhike.hotel.example')).toMatchObject({ ok: true, url: 'https://zhike.hotel.example/', port: 443 })
    expect(parseServerAddress('https://[fd00::20]:4870/')).toMatchObject({ ok: true, url: 'https://[fd00::20]:4870/', hostname: 'fd00::20', port: 4870 })
  })

  it('accepts plain http only for this PC itself', () => {
    expect(parseServerAddress('http://127.0.0.1:4870/')).toMatchObject({ ok: true, tls: false, port: 4870 })
    expect(parseServerAddress('http://localhost:4870')).toMatchObject({ ok: true, tls: false })
    expect(parseServerAddress('http://[::1]:4870/')).toMatchObject({ ok: true, hostname: '::1' })
    expect(parseServerAddress('http://192.168.1.20:4870/')).toEqual({ ok: false, error: 'NOT_HTTPS' })
    expect(parseServerAddress('http://localhost.evil.example/')).toEqual({ ok: false, error: 'NOT_HTTPS' })
    expect(parseServerAddress('http://127.0.0.1.nip.io/')).toEqual({ ok: false, error: 'NOT_HTTPS' })
    expect(isLoopbackHost('127.8.9.10')).toBe(true)
    expect(isLoopbackHost('[::1]')).toBe(true)
    expect(isLoopbackHost('128.0.0.1')).toBe(false)
  })

  it('says what is wrong with the rest', () => {
    const cases: [string, string][] = [
      ['', 'EMPTY'],
      ['   ', 'EMPTY'],
      ['ftp://hotel/', 'SCHEME'],
      ['javascript:alert(1)', 'SCHEME'],
      ['https:hotel', 'SCHEME'],
      ['file:///etc/passwd', 'SCHEME'],
      ['https://host:0/', 'PORT'],
      ['https://host:65536/', 'PORT'],
      ['https://host:99999999/', 'PORT'],
      ['host:abc', 'SCHEME'],
      ['https://host:abc/', 'PORT'],
      ['https://host:/', 'PORT'],
      ['https://host:4870/api/health', 'PATH'],
      ['https://host:4870/?x=1', 'PATH'],
      ['https://host:4870/#/board', 'PATH'],
      ['https://user:pw@host:4870/', 'INVALID'],
      ['https://ho st:4870/', 'INVALID'],
      ['https://:4870/', 'INVALID'],
      ['x'.repeat(400), 'INVALID'],
    ]
    for (const [text, error] of cases) expect(parseServerAddress(text), text).toEqual({ ok: false, error })
  })
})

describe('certificate fingerprints', () => {
  it('reads the forms people copy and answers AB:CD:… in upper case', () => {
    expect(normalizeFingerprint(fingerprint)).toBe(fingerprint)
    expect(normalizeFingerprint(fingerprint.toLowerCase())).toBe(fingerprint)
    expect(normalizeFingerprint(fingerprint.replace(/:/g, ' '))).toBe(fingerprint)
    expect(normalizeFingerprint(fingerprint.replace(/:/g, ''))).toBe(fingerprint)
    expect(normalizeFingerprint(`SHA256 Fingerprint=${fingerprint}`)).toBe(fingerprint)
    expect(normalizeFingerprint(`  ${fingerprint}\n`)).toBe(fingerprint)
  })

  it('refuses anything that is not 32 bytes of hex', () => {
    for (const text of ['', fingerprint.slice(3), `${fingerprint}:00`, fingerprint.replace('AB', 'GZ'), 'sha256/q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=', 'AB::CD', fingerprint.replace(/:/g, '::')]) {
      expect(normalizeFingerprint(text), text).toBeNull()
    }
  })

  it("converts Electron's sha256/<base64> to our form, and matches Node's fingerprint256", () => {
    const { cert } = generatedCertificate
    const x509 = new crypto.X509Certificate(cert)
    const electronForm = `sha256/${crypto.createHash('sha256').update(x509.raw).digest('base64')}`
    expect(fingerprintFromElectron(electronForm)).toBe(x509.fingerprint256)
    expect(fingerprintFromElectron(`sha256/${Buffer.from(fingerprint.replace(/:/g, ''), 'hex').toString('base64')}`)).toBe(fingerprint)
    for (const value of ['', null, undefined, 'sha1/AAAA', 'sha256/', 'sha256/not base64!', `sha256/${Buffer.alloc(20).toString('base64')}`, fingerprint]) {
      expect(fingerprintFromElectron(value), String(value)).toBeNull()
    }
  })
})

describe('the connect form', () => {
  it('needs both fields for https, and only the address on loopback http', () => {
    expect(parseConnectForm({ address: '192.168.1.20:4870', fingerprint: fingerprint.toLowerCase() })).toEqual({
      ok: true,
      target: { url: 'https://192.168.1.20:4870/', origin: 'https://192.168.1.20:4870', hostname: '192.168.1.20', port: 4870, fingerprint },
    })
    expect(parseConnectForm({ address: '192.168.1.20:4870', fingerprint: '' })).toEqual({ ok: false, errors: { fingerprint: 'EMPTY' } })
    expect(parseConnectForm({ address: '192.168.1.20:4870', fingerprint: 'AB:CD' })).toEqual({ ok: false, errors: { fingerprint: 'FORMAT' } })
    expect(parseConnectForm({ address: 'http://10.0.0.1/', fingerprint: 'x' })).toEqual({ ok: false, errors: { address: 'NOT_HTTPS', fingerprint: 'FORMAT' } })
    expect(parseConnectForm({ address: null, fingerprint: null })).toEqual({ ok: false, errors: { address: 'EMPTY', fingerprint: 'EMPTY' } })
    expect(parseConnectForm({ address: 'http://127.0.0.1:4870', fingerprint: '' })).toMatchObject({ ok: true, target: { fingerprint: null, url: 'http://127.0.0.1:4870/' } })
    // A fingerprint typed for plain http is not kept: there is no certificate to pin.
    expect(parseConnectForm({ address: 'http://127.0.0.1:4870', fingerprint })).toMatchObject({ ok: true, target: { fingerprint: null } })
  })
})

describe('terminal.json', () => {
  let dir = ''
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-terminal-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('round-trips {url, fingerprint} and nothing else', () => {
    const t = target('https://192.168.1.20:4870/')
    expect(JSON.parse(terminalFileContents(t))).toEqual({ url: 'https://192.168.1.20:4870/', fingerprint })
    expect(parseTerminalFile(terminalFileContents(t))).toEqual(t)
    expect(parseTerminalFile(terminalFileContents(target('http://127.0.0.1:4870/', null)))).toMatchObject({ fingerprint: null })
  })

  it('is damaged when it would not pass the form, or is not in the form we write', () => {
    for (const text of [
      '',
      'null',
      '[]',
      '{}',
      '{"url": "https://192.168.1.20:4870/"}',
      `{"url": "http://192.168.1.20:4870/", "fingerprint": null}`,
      `{"url": "https://192.168.1.20:4870/", "fingerprint": "${fingerprint.toLowerCase()}"}`,
      `{"url": "192.168.1.20:4870", "fingerprint": "${fingerprint}"}`,
      `{"url": "https://192.168.1.20:4870/", "fingerprint": 42}`,
      `{"url": "https://192.168.1.20:4870/x", "fingerprint": "${fingerprint}"}`,
    ]) {
      expect(parseTerminalFile(text), text).toBeNull()
    }
  })

  it('decides the mode: no file local, a good file terminal, anything else damaged', () => {
    expect(readTerminalMode(dir)).toEqual({ kind: 'local' })
    const t = target('https://192.168.1.20:4870/')
    writeTerminalTarget(dir, t)
    expect(readTerminalMode(dir)).toEqual({ kind: 'terminal', target: t })
    if (process.platform !== 'win32') expect(fs.statSync(terminalFile(dir)).mode & 0o077).toBe(0)
    expect(fs.readdirSync(dir)).toEqual(['terminal.json']) // the temporary file was renamed, not left behind
    fs.writeFileSync(terminalFile(dir), '{"url": "https://evil.example/"}')
    expect(readTerminalMode(dir)).toEqual({ kind: 'damaged', file: terminalFile(dir) })
    removeTerminalTarget(dir)
    expect(readTerminalMode(dir)).toEqual({ kind: 'local' })
    removeTerminalTarget(dir) // already gone: fine
  })
})

describe('certificate pinning in the terminal window', () => {
  const t = target('https://192.168.1.20:4870/')
  const electronFingerprint = `sha256/${Buffer.from(fingerprint.replace(/:/g, ''), 'hex').toString('base64')}`

  it('trusts only the server host with exactly the pinned certificate', () => {
    expect(certificateVerdict({ hostname: '192.168.1.20', fingerprint: electronFingerprint }, t)).toBe(0)
    expect(certificateVerdict({ hostname: '192.168.1.20', fingerprint: `sha256/${Buffer.alloc(32).toString('base64')}` }, t)).toBe(-2)
    expect(certificateVerdict({ hostname: '192.168.1.21', fingerprint: electronFingerprint }, t)).toBe(-2)
    expect(certificateVerdict({ hostname: 'example.com', fingerprint: electronFingerprint }, t)).toBe(-2)
    expect(certificateVerdict({ hostname: '192.168.1.20', fingerprint: undefined }, t)).toBe(-2)
    expect(certificateVerdict({ hostname: '192.168.1.20', fingerprint: fingerprint }, t)).toBe(-2) // not Electron's form
    const v6 = target('https://[fd00::20]:4870/')
    expect(certificateVerdict({ hostname: '[fd00::20]', fingerprint: electronFingerprint }, v6)).toBe(0)
    expect(certificateVerdict({ hostname: 'FD00::20', fingerprint: electronFingerprint }, v6)).toBe(0)
    // Plain http on loopback has nothing to pin: no certificate is ever trusted.
    expect(certificateVerdict({ hostname: '127.0.0.1', fingerprint: electronFingerprint }, target('http://127.0.0.1:4870/', null))).toBe(-2)
  })

  it('keeps navigation and requests on the server origin', () => {
    expect(isTerminalUrl('https://192.168.1.20:4870/#/board', t)).toBe(true)
    expect(isTerminalUrl('https://192.168.1.20:4870/api/events', t)).toBe(true)
    for (const url of ['https://192.168.1.20:4871/', 'http://192.168.1.20:4870/', 'https://192.168.1.20.evil.example:4870/', 'https://user@192.168.1.20:4870/', 'zhike://app/index.html', 'file:///etc/passwd', '', null]) {
      expect(isTerminalUrl(url, t), String(url)).toBe(false)
    }
    expect(isAllowedTerminalRequest('data:image/png;base64,AAAA', t)).toBe(true)
    expect(isAllowedTerminalRequest('https://fonts.example.com/x.woff2', t)).toBe(false)
  })
})

let generatedCertificate: { cert: string; key: string }
let server: https.Server
let plainServer: http.Server
let serverFingerprint = ''
let port = 0
let plainPort = 0
let answer: { status: number; body: string } = { status: 200, body: '{"ok":true}' }
let requests = 0

beforeAll(async () => {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Zhike test' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' } as never)
  generatedCertificate = { cert: pems.cert, key: pems.private }
  serverFingerprint = new crypto.X509Certificate(pems.cert).fingerprint256
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    requests += 1
    res.writeHead(req.url === '/api/health' ? answer.status : 404, { 'content-type': 'application/json' })
    res.end(answer.body)
  }
  server = https.createServer({ cert: pems.cert, key: pems.private }, handler)
  plainServer = http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => plainServer.listen(0, '127.0.0.1', resolve))
  port = (server.address() as net.AddressInfo).port
  plainPort = (plainServer.address() as net.AddressInfo).port
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await new Promise((resolve) => plainServer.close(resolve))
})
afterEach(() => {
  answer = { status: 200, body: '{"ok":true}' }
})

describe('checking the server before connecting', () => {
  it('answers ok for Zhike with the pinned certificate', async () => {
    expect(await checkTerminalServer(target(`https://127.0.0.1:${port}/`, serverFingerprint))).toEqual({ ok: true })
    expect(await checkTerminalServer(target(`https://localhost:${port}/`, serverFingerprint))).toEqual({ ok: true })
    expect(await checkTerminalServer(target(`http://127.0.0.1:${plainPort}/`, null))).toEqual({ ok: true })
  })

  it('sends nothing to a server with another certificate, and says which one it saw', async () => {
    const before = requests
    expect(await checkTerminalServer(target(`https://127.0.0.1:${port}/`, fingerprint))).toEqual({ ok: false, code: 'FINGERPRINT', seen: serverFingerprint })
    expect(requests).toBe(before)
  })

  it('tells "not Zhike", "wrong name", "nothing there" and "too slow" apart', async () => {
    answer = { status: 200, body: '<html>router login</html>' }
    expect(await checkTerminalServer(target(`https://127.0.0.1:${port}/`, serverFingerprint))).toEqual({ ok: false, code: 'NOT_ZHIKE' })
    answer = { status: 200, body: '{"ok":false}' }
    expect(await checkTerminalServer(target(`https://127.0.0.1:${port}/`, serverFingerprint))).toEqual({ ok: false, code: 'NOT_ZHIKE' })
    answer = { status: 421, body: '{}' }
    expect(await checkTerminalServer(target(`https://127.0.0.1:${port}/`, serverFingerprint))).toEqual({ ok: false, code: 'HOST' })
    // TLS to a plain-http server.
    expect(await checkTerminalServer(target(`https://127.0.0.1:${plainPort}/`, serverFingerprint))).toEqual({ ok: false, code: 'NOT_ZHIKE' })
    const closed = await freePort()
    expect(await checkTerminalServer(target(`https://127.0.0.1:${closed}/`, serverFingerprint))).toEqual({ ok: false, code: 'UNREACHABLE' })
    // A server that accepts the connection and never answers.
    const silent = net.createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    try {
      const silentPort = (silent.address() as net.AddressInfo).port
      expect(await checkTerminalServer(target(`https://127.0.0.1:${silentPort}/`, serverFingerprint), { timeoutMs: 300 })).toEqual({ ok: false, code: 'TIMEOUT' })
    } finally {
      silent.close()
    }
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as net.AddressInfo
      probe.close(() => resolve(free))
    })
  })
}

describe('the desktop app serving department terminals', () => {
  let cleanup = () => {}
  afterEach(() => cleanup())

  it('resumes serving at start when an administrator left it on, and a terminal PC checks it by its fingerprint', async () => {
    const store = tempStore()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-desktop-hub-'))
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-desktop-renderer-'))
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Zhike</title>')
    const hosted = createTerminalServer({ core: store.core, rendererDir, dataDir, host: '127.0.0.1' })
    cleanup = () => {
      store.cleanup()
      fs.rmSync(dataDir, { recursive: true, force: true })
      fs.rmSync(rendererDir, { recursive: true, force: true })
    }
    store.core.services.terminals = hosted
    const hubPort = await freePort()

    expect(resumeServing(hosted, { enabled: false, port: hubPort })).toBe(false)
    expect(isServing(hosted)).toBe(false)
    expect(resumeServing(hosted, { enabled: true, port: hubPort })).toBe(true)
    expect(isServing(hosted)).toBe(true) // 'starting' counts: this PC may not become a terminal now
    await hosted.settled()
    const status = hosted.status()
    expect(status).toMatchObject({ state: 'on', tls: true, port: hubPort })
    expect(normalizeFingerprint(status.fingerprint ?? '')).toBe(status.fingerprint)
    // The certificate is kept in the desktop's data folder.
    expect(fs.existsSync(path.join(dataDir, 'tls'))).toBe(true)

    expect(await checkTerminalServer(target(`https://127.0.0.1:${hubPort}/`, status.fingerprint))).toEqual({ ok: true })
    expect(await checkTerminalServer(target(`https://127.0.0.1:${hubPort}/`, fingerprint))).toMatchObject({ ok: false, code: 'FINGERPRINT', seen: status.fingerprint })

    const lines: string[] = []
    await shutDown({ server: hosted, core: store.core, timeoutMs: 3000, log: (l) => lines.push(l) })
    expect(lines).toEqual([])
    expect(await checkTerminalServer(target(`https://127.0.0.1:${hubPort}/`, status.fingerprint))).toEqual({ ok: false, code: 'UNREACHABLE' })
  })

  it('quits even when stopping hangs or fails, and still closes the store', async () => {
    const closedStores: string[] = []
    const lines: string[] = []
    const hung: HostedTerminalServer = { status: () => ({ host: 'desktop', state: 'on', enabled: true, port: 4870, urls: [], fingerprint: null, tls: true, error: null }), close: () => new Promise(() => {}) }
    await shutDown({ server: hung, core: { close: () => closedStores.push('a') }, timeoutMs: 50, log: (l) => lines.push(l) })
    const failing = { ...hung, close: () => Promise.reject(new Error('boom')) }
    await shutDown({ server: failing, core: { close: () => closedStores.push('b') }, timeoutMs: 50, log: (l) => lines.push(l) })
    await shutDown({ core: { close: () => closedStores.push('c') }, timeoutMs: 50, log: (l) => lines.push(l) })
    expect(closedStores).toEqual(['a', 'b', 'c'])
    expect(lines).toEqual([expect.stringMatching(/did not stop within 50 ms/), expect.stringMatching(/failed to stop: Error: boom/)])
  })
})
