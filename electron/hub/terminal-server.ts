import type { TerminalServerStatus, TerminalService } from '../core/context'
import type { Core } from '../core/core'
import { startHub, type RunningHub } from './start-hub'

export interface TerminalServerOptions {
  core: Core
  rendererDir: string
  /** The desktop app's data folder; the self-signed certificate is kept in `<dataDir>/tls/`. */
  dataDir: string
  log?: (line: string) => void
  /** Where to listen; every network by default (terminals are phones on the hotel Wi-Fi). */
  host?: string
}

/**
 * "Serve department terminals" in the desktop app: the same hub as `npm run serve`, over HTTPS
 * with a self-signed certificate kept in the data folder, on the desktop's own core (so its
 * windows and the terminals see the same events). `configure` starts, restarts or stops it.
 */
export function createTerminalServer(options: TerminalServerOptions): TerminalService & { close(): Promise<void>; settled(): Promise<void> } {
  const host = options.host ?? '0.0.0.0'
  let running: RunningHub | null = null
  let state: TerminalServerStatus['state'] = 'off'
  let error: TerminalServerStatus['error'] = null
  let wanted = { enabled: false, port: 4870 }
  // Start and stop one after another, never interleaved.
  let queue: Promise<void> = Promise.resolve()

  async function stop(): Promise<void> {
    const current = running
    running = null
    if (current) await current.app.close()
  }

  async function apply(settings: { enabled: boolean; port: number }): Promise<void> {
    await stop()
    if (!settings.enabled) {
      state = 'off'
      error = null
      return
    }
    state = 'starting'
    error = null
    try {
      running = await startHub({ core: options.core, rendererDir: options.rendererDir, dataDir: options.dataDir, host, port: settings.port, tls: { kind: 'self-signed' }, log: options.log })
      state = 'on'
      options.log?.(`Serving department terminals at ${running.urls.join(', ')} (certificate SHA-256 ${running.fingerprint})`)
    } catch (cause) {
      state = 'error'
      error = (cause as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'PORT_IN_USE' : 'START_FAILED'
      options.log?.(`Could not serve department terminals on port ${settings.port}: ${String(cause)}`)
    }
  }

  return {
    status: () => ({
      host: 'desktop',
      state,
      enabled: wanted.enabled,
      port: wanted.port,
      urls: running?.urls ?? [],
      fingerprint: running?.fingerprint ?? null,
      tls: true,
      error,
    }),
    configure(settings) {
      wanted = { ...settings }
      if (settings.enabled) state = 'starting'
      queue = queue.then(() => apply(settings))
    },
    /** Resolves once the last configure has started or stopped the hub. */
    settled: () => queue,
    async close() {
      queue = queue.then(stop)
      await queue
    },
  }
}
