import type { TerminalService } from '../core/context'
import type { TerminalSettings } from '../core/terminals/terminal-settings'

/**
 * "Serve department terminals" in the desktop app, at start and at quit. The server itself is the
 * hub's (electron/hub/terminal-server.ts); these decide when it runs.
 */
export interface HostedTerminalServer extends TerminalService {
  close(): Promise<void>
}

/** At start: serve terminals again if an administrator left it on. Answers whether it started. */
export function resumeServing(server: HostedTerminalServer, settings: TerminalSettings): boolean {
  if (!settings.enabled || !server.configure) return false
  server.configure(settings)
  return true
}

/** True while serving or starting to (this PC may then not become another Zhike's terminal). */
export function isServing(server: HostedTerminalServer | undefined): boolean {
  const state = server?.status().state
  return state === 'on' || state === 'starting'
}

/**
 * At quit: stop serving (waiting at most `timeoutMs`, so a hung connection cannot keep Zhike
 * open), then close the store. Never throws; what went wrong is logged.
 */
export async function shutDown(parts: { server?: { close(): Promise<void> }; core?: { close(): void }; timeoutMs: number; log: (line: string) => void }): Promise<void> {
  if (parts.server) {
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), parts.timeoutMs)
    })
    try {
      const outcome = await Promise.race([parts.server.close().then(() => 'closed' as const), timedOut])
      if (outcome === 'timeout') parts.log(`the terminal server did not stop within ${parts.timeoutMs} ms; quitting anyway`)
    } catch (error) {
      parts.log(`the terminal server failed to stop: ${String(error)}`)
    } finally {
      clearTimeout(timer)
    }
  }
  try {
    parts.core?.close()
  } catch (error) {
    parts.log(`the store failed to close: ${String(error)}`)
  }
}
