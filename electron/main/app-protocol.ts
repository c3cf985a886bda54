import path from 'node:path'

/**
 * The app's own scheme. Electron's security checklist (item 18) asks apps not to load their pages
 * from file://, and the `grantFileProtocolExtraPrivileges` fuse can only be turned off when they
 * don't: the built renderer is served as zhike://app/ and the connect page as zhike://connect/,
 * each host by the session of its own window (see index.ts).
 */
export const appScheme = 'zhike'
/** The built renderer (the desktop window). */
export const appHost = 'app'
/** The "Connect to the hotel's Zhike" page (its own window and session). */
export const connectHost = 'connect'
export const appIndexUrl = `${appScheme}://${appHost}/index.html`

/**
 * Privileges the scheme is registered with, before 'ready'. `standard` gives it real origins
 * (zhike://app), so CSP 'self', localStorage and relative URLs behave as on https; `secure` makes
 * it a secure context; `supportFetchAPI` and `corsEnabled` let Vite's module scripts load.
 */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  codeCache: true,
} as const

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Parses a URL of our scheme on the given host; null for anything else (or with credentials, a port). */
export function ownSchemeUrl(url: string | null | undefined, host: string): URL | null {
  if (!url) return null
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.hostname !== host) return null
  if (parsed.username || parsed.password || parsed.port) return null
  return parsed
}

/**
 * The file a zhike://app/… URL names inside the renderer folder, or null when it names anything
 * outside it (`..`, encoded or not), a dot file, or is not ours at all. `/` is index.html.
 */
export function appFileFor(url: string, rendererDir: string): string | null {
  const parsed = ownSchemeUrl(url, appHost)
  if (!parsed) return null
  let relative: string
  try {
    relative = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (relative.includes('\0')) return null
  if (relative === '' || relative === '/') relative = '/index.html'
  if (relative.split(/[/\\]/).some((segment) => segment.startsWith('.'))) return null
  const root = path.resolve(rendererDir)
  const file = path.resolve(root, `.${relative}`)
  return file.startsWith(root + path.sep) ? file : null
}

/** Headers every page of ours is answered with: its CSP, no MIME sniffing, no referrer. */
export function pageHeaders(contentType: string, contentSecurityPolicy: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  }
}

/**
 * Answers a request for zhike://app/…: the file from the built renderer (read through `read`, so
 * Electron's fs reads it from inside app.asar), with the renderer's CSP. GET and HEAD only.
 */
export function serveAppRequest(
  request: { method: string; url: string },
  options: { rendererDir: string; contentSecurityPolicy: string; read: (file: string) => Uint8Array | null },
): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' } })
  }
  const file = appFileFor(request.url, options.rendererDir)
  const body = file ? options.read(file) : null
  if (!file || !body) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: pageHeaders(contentTypeOf(file), options.contentSecurityPolicy) })
}
