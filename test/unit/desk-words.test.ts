import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkOutQuestion, minutesLeft, nightsEarly, shortDate } from '../../src/features/checkin/desk-words'
import { errorFields, placeError } from '../../src/features/checkin/field-errors'
import { messages } from '../../src/i18n/messages'

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: messages.en }, 'zh-CN': { translation: messages['zh-CN'] } }, interpolation: { escapeValue: false } })
})
const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options) as string

describe('check-out wording', () => {
  it('counts the nights early against the business date, never below zero', () => {
    expect(nightsEarly('2026-12-04', '2026-12-01')).toBe(3)
    expect(nightsEarly('2026-12-02', '2026-12-01')).toBe(1)
    expect(nightsEarly('2026-12-01', '2026-12-01')).toBe(0)
    expect(nightsEarly('2026-11-30', '2026-12-01')).toBe(0)
    // Across a month and a DST change elsewhere: whole calendar days.
    expect(nightsEarly('2027-04-02', '2027-03-27')).toBe(6)
  })

  it('asks "Due out on 4 Dec — check out 3 nights early?" when early, and plainly when due today', () => {
    expect(checkOutQuestion({ departure: '2026-12-04', room: '1001' }, '2026-12-01', 'en', t)).toBe('Due out on 4 Dec — check out 3 nights early?')
    expect(checkOutQuestion({ departure: '2026-12-02', room: '1001' }, '2026-12-01', 'en', t)).toBe('Due out on 2 Dec — check out 1 night early?')
    expect(checkOutQuestion({ departure: '2026-12-01', room: '1001' }, '2026-12-01', 'en', t)).toBe('Due out today. Check out of room 1001?')
  })

  it('says it in Chinese too', async () => {
    await i18n.changeLanguage('zh-CN')
    try {
      expect(checkOutQuestion({ departure: '2026-12-04', room: '1001' }, '2026-12-01', 'zh-CN', t)).toBe('原定 12月4日 离店——提前 3 晚退房？')
    } finally {
      await i18n.changeLanguage('en')
    }
  })

  it('reads a stay date as a calendar date, whatever the device zone', () => {
    expect(shortDate('2026-12-04', 'en')).toBe('4 Dec')
    expect(shortDate('not a date', 'en')).toBe('not a date')
  })

  it('gives whole minutes left to undo, rounded up, and 0 once closed', () => {
    const until = '2026-12-01T06:10:00.000Z'
    expect(minutesLeft(until, Date.parse('2026-12-01T06:00:00Z'))).toBe(10)
    expect(minutesLeft(until, Date.parse('2026-12-01T06:09:01Z'))).toBe(1)
    expect(minutesLeft(until, Date.parse('2026-12-01T06:10:00Z'))).toBe(0)
  })
})

describe('errors beside the field', () => {
  it('puts a room refusal on the room field, whatever the code', () => {
    for (const code of ['NO_SUCH_ROOM', 'ROOM_OCCUPIED', 'ROOM_OUT_OF_ORDER', 'ROOM_HAS_STAY']) {
      expect(errorFields({ code, details: { roomNumber: '1O01' } })).toEqual(['roomNumber'])
    }
    expect(errorFields({ code: 'NOT_FOUND', details: { entity: 'room', roomNumber: '9' } })).toEqual(['roomNumber'])
    expect(errorFields({ code: 'NOT_FOUND', details: { entity: 'stay', id: 9 } })).toEqual([])
  })

  it('reads VALIDATION issue paths and STAY_DATES fields as the form names them', () => {
    const validation = { code: 'VALIDATION', details: { issues: [{ path: 'guest.nativeName', message: 'x' }, { path: 'companions.1', message: 'y' }, { path: 'nights', message: 'z' }] } }
    expect(errorFields(validation)).toEqual(['nativeName', 'companions', 'nights'])
    expect(errorFields({ code: 'STAY_DATES', details: { field: 'departure' } })).toEqual(['departure'])
    expect(errorFields({ code: 'STAY_DATES', details: { arrival: '2026-12-04' } })).toEqual([])
  })

  it('keeps a refusal the form has no field for in its alert, never dropping it', () => {
    expect(placeError({ code: 'NO_SUCH_ROOM', details: {} }, ['roomNumber'], 'No room 1O01.')).toEqual({ fields: { roomNumber: 'No room 1O01.' }, first: 'roomNumber', general: null })
    expect(placeError({ code: 'PMS_OWNS_STAYS', details: {} }, ['roomNumber'], 'The PMS owns stays.')).toEqual({ fields: {}, first: null, general: 'The PMS owns stays.' })
    expect(placeError({ code: 'VALIDATION', details: { issues: [{ path: 'companions.0' }] } }, ['arrival'], 'Check companions.').general).toBe('Check companions.')
    // A held room on a new departure belongs to the departure field.
    expect(placeError({ code: 'ROOM_HAS_STAY', details: {} }, ['departure'], 'Held.', 'departure').first).toBe('departure')
    expect(placeError(null, ['roomNumber'], '')).toEqual({ fields: {}, first: null, general: null })
  })
})
