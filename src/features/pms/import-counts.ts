import type { TFunction } from 'i18next'

/** What an import did, as the screen lists it: one label and count per thing that happened (zeros left out). */
export function importCounts(
  t: TFunction,
  outcome: { events?: Record<string, number>; unmatched?: number; roomsUpdated?: number; newProfiles?: number; unchanged?: number },
): { key: string; label: string; count: number }[] {
  const counts = Object.entries(outcome.events ?? {}).map(([key, count]) => ({ key, label: t(`pms.outcome.events.${key}`, { defaultValue: key }), count }))
  const extra: [string, number | undefined][] = [
    ['newProfiles', outcome.newProfiles],
    ['unmatched', outcome.unmatched],
    ['roomsUpdated', outcome.roomsUpdated],
    ['unchanged', outcome.unchanged],
  ]
  for (const [key, count] of extra) counts.push({ key, label: t(`pms.outcome.${key}`), count: count ?? 0 })
  return counts.filter((c) => c.count > 0)
}
