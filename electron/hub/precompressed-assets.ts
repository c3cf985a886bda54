import fs from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Text the hub serves compressed; smaller files are not worth it (the hub's compress threshold too). */
const compressible = /\.(js|mjs|css|html|svg|json)$/
export const precompressMinBytes = 1024

/**
 * A renderer build step: writes `file.br` and `file.gz` beside each built script, style sheet and
 * page, compressed once as hard as they go. The hub serves them as they are (@fastify/static
 * `preCompressed`), so a terminal's load costs the hub no compression work, and the files are
 * smaller than per-request compression at the quality a server can afford.
 */
export function precompressAssets(): Plugin {
  let outDir = ''
  return {
    name: 'zhike:precompress-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async writeBundle(output, bundle) {
      const dir = output.dir ?? outDir
      const files = Object.keys(bundle).filter((name) => compressible.test(name))
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name)
          const source = await fs.readFile(file)
          if (source.length < precompressMinBytes) return
          const [br, gz] = await Promise.all([
            brotli(source, {
              params: {
                [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ])
          await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)])
        }),
      )
    },
  }
}
