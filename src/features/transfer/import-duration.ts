/**
 * Whole minutes an import of `guests` guests (with their stays, preferences and history) is worth
 * warning about, or null when it is over too soon to mention (fewer than 20,000 guests). Measured:
 * about 100 s per 100,000 guests on a two-core office PC (`npm run bench -- desk`), in one
 * transaction during which the hub answers no one else; rounded up, never under 2 minutes.
 */
export function importMinutes(guests: number): number | null {
  if (!Number.isFinite(guests) || guests < 20_000) return null
  return Math.max(2, Math.ceil(guests / 60_000))
}
