import path from 'node:path'
import { appHost, appIndexUrl, ownSchemeUrl } from './app-protocol'

/**
 * Where our own page lives: the built renderer served as zhike://app/ from `dir`, or the
 * electron-vite dev server in development. Everything else (the web, a local file) is foreign.
 */
export type RendererLocation = { kind: 'app'; dir: string; indexUrl: string } | { kind: 'dev'; origin: string; indexUrl: string }

/** The dev server only when electron-vite set ELECTRON_RENDERER_URL and the app is not packaged. */
export function rendererLocation(options: { devServerUrl?: string; packaged: boolean; rendererDir: string }): RendererLocation {
  if (!options.packaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl)
    if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'dev', origin: url.origin, indexUrl: url.href }
  }
  return { kind: 'app', dir: path.resolve(options.rendererDir), indexUrl: appIndexUrl }
}

/**
 * True only for our renderer's page (any #hash route). Used for the IPC sender check and for
 * navigation, so a frame that ends up elsewhere can neither call the core nor be loaded.
 */
export function isOwnRendererUrl(url: string | null | undefined, location: RendererLocation): boolean {
  if (!url) return false
  if (location.kind === 'dev') {
    try {
      return new URL(url).origin === location.origin
    } catch {
      return false
    }
  }
  const parsed = ownSchemeUrl(url, appHost)
  // The page is index.html; the hash router keeps it there. A query string is not ours either.
  return parsed !== null && (parsed.pathname === '/index.html' || parsed.pathname === '/') && parsed.search === ''
}

/**
 * The only requests the window makes: its own files (or the dev server), inline data: images,
 * and DevTools. No remote content, even if something slipped past the CSP.
 */
export function isAllowedRequest(url: string, location: RendererLocation): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'devtools:') return true
  if (location.kind === 'dev') return parsed.origin === location.origin || (parsed.protocol === 'ws:' && parsed.host === new URL(location.origin).host)
  return ownSchemeUrl(url, appHost) !== null
}
