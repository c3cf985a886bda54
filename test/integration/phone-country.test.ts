import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/core'
import { guestIndexVersion } from '../../electron/core/guests/guest-index.repository'
import { phoneCountryKey } from '../../electron/core/guests/phone'
import { reindexNowLimit } from '../../electron/core/setup/hotel-settings.operations'
import { getSetting, putSetting } from '../../electron/core/setup/setting.repository'
import { failure, ok, tempStore, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel

smallHotelForEachTest((s, h) => {
  store = s
  hotel = h
})

type Hit = { guestId: number; matchedBy: string }
const search = (text: string) => ok<Hit[]>(hotel.call(hotel.desk, 'guest.search', { text }))
const storedE164 = (guestId: number) => store.core.sqlite.prepare('SELECT phone_e164 FROM guest WHERE id = ?').pluck().get(guestId)
const auditOf = (action: string) =>
  store.core.sqlite.prepare('SELECT staff_id AS staffId, detail FROM audit_log WHERE action = ? ORDER BY id').all(action) as { staffId: number; detail: string }[]

describe('the hotel phone country', () => {
  it('reads as CN until a manager sets it, for any signed-in staff member', () => {
    expect(ok(hotel.call(hotel.housekeeper, 'hotel.phoneCountry', {}))).toEqual({ country: 'CN' })
    expect(failure(hotel.call(null, 'hotel.phoneCountry', {})).code).toBe('UNAUTHENTICATED')
  })

  it('in a Macau hotel (MO), stores 6612 3456 as +85366123456 and finds the guest by +853 6612 3456', () => {
    // Typed before the change, it read as a mainland landline (+86 66 1234 56): a different number.
    const { id: earlier } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '何家俊', romanName: 'HO Ka Chun', phone: '6612 3456' }))
    expect(storedE164(earlier)).toBe('+8666123456')

    expect(ok(hotel.call(hotel.admin, 'hotel.setPhoneCountry', { country: 'mo' }))).toEqual({ country: 'MO', reindexed: 'now' })
    expect(ok(hotel.call(hotel.desk, 'hotel.phoneCountry', {}))).toEqual({ country: 'MO' })
    // Every stored phone was re-read with the new country, and the index stays current.
    expect(storedE164(earlier)).toBe('+85366123456')
    expect(getSetting(store.core.sqlite, 'guest.index.version')).toBe(guestIndexVersion)

    const { id: later } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '梁嘉欣', romanName: 'LEONG Ka Yan', phone: '6688 1234' }))
    expect(storedE164(later)).toBe('+85366881234')
    expect(search('+853 6612 3456')[0]).toMatchObject({ guestId: earlier, matchedBy: 'phone' })
    expect(search('+853 6688 1234')[0]).toMatchObject({ guestId: later, matchedBy: 'phone' })

    const [audit] = auditOf('hotel.setPhoneCountry')
    expect(audit.staffId).toBe(hotel.admin.staffId)
    expect(JSON.parse(audit.detail)).toMatchObject({ before: 'CN', country: 'MO', reindexed: 'now' })
  })

  it('may not be changed by the front desk (FORBIDDEN), and stays as it was', () => {
    expect(failure(hotel.call(hotel.desk, 'hotel.setPhoneCountry', { country: 'MO' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.cook, 'hotel.setPhoneCountry', { country: 'MO' })).code).toBe('FORBIDDEN')
    expect(ok(hotel.call(hotel.desk, 'hotel.phoneCountry', {}))).toEqual({ country: 'CN' })
    expect(auditOf('hotel.setPhoneCountry')).toEqual([])
  })

  it('refuses a code libphonenumber does not know with VALIDATION, keeping the old setting', () => {
    ok(hotel.call(hotel.admin, 'hotel.setPhoneCountry', { country: 'HK' }))
    for (const country of ['XX', 'China', '', '853', '__proto__']) {
      const refused = failure(hotel.call(hotel.admin, 'hotel.setPhoneCountry', { country }))
      expect(refused.code, country).toBe('VALIDATION')
      expect(refused.message, country).toContain('Use a two-letter country code libphonenumber knows, such as CN, HK, MO or SG.')
    }
    expect(ok(hotel.call(hotel.desk, 'hotel.phoneCountry', {}))).toEqual({ country: 'HK' })
    expect(auditOf('hotel.setPhoneCountry')).toHaveLength(1)
  })

  it('reads a damaged stored setting as CN, for the answer and for phones written meanwhile', () => {
    putSetting(store.core.sqlite, phoneCountryKey, 'Macau')
    expect(ok(hotel.call(hotel.desk, 'hotel.phoneCountry', {}))).toEqual({ country: 'CN' })
    const { id } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '王芳', phone: '139 2468 1357' }))
    expect(storedE164(id)).toBe('+8613924681357')
  })
})

describe('a large store', () => {
  it(`over ${reindexNowLimit.toLocaleString('en')} guests, re-reads phones at the next start, with its progress`, () => {
    const { id: macanese } = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '何家俊', phone: '6612 3456' }))
    const sqlite = store.core.sqlite
    const insert = sqlite.prepare(
      "INSERT INTO guest (native_name, languages, vip, search_key, created_at, updated_at) VALUES (?, 'zh', 0, '', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')",
    )
    sqlite.transaction(() => {
      for (let i = 0; i < reindexNowLimit; i++) insert.run(`客人${i}`)
    })()

    expect(ok(hotel.call(hotel.admin, 'hotel.setPhoneCountry', { country: 'MO' }))).toEqual({ country: 'MO', reindexed: 'next-start' })
    // Not yet: the index is only marked stale, and the phone still reads as a mainland number.
    expect(storedE164(macanese)).toBe('+8666123456')
    expect(getSetting(sqlite, 'guest.index.version')).toBe('')
    expect(getSetting(sqlite, phoneCountryKey)).toBe('MO')

    store.core.close()
    const progress: number[] = []
    const reopened = createCore({
      file: store.file,
      demoDir: fileURLToPath(new URL('../../resources/demo', import.meta.url)),
      logError: () => {},
      onProgress: (p) => progress.push(p.done),
    })
    try {
      expect(progress.at(-1)).toBe(reindexNowLimit + 1)
      expect(reopened.sqlite.prepare('SELECT phone_e164 FROM guest WHERE id = ?').pluck().get(macanese)).toBe('+85366123456')
      expect(getSetting(reopened.sqlite, 'guest.index.version')).toBe(guestIndexVersion)
      const desk = ok(reopened.callAs(null, 'session.signIn', { code: 'fd01', pin: '1234' })).staff
      expect(ok<Hit[]>(reopened.callAs(desk, 'guest.search', { text: '+853 6612 3456' }))[0]).toMatchObject({ guestId: macanese, matchedBy: 'phone' })
    } finally {
      reopened.close()
    }
  }, 60_000)
})
