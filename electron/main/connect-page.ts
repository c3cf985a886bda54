import { connectHost, ownSchemeUrl, pageHeaders } from './app-protocol'
import { desktopStrings, type DesktopLanguage, type DesktopStrings } from './desktop-strings'
import type { CheckFailure, CheckOutcome } from './terminal-check'
import { parseConnectForm, type AddressError, type FingerprintError, type TerminalTarget } from './terminal-target'

/**
 * "Connect to the hotel's Zhike": a page the main process renders itself and serves as
 * zhike://connect/ to a window of its own (own session, sandboxed, JavaScript off, no preload).
 * The form is a plain GET to zhike://connect/check; the main process validates it, checks the
 * server, writes terminal.json and restarts. No script, no IPC: nothing a page could misuse.
 */
export const connectPageUrl = `zhike://${connectHost}/`

/** No scripts at all; styles and the form only from this page's own origin. */
export const connectPagePolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export interface ConnectPageState {
  address: string
  fingerprint: string
  errors?: { address?: AddressError; fingerprint?: FingerprintError }
  /** Why the server check (or this PC's own state) refused; `seen`: the fingerprint the server showed. */
  failure?: { code: CheckFailure; seen?: string }
  /** This PC's current terminal target, if it is one. */
  current: TerminalTarget | null
  /** This PC serves department terminals itself, so it may not become a terminal. */
  serving: boolean
}

const css = `
:root { color-scheme: light dark; font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
body { margin: 0; padding: 24px 28px; }
h1 { font-size: 1.35rem; margin: 0 0 8px; }
p { margin: 0 0 12px; }
label { display: block; font-weight: 600; margin-top: 16px; }
input { box-sizing: border-box; width: 100%; font: inherit; padding: 6px 8px; margin-top: 4px; border: 1px solid #5c5f66; border-radius: 4px; }
input[aria-invalid="true"] { border-color: #c92a2a; outline-color: #c92a2a; }
.hint { color: GrayText; font-size: 0.9rem; margin-top: 2px; }
.error { color: #c92a2a; font-weight: 600; }
.notice { border-left: 4px solid #3b5bdb; padding: 6px 10px; }
.failure { border-left: 4px solid #c92a2a; padding: 6px 10px; }
.done { border-left: 4px solid #2b8a3e; padding: 6px 10px; font-weight: 600; }
.actions { display: flex; gap: 12px; align-items: center; margin-top: 20px; }
button { font: inherit; padding: 6px 16px; border-radius: 4px; border: 0; background: #364fc7; color: #fff; }
button[disabled] { background: #868e96; }
a { color: inherit; }
@media (prefers-color-scheme: dark) { body { background: #1a1b1e; color: #e9ecef; } input { background: #25262b; color: #e9ecef; } .error { color: #ff8787; } }
`

export const connectPageCss = css.trim() + '\n'

function page(language: DesktopLanguage, strings: DesktopStrings, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(connectPagePolicy)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(strings.connectTitle)}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<main>
<h1>${escapeHtml(strings.connectTitle)}</h1>
${body}
</main>
</body>
</html>
`
}

/** The form, with what was typed, the errors beside their fields, and the check's outcome. */
export function renderConnectForm(language: DesktopLanguage, state: ConnectPageState): string {
  const s = desktopStrings(language)
  const e = state.errors ?? {}
  const parts: string[] = [`<p>${escapeHtml(s.connectIntro)}</p>`]
  if (state.current) parts.push(`<p class="notice">${escapeHtml(s.currentTarget(state.current.url))}</p>`)
  if (state.serving) parts.push(`<p class="notice" role="alert">${escapeHtml(s.servingNotice)}</p>`)
  if (state.failure) {
    const seen = state.failure.code === 'FINGERPRINT' && state.failure.seen ? ` ${escapeHtml(s.seenFingerprint(state.failure.seen))}` : ''
    parts.push(`<p class="failure" role="alert">${escapeHtml(s.checkErrors[state.failure.code])}${seen}</p>`)
  }
  const field = (name: 'address' | 'fingerprint', label: string, hint: string, error: string | undefined, value: string, extra: string) =>
    [
      `<label for="${name}">${escapeHtml(label)}</label>`,
      `<input id="${name}" name="${name}" value="${escapeHtml(value)}" ${extra} aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"${error ? ' aria-invalid="true"' : ''}>`,
      `<div class="hint" id="${name}-hint">${escapeHtml(hint)}</div>`,
      error ? `<div class="error" id="${name}-error">${escapeHtml(error)}</div>` : '',
    ].join('\n')
  parts.push('<form method="get" action="check">')
  parts.push(
    field('address', s.addressLabel, s.addressHint, e.address && s.addressErrors[e.address], state.address, 'type="text" inputmode="url" autocomplete="off" spellcheck="false" required autofocus'),
  )
  parts.push(
    field('fingerprint', s.fingerprintLabel, s.fingerprintHint, e.fingerprint && s.fingerprintErrors[e.fingerprint], state.fingerprint, 'type="text" autocomplete="off" spellcheck="false"'),
  )
  parts.push(`<div class="actions"><button type="submit"${state.serving ? ' disabled' : ''}>${escapeHtml(s.connectButton)}</button> <a href="close">${escapeHtml(s.cancel)}</a></div>`)
  parts.push('</form>')
  return page(language, s, parts.join('\n'))
}

export function renderConnected(language: DesktopLanguage, target: TerminalTarget): string {
  const s = desktopStrings(language)
  return page(language, s, `<p class="done" role="status">${escapeHtml(s.connected(target.url))}</p>`)
}

export interface ConnectDeps {
  language: DesktopLanguage
  /** This PC's terminal target, when it is one already (the form starts from it). */
  current(): TerminalTarget | null
  /** True while this PC serves department terminals (it must stop before becoming a terminal). */
  serving(): boolean
  check(target: TerminalTarget): Promise<CheckOutcome>
  /** Writes terminal.json. */
  save(target: TerminalTarget): void
  /** Restarts Zhike (a moment later, so the page can say so). */
  restart(): void
  /** Closes the connect window. */
  close(): void
}

const html = (body: string, status = 200) => new Response(body, { status, headers: pageHeaders('text/html; charset=utf-8', connectPagePolicy) })
const plain = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } })

/**
 * Answers zhike://connect/…: `/` the form, `/style.css`, `/check?address=…&fingerprint=…`
 * (validate, check the server, save and restart), `/close`. Anything else is 404; only GET.
 */
export async function handleConnectRequest(request: { method: string; url: string }, deps: ConnectDeps): Promise<Response> {
  if (request.method !== 'GET') return plain('Method not allowed', 405)
  const url = ownSchemeUrl(request.url, connectHost)
  if (!url) return plain('Not found', 404)
  const current = deps.current()
  const blank: ConnectPageState = { address: current?.url ?? '', fingerprint: current?.fingerprint ?? '', current, serving: deps.serving() }
  switch (url.pathname) {
    case '/':
    case '/index.html':
      return html(renderConnectForm(deps.language, blank))
    case '/style.css':
      return new Response(connectPageCss, { status: 200, headers: pageHeaders('text/css; charset=utf-8', connectPagePolicy) })
    case '/close':
      deps.close()
      return new Response(null, { status: 204 })
    case '/check': {
      const address = (url.searchParams.get('address') ?? '').slice(0, 400)
      const fingerprint = (url.searchParams.get('fingerprint') ?? '').slice(0, 400)
      const typed: ConnectPageState = { ...blank, address, fingerprint }
      if (typed.serving) return html(renderConnectForm(deps.language, typed))
      const form = parseConnectForm({ address, fingerprint })
      if (!form.ok) return html(renderConnectForm(deps.language, { ...typed, errors: form.errors }))
      const outcome = await deps.check(form.target)
      if (!outcome.ok) return html(renderConnectForm(deps.language, { ...typed, failure: outcome }))
      deps.save(form.target)
      deps.restart()
      return html(renderConnected(deps.language, form.target))
    }
    default:
      return plain('Not found', 404)
  }
}
