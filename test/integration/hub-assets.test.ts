import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { resolveConfig } from 'electron-vite'
import type { FastifyInstance } from 'fastify'
import { build, type Plugin } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHub } from '../../electron/hub/server'
import { precompressMinBytes } from '../../electron/hub/precompressed-assets'
import { tempStore } from '../fixtures/test-store'

/** One built chunk: its file, the source modules in it, and the chunks it imports. */
interface BuiltChunk {
  fileName: string
  isEntry: boolean
  modules: string[]
  imports: string[]
}

const projectRoot = path.resolve(import.meta.dirname, '../..')
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-renderer-'))
const chunks = new Map<string, BuiltChunk>()
let store: ReturnType<typeof tempStore>
let hub: FastifyInstance
let base: string

/** The renderer exactly as `npm run build` makes it (electron-vite's config), into a folder of our own. */
async function buildRenderer(): Promise<void> {
  process.env.ZHIKE_RENDERER_OUT = outDir
  process.env.NODE_ENV_ELECTRON_VITE = 'production'
  const resolved = await resolveConfig({ root: projectRoot, logLevel: 'warn' }, 'build', 'production')
  const renderer = resolved.config?.renderer
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section')
  const recordChunks: Plugin = {
    name: 'test:record-chunks',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue
        const modules = output.moduleIds.map((id) => path.relative(projectRoot, id.split('?')[0]).split(path.sep).join('/'))
        chunks.set(output.fileName, { fileName: output.fileName, isEntry: output.isEntry, modules, imports: output.imports })
      }
    },
  }
  await build({ ...renderer, plugins: [...(renderer.plugins ?? []), recordChunks] })
}

beforeAll(async () => {
  await buildRenderer()
  store = tempStore()
  hub = await createHub({ core: store.core, rendererDir: outDir })
  await hub.listen({ port: 0, host: '127.0.0.1' })
  base = `http://127.0.0.1:${(hub.server.address() as AddressInfo).port}`
}, 120_000)
afterAll(async () => {
  await hub?.close()
  store?.cleanup()
  fs.rmSync(outDir, { recursive: true, force: true })
})

/** A GET that keeps the bytes as sent (fetch would decode them). */
function get(pathname: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${pathname}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}, agent: false }, (response) => {
      const parts: Buffer[] = []
      response.on('data', (part: Buffer) => parts.push(part))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(parts) }))
      response.on('error', reject)
    })
    request.on('error', reject)
  })
}

const decode = (body: Buffer, encoding: string | undefined) =>
  encoding === 'br' ? zlib.brotliDecompressSync(body) : encoding === 'gzip' ? zlib.gunzipSync(body) : body

/** The chunks a page load fetches before anything runs: index.html's module script and preloads. */
function loadedAtStart(): { scripts: string[]; styles: string[] } {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1].replace(/^\.\//, ''))
  return {
    scripts: refs(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="([^"]+)"/g),
    styles: refs(/<link rel="stylesheet"[^>]*href="([^"]+)"/g),
  }
}

/** Every chunk reachable from the entry through static imports: what a board needs to show. */
function staticClosure(): BuiltChunk[] {
  const entry = [...chunks.values()].find((c) => c.isEntry)
  expect(entry, 'the build has an entry chunk').toBeDefined()
  const seen = new Map<string, BuiltChunk>()
  const visit = (fileName: string) => {
    const chunk = chunks.get(fileName)
    if (!chunk || seen.has(fileName)) return
    seen.set(fileName, chunk)
    chunk.imports.forEach(visit)
  }
  visit(entry!.fileName)
  return [...seen.values()]
}

describe('the built renderer', () => {
  it('loads the board without check-in, guest profile, settings or setup code', () => {
    const closure = staticClosure()
    const modules = closure.flatMap((c) => c.modules)
    expect(modules).toContain('src/features/board/BoardPage.tsx')
    expect(modules.filter((m) => /^src\/features\/(checkin|guests|settings|setup)\//.test(m))).toEqual([])
    expect(modules.filter((m) => m.includes('node_modules/qrcode/'))).toEqual([])
    // index.html asks for exactly that closure, all at once (no waterfall before the board).
    expect(loadedAtStart().scripts.sort()).toEqual(closure.map((c) => `assets/${path.posix.basename(c.fileName)}`).sort())
    // …and the screens it leaves out are chunks of their own, fetched when opened.
    for (const page of ['checkin/CheckInPage', 'guests/GuestProfilePage', 'guests/DuplicatesPage', 'settings/SettingsPage', 'setup/FirstStartPage']) {
      const lazy = [...chunks.values()].find((c) => c.modules.includes(`src/features/${page}.tsx`))
      expect(lazy, page).toBeDefined()
      expect(closure, page).not.toContain(lazy)
    }
  })

  it('is minified, and writes brotli and gzip copies of every sizeable script, style sheet and page', () => {
    const files = ['index.html', ...fs.readdirSync(path.join(outDir, 'assets')).map((f) => `assets/${f}`)].filter((f) => /\.(js|css|html)$/.test(f))
    const entry = [...chunks.values()].find((c) => c.isEntry)!
    const entryCode = fs.readFileSync(path.join(outDir, entry.fileName), 'utf8')
    // Minified code has long lines and no indentation left.
    expect(entryCode.split('\n').length).toBeLessThan(entryCode.length / 1000)
    for (const file of files) {
      const source = fs.readFileSync(path.join(outDir, file))
      if (source.length < precompressMinBytes) continue
      expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(outDir, `${file}.br`))).equals(source), `${file}.br`).toBe(true)
      expect(zlib.gunzipSync(fs.readFileSync(path.join(outDir, `${file}.gz`))).equals(source), `${file}.gz`).toBe(true)
    }
  })
})

describe('the hub serves the renderer', () => {
  it('sends every asset a board loads precompressed (br, else gzip) and cached for a year', async () => {
    const { scripts, styles } = loadedAtStart()
    for (const asset of [...scripts, ...styles]) {
      const file = path.join(outDir, asset)
      for (const [accept, encoding] of [
        ['gzip, deflate, br, zstd', 'br'],
        ['gzip', 'gzip'],
      ] as const) {
        const response = await get(`/${asset}`, accept)
        expect(response.status, asset).toBe(200)
        expect(response.headers['cache-control'], asset).toBe('public, max-age=31536000, immutable')
        expect(response.headers.vary, asset).toMatch(/accept-encoding/i)
        expect(response.headers['content-type'], asset).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^(application|text)\/javascript/)
        if (fs.statSync(file).size < precompressMinBytes) continue
        expect(response.headers['content-encoding'], `${asset} ${accept}`).toBe(encoding)
        // The very bytes written at build time: nothing compressed per request.
        expect(response.body.equals(fs.readFileSync(`${file}.${encoding === 'br' ? 'br' : 'gz'}`)), asset).toBe(true)
      }
    }
  })

  it('sends index.html compressed and always revalidated, at / and by name', async () => {
    const page = fs.readFileSync(path.join(outDir, 'index.html'))
    for (const pathname of ['/', '/index.html']) {
      for (const accept of ['br', 'gzip', undefined]) {
        const response = await get(pathname, accept)
        expect(response.status, `${pathname} ${accept}`).toBe(200)
        expect(response.headers['cache-control'], pathname).toBe('no-cache')
        expect(response.headers['content-type'], pathname).toMatch(/^text\/html/)
        expect(response.headers['content-encoding'], `${pathname} ${accept}`).toBe(page.length >= precompressMinBytes ? accept : undefined)
        expect(decode(response.body, accept).equals(page), `${pathname} ${accept}`).toBe(true)
      }
    }
  })

  it('still sends the plain file to a client that accepts no compression', async () => {
    const [script] = loadedAtStart().scripts
    const response = await get(`/${script}`)
    expect(response.status).toBe(200)
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.body.equals(fs.readFileSync(path.join(outDir, script)))).toBe(true)
  })
})
