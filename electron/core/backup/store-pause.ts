import { AppError } from '../errors'
import type { Sqlite } from '../db/query'

/*
 * While a backup is restored, the store answers nobody: every call gets BUSY (retryable, with a
 * hint how long to wait), the scheduler skips its ticks, and the restore waits for a tick in
 * progress to finish before it writes. Kept per open connection, like the store's caches.
 */

/** How a store was opened, for the second connections a backup or restore needs. */
export interface StoreOpening {
  /** Electron passes the path of a better-sqlite3 build that matches its ABI. */
  nativeBinding?: string
  /** Brings a copy of a store (a backup being restored) up to this version: what opening it at start does, then closes it. */
  prepareCopy?: (file: string) => void
}

interface StoreControl {
  opening: StoreOpening
  pause: { reason: 'restoring'; since: number } | null
  /** Background work on this store the restore must let finish first (a scheduler tick). */
  work: Set<Promise<unknown>>
}

const controls = new WeakMap<Sqlite, StoreControl>()

function control(sqlite: Sqlite): StoreControl {
  let c = controls.get(sqlite)
  if (!c) {
    c = { opening: {}, pause: null, work: new Set() }
    controls.set(sqlite, c)
  }
  return c
}

/** Core calls this once it has opened a store. */
export function rememberStoreOpening(sqlite: Sqlite, opening: StoreOpening): void {
  control(sqlite).opening = { ...opening }
}

export function storeOpening(sqlite: Sqlite): StoreOpening {
  return control(sqlite).opening
}

/** Operations that still answer while a backup is restored (the page that shows the restore's progress). */
const answeredWhilePaused = new Set(['backup.status'])

/** Throws BUSY (retryable, `retryAfterMs`) while a restore replaces this store, unless `operation` answers anyway. */
export function refuseWhilePaused(sqlite: Sqlite, operation: string): void {
  const pause = controls.get(sqlite)?.pause
  if (!pause || answeredWhilePaused.has(operation)) return
  throw new AppError('BUSY', 'A backup is being restored. Nothing was saved; try again in a few seconds (everyone may have to sign in again).', {
    retryable: true,
    retryAfterMs: 3000,
    reason: 'restoring',
  })
}

export function isStorePaused(sqlite: Sqlite): boolean {
  return controls.get(sqlite)?.pause != null
}

export function pauseStore(sqlite: Sqlite): void {
  control(sqlite).pause = { reason: 'restoring', since: Date.now() }
}

export function resumeStore(sqlite: Sqlite): void {
  control(sqlite).pause = null
}

/** Tracks background work on the store (a scheduler tick) so a restore can wait for it. Returns the same promise. */
export function trackStoreWork<T>(sqlite: Sqlite, work: Promise<T>): Promise<T> {
  const set = control(sqlite).work
  set.add(work)
  const forget = () => set.delete(work)
  work.then(forget, forget)
  return work
}

/** Resolves once the background work running now has finished (failures ignored). */
export async function storeWorkSettled(sqlite: Sqlite): Promise<void> {
  const pending = [...control(sqlite).work]
  await Promise.allSettled(pending)
}
