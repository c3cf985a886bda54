/*
 * A follow-up is said in the hotel's clock (date and time at the hotel, whatever the device's zone)
 * and sent as an instant (pure: test/unit/recovery-time.test.ts).
 */

/** Minutes the zone is ahead of UTC at an instant (480 for Asia/Shanghai). */
function zoneOffsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at)
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'))
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000)
}

/**
 * The instant of a wall-clock date ('YYYY-MM-DD') and time ('HH:MM') at the hotel, as an ISO
 * string; null when either is not a real date or time.
 */
export function hotelInstant(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time.trim())
  if (!d || !t) return null
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])]
  const wall = Date.UTC(y, m - 1, day, Number(t[1]), Number(t[2]))
  const check = new Date(wall)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) return null
  // Two passes find the offset in force at the instant itself (a change of clocks between the guess and it).
  let at = wall - zoneOffsetMinutes(wall, timeZone) * 60_000
  at = wall - zoneOffsetMinutes(at, timeZone) * 60_000
  return new Date(at).toISOString()
}
