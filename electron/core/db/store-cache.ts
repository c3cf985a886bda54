import type { Sqlite } from './query'

const caches = new WeakMap<Sqlite, Map<string, unknown>>()

/**
 * Small reference data (department promises, vocabulary labels) read on every check-in,
 * cached per open store. Writers call invalidate() in the same operation that changes it.
 */
export function cached<T>(sqlite: Sqlite, key: string, load: () => T): T {
  let cache = caches.get(sqlite)
  if (!cache) {
    cache = new Map()
    caches.set(sqlite, cache)
  }
  if (!cache.has(key)) cache.set(key, load())
  return cache.get(key) as T
}

export function invalidate(sqlite: Sqlite, key: string): void {
  caches.get(sqlite)?.delete(key)
}

/** Forgets every cached value of this store (a transaction rolled back: what was read may never have existed). */
export function clearStoreCaches(sqlite: Sqlite): void {
  caches.get(sqlite)?.clear()
}
