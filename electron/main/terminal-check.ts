import http from 'node:http'
import net from 'node:net'
import tls from 'node:tls'
import type { TerminalTarget } from './terminal-target'

export type CheckFailure = 'UNREACHABLE' | 'TIMEOUT' | 'FINGERPRINT' | 'NOT_ZHIKE' | 'HOST'
export type CheckOutcome = { ok: true } | { ok: false; code: CheckFailure; /** the fingerprint the server presented, when it was not the one given */ seen?: string }

const maxBody = 4096

/**
 * Asks the server for /api/health before this PC is turned into its terminal. Over https the
 * certificate's fingerprint is compared first, on the bare TLS connection, and the HTTP request
 * is written only when it matches: nothing is sent to a server that is not the one the
 * administrator named. The answer must be Zhike's (`{"ok":true}`).
 */
export function checkTerminalServer(target: TerminalTarget, options: { timeoutMs?: number } = {}): Promise<CheckOutcome> {
  const timeoutMs = options.timeoutMs ?? 8000
  return new Promise((resolve) => {
    let settled = false
    let socket: net.Socket | undefined
    const finish = (outcome: CheckOutcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket?.destroy()
      resolve(outcome)
    }
    const timer = setTimeout(() => finish({ ok: false, code: 'TIMEOUT' }), timeoutMs)

    const ask = (connected: net.Socket) => {
      const hostHeader = `${target.hostname.includes(':') ? `[${target.hostname}]` : target.hostname}:${target.port}`
      const request = http.request({
        method: 'GET',
        path: '/api/health',
        headers: { host: hostHeader, accept: 'application/json' },
        // No agent: the request goes over the connection already made (and checked).
        createConnection: () => connected,
      })
      request.on('error', () => finish({ ok: false, code: 'UNREACHABLE' }))
      request.on('response', (response) => {
        if (response.statusCode === 421) return finish({ ok: false, code: 'HOST' })
        if (response.statusCode !== 200) return finish({ ok: false, code: 'NOT_ZHIKE' })
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          body += chunk
          if (body.length > maxBody) finish({ ok: false, code: 'NOT_ZHIKE' })
        })
        response.on('end', () => {
          try {
            const value = JSON.parse(body) as { ok?: unknown }
            finish(value && value.ok === true ? { ok: true } : { ok: false, code: 'NOT_ZHIKE' })
          } catch {
            finish({ ok: false, code: 'NOT_ZHIKE' })
          }
        })
        response.on('error', () => finish({ ok: false, code: 'UNREACHABLE' }))
      })
      request.end()
    }

    if (!target.fingerprint) {
      // Plain http, which the form accepts for this PC itself only.
      socket = net.connect({ host: target.hostname, port: target.port })
      socket.once('connect', () => ask(socket!))
    } else {
      const expected = target.fingerprint
      const tlsSocket = tls.connect({
        host: target.hostname,
        port: target.port,
        // SNI carries names, never addresses.
        servername: net.isIP(target.hostname) ? undefined : target.hostname,
        // The hub's certificate is self-signed: trust is the fingerprint, checked below.
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      })
      socket = tlsSocket
      tlsSocket.once('secureConnect', () => {
        const seen = tlsSocket.getPeerCertificate()?.fingerprint256
        if (seen !== expected) return finish({ ok: false, code: 'FINGERPRINT', seen: seen || undefined })
        ask(tlsSocket)
      })
    }
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A TLS handshake with something that does not speak TLS is not Zhike's hub.
      const notTls = /^ERR_SSL_|^EPROTO$/.test(error.code ?? '') || /wrong version number|packet length too long/i.test(error.message)
      finish({ ok: false, code: notTls ? 'NOT_ZHIKE' : 'UNREACHABLE' })
    })
  })
}
