import fs from 'node:fs'
import path from 'node:path'
import type http from 'node:http'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
}

/** Serves the built renderer; anything outside its folder is refused. */
export function serveStatic(rootDir: string, urlPath: string, res: http.ServerResponse): void {
  const root = path.resolve(rootDir)
  let relative: string
  try {
    relative = decodeURIComponent(urlPath.split('?')[0])
  } catch {
    relative = '/'
  }
  if (relative === '/' || relative === '') relative = '/index.html'
  const file = path.resolve(root, `.${relative}`)
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      res.end('The screens are not built yet. Run `npm run build` (npm run serve does it for you).')
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Not found')
    return
  }
  res.writeHead(200, {
    'content-type': types[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  })
  fs.createReadStream(file).pipe(res)
}
