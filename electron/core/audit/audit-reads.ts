/**
 * The guests an operation's answer is about, for the audit row of a read: every number under a
 * `guestId` key, and the `id` of every object under a `guest` key, found at most 6 levels down.
 * Answers distinct ids in the order met.
 */
export function guestIdsIn(value: unknown): number[] {
  const found = new Set<number>()
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return
    if (Array.isArray(v)) {
      for (const item of v) walk(item, depth + 1)
      return
    }
    for (const [key, inner] of Object.entries(v)) {
      if (key === 'guestId' && typeof inner === 'number') found.add(inner)
      else if (key === 'guest' && inner && typeof inner === 'object' && typeof (inner as { id?: unknown }).id === 'number') {
        found.add((inner as { id: number }).id)
        walk(inner, depth + 1)
      } else walk(inner, depth + 1)
    }
  }
  walk(value, 0)
  return [...found]
}

/** The audit declaration of an operation whose answer lists guests (see `Operation.audit`). */
export const readsGuestsInAnswer = { guests: (_input: unknown, output: unknown) => guestIdsIn(output) }

/** The audit declaration of an operation about the one guest its input names (`guestId`). */
export const readsGuestOfInput = { guests: (input: { guestId: number }) => input.guestId }
