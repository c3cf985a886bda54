import http from 'node:http'
import { contentSecurityPolicy } from '../core/content-security-policy'
import type { Core } from '../core/core'
import { toErrorBody } from '../core/errors'
import { eventVisibleTo } from '../core/event-visibility'
import { operationCatalog, operationSessionEffect } from '../core/operation-catalog'
import { httpStatus } from './http-status'
import { serveStatic } from './static-files'

export { contentSecurityPolicy }

const cookieName = 'zhike_session'
const maxBody = 1024 * 1024

export interface HubOptions {
  core: Core
  rendererDir: string
  log?: (line: string) => void
}

function securityHeaders(res: http.ServerResponse): void {
  res.setHeader('content-security-policy', contentSecurityPolicy)
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('x-frame-options', 'DENY')
  res.setHeader('referrer-policy', 'no-referrer')
  res.setHeader('cross-origin-opener-policy', 'same-origin')
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

function sessionToken(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === cookieName) return v.join('=') || null
  }
  return null
}

/** Browsers send Origin on cross-site POSTs; a request from another site is refused (CSRF). */
function sameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin
  if (!origin) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBody) {
        reject(new Error('too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const badRequest = (message: string) => ({ ok: false, error: { code: 'VALIDATION', message } })

/**
 * The hub: the same core served over HTTP (JSON) and Server-Sent Events, plus the built
 * renderer, so a department terminal is just a browser pointed at it.
 */
export function createHub(options: HubOptions): http.Server {
  const { core } = options
  const log = options.log ?? (() => {})

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, route: string): Promise<void> {
    if (route === 'health' && req.method === 'GET') return sendJson(res, 200, { ok: true })
    if (route === 'schema' && req.method === 'GET') return sendJson(res, 200, { ok: true, value: operationCatalog() })
    if (route === 'events' && req.method === 'GET') return streamEvents(req, res)
    if (req.method !== 'POST') return sendJson(res, 405, badRequest('Use POST /api/<operation> with a JSON body.'))
    if (!sameOrigin(req)) return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Cross-site request refused.' } })
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, badRequest('Send the body as application/json.'))
    }
    let input: unknown
    try {
      const text = await readBody(req)
      input = text.trim() === '' ? {} : JSON.parse(text)
    } catch {
      return sendJson(res, 400, badRequest('The request body is not valid JSON.'))
    }
    const token = sessionToken(req)
    const result = core.call(token, route, input)
    if (!result.ok) return sendJson(res, httpStatus(result.error.code), result)
    const effect = operationSessionEffect(route)
    if (effect === 'start') {
      const { token: newToken, ...rest } = result.value as { token: string }
      res.setHeader('set-cookie', `${cookieName}=${newToken}; HttpOnly; SameSite=Strict; Path=/`)
      return sendJson(res, 200, { ok: true, value: rest })
    }
    if (effect === 'end') {
      core.sessions.close(token)
      res.setHeader('set-cookie', `${cookieName}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`)
    }
    return sendJson(res, 200, result)
  }

  function streamEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    const token = sessionToken(req)
    if (!core.sessions.actor(token)) {
      return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } })
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    })
    res.write('retry: 1000\n: connected\n\n')
    const unsubscribe = core.events.subscribe((event) => {
      // Look the session up per event: a signed-out terminal stops hearing at once.
      const actor = core.sessions.actor(token)
      if (!actor) return void res.end()
      if (eventVisibleTo(actor, event)) res.write(`event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`)
    })
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), 15_000)
    req.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
    })
  }

  return http.createServer((req, res) => {
    securityHeaders(res)
    const url = req.url ?? '/'
    const match = /^\/api\/([A-Za-z0-9_.-]+)\/?(?:\?.*)?$/.exec(url)
    if (match) {
      handleApi(req, res, match[1]).catch((error) => {
        log(`api ${match[1]} failed: ${String(error)}`)
        if (!res.headersSent) sendJson(res, 500, { ok: false, error: toErrorBody(error) })
        else res.end()
      })
      return
    }
    if (url.startsWith('/api')) return sendJson(res, 404, { ok: false, error: { code: 'UNKNOWN_OPERATION', message: 'No such API route.' } })
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, badRequest('Only GET is served here.'))
    serveStatic(options.rendererDir, url, res)
  })
}
