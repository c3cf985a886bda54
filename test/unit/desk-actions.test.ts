import i18next, { type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { arrivalFacts, roomBadge } from '../../src/features/checkin/arrival-row'
import { deskMakesStays, isoDay, stayActions } from '../../src/features/checkin/desk-actions'
import { eventWords, timelineLines, type StayEvent } from '../../src/features/checkin/stay-timeline'
import { messages } from '../../src/i18n/messages'
import { formatHotelDate, formatHotelWhen } from '../../src/app/hotel-time-format'

function translator(language: 'en' | 'zh-CN'): TFunction {
  const i18n = i18next.createInstance()
  void i18n.init({ lng: language, resources: { [language]: { translation: messages[language] } }, interpolation: { escapeValue: false }, initImmediate: false })
  return i18n.t.bind(i18n) as TFunction
}
const en = translator('en')
const zh = translator('zh-CN')
const today = '2026-12-01'
// A Shanghai hotel's clock, whatever the test machine's zone: dates and times in words.
const hotelWords = (language: string) => ({ date: (d: string) => formatHotelDate(d, language), when: (iso: string) => formatHotelWhen(iso, language, 'Asia/Shanghai', new Date('2026-12-01T10:00:00Z')) })
const enWords = hotelWords('en')
const zhWords = hotelWords('zh-CN')
const offered = (a: ReturnType<typeof stayActions>) => Object.entries(a).flatMap(([k, v]) => (v ? [k] : [])).sort()

describe('which actions the desk offers', () => {
  it('standalone, an expected guest today: check in, cancel, no-show', () => {
    expect(offered(stayActions({ mode: 'standalone', status: 'reserved', arrival: today, today, handlesStays: true }))).toEqual(['cancel', 'checkIn', 'noShow'])
  })

  it('standalone, a reservation for later: cancel only (no check-in, no no-show before the day)', () => {
    expect(offered(stayActions({ mode: 'standalone', status: 'reserved', arrival: '2026-12-05', today, handlesStays: true }))).toEqual(['cancel'])
  })

  it('standalone, in house: move room, change departure, check out', () => {
    expect(offered(stayActions({ mode: 'standalone', status: 'in_house', arrival: '2026-11-29', today, handlesStays: true }))).toEqual(['changeDeparture', 'checkOut', 'moveRoom'])
  })

  it('beside a PMS: only "use this room" for a reservation, never check-in, check-out, move or cancel', () => {
    expect(offered(stayActions({ mode: 'with_pms', status: 'reserved', arrival: today, today, handlesStays: true }))).toEqual(['useRoom'])
    expect(offered(stayActions({ mode: 'with_pms', status: 'reserved', arrival: '2026-12-09', today, handlesStays: true }))).toEqual(['useRoom'])
    expect(offered(stayActions({ mode: 'with_pms', status: 'in_house', arrival: today, today, handlesStays: true }))).toEqual([])
    expect(deskMakesStays('with_pms', true)).toBe(false)
    expect(deskMakesStays('standalone', true)).toBe(true)
  })

  it('nothing for a role without stay.write, nor for a stay that is over', () => {
    expect(offered(stayActions({ mode: 'standalone', status: 'reserved', arrival: today, today, handlesStays: false }))).toEqual([])
    for (const status of ['checked_out', 'cancelled', 'no_show']) expect(offered(stayActions({ mode: 'standalone', status, arrival: today, today, handlesStays: true }))).toEqual([])
    expect(deskMakesStays('standalone', false)).toBe(false)
  })

  it('counts days in the desk’s own calendar, across a month end', () => {
    expect(isoDay(1, new Date(2026, 11, 31, 23, 30))).toBe('2027-01-01')
  })
})

describe('an arrivals row', () => {
  it('says ETA, room type and the PMS number where given, and nothing for what is missing', () => {
    expect(arrivalFacts({ pmsConfirmation: '48213377', roomType: 'DKN', eta: '14:30' }, en)).toEqual(['ETA 14:30', 'DKN', 'PMS 48213377'])
    expect(arrivalFacts({ pmsConfirmation: null, roomType: null, eta: null }, en)).toEqual([])
    expect(arrivalFacts({ pmsConfirmation: null, roomType: null, eta: '18:00' }, zh)).toEqual(['预计 18:00 到达'])
  })

  it('never reads a room chosen before arrival as checked in', () => {
    expect(roomBadge('reserved', '1208', en)).toEqual({ text: 'Room 1208 chosen', chosen: true })
    expect(roomBadge('in_house', '1208', en)).toEqual({ text: 'Room 1208', chosen: false })
    expect(roomBadge('reserved', null, en)).toBeNull()
    expect(roomBadge('reserved', '1208', zh)?.text).toBe('已选 1208 房')
  })
})

describe('a stay’s history', () => {
  const event = (kind: StayEvent['kind'], detail: Record<string, unknown> | null, source: StayEvent['source'] = 'desk', at = '2026-12-01T06:30:00.000Z', staffName: string | null = null): StayEvent => ({ kind, source, at, detail, staffName })

  it('puts each kind in words, in both languages', () => {
    expect(eventWords(event('pre_arrival', { from: null, to: '1208' }), en, enWords)).toBe('Room 1208 chosen')
    expect(eventWords(event('pre_arrival', { from: '1208', to: null }), en, enWords)).toBe('Room 1208 released')
    expect(eventWords(event('check_in', { room: '1208' }), en, enWords)).toBe('Checked in to room 1208')
    expect(eventWords(event('room_move', { from: '1208', to: '1502' }), en, enWords)).toBe('Moved from room 1208 to 1502')
    expect(eventWords(event('dates_changed', { from: { arrival: today, departure: '2026-12-04' }, to: { arrival: today, departure: '2026-12-06' } }), en, enWords)).toBe('Departure 4 Dec 2026 → 6 Dec 2026')
    expect(eventWords(event('withdrawn', { status: 'no_show' }), en, enWords)).toBe('Recorded as a no-show')
    expect(eventWords(event('withdrawn', { status: 'cancelled' }), zh, zhWords)).toBe('预订已取消')
    expect(eventWords(event('room_move', { from: '1208', to: '1502' }), zh, zhWords)).toBe('由 1208 房换至 1502 房')
    expect(eventWords(event('dates_changed', { from: { arrival: today, departure: '2026-12-04' }, to: { arrival: today, departure: '2026-12-06' } }), zh, zhWords)).toBe('离店日期 2026年12月4日 → 2026年12月6日')
  })

  it('lists newest first and says where the news came from', () => {
    const lines = timelineLines([event('reservation', null, 'pms', '2026-11-20T02:00:00.000Z'), event('check_in', { room: '1208' }, 'pms', '2026-12-01T07:00:00.000Z')], en, enWords)
    expect(lines.map((l) => [l.words, l.source])).toEqual([
      ['Checked in to room 1208', 'PMS'],
      ['Booking received', 'PMS'],
    ])
    // At the hotel's clock: 07:00Z is 15:00 in Shanghai today; 20 Nov's 02:00Z is 10:00 that day.
    expect(lines.map((l) => l.time)).toEqual(['15:00', '20 Nov, 10:00'])
    expect(timelineLines([event('check_out', null)], zh, zhWords)[0].source).toBe('前台')
  })
})
