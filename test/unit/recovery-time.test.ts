import { describe, expect, it } from 'vitest'
import { hotelInstant } from '../../src/features/recovery/recovery-time'

describe('a follow-up said at the hotel’s clock', () => {
  it('is the instant of that wall-clock time in the hotel’s zone, whatever the device’s', () => {
    expect(hotelInstant('2026-12-03', '10:00', 'Asia/Shanghai')).toBe('2026-12-03T02:00:00.000Z')
    expect(hotelInstant('2026-12-03', '00:30', 'Asia/Shanghai')).toBe('2026-12-02T16:30:00.000Z')
    expect(hotelInstant('2026-12-03', '10:00', 'UTC')).toBe('2026-12-03T10:00:00.000Z')
  })

  it('follows a zone with summer time on both sides of the change', () => {
    expect(hotelInstant('2026-07-01', '10:00', 'Europe/London')).toBe('2026-07-01T09:00:00.000Z')
    expect(hotelInstant('2026-12-01', '10:00', 'Europe/London')).toBe('2026-12-01T10:00:00.000Z')
  })

  it('refuses a date or time that does not exist', () => {
    for (const [date, time] of [['2026-02-30', '10:00'], ['2026-12-03', '24:00'], ['2026-12-03', '9'], ['3 Dec', '10:00'], ['2026-12-03', '']]) {
      expect(hotelInstant(date, time, 'Asia/Shanghai'), `${date} ${time}`).toBeNull()
    }
  })
})
