import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { healthy } from './hub-client'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The hub as the hotel runs it (`npx tsx electron/hub/cli.ts`), in a child process of its own. */
export interface HubProcess {
  port: number
  /** The node process that serves (npx and tsx each start one above it). */
  pid: number
  /** Resident memory of the serving process, in bytes; NaN where /proc cannot say. */
  rss(): number
  /** Its peak resident memory (VmHWM), in bytes. */
  peakRss(): number
  /** The hub's console, last lines first to go. */
  output(): string
  /** SIGTERM (the hub closes its store cleanly), then SIGKILL after a while. */
  stop(): Promise<void>
}

export async function startHubProcess(dataDir: string, port: number): Promise<HubProcess> {
  if (await healthy(port)) throw new Error(`something already answers on port ${port}: stop it first`)
  const lines: string[] = []
  const child = spawn('npx', ['tsx', 'electron/hub/cli.ts', '--data', dataDir, '--demo', '--port', String(port)], {
    cwd: projectRoot,
    // Its own process group, so nothing it started outlives the bench.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    if (lines.length > 200) lines.splice(0, lines.length - 200)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const output = () => lines.join('\n')

  // Loading the demo hotel hashes a dozen PINs and builds the search index: give it two minutes.
  const deadline = Date.now() + 120_000
  while (!(await healthy(port))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the hub exited before answering:\n${output()}`)
    if (Date.now() > deadline) {
      killGroup(child)
      throw new Error(`the hub did not answer /api/health within 2 minutes:\n${output()}`)
    }
    await sleep(250)
  }
  const pid = listeningPid(child.pid!, port) ?? child.pid!
  const status = (field: string) => {
    try {
      const match = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))
      return match ? Number(match[1]) * 1024 : Number.NaN
    } catch {
      return Number.NaN
    }
  }
  return {
    port,
    pid,
    rss: () => status('VmRSS'),
    peakRss: () => status('VmHWM'),
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      signal(pid, 'SIGTERM')
      const gone = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)])
      if (!gone) {
        lines.push('(bench: the hub did not stop within 15 s of SIGTERM; killed)')
        killGroup(child)
        await Promise.race([exited, sleep(5_000)])
      }
    },
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // already gone
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid !== undefined) signal(-child.pid, 'SIGKILL')
}

/** Of `root` and its descendants, the process holding the socket that listens on `port` (Linux /proc). */
function listeningPid(root: number, port: number): number | undefined {
  let inodes: Set<string>
  try {
    const portHex = port.toString(16).toUpperCase().padStart(4, '0')
    const listening = ['/proc/net/tcp', '/proc/net/tcp6']
      .filter((f) => fs.existsSync(f))
      .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      // local_address is HEXIP:PORT; st 0A is LISTEN; the inode is the tenth column.
      .filter((cols) => cols.length > 9 && cols[1].endsWith(`:${portHex}`) && cols[3] === '0A')
    inodes = new Set(listening.map((cols) => `socket:[${cols[9]}]`))
  } catch {
    return undefined
  }
  for (const pid of descendants(root)) {
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        if (inodes.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) return pid
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return undefined
}

/** `root` and every process below it, parents first. */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // exited meanwhile
    }
  }
  const found = [root]
  for (let i = 0; i < found.length; i++) {
    for (const [pid, parent] of parentOf) if (parent === found[i]) found.push(pid)
  }
  return found
}
