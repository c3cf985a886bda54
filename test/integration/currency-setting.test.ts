import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/* The hotel's currency (issue 13): read by anyone signed in, set by managers, a code Intl does not know refused. */

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
beforeEach(() => {
  store = tempStore({ now: new Date('2026-12-01T06:00:00Z') })
  hotel = seedSmallHotel(store.core)
})
afterEach(() => store.cleanup())

const setting = () => (store.core.sqlite.prepare("SELECT value FROM setting WHERE key = 'hotel.currency'").get() as { value: string } | undefined)?.value

describe('hotel.currency and hotel.setCurrency', () => {
  it('reads CNY (fen: 2 decimals) until a manager sets another; any case is accepted and stored upper case; audited', () => {
    expect(ok(hotel.call(hotel.housekeeper, 'hotel.currency', {}))).toEqual({ currency: 'CNY', minorUnits: 2 })
    expect(ok(hotel.call(hotel.admin, 'hotel.setCurrency', { currency: ' mop ' }))).toEqual({ currency: 'MOP', minorUnits: 2 })
    expect(ok(hotel.call(hotel.desk, 'hotel.currency', {}))).toEqual({ currency: 'MOP', minorUnits: 2 })
    expect(ok(hotel.call(hotel.admin, 'hotel.setCurrency', { currency: 'JPY' }))).toEqual({ currency: 'JPY', minorUnits: 0 })
    const audit = store.core.sqlite.prepare("SELECT detail FROM audit_log WHERE action = 'hotel.setCurrency' ORDER BY id").all() as { detail: string }[]
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([
      { before: 'CNY', currency: 'MOP' },
      { before: 'MOP', currency: 'JPY' },
    ])
  })

  it('refuses a code Intl does not know, naming the field, and keeps the stored one; refuses other roles', () => {
    ok(hotel.call(hotel.admin, 'hotel.setCurrency', { currency: 'HKD' }))
    for (const currency of ['RMB', 'XYZ', 'yuan', '', 'CN']) {
      const refused = failure(hotel.call(hotel.admin, 'hotel.setCurrency', { currency }))
      expect(refused.code).toBe('VALIDATION')
      expect(refused.details?.issues).toEqual([expect.objectContaining({ path: 'currency', message: expect.stringContaining('ISO 4217') })])
    }
    expect(failure(hotel.call(hotel.desk, 'hotel.setCurrency', { currency: 'USD' })).code).toBe('FORBIDDEN')
    expect(setting()).toBe('HKD')
  })

  it('a damaged setting reads as CNY', () => {
    store.core.sqlite.prepare("INSERT INTO setting (key, value) VALUES ('hotel.currency', 'nonsense') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run()
    expect(ok(hotel.call(hotel.desk, 'hotel.currency', {}))).toEqual({ currency: 'CNY', minorUnits: 2 })
  })
})
