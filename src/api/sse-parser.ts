/**
 * What one block of a Server-Sent Events stream says. `message` carries the event's name
 * (`message` when the block names none), its data, and the stream's last event id so far;
 * `id` is a block that only moved the last event id; `retry` is the server's reconnection delay.
 */
export type SseItem =
  | { kind: 'message'; event: string; data: string; id: string | null }
  | { kind: 'id'; id: string }
  | { kind: 'retry'; ms: number }

/**
 * An incremental parser for `text/event-stream`, as the HTML standard reads it: lines end in
 * CR, LF or CRLF (also across chunks), `:` starts a comment, `data:` lines join with newlines,
 * a blank line dispatches. Pure: feed it decoded text, it answers what the text completed.
 * The page reads the stream with fetch rather than EventSource, which hides both the HTTP
 * status (a 401 must send the terminal to sign-in) and the heartbeat comments.
 */
export function createSseParser() {
  let buffer = ''
  let started = false
  let pendingCr = false
  let event = ''
  let data: string[] = []
  let lastId: string | null = null
  let idInBlock = false

  function field(line: string, out: SseItem[]): void {
    if (line === '') {
      if (data.length > 0) out.push({ kind: 'message', event: event || 'message', data: data.join('\n'), id: lastId })
      else if (idInBlock && lastId !== null) out.push({ kind: 'id', id: lastId })
      event = ''
      data = []
      idInBlock = false
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const name = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (name === 'event') event = value
    else if (name === 'data') data.push(value)
    else if (name === 'id') {
      if (!value.includes('\0')) {
        lastId = value
        idInBlock = true
      }
    } else if (name === 'retry') {
      if (/^\d+$/.test(value)) out.push({ kind: 'retry', ms: Number(value) })
    }
  }

  return {
    /** Feeds decoded text; answers the items it completed, in order. */
    push(text: string): SseItem[] {
      const out: SseItem[] = []
      if (!started && text.length > 0) {
        started = true
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      }
      // A CR that ended the previous chunk already ended its line; a LF right after it is the same break.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1)
      pendingCr = false
      buffer += text
      let start = 0
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i]
        if (c !== '\n' && c !== '\r') continue
        field(buffer.slice(start, i), out)
        if (c === '\r') {
          if (i + 1 === buffer.length) pendingCr = true
          else if (buffer[i + 1] === '\n') i++
        }
        start = i + 1
      }
      buffer = buffer.slice(start)
      return out
    },
  }
}
