import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TerminalServerStatus } from '../core/context'
import { createCore, type Core } from '../core/core'
import type { StartProgress } from '../core/guests/guest-index.repository'
import { HubCommandError, hubUsage, parseHubCommand } from './hub-options'
import { startHub } from './start-hub'
import { startWatchFolder, watchIntervalMs } from '../core/pms/watch-folder'
import { freshBuiltExportWorker } from '../core/exports/export-files'
import { schedulerIntervalMs, startScheduler } from '../core/scheduler/scheduler'

const here = path.dirname(fileURLToPath(import.meta.url))
const projectRoot = path.resolve(here, '../..')

/**
 * A progress line on the console while an upgraded store rebuilds its guest search index at
 * start (about 35 s per 200,000 guests): at most one line every 2 seconds, and the last one.
 */
function progressLine(): (progress: StartProgress) => void {
  let last = 0
  return ({ done, total }) => {
    const now = Date.now()
    if (done < total && now - last < 2000) return
    last = now
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100
    console.log(`zhike hub: preparing guest search: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} guests (${percent}%)`)
  }
}

function fail(message: string): never {
  console.error(`zhike hub: ${message}`)
  process.exit(2)
}

let command
try {
  if (process.argv.slice(2).some((a) => a === '--help' || a === '-h')) {
    console.log(hubUsage)
    process.exit(0)
  }
  command = parseHubCommand(process.argv.slice(2), process.env)
} catch (error) {
  if (error instanceof HubCommandError) fail(`${error.message}\n${hubUsage}`)
  throw error
}

const dataDir = path.resolve(command.dataDir ?? path.join(os.homedir(), '.zhike', 'hub'))
const file = path.join(dataDir, 'zhike.db')

// What the settings screen shows; filled in once the hub listens.
let status: TerminalServerStatus = {
  host: 'hub',
  state: 'starting',
  enabled: true,
  port: command.port,
  urls: [],
  fingerprint: null,
  tls: command.tls.kind !== 'none',
  error: null,
}

/** Export workers start from the fresh build `npm run serve` just made, when there is one. */
function exportWorkerService(): { exportWorker?: string } {
  const built = freshBuiltExportWorker(projectRoot)
  return built ? { exportWorker: built } : {}
}

let core: Core
try {
  core = createCore({
    file,
    owner: 'the Zhike hub',
    demoDir: path.join(projectRoot, 'resources', 'demo'),
    services: { terminals: { status: () => status }, ...exportWorkerService() },
    onProgress: progressLine(),
  })
} catch (error) {
  fail(`cannot open the store at ${file}: ${(error as Error).message}`)
}

if (command.demo) {
  const setup = core.call(null, 'setup.status', {}, { address: 'console', local: true })
  if (setup.ok && (setup.value as { needsSetup: boolean }).needsSetup) {
    // Whoever runs the hub's console is at the machine itself.
    const loaded = core.callAs(null, 'setup.loadDemo', {})
    if (!loaded.ok) fail(`the demo hotel did not load: ${loaded.error.message}`)
    const v = loaded.value as { rooms: number; guests: number; arrivalsToday: number }
    console.log(`Demo hotel loaded: ${v.rooms} rooms, ${v.guests} guests, ${v.arrivalsToday} arrivals today.`)
  } else {
    console.log('This store already holds a hotel; --demo left it as it is.')
  }
}

// A promise nobody awaited that fails must not take every terminal's hub down: log it and go on.
process.on('unhandledRejection', (reason) => console.error('[hub] a background task failed:', reason))

// PMS reports dropped in the folder set in Settings are imported as they arrive (pms/watch-folder.ts).
const watchFolder = startWatchFolder(core, { intervalMs: watchIntervalMs(), log: (line) => console.error(`[watch folder] ${line}`) })
// Night audits, timed rules, escalations (scheduler/scheduler.ts), from a timer, never inside a request.
const stopScheduler = startScheduler(core, { intervalMs: schedulerIntervalMs(), log: (line) => console.error(`[scheduler] ${line}`) })

const rendererDir = path.resolve(projectRoot, process.env.ZHIKE_RENDERER_OUT ?? path.join('out', 'renderer'))
let running
try {
  running = await startHub({
    core,
    rendererDir,
    dataDir,
    host: command.host,
    port: command.port,
    tls: command.tls.kind === 'none' ? { kind: 'none' } : command.tls,
    hostNames: command.hostNames,
    log: (line) => console.error(line),
  })
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code
  fail(code === 'EADDRINUSE' ? `port ${command.port} is in use; pass --port N.` : code === 'EADDRNOTAVAIL' ? `${command.host} is not an address of this machine.` : (error as Error).message)
}
status = { ...status, state: 'on', urls: running.urls, fingerprint: running.fingerprint }

console.log(`Zhike hub: ${running.urls.join('  ')}  (data: ${dataDir})`)
if (running.fingerprint) {
  console.log(`Certificate SHA-256 fingerprint${running.certificateCreated ? ' (new)' : ''}: ${running.fingerprint}`)
  console.log('Terminals: check that the fingerprint your browser shows for this address is this one.')
}
if (command.tls.kind === 'none' && command.tls.insecureOnNetwork) {
  console.warn('WARNING: --insecure-http: PINs and sessions cross the network in clear. Use --tls self-signed or the hotel’s certificate.')
}
const setup = core.call(null, 'setup.status', {}, { address: 'console', local: true })
if (setup.ok && (setup.value as { needsSetup: boolean }).needsSetup) {
  const code = core.sessions.setupCode.issue()
  const here = running.urls.find((url) => /\/\/(127\.|localhost|\[::1\])/.test(url))
  console.log(
    `This store is new. Set it up ${here ? `from this machine (${here}), or ` : ''}on a terminal with the setup code ${code.code} (valid until ${code.expires.toLocaleTimeString()}).`,
  )
}

const stop = () => {
  watchFolder.stop()
  void Promise.allSettled([stopScheduler(), running.app.close()]).finally(() => {
    core.close()
    process.exit(0)
  })
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
