// The core host's entry: an Electron utility process started by electron/main (out/main/core-host.js).
// It holds the store, the sessions of the desktop's windows and the hub for department terminals.
import { createTerminalServer } from '../hub/terminal-server'
import { runCoreHost } from './core-host'
import type { HostMessage } from './protocol'

// Electron's utility-process API; typed here so this file needs nothing from the 'electron' module.
interface ParentPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (event: { data: unknown }) => void): void
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
if (!parentPort) throw new Error('The core host runs only as an Electron utility process.')

const post = (message: HostMessage) => parentPort.postMessage(message)

// Whatever escapes is written to main's log; the process then ends and main asks to restart or quit.
process.on('uncaughtException', (error) => {
  post({ type: 'log', level: 'error', line: `the core host failed: ${error.stack ?? error.message}` })
  setTimeout(() => process.exit(70), 50)
})
process.on('unhandledRejection', (reason) => post({ type: 'log', level: 'error', line: `unhandled rejection in the core host: ${String(reason)}` }))

runCoreHost(
  { postMessage: post, onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)) },
  {
    createTerminals: (core, config, log) => createTerminalServer({ core, rendererDir: config.rendererDir, dataDir: config.dataDir, log }),
    exit: (code) => setTimeout(() => process.exit(code), 20),
  },
)
