import { describe, expect, it } from 'vitest'
import { formatHotelDate, formatHotelDateTime, formatHotelDay, formatHotelTime, formatHotelWhen, hotelDateOf } from '../../src/app/hotel-time-format'

/*
 * Every time a screen shows is the hotel's: a hub on a UTC server, or a phone set to another
 * zone, shows the front desk's clock. These run whatever the test machine's own zone is.
 */
describe('hotel time', () => {
  const shanghai = 'Asia/Shanghai'

  it("shows a Shanghai hotel's 19:13Z as 03:13 the next day, whatever the machine's zone", () => {
    expect(formatHotelTime('2026-12-01T19:13:00Z', 'en', shanghai)).toBe('03:13')
    expect(formatHotelTime('2026-12-01T19:13:00Z', 'zh-CN', shanghai)).toBe('03:13')
    expect(hotelDateOf('2026-12-01T19:13:00Z', shanghai)).toBe('2026-12-02')
    expect(formatHotelDateTime('2026-12-01T19:13:00Z', 'en', shanghai)).toBe('2 Dec 2026, 03:13')
    expect(formatHotelDateTime('2026-12-01T19:13:00Z', 'zh-CN', shanghai)).toBe('2026年12月2日 03:13')
    expect(formatHotelDay('2026-12-01T19:13:00Z', 'en', shanghai)).toBe('2 Dec 2026')
    // The same instant at a hotel on UTC is still the 1st.
    expect(formatHotelTime('2026-12-01T19:13:00Z', 'en', 'UTC')).toBe('19:13')
    expect(formatHotelDay('2026-12-01T19:13:00Z', 'en', 'UTC')).toBe('1 Dec 2026')
  })

  it('says a calendar date in words, in the UI language, never shifted by a zone', () => {
    expect(formatHotelDate('2026-12-01', 'en')).toBe('1 Dec 2026')
    expect(formatHotelDate('2026-12-01', 'zh-CN')).toBe('2026年12月1日')
    expect(formatHotelDate('2026-01-01', 'en')).toBe('1 Jan 2026')
    expect(formatHotelDate('not a date', 'en')).toBe('not a date')
  })

  it("gives the time alone on the hotel's today, and the day with it on another day", () => {
    // 01:00 on 2 Dec in Shanghai is still 1 Dec in UTC: the hotel's today decides, not the machine's.
    const now = new Date('2026-12-01T17:30:00Z') // 01:30 on 2 Dec in Shanghai
    expect(formatHotelWhen('2026-12-01T16:45:00Z', 'en', shanghai, now)).toBe('00:45')
    expect(formatHotelWhen('2026-12-01T15:45:00Z', 'en', shanghai, now)).toBe('1 Dec, 23:45')
    expect(formatHotelWhen('2026-12-01T15:45:00Z', 'zh-CN', shanghai, now)).toBe('12月1日 23:45')
    // At a hotel on UTC the same two instants are both today.
    expect(formatHotelWhen('2026-12-01T15:45:00Z', 'en', 'UTC', now)).toBe('15:45')
    expect(formatHotelWhen('garbage', 'en', shanghai, now)).toBe('garbage')
  })

  it('follows summer time in Europe/London', () => {
    const london = 'Europe/London'
    // British Summer Time (UTC+1) in July, Greenwich Mean Time in January.
    expect(formatHotelTime('2026-07-01T13:00:00Z', 'en', london)).toBe('14:00')
    expect(formatHotelTime('2026-01-15T13:00:00Z', 'en', london)).toBe('13:00')
    // The clocks go forward at 01:00Z on 29 Mar 2026 and back at 01:00Z on 25 Oct 2026.
    expect(formatHotelTime('2026-03-29T00:59:00Z', 'en', london)).toBe('00:59')
    expect(formatHotelTime('2026-03-29T01:00:00Z', 'en', london)).toBe('02:00')
    expect(formatHotelTime('2026-10-25T00:30:00Z', 'en', london)).toBe('01:30')
    expect(formatHotelTime('2026-10-25T01:30:00Z', 'en', london)).toBe('01:30')
    // 23:30Z on 30 Jun is already 1 Jul in London.
    expect(formatHotelDay('2026-06-30T23:30:00Z', 'en', london)).toBe('1 Jul 2026')
  })
})
