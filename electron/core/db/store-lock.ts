import fs from 'node:fs'
import os from 'node:os'
import { AppError } from '../errors'

/** Who holds a store: written as JSON to `<store>.lock` while a Zhike has it open. */
export interface StoreHolder {
  /** The process id on `host`. */
  pid: number
  host: string
  /** What holds it: 'hub' (npm run serve), 'desktop' (the app), 'test', … */
  program: string
  /** ISO-8601. */
  since: string
}

/** A held store; `release` removes the lock file (only if it is still ours). */
export interface StoreLock {
  readonly file: string
  release(): void
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(file: string): StoreHolder | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoreHolder>
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null
    return { pid: value.pid, host: value.host, program: String(value.program ?? 'Zhike'), since: String(value.since ?? '') }
  } catch {
    return null
  }
}

/** The sentence naming who holds a store, for the refusal. */
export function describeHolder(holder: StoreHolder): string {
  const where = holder.host === os.hostname() ? '' : ` on ${holder.host}`
  return `${holder.program} (process ${holder.pid}${where}, since ${holder.since})`
}

/**
 * Takes the store at `storeFile` for this process, or throws `STORE_IN_USE` naming the holder.
 * One store has one owner: a second hub, or the desktop app, on the same data folder would keep
 * its own events and sessions, and the first one's terminals would never hear of its changes.
 * The lock file is created exclusively (O_EXCL); a lock left by a process that no longer runs
 * on this machine (killed, power cut) is taken over. A lock from another machine (a shared
 * folder) is never taken over: stop that Zhike, or remove the file once it is surely stopped.
 */
export function lockStore(storeFile: string, program: string): StoreLock {
  const file = `${storeFile}.lock`
  const me: StoreHolder = { pid: process.pid, host: os.hostname(), program, since: new Date().toISOString() }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600)
      fs.writeSync(fd, JSON.stringify(me))
      fs.closeSync(fd)
      return {
        file,
        release() {
          const holder = readHolder(file)
          if (holder && holder.pid === me.pid && holder.host === me.host) fs.rmSync(file, { force: true })
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const holder = readHolder(file)
    const stale = holder === null ? isOldFile(file) : holder.host === me.host && holder.pid !== me.pid && !alive(holder.pid)
    if (holder && holder.host === me.host && holder.pid === me.pid) {
      throw new AppError('STORE_IN_USE', `The store ${storeFile} is already open in this process: ${describeHolder(holder)}.`, { holder })
    }
    if (!stale) {
      const who = holder ? describeHolder(holder) : 'another Zhike that is starting'
      throw new AppError('STORE_IN_USE', `The store ${storeFile} is in use by ${who}. Stop it first, or use another data folder.`, {
        holder: holder ?? undefined,
        lockFile: file,
      })
    }
    fs.rmSync(file, { force: true })
  }
  throw new AppError('STORE_IN_USE', `The store ${storeFile} could not be locked (${file}).`, { lockFile: file })
}

/** A lock file that says nothing readable is stale once it is a few seconds old (its writer died mid-write). */
function isOldFile(file: string): boolean {
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 5_000
  } catch {
    return true
  }
}
