import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A hub of a spec's own: `electron/hub/cli.ts` on `dataDir` (the demo hotel on first start, unless
 * `demo` is false: then a new, empty store waits for its first start) and `port`, with `env` added
 * to the environment, once /api/health answers (at most two minutes).
 * Run as `node --import tsx`, not npx, so the signal from `stopHub` reaches the hub itself.
 */
export async function startDemoHub(dataDir: string, port: number, env: Record<string, string> = {}, demo = true): Promise<ChildProcess> {
  const hubUrl = `http://127.0.0.1:${port}`
  const hub = spawn(process.execPath, ['--import', 'tsx', 'electron/hub/cli.ts', '--data', dataDir, ...(demo ? ['--demo'] : []), '--port', String(port)], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  hub.stdout?.on('data', (chunk) => (output += chunk))
  hub.stderr?.on('data', (chunk) => (output += chunk))
  for (let tries = 0; tries < 600; tries++) {
    if (hub.exitCode !== null) throw new Error(`the hub stopped (${hub.exitCode}):\n${output}`)
    try {
      if ((await fetch(`${hubUrl}/api/health`)).ok) return hub
    } catch {
      // Not listening yet.
    }
    await sleep(200)
  }
  hub.kill('SIGKILL')
  throw new Error(`the hub did not answer on ${hubUrl}:\n${output}`)
}

/** Stops a hub started by `startDemoHub` (SIGTERM, then SIGKILL after 15 s); nothing if it has stopped. */
export async function stopHub(hub: ChildProcess | null): Promise<void> {
  if (!hub || hub.exitCode !== null || hub.signalCode !== null) return
  const exited = new Promise((resolve) => hub.once('exit', resolve))
  hub.kill('SIGTERM')
  const timer = setTimeout(() => hub.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(timer)
}
