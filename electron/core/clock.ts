/** Time comes from one place so tests and the demo can fix "now". */
export interface Clock {
  now(): Date
}
export const systemClock: Clock = { now: () => new Date() }

/** The hotel's calendar date (local time of the machine running the store), YYYY-MM-DD. */
export function localDate(at: Date): string {
  const y = at.getFullYear()
  const m = String(at.getMonth() + 1).padStart(2, '0')
  const d = String(at.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const at = new Date(Date.UTC(y, m - 1, d + days))
  return at.toISOString().slice(0, 10)
}

export function addMinutes(at: Date, minutes: number): Date {
  return new Date(at.getTime() + minutes * 60_000)
}
