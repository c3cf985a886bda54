/** What the preload sends on the one call channel. */
export interface CallEnvelope {
  method: string
  input: unknown
}

const methodPattern = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/

/**
 * Checks the shape of an IPC call before the core sees it: a plain object with a method name
 * and an optional input, nothing else. The core still validates the input against its schema.
 */
export function parseCallEnvelope(value: unknown): CallEnvelope | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return null
  const keys = Object.keys(value)
  if (!keys.every((key) => key === 'method' || key === 'input')) return null
  const { method, input } = value as { method?: unknown; input?: unknown }
  if (typeof method !== 'string' || !methodPattern.test(method)) return null
  return { method, input: input === undefined ? {} : input }
}
