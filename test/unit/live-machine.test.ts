import { describe, expect, it } from 'vitest'
import { initialLiveState, reconnectDelay, silenceMs, stepLive, type LiveInput, type LiveState } from '../../src/api/live-machine'
import { createSseParser, type SseItem } from '../../src/api/sse-parser'

/** Runs inputs from a state; answers the final state and every step's effects. */
function run(inputs: LiveInput[], from: LiveState = initialLiveState) {
  let state = from
  const steps = inputs.map((input) => {
    const step = stepLive(state, input)
    state = step.state
    return step
  })
  return { state, steps, last: steps[steps.length - 1] }
}
const live = run([{ type: 'start' }, { type: 'opened' }]).state

describe('the live connection state machine', () => {
  it('connects on start, with a watchdog for a connection that never answers', () => {
    const { state, last } = run([{ type: 'start' }])
    expect(state.status).toBe('connecting')
    expect(last.effects).toEqual([{ type: 'connect', lastEventId: null }, { type: 'watch', ms: silenceMs }])
  })

  it('goes live when the stream opens, and refetches what the screens loaded before it was open', () => {
    const { state, last } = run([{ type: 'start' }, { type: 'opened' }])
    expect(state.status).toBe('live')
    expect(last.effects).toEqual([{ type: 'watch', ms: silenceMs }, { type: 'refetchAll' }])
  })

  it('keeps the last event id (the stream says `ready` with the latest at once) and re-arms the watchdog on every byte', () => {
    const { state, steps } = run([{ type: 'event', name: 'ready', id: 41 }, { type: 'activity' }, { type: 'event', name: 'prompt.created', id: 42 }], live)
    expect(state.lastEventId).toBe(42)
    expect(steps[1].effects).toEqual([{ type: 'watch', ms: silenceMs }])
    expect(steps[2].effects).toEqual([])
  })

  it('an event without an id leaves the last id as it was', () => {
    expect(run([{ type: 'event', name: 'ready', id: 5 }, { type: 'event', name: 'prompt.created', id: null }], live).state.lastEventId).toBe(5)
  })

  it('refetches everything when the hub says `reload` (the gap is older than its log)', () => {
    const { state, last } = run([{ type: 'event', name: 'reload', id: 900 }], live)
    expect(last.effects).toEqual([{ type: 'refetchAll' }])
    expect(state.lastEventId).toBe(900)
  })

  it('a hub restart: reconnecting, then offline while it is down, then live again, asking for what it missed', () => {
    const statuses: string[] = []
    let state = run([{ type: 'event', name: 'prompt.created', id: 7 }], live).state
    const send = (input: LiveInput) => {
      const step = stepLive(state, input)
      state = step.state
      statuses.push(state.status)
      return step.effects
    }
    expect(send({ type: 'failed', reason: 'ended' })).toEqual([{ type: 'abort' }, { type: 'wait', ms: 2000 }])
    expect(send({ type: 'wake' })).toEqual([{ type: 'abort' }, { type: 'connect', lastEventId: 7 }, { type: 'watch', ms: silenceMs }])
    expect(send({ type: 'failed', reason: 'unreachable' })).toEqual([{ type: 'abort' }, { type: 'wait', ms: 2000 }])
    send({ type: 'wake' })
    expect(send({ type: 'failed', reason: 'unreachable' })).toEqual([{ type: 'abort' }, { type: 'wait', ms: 4000 }])
    send({ type: 'wake' })
    expect(send({ type: 'opened' })).toEqual([{ type: 'watch', ms: silenceMs }, { type: 'refetchAll' }])
    expect(statuses).toEqual(['reconnecting', 'reconnecting', 'offline', 'offline', 'offline', 'offline', 'live'])
    expect(state.attempt).toBe(0)
    expect(state.lastEventId).toBe(7)
  })

  it('waits the server’s retry twice, then doubles, never longer than 10 s', () => {
    expect([1, 2, 3, 4, 5, 6, 20].map((n) => reconnectDelay(n, 2000))).toEqual([2000, 2000, 4000, 8000, 10000, 10000, 10000])
    const slow = run([{ type: 'retry', ms: 5000 }, { type: 'failed', reason: 'ended' }], live)
    expect(slow.last.effects).toContainEqual({ type: 'wait', ms: 5000 })
    // A nonsense retry is bounded.
    expect(run([{ type: 'retry', ms: 1 }], live).state.retryMs).toBe(500)
  })

  it('a stream that went silent is dropped and reconnected; silence while offline stays offline', () => {
    expect(run([{ type: 'failed', reason: 'silent' }], live).state.status).toBe('reconnecting')
    const offline = run([{ type: 'failed', reason: 'unreachable' }, { type: 'wake' }, { type: 'failed', reason: 'silent' }], live).state
    expect(offline.status).toBe('offline')
  })

  it('a hub that answers but refuses the stream (busy, a proxy error) is reachable: reconnecting, not offline', () => {
    expect(run([{ type: 'failed', reason: 'unreachable' }, { type: 'wake' }, { type: 'failed', reason: 'refused' }], live).state.status).toBe('reconnecting')
  })

  it('a 401 ends it: signed out, connection closed, no more retries', () => {
    const { state, steps } = run([{ type: 'failed', reason: 'ended' }, { type: 'wake' }, { type: 'unauthorized' }, { type: 'wake' }, { type: 'failed', reason: 'ended' }], live)
    expect(steps[2].effects).toEqual([{ type: 'abort' }, { type: 'signedOut' }])
    expect(steps[3].effects).toEqual([])
    expect(steps[4].effects).toEqual([])
    expect(state.status).toBe('signedOut')
  })

  it('signing in again starts afresh, without the old session’s last id', () => {
    const out = run([{ type: 'event', name: 'x', id: 9 }, { type: 'unauthorized' }, { type: 'start' }], live)
    expect(out.last.effects[0]).toEqual({ type: 'connect', lastEventId: null })
    expect(run([{ type: 'event', name: 'x', id: 9 }, { type: 'stop' }, { type: 'start' }], live).last.effects[0]).toEqual({ type: 'connect', lastEventId: null })
  })

  it('ignores late echoes: a failure while only waiting, an open nobody asked for, a wake while a connection is under way', () => {
    const waiting = run([{ type: 'failed', reason: 'ended' }], live).state
    expect(stepLive(waiting, { type: 'failed', reason: 'silent' })).toEqual({ state: waiting, effects: [] })
    expect(stepLive(waiting, { type: 'opened' })).toEqual({ state: waiting, effects: [] })
    const trying = stepLive(waiting, { type: 'wake' }).state
    expect(stepLive(trying, { type: 'wake' })).toEqual({ state: trying, effects: [] })
    expect(stepLive(live, { type: 'wake' })).toEqual({ state: live, effects: [] })
    expect(stepLive(live, { type: 'start' })).toEqual({ state: live, effects: [] })
  })

  it('stop closes everything and forgets', () => {
    const { state, last } = run([{ type: 'event', name: 'x', id: 3 }, { type: 'stop' }], live)
    expect(state).toEqual(initialLiveState)
    expect(last.effects).toEqual([{ type: 'abort' }])
    expect(stepLive(initialLiveState, { type: 'stop' }).effects).toEqual([])
    expect(stepLive(initialLiveState, { type: 'failed', reason: 'ended' }).effects).toEqual([])
  })
})

describe('the event-stream parser', () => {
  const stream = 'retry: 2000\n\nid: 41\nevent: ready\ndata: {}\n\n: heartbeat\n\nid: 42\nevent: prompt.created\ndata: {"prompt":{"id":1}}\n\n'
  const expected: SseItem[] = [
    { kind: 'retry', ms: 2000 },
    { kind: 'message', event: 'ready', data: '{}', id: '41' },
    { kind: 'message', event: 'prompt.created', data: '{"prompt":{"id":1}}', id: '42' },
  ]

  it('reads the hub’s stream: retry, ids, names, data; comments (heartbeats) say nothing', () => {
    expect(createSseParser().push(stream)).toEqual(expected)
  })

  it('gives the same items however the bytes are cut', () => {
    for (const size of [1, 2, 3, 7, 13]) {
      const parser = createSseParser()
      const items: SseItem[] = []
      for (let i = 0; i < stream.length; i += size) items.push(...parser.push(stream.slice(i, i + size)))
      expect(items, `chunks of ${size}`).toEqual(expected)
    }
  })

  it('takes CRLF and CR line ends, also a CRLF cut between two chunks', () => {
    const crlf = stream.replace(/\n/g, '\r\n')
    expect(createSseParser().push(crlf)).toEqual(expected)
    expect(createSseParser().push(stream.replace(/\n/g, '\r'))).toEqual(expected)
    const parser = createSseParser()
    const cut = crlf.indexOf('\r\n', 20) + 1
    expect([...parser.push(crlf.slice(0, cut)), ...parser.push(crlf.slice(cut))]).toEqual(expected)
  })

  it('joins data lines, strips one leading space, names an unnamed event `message`, skips a BOM', () => {
    expect(createSseParser().push('\uFEFFdata:  a\ndata\ndata: b\n\n')).toEqual([{ kind: 'message', event: 'message', data: ' a\n\nb', id: null }])
  })

  it('dispatches nothing before the blank line, and an id-only block moves the last id', () => {
    const parser = createSseParser()
    expect(parser.push('id: 5\nevent: x\ndata: 1\n')).toEqual([])
    expect(parser.push('\n')).toEqual([{ kind: 'message', event: 'x', data: '1', id: '5' }])
    expect(parser.push('id: 6\n\n')).toEqual([{ kind: 'id', id: '6' }])
    // The id carries over to later blocks that do not set one; the event name does not.
    expect(parser.push('data: 2\n\n')).toEqual([{ kind: 'message', event: 'message', data: '2', id: '6' }])
  })

  it('ignores a retry that is not a number, and unknown fields', () => {
    expect(createSseParser().push('retry: soon\nfoo: bar\n\n')).toEqual([])
  })
})
