import path from 'node:path'
import fs from 'node:fs'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { contentSecurityPolicy } from '../core/content-security-policy'
import type { Caller } from '../core/context'
import type { Core } from '../core/core'
import { toErrorBody, type ErrorCode } from '../core/errors'
import { parseLastEventId } from '../core/event-replay'
import { operationCatalog, operationSessionEffect } from '../core/operation-catalog'
import { sessionHours } from '../core/staff/sessions'
import { roleAllows } from '../core/staff/roles'
import { maxTransferUploadBytes, saveUpload } from '../core/transfer/uploads'
import { existingExportJobs } from '../core/exports/export-jobs'
import { contentDisposition } from '../core/exports/export-files'
import { EventStreams } from './event-stream'
import { httpStatus } from './http-status'
import { hostHeaderName, isLoopbackAddress, loopbackNames } from './network'

export { contentSecurityPolicy }

/** Largest JSON body an operation accepts (bytes); larger gets 413 PAYLOAD_TOO_LARGE. */
export const maxBodyBytes = 1024 * 1024
/** Bodies of the operations that carry a file (PMS reports: 10 MB, base64 in JSON). */
export const fileBodyBytes = 15 * 1024 * 1024
const fileOperations = ['pms.preview', 'pms.import', 'room.importPreview', 'room.import', 'satisfaction.import'] as const

export interface HubOptions {
  core: Core
  /** The built renderer (index.html and assets/). */
  rendererDir: string
  log?: (line: string) => void
  /** The certificate and key (PEM) to serve HTTPS with; absent: plain HTTP (loopback, or --insecure-http). */
  tls?: { key: string; cert: string }
  /**
   * Host names (no port) the hub answers to; a request naming any other host (DNS rebinding, a
   * forged Host) gets 421. Loopback names are always included. Defaults to loopback only.
   */
  hostNames?: readonly string[]
  /** Sign-in and setup calls one client address may make per minute (flood guard; default 60). */
  signInsPerMinute?: number
}

/** The session cookie: `__Host-` under TLS (browsers then insist on Secure, Path=/ and no Domain). */
export function sessionCookieName(tls: boolean): string {
  return tls ? '__Host-zhike_session' : 'zhike_session'
}

/** Operations that create sessions or claim a store: rate-limited per client address. */
const guardedOperations = ['session.signIn', 'setup.createFirstAdmin', 'setup.loadDemo'] as const

type Body = { ok: false; error: { code: ErrorCode; message: string; details?: Record<string, unknown> } }
const failure = (code: ErrorCode, message: string, details?: Record<string, unknown>): Body => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
})

/** CSP directives for helmet, from the one policy string the Electron shell also sends. */
function cspDirectives(): Record<string, string[]> {
  return Object.fromEntries(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/)
      return [name, values]
    }),
  )
}

/**
 * The hub: the same core served over HTTP(S) (JSON) and Server-Sent Events, plus the built
 * renderer, so a department terminal is just a browser pointed at it. Built on Fastify with its
 * maintained plugins for cookies, security headers, rate limits, compression and static files.
 *
 * Every request must name a served host (Host check); POSTs must come from this origin (CSRF);
 * bodies are JSON up to `maxBodyBytes`; every answer, even to garbage, is JSON with a stable
 * error code, never a stack and never a 500 for bad input.
 */
export async function createHub(options: HubOptions): Promise<FastifyInstance> {
  const { core } = options
  const log = options.log ?? (() => {})
  const tls = options.tls !== undefined
  const cookieName = sessionCookieName(tls)
  const served = new Set([...loopbackNames, ...(options.hostNames ?? [])].map((n) => n.toLowerCase()))

  const common = {
    bodyLimit: maxBodyBytes,
    // A path parameter as long as any request line Node accepts (its 16 KiB header limit), so an
    // over-long export id still reaches its route and is answered 404 NOT_FOUND like any unknown id
    // (Fastify's default, 100, left such a path to the catch-all: "use POST"). No route has a regex
    // parameter, so a long one costs nothing but its length.
    routerOptions: { maxParamLength: 16 * 1024 },
    logger: false,
    return503OnClosing: true,
    // A body trickled in byte by byte must not hold a connection for ever (ms).
    requestTimeout: 30_000,
    // Errors Fastify finds before routing (a broken percent-escape in the path…) answer in our shape too.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) =>
      void reply.code(400).send(failure('VALIDATION', error.code === 'FST_ERR_BAD_URL' ? 'The address is malformed.' : 'The request is malformed.')),
    // Malformed HTTP itself (bad framing, oversized headers) is answered by Node before Fastify;
    // the answer is still our JSON shape.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: import('node:net').Socket) => {
      if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
      const body = JSON.stringify(failure('VALIDATION', tooLarge ? 'The request headers are too large.' : 'The request is not well-formed HTTP.'))
      socket.end(
        `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      )
    },
  }
  const app = (tls ? Fastify({ ...common, https: { key: options.tls!.key, cert: options.tls!.cert } }) : Fastify(common)) as unknown as FastifyInstance

  // Host check first: nothing else runs for a host we do not serve.
  app.addHook('onRequest', async (request, reply) => {
    const host = hostHeaderName(request.headers.host)
    if (!host || !served.has(host)) {
      return reply
        .code(421)
        .headers({ 'x-content-type-options': 'nosniff', 'content-security-policy': contentSecurityPolicy, 'cache-control': 'no-store' })
        .send(failure('HOST_NOT_SERVED', 'This hub does not serve that host name.'))
    }
  })

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives() },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    // HSTS only where HTTPS is served; one year, this host only.
    strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  })
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] })

  // JSON only; an empty body means {}. Garbage is a 400 VALIDATION, not Fastify's own error shape.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: maxBodyBytes }, (_request, body, done) => {
    const text = String(body)
    if (text.trim() === '') return done(null, {})
    try {
      done(null, JSON.parse(text))
    } catch {
      done(Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400, code: 'ZHIKE_BAD_JSON' }), undefined)
    }
  })
  app.addContentTypeParser('*', (_request, _payload, done) => {
    done(Object.assign(new Error('Send the body as application/json.'), { statusCode: 415, code: 'ZHIKE_NOT_JSON' }), undefined)
  })

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500
    if (status === 413) {
      const limit = (fileOperations as readonly string[]).some((n) => request.url === `/api/${n}`) ? fileBodyBytes : maxBodyBytes
      return reply.code(413).send(failure('PAYLOAD_TOO_LARGE', `A request body may be at most ${limit} bytes.`, { maxBytes: limit }))
    }
    if (status === 429) return reply.code(429).send(failure('RATE_LIMITED', 'Too many attempts from this address. Wait a minute, then try again.'))
    if (status >= 400 && status < 500) {
      const message = error.code === 'ZHIKE_BAD_JSON' || error.code === 'ZHIKE_NOT_JSON' ? error.message : 'The request is malformed.'
      return reply.code(status === 415 ? 415 : 400).send(failure('VALIDATION', message))
    }
    log(`hub: ${request.method} ${request.url} failed: ${String(error)}`)
    return reply.code(500).send({ ok: false, error: toErrorBody(error) })
  })


  /** Who is calling, as the socket saw it. Local = loopback socket AND a loopback Host name. */
  const callerOf = (request: FastifyRequest): Caller => {
    const address = request.socket.remoteAddress ?? 'unknown'
    const host = hostHeaderName(request.headers.host)
    return { address, local: isLoopbackAddress(address) && host !== null && loopbackNames.includes(host) }
  }

  /** Browsers send Origin (and Sec-Fetch-Site) on cross-site requests; those are refused (CSRF). */
  const sameOrigin = (request: FastifyRequest): boolean => {
    const site = request.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false
    const origin = request.headers.origin
    if (origin === undefined) return true
    try {
      const url = new URL(origin)
      return url.host === request.headers.host && url.protocol === (tls ? 'https:' : 'http:')
    } catch {
      return false
    }
  }

  const token = (request: FastifyRequest): string | null => request.cookies[cookieName] ?? null

  async function callOperation(request: FastifyRequest, reply: FastifyReply, name: string) {
    if (!sameOrigin(request)) return reply.code(403).send(failure('FORBIDDEN', 'Cross-site request refused.'))
    const session = token(request)
    const result = await core.callAsync(session, name, request.body, callerOf(request))
    if (!result.ok) return reply.code(httpStatus(result.error.code)).send(result)
    const effect = operationSessionEffect(name)
    if (effect === 'start') {
      const { token: opened, ...rest } = result.value as { token: string }
      if (session) core.sessions.close(session)
      reply.setCookie(cookieName, opened, { httpOnly: true, sameSite: 'strict', secure: tls, path: '/', maxAge: sessionHours * 3600 })
      return reply.header('cache-control', 'no-store').send({ ok: true, value: rest })
    }
    if (effect === 'end') {
      core.sessions.close(session)
      reply.clearCookie(cookieName, { httpOnly: true, sameSite: 'strict', secure: tls, path: '/' })
    }
    return reply.header('cache-control', 'no-store').send(result)
  }

  app.get('/api/health', async (_request, reply) => reply.header('cache-control', 'no-store').send({ ok: true }))
  app.get('/api/schema', async (_request, reply) => reply.send({ ok: true, value: operationCatalog() }))
  app.get<{ Querystring: { lastEventId?: string } }>('/api/events', (request, reply) => streamEvents(request, reply))
  // A full export to import (transfer.check / transfer.import {uploadId}): the raw body streamed to
  // <data folder>/uploads/<id>.json, never parsed or held in memory, up to maxTransferUploadBytes;
  // administrators only (store.transfer), same origin. Its own parser, so the 1 MiB JSON limit stays for the rest.
  await app.register(async (uploads) => {
    uploads.removeAllContentTypeParsers()
    uploads.addContentTypeParser('*', (_request, payload, done) => done(null, payload))
    uploads.put('/api/uploads/transfer', async (request, reply) => {
      if (!sameOrigin(request)) return reply.code(403).send(failure('FORBIDDEN', 'Cross-site request refused.'))
      const actor = core.sessions.actor(token(request))
      if (!actor) return reply.code(401).header('cache-control', 'no-store').send(failure('UNAUTHENTICATED', 'Sign in first.'))
      if (!roleAllows(actor.role, 'store.transfer')) {
        return reply.code(403).send(failure('FORBIDDEN', `Your role (${actor.role}) may not do this (store.transfer).`))
      }
      const declared = Number(request.headers['content-length'])
      if (Number.isFinite(declared) && declared > maxTransferUploadBytes) {
        return reply.code(413).send(failure('PAYLOAD_TOO_LARGE', `A transfer file may be at most ${maxTransferUploadBytes} bytes.`, { maxBytes: maxTransferUploadBytes }))
      }
      try {
        const saved = await saveUpload(core.sqlite, request.raw)
        return reply.header('cache-control', 'no-store').send({ ok: true, value: saved })
      } catch (error) {
        const body = toErrorBody(error)
        return reply.code(httpStatus(body.code)).send({ ok: false, error: body })
      }
    })
  })
  // A finished export's file (export.start → export.status 'done'): only for the staff member who
  // started it, or an administrator; anyone else is told there is no such file.
  app.get<{ Params: { jobId: string } }>('/api/exports/:jobId/file', async (request, reply) => {
    if (!sameOrigin(request)) return reply.code(403).send(failure('FORBIDDEN', 'Cross-site request refused.'))
    const actor = core.sessions.actor(token(request))
    if (!actor) return reply.code(401).header('cache-control', 'no-store').send(failure('UNAUTHENTICATED', 'Sign in first.'))
    const jobs = existingExportJobs(core.sqlite)
    let file
    try {
      if (!jobs) throw new Error('no exports')
      file = jobs.file(actor, request.params.jobId)
    } catch {
      return reply.code(404).header('cache-control', 'no-store').send(failure('NOT_FOUND', 'There is no such export of yours, or it has no finished file.'))
    }
    return reply
      .header('cache-control', 'no-store')
      .header('content-type', file.contentType)
      .header('content-length', String(file.bytes))
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .send(fs.createReadStream(file.path))
  })

  for (const name of guardedOperations) {
    app.post(
      `/api/${name}`,
      { config: { rateLimit: { max: options.signInsPerMinute ?? 60, timeWindow: 60_000 } } },
      (request, reply) => callOperation(request, reply, name),
    )
  }
  // Operations that carry a file (a PMS report, base64 in JSON) may send up to fileBodyBytes.
  for (const name of fileOperations) {
    app.post(`/api/${name}`, { bodyLimit: fileBodyBytes }, (request, reply) => callOperation(request, reply, name))
  }
  app.post<{ Params: { operation: string } }>('/api/:operation', (request, reply) => callOperation(request, reply, request.params.operation))
  app.all('/api/*', async (request, reply) => {
    if (request.method !== 'POST') return reply.code(405).send(failure('VALIDATION', 'Use POST /api/<operation> with a JSON body.'))
    return reply.code(404).send(failure('UNKNOWN_OPERATION', 'No such API route.'))
  })

  const streams = new EventStreams(core)
  // preClose: before Fastify waits for connections to end (open streams would hold it forever).
  app.addHook('preClose', async () => streams.closeAll())

  function streamEvents(request: FastifyRequest<{ Querystring: { lastEventId?: string } }>, reply: FastifyReply): void {
    if (!sameOrigin(request)) {
      void reply.code(403).send(failure('FORBIDDEN', 'Cross-site request refused.'))
      return
    }
    const session = token(request)
    // Opening a stream is not activity: a board left open does not keep its session alive.
    const actor = core.sessions.peek(session)
    if (!session || !actor) {
      void reply.code(401).header('cache-control', 'no-store').send(failure('UNAUTHENTICATED', 'Sign in first.'))
      return
    }
    const lastId = parseLastEventId(request.headers['last-event-id']) ?? parseLastEventId(request.query?.lastEventId)
    reply.hijack()
    streams.open(request.raw, reply.raw, reply.getHeaders() as Record<string, string>, session, actor, lastId)
  }

  // The built renderer. Hashed assets are cached for a year; index.html is always revalidated.
  // The build writes each file's .br and .gz beside it (precompressed-assets.ts): those are sent
  // as they are, and only what has none is compressed per request.
  // Registered even before the renderer is built (a build may still be running); until then `/`
  // says how to build it.
  const rendererDir = path.resolve(options.rendererDir)
  await app.register(fastifyStatic, {
    root: rendererDir,
    // A list, not a string: with preCompressed, @fastify/static looks index files up only in a list.
    index: ['index.html'],
    wildcard: true,
    dotfiles: 'deny',
    preCompressed: true,
    setHeaders(reply, file) {
      const immutable = file.includes(`${path.sep}assets${path.sep}`)
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    },
  })
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api')) return reply.code(404).send(failure('UNKNOWN_OPERATION', 'No such API route.'))
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      return reply.code(503).type('text/plain; charset=utf-8').send('The screens are not built yet. Run `npm run build` (npm run serve does it for you).')
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
  })

  await app.ready()
  return app
}
