import { createCore, type Core, type CoreOptions } from '../core/core'
import { readTerminalSettings } from '../core/terminals/terminal-settings'
import { isServing, resumeServing, shutDown, type HostedTerminalServer } from '../main/terminal-hosting'
import { WindowSessions } from '../main/window-sessions'
import { startWatchFolder, watchIntervalMs, type WatchFolder } from '../core/pms/watch-folder'
import { schedulerIntervalMs, startScheduler } from '../core/scheduler/scheduler'
import { answerHostFile } from './host-files'
import { parseHostRequest, progressThrottle, startFailureOf, type CoreHostConfig, type HostMessage, type LogLevel } from './protocol'

/** The parent port as the core host sees it (Electron's `process.parentPort`, or a test's pair). */
export interface HostPort {
  postMessage(message: HostMessage): void
  onMessage(listener: (message: unknown) => void): void
}

export interface CoreHostDeps {
  /** Opens the core (tests pass one that throws, or a store of their own). */
  openCore?: (options: CoreOptions) => Core
  /** The desktop's own hub for department terminals (electron/hub/terminal-server.ts). */
  createTerminals: (core: Core, config: CoreHostConfig, log: (line: string) => void) => HostedTerminalServer & { settled?(): Promise<void> }
  /** Ends the process (after `closed` was posted). */
  exit(code: number): void
}

/**
 * The core host: the store, its sessions per window and the terminal hub, in a process of their
 * own (an Electron utility process), so a long start (the search-index rebuild) or a slow
 * operation never freezes a window. Main forwards each window's calls here and shows what comes
 * back; this side decides who may hear which event, exactly as the main process used to.
 */
export function runCoreHost(port: HostPort, deps: CoreHostDeps): void {
  let core: Core | undefined
  let sessions: WindowSessions | undefined
  let watchFolder: WatchFolder | undefined
  let stopScheduler: (() => Promise<void>) | undefined
  let terminals: (HostedTerminalServer & { settled?(): Promise<void> }) | undefined
  let serving = false
  let stopping = false

  const post = (message: HostMessage) => port.postMessage(message)
  const log = (level: LogLevel, line: string) => post({ type: 'log', level, line })

  /** Tells main when serving terminals starts or stops, now and once the change has settled. */
  function reportServing(): void {
    const now = isServing(terminals)
    if (now !== serving) {
      serving = now
      post({ type: 'terminal-status', serving })
    }
  }
  function reportServingWhenSettled(): void {
    reportServing()
    void terminals?.settled?.().then(reportServing, () => reportServing())
  }

  function start(config: CoreHostConfig): void {
    if (core) return
    const allowed = progressThrottle(250)
    try {
      core = (deps.openCore ?? createCore)({
        file: config.file,
        demoDir: config.demoDir,
        nativeBinding: config.nativeBinding,
        owner: 'Zhike desktop',
        onProgress: (progress) => {
          if (allowed(progress)) post({ type: 'progress', progress: { step: progress.step, done: progress.done, total: progress.total } })
        },
        logError: (error, operation) => log('error', `${operation} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      })
    } catch (error) {
      const failure = startFailureOf(error)
      log('error', `the store did not open (${failure.code}): ${failure.message}`)
      // Main shows the failure and then asks this process to shut down.
      post({ type: 'fatal', error: failure })
      return
    }
    const opened = core
    const windowSessions = new WindowSessions(opened)
    sessions = windowSessions
    terminals = deps.createTerminals(opened, config, (line) => log('info', `terminals: ${line}`))
    opened.services.terminals = terminals
    if (resumeServing(terminals, readTerminalSettings(opened.sqlite))) log('info', 'serving department terminals, as an administrator left it')
    opened.events.subscribe((event) => {
      for (const delivery of windowSessions.deliveries(event)) post({ type: 'event', event: delivery.event, windowIds: delivery.windowIds })
    })
    watchFolder = startWatchFolder(opened, { intervalMs: watchIntervalMs(), log: (line) => log('info', `watch folder: ${line}`) })
    stopScheduler = startScheduler(opened, { intervalMs: schedulerIntervalMs(), log: (line) => log('info', `scheduler: ${line}`) })
    post({ type: 'ready' })
    reportServingWhenSettled()
  }

  async function shutdown(): Promise<void> {
    if (stopping) return
    stopping = true
    watchFolder?.stop()
    await stopScheduler?.()
    await shutDown({ server: terminals, core, timeoutMs: 3000, log: (line) => log('warn', line) })
    core = undefined
    post({ type: 'closed' })
    deps.exit(0)
  }

  port.onMessage((raw) => {
    const request = parseHostRequest(raw)
    if (!request) {
      log('warn', `ignored a message main should never send: ${JSON.stringify(raw)?.slice(0, 200)}`)
      return
    }
    switch (request.type) {
      case 'start':
        start(request.config)
        return
      case 'call': {
        const answer =
          sessions && !stopping
            ? sessions.callAsync(request.windowId, request.method, request.input)
            : Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Zhike’s store is not open.' } } as const)
        void answer.then((result) => {
          post({ type: 'result', id: request.id, result })
          // Settings may just have turned serving terminals on or off.
          if (request.method.startsWith('terminals.')) reportServingWhenSettled()
        })
        return
      }
      case 'forget-window':
        sessions?.forget(request.windowId)
        return
      case 'file': {
        const result =
          core && sessions && !stopping
            ? answerHostFile(core, sessions.actor(request.windowId), request.request)
            : ({ ok: false, error: { code: 'INTERNAL', message: 'Zhike’s store is not open.' } } as const)
        post({ type: 'result', id: request.id, result })
        return
      }
      case 'shutdown':
        void shutdown()
        return
    }
  })
}
