import http from 'node:http'
import type { HubSession } from './hub-client'

/** What one terminal heard of one event: the first time, and how often. */
export interface Heard {
  name: string
  /** Date.now() when the chunk that completed the event arrived (first copy). */
  at: number
  copies: number
}

const maxReconnects = 20

/**
 * A department terminal's live board, as a browser's EventSource sees it: `GET /api/events` with
 * the session cookie, the stream parsed by the Server-Sent Events rules, and, if the stream
 * drops, a reconnect with `Last-Event-ID` (at most `maxReconnects` times).
 */
export class SseTerminal {
  readonly heard = new Map<number, Heard>()
  /** Events that came without an `id:` line. */
  withoutId = 0
  reconnects = 0
  /** Events that came after one with a higher id (a board would show an update before its cause). */
  outOfOrder = 0
  private highestId = 0
  /** `ready` (the stream is live) and `reload` (the terminal missed more than the log keeps), counted. */
  readonly signals = new Map<string, number>()
  /** Why the stream stopped for good, if it did. */
  failure: string | null = null
  lastEventAt = 0
  private lastId: string | null = null
  private retryMs = 1_000
  private request: http.ClientRequest | null = null
  private closing = false

  constructor(
    readonly session: HubSession,
    private readonly port: number,
  ) {}

  /** Opens the stream; resolves once the hub has answered 200 (rejects on anything else). */
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { cookie: this.session.cookie, accept: 'text/event-stream' }
      if (this.lastId !== null) headers['last-event-id'] = this.lastId
      const request = http.get({ host: '127.0.0.1', port: this.port, path: '/api/events', headers }, (response) => {
        if (response.statusCode !== 200) {
          response.resume()
          return reject(new Error(`GET /api/events answered ${response.statusCode}`))
        }
        resolve()
        response.setEncoding('utf8')
        const parse = this.parser()
        response.on('data', (chunk: string) => parse(chunk, Date.now()))
        response.on('close', () => this.dropped('the stream ended'))
      })
      request.on('error', (error) => {
        reject(error)
        this.dropped(error.message)
      })
      this.request = request
    })
  }

  close(): void {
    this.closing = true
    this.request?.destroy()
  }

  private dropped(why: string): void {
    if (this.closing || this.failure) return
    if (this.reconnects >= maxReconnects) {
      this.failure = `${why}; gave up after ${maxReconnects} reconnects`
      return
    }
    this.reconnects++
    setTimeout(() => {
      if (!this.closing) this.open().catch((error: Error) => (this.failure = `reconnect refused: ${error.message}`))
    }, this.retryMs)
  }

  /** The event-stream format: lines end in CR, LF or CRLF; a blank line dispatches; ':' starts a comment. */
  private parser(): (chunk: string, at: number) => void {
    let pending = ''
    let name = ''
    let data: string[] = []
    let id: string | null = null
    let endedInCr = false
    return (chunk, at) => {
      // A chunk that ended in CR may have split a CRLF: its LF ends no second line.
      if (endedInCr && chunk.startsWith('\n')) chunk = chunk.slice(1)
      endedInCr = chunk.endsWith('\r')
      pending += chunk
      const lines = pending.split(/\r\n|\r|\n/)
      pending = lines.pop() ?? ''
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) this.dispatch(id, name || 'message', at)
          name = ''
          data = []
          id = null
          continue
        }
        if (line.startsWith(':')) continue
        const colon = line.indexOf(':')
        const field = colon < 0 ? line : line.slice(0, colon)
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
        if (field === 'event') name = value
        else if (field === 'data') data.push(value)
        else if (field === 'id' && !value.includes('\0')) {
          id = value
          this.lastId = value
        } else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value)
      }
    }
  }

  private dispatch(id: string | null, name: string, at: number): void {
    // The hub's own signals carry the log's position, not an event of their own.
    if (name === 'ready' || name === 'reload') {
      this.signals.set(name, (this.signals.get(name) ?? 0) + 1)
      return
    }
    this.lastEventAt = at
    if (id === null || !/^\d+$/.test(id)) {
      this.withoutId++
      return
    }
    const key = Number(id)
    if (key < this.highestId) this.outOfOrder++
    this.highestId = Math.max(this.highestId, key)
    const seen = this.heard.get(key)
    if (seen) seen.copies++
    else this.heard.set(key, { name, at, copies: 1 })
  }
}
