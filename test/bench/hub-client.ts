import http from 'node:http'
import { performance } from 'node:perf_hooks'
import type { Actor } from '../../electron/core/context'

/** Keeps connections to the hub open between calls, as a browser does. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 })

export interface HubAnswer<T = unknown> {
  status: number
  body: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }
  /** Request sent to answer read, in ms. */
  ms: number
  setCookie: string[]
}

/** One call: `POST /api/<operation>` with a JSON body and the session cookie, if any. */
export function callHub<T = unknown>(port: number, operation: string, input: unknown, cookie?: string): Promise<HubAnswer<T>> {
  const body = JSON.stringify(input ?? {})
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${operation}`,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(cookie ? { cookie } : {}) },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), ms: performance.now() - started, setCookie: response.headers['set-cookie'] ?? [] })
          } catch {
            reject(new Error(`${operation}: HTTP ${response.statusCode}, not JSON: ${text.slice(0, 200)}`))
          }
        })
        response.on('error', reject)
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

/** The value of a call that must succeed. */
export async function must<T = unknown>(port: number, operation: string, input: unknown, cookie?: string): Promise<T> {
  const answer = await callHub<T>(port, operation, input, cookie)
  if (!answer.body.ok) throw new Error(`${operation}: ${answer.body.error.code}: ${answer.body.error.message}`)
  return answer.body.value
}

/** A signed-in staff member: who they are and the cookie that proves it. */
export interface HubSession {
  actor: Actor
  cookie: string
}

export async function signIn(port: number, code: string, pin: string): Promise<HubSession> {
  const answer = await callHub<{ staff: Actor }>(port, 'session.signIn', { code, pin })
  if (!answer.body.ok) throw new Error(`sign-in of ${code}: ${answer.body.error.code}: ${answer.body.error.message}`)
  // "zhike_session=…; Path=/; HttpOnly…": the name=value part is what goes back.
  const cookie = answer.setCookie.map((c) => c.split(';')[0]).find((c) => /session=/.test(c))
  if (!cookie) throw new Error(`sign-in of ${code}: no session cookie in the answer`)
  return { actor: answer.body.value.staff, cookie }
}

/** GET /api/health answers ok. */
export function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/api/health', timeout: 2_000 }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode === 200))
    })
    request.on('timeout', () => request.destroy())
    request.on('error', () => resolve(false))
  })
}

/** Lets the process exit: closes the idle kept-alive connections. */
export function closeHubConnections(): void {
  agent.destroy()
}
