import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Where our own page lives: the built index.html under file://, or the electron-vite dev
 * server in development. Everything else (the web, another local file) is foreign.
 */
export type RendererLocation = { kind: 'file'; indexFile: string } | { kind: 'dev'; origin: string }

/** The dev server only when electron-vite set ELECTRON_RENDERER_URL and the app is not packaged. */
export function rendererLocation(options: { devServerUrl?: string; packaged: boolean; indexFile: string }): RendererLocation {
  if (!options.packaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl)
    if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'dev', origin: url.origin }
  }
  return { kind: 'file', indexFile: path.resolve(options.indexFile) }
}

/**
 * True only for our renderer's page (any #hash route). Used for the IPC sender check and for
 * navigation, so a frame that ends up elsewhere can neither call the core nor be loaded.
 */
export function isOwnRendererUrl(url: string | null | undefined, location: RendererLocation): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (location.kind === 'dev') return parsed.origin === location.origin
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false
  let file: string
  try {
    file = fileURLToPath(parsed)
  } catch {
    return false
  }
  // Compare resolved paths: "/out/renderer/../renderer/index.html" is the same file, a sibling is not.
  return path.resolve(file) === location.indexFile
}

/**
 * The only requests the app makes: its own files (or the dev server), inline data: images, and
 * DevTools. No remote content, even if something slipped past the CSP.
 */
export function isAllowedRequest(url: string, location: RendererLocation): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'devtools:') return true
  if (location.kind === 'dev') return parsed.origin === location.origin || parsed.protocol === 'ws:' && parsed.host === new URL(location.origin).host
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false
  let file: string
  try {
    file = path.resolve(fileURLToPath(parsed))
  } catch {
    return false
  }
  const folder = path.dirname(location.indexFile)
  return file === folder || file.startsWith(folder + path.sep)
}
