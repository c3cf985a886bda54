import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createCore } from '../core/core'
import { createHub } from './server'

const here = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(here, '../..')

function fail(message: string): never {
  console.error(`zhike hub: ${message}`)
  process.exit(2)
}

let args
try {
  args = parseArgs({
    options: {
      data: { type: 'string' },
      demo: { type: 'boolean', default: false },
      port: { type: 'string', default: process.env.ZHIKE_PORT ?? '4870' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  }).values
} catch (error) {
  fail(`${(error as Error).message}\nusage: npm run serve -- [--data DIR] [--demo] [--port N] [--host ADDR]`)
}

const port = Number(args.port)
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a number from 1 to 65535, not "${args.port}".`)
const dataDir = path.resolve(args.data ?? path.join(os.homedir(), '.zhike', 'hub'))
const file = path.join(dataDir, 'zhike.db')

let core
try {
  core = createCore({ file, demoDir: path.join(projectRoot, 'resources', 'demo') })
} catch (error) {
  fail(`cannot open the store at ${file}: ${(error as Error).message}`)
}

if (args.demo) {
  const status = core.call(null, 'setup.status', {})
  if (status.ok && (status.value as { needsSetup: boolean }).needsSetup) {
    const loaded = core.call(null, 'setup.loadDemo', {})
    if (!loaded.ok) fail(`the demo hotel did not load: ${loaded.error.message}`)
    const v = loaded.value as { rooms: number; guests: number; arrivalsToday: number }
    console.log(`Demo hotel loaded: ${v.rooms} rooms, ${v.guests} guests, ${v.arrivalsToday} arrivals today.`)
  } else {
    console.log('This store already holds a hotel; --demo left it as it is.')
  }
}

const server = createHub({ core, rendererDir: path.resolve(projectRoot, process.env.ZHIKE_RENDERER_OUT ?? path.join('out', 'renderer')), log: (l) => console.error(l) })
server.on('error', (error: NodeJS.ErrnoException) => {
  fail(error.code === 'EADDRINUSE' ? `port ${port} is in use; pass --port N.` : error.message)
})
server.listen(port, args.host, () => {
  const loopback = args.host === '127.0.0.1' || args.host === 'localhost' || args.host === '::1'
  console.log(`Zhike hub: http://${args.host.includes(':') ? `[${args.host}]` : args.host}:${port}/  (data: ${dataDir})`)
  if (!loopback) console.log('LAN access is on: every terminal must sign in with a staff code and PIN.')
})

const stop = () => {
  server.close()
  core.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
