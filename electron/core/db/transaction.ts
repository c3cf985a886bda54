import { AppError } from '../errors'
import type { Sqlite } from './query'
import { clearStoreCaches } from './store-cache'

/** One open level: what to do once the outermost transaction has committed. */
interface Level {
  afterCommit: (() => void)[]
}

const levels = new WeakMap<Sqlite, Level[]>()

/** Attempts at BEGIN IMMEDIATE while another process holds the write lock (each waits busy_timeout). */
export const busyAttempts = 3

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED')
}

/** The retryable answer when the store stays locked by another writer. */
export function busyError(): AppError {
  return new AppError('BUSY', 'The store is busy (another program is writing to it). Nothing was saved; try again.', { retryable: true })
}

/**
 * Runs `work` in a write transaction and answers what it returned.
 *
 * - Outermost: `BEGIN IMMEDIATE`, so the write lock is taken at the start (a deferred
 *   transaction that reads first fails at once with SQLITE_BUSY when another process wrote
 *   meanwhile). While another process holds the lock, SQLite waits `busy_timeout` (1 s); the
 *   BEGIN is tried `busyAttempts` times, then `BUSY` (retryable) is thrown. Nothing of `work`
 *   has run when it is retried.
 * - Nested (an operation called inside the demo loader's transaction): a savepoint.
 * - `afterCommit` callbacks (events) run only once the OUTERMOST transaction commits; a level
 *   that rolls back drops its callbacks, and every rollback empties the store's caches, so
 *   nothing filled from rows that never existed survives.
 */
export function inTransaction<T>(sqlite: Sqlite, work: () => T): T {
  const stack = levels.get(sqlite) ?? []
  levels.set(sqlite, stack)
  const level: Level = { afterCommit: [] }
  const outermost = stack.length === 0
  let started = false
  const body = () => {
    started = true
    stack.push(level)
    try {
      return work()
    } finally {
      stack.pop()
    }
  }
  const transaction = sqlite.transaction(body)
  let value: T
  for (let attempt = 1; ; attempt++) {
    try {
      value = outermost ? transaction.immediate() : transaction()
      break
    } catch (error) {
      level.afterCommit = []
      clearStoreCaches(sqlite)
      if (isBusy(error)) {
        if (!started && attempt < busyAttempts) continue
        throw busyError()
      }
      throw error
    }
  }
  if (outermost) {
    for (const callback of level.afterCommit) callback()
  } else {
    stack[stack.length - 1].afterCommit.push(...level.afterCommit)
  }
  return value
}

/** Runs `callback` once what is being written now has committed (at once, outside a transaction). */
export function afterCommit(sqlite: Sqlite, callback: () => void): void {
  const stack = levels.get(sqlite)
  const level = stack?.[stack.length - 1]
  if (level) level.afterCommit.push(callback)
  else callback()
}

/** Whether `inTransaction` is running on this store (an outer transaction is open). */
export function inOurTransaction(sqlite: Sqlite): boolean {
  return (levels.get(sqlite)?.length ?? 0) > 0
}
