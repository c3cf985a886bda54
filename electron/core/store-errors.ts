import { busyError } from './db/transaction'
import { AppError } from './errors'

/**
 * A constraint the store enforced that the operation did not check first (a unique key taken, a
 * row another desk just deleted) is the caller's conflict, not a fault: answered as CONFLICT, with
 * the table and columns (from SQLite's message) so the screen can point at the field. A store
 * another process keeps locked is BUSY (retryable).
 */
export function fromStoreError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED')) return busyError()
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return error
  const message = String((error as Error).message)
  const columns = /constraint failed: (.+)$/.exec(message)?.[1]?.split(', ') ?? []
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT', `That already exists (${columns.join(', ') || 'a unique value'}).`, { constraint: 'unique', columns })
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppError('CONFLICT', 'Something this refers to does not exist, or something still refers to it.', { constraint: 'reference' })
  }
  return new AppError('CONFLICT', 'The store refused this change as inconsistent.', { constraint: code.slice('SQLITE_CONSTRAINT_'.length).toLowerCase() || 'check' })
}
