/**
 * What a terminal that reconnects with `Last-Event-ID: lastId` gets, given the log's extent
 * (see eventLogBounds): the events after its id, or `reload` when some it missed are no longer
 * kept (older than the log's retention) or its id is not one this store gave (a store restored
 * from a backup, or another hotel's).
 */
export function replayPlan(lastId: number, log: { oldest: number | null; latest: number }): 'replay' | 'reload' {
  if (!Number.isSafeInteger(lastId) || lastId < 0 || lastId > log.latest) return 'reload'
  if (lastId === log.latest) return 'replay'
  // Something after lastId was given; every id from lastId + 1 on must still be in the log.
  if (log.oldest === null || log.oldest > lastId + 1) return 'reload'
  return 'replay'
}

/** Events are kept this long (hours): a terminal off for a night and a day still catches up. */
export const eventRetentionHours = 48

/** `Last-Event-ID` (header) or `lastEventId` (query, for a new EventSource): a non-negative integer, else null. */
export function parseLastEventId(value: unknown): number | null {
  if (Array.isArray(value)) value = value[0]
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value.trim())) return null
  return Number(value.trim())
}
