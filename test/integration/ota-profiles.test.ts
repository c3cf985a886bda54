import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

const fixtures = fileURLToPath(new URL('../fixtures/ota/', import.meta.url))
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8')
const xsdDir = path.join(fixtures, 'xsd', '2015B')
const xsd = path.join(xsdDir, 'OTA_ProfileReadRS.xsd')
const xmllint = spawnSync('xmllint', ['--version']).status === 0

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  store = s
  hotel = h
})

function guestRelations(): SmallHotel['admin'] {
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'gr01', name: 'Guest Relations', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
  return ok(hotel.call(null, 'session.signIn', { code: 'gr01', pin: '1234' })).staff
}

const prefKeys = (guestId: number) =>
  (store.core.sqlite.prepare('SELECT category, code, value, strength FROM preference WHERE guest_id = ? AND active = 1').all(guestId) as { category: string; code: string; value: string; strength: string }[])
    .map((p) => `${p.category}.${p.code}=${p.value}:${p.strength}`)
    .sort()

describe('OpenTravel profiles', () => {
  it('imports OTA_ProfileCreateRQ: both names, contact, loyalty, PMS id and the room preferences; the access need only with consent to sensitive data', () => {
    const result = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') }))
    expect(result.kind).toBe('create')
    expect(result.guests).toHaveLength(1)
    expect(result.guests[0].created).toBe(true)
    const { guestId } = result.guests[0]
    const guest = store.core.sqlite.prepare('SELECT * FROM guest WHERE id = ?').get(guestId) as Record<string, unknown>
    expect(guest).toMatchObject({
      native_name: '王丽华',
      roman_name: 'WANG Lihua',
      salutation: 'ms',
      gender: 'f',
      nationality: 'CN',
      home_city: '杭州',
      phone: '+86 13924681357',
      email: 'lihua.wang@example.com',
      birth_date: '1984-03-12',
      vip: 1,
      languages: 'zh,en',
      pms_profile_id: 'PMS-880021',
      membership_no: 'GOLD-77120',
    })
    expect(guest.notes).toBe('Guarantee on card [card removed], call before arrival.')
    // The small hotel's highest floor is 12: "High floor" is that floor.
    // Issue 12: a new guest has not consented to keeping health data; the need is named, not kept.
    expect(prefKeys(guestId)).toEqual(['amenity.pillow=buckwheat:preferred', 'room.bed=king:required', 'room.floor=12:preferred', 'room.smoking=no:preferred'])
    expect(result.preferences).toBe(4)
    expect(result.skipped.filter((s: string) => s.includes('consent to sensitive data'))).toEqual([expect.stringContaining('health data')])
    ok(hotel.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' }))
    expect(ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') })).preferences).toBe(1)
    expect(prefKeys(guestId)).toContain('access.mobility=wheelchair:required')
    expect(result.skipped).toContain('payment data: never kept')
    expect(result.skipped.some((s: string) => s.startsWith('BedTypePref 7 Tatami mats'))).toBe(true)
    // Found by name, as a clerk would look for her.
    expect(ok(hotel.call(hotel.desk, 'guest.search', { text: '王丽华' })).some((g: { guestId: number }) => g.guestId === guestId)).toBe(true)
  })

  it('importing the same message twice changes nothing the second time', () => {
    const first = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') }))
    const before = prefKeys(first.guests[0].guestId)
    const history = ok(hotel.call(hotel.desk, 'guest.history', { guestId: first.guests[0].guestId })).length
    const second = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') }))
    expect(second.guests).toEqual([{ guestId: first.guests[0].guestId, created: false, changed: [] }])
    expect(second.preferences).toBe(0)
    expect(prefKeys(first.guests[0].guestId)).toEqual(before)
    expect(ok(hotel.call(hotel.desk, 'guest.history', { guestId: first.guests[0].guestId })).length).toBe(history)
  })

  it('imports an OTA_ProfileReadRS written with a namespace prefix, and updates only what differs', () => {
    const result = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-read-rs.xml') }))
    expect(result.kind).toBe('read')
    const { guestId } = result.guests[0]
    const guest = store.core.sqlite.prepare('SELECT native_name, roman_name, phone, pms_profile_id, membership_no FROM guest WHERE id = ?').get(guestId)
    expect(guest).toEqual({ native_name: 'Marco Bianchi', roman_name: 'BIANCHI Marco', phone: '+39 347 555 0182', pms_profile_id: 'PMS-990002', membership_no: 'SILVER-5531' })
    expect(prefKeys(guestId)).toEqual(['food.diet=vegetarian:preferred', 'room.away_from_lift=yes:preferred', 'room.floor=9:preferred'])
    const changed = read('profile-read-rs.xml').replace('+39 347 555 0182', '+39 347 555 0199').replace('SILVER-5531', 'GOLD-5531')
    const again = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: changed }))
    expect(again.guests).toEqual([{ guestId, created: false, changed: ['phone', 'membership_no'] }])
  })

  it('merges the profiles an OTA_ProfileMergeRQ names, and an unknown id merges nothing', () => {
    const survivor = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') })).guests[0].guestId
    const obsolete = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-read-rs.xml') })).guests[0].guestId
    const relations = guestRelations()
    expect(failure(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-merge-rq.xml') })).code).toBe('FORBIDDEN')
    const unknown = failure(hotel.call(relations, 'guest.importOta', { xml: read('profile-merge-rq.xml').replace('PMS-990002', 'PMS-NOBODY') }))
    expect(unknown.code).toBe('OTA_MESSAGE')
    expect(unknown.message).toContain('PMS-NOBODY')
    expect(ok(hotel.call(relations, 'guest.merges', {}))).toHaveLength(0)
    const merged = ok(hotel.call(relations, 'guest.importOta', { xml: read('profile-merge-rq.xml') }))
    expect(merged).toMatchObject({ kind: 'merge', guests: [{ guestId: survivor, created: false, changed: ['merged:PMS-990002'] }] })
    expect(ok(hotel.call(relations, 'guest.merges', {}))[0]).toMatchObject({ survivorId: survivor, mergedId: obsolete })
    // The obsolete profile's PMS id now leads to the survivor.
    const again = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-read-rs.xml') }))
    expect(again.guests[0].guestId).toBe(survivor)
  })

  it('keeps the card number out of the database file, the audit log and the console', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level))
    const captured: string[] = []
    for (const spy of spies) spy.mockImplementation((...args: unknown[]) => void captured.push(args.map(String).join(' ')))
    try {
      const { guestId } = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') })).guests[0]
      ok(hotel.call(hotel.desk, 'guest.exportOta', { guestId }))
      const audit = JSON.stringify(store.core.sqlite.prepare('SELECT * FROM audit_log').all())
      const history = JSON.stringify(store.core.sqlite.prepare('SELECT * FROM guest_change').all())
      store.core.sqlite.pragma('wal_checkpoint(TRUNCATE)')
      const files = [store.file, `${store.file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f))
      const spellings = ['4111111111111111', '4111 1111 1111 1111', '4111-1111-1111-1111']
      for (const spelling of spellings) {
        for (const bytes of files) expect(bytes.includes(Buffer.from(spelling))).toBe(false)
        expect(audit.includes(spelling)).toBe(false)
        expect(history.includes(spelling)).toBe(false)
        expect(captured.join('\n').includes(spelling)).toBe(false)
      }
      expect(files[0].includes(Buffer.from('[card removed]'))).toBe(true)
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })

  it('exports a guest as OTA_ProfileReadRS, leaving out health needs without consent', () => {
    const { guestId } = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') })).guests[0]
    // Issue 12: with consent the need is kept; a this-stay-only one is never exported.
    ok(hotel.call(hotel.desk, 'consent.record', { guestId, kind: 'sensitive', given: true, method: 'paper_form' }))
    ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') }))
    // As a need stored before consent was asked (before issue 12) stands: no consent on the row.
    store.core.sqlite.prepare('UPDATE guest SET consent_sensitive = NULL WHERE id = ?').run(guestId)
    ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'food', code: 'dish', value: '小笼包' }))
    const exported = ok(hotel.call(hotel.desk, 'guest.exportOta', { guestId }))
    expect(exported.xml).toContain('<OTA_ProfileReadRS xmlns="http://www.opentravel.org/OTA/2003/05"')
    expect(exported.xml).toContain('<UniqueID Type="1" ID="PMS-880021" ID_Context="PMS"/>')
    expect(exported.xml).toContain('<Surname>王</Surname>')
    expect(exported.xml).toContain('<Surname>WANG</Surname>')
    expect(exported.xml).toContain('<BedTypePref PreferLevel="Required" BedType="3">King</BedTypePref>')
    expect(exported.xml).toContain('SmokingAllowed="false"')
    expect(exported.xml).not.toContain('Wheelchair')
    expect(exported.leftOut).toContain('access.mobility: health data, no consent to share sensitive data')
    ok(hotel.call(hotel.desk, 'guest.update', { guestId, fields: { consentSensitive: true } }))
    const withConsent = ok(hotel.call(hotel.desk, 'guest.exportOta', { guestId }))
    expect(withConsent.xml).toContain('<PhysChallFeaturePref PreferLevel="Required">Mobility: Wheelchair user</PhysChallFeaturePref>')
    // Our own export reads back into the same preferences.
    const other = tempStore()
    try {
      const second = seedSmallHotel(other.core)
      const first = ok(second.call(second.desk, 'guest.importOta', { xml: withConsent.xml }))
      ok(second.call(second.desk, 'consent.record', { guestId: first.guests[0].guestId, kind: 'sensitive', given: true, method: 'paper_form' }))
      const back = ok(second.call(second.desk, 'guest.importOta', { xml: withConsent.xml }))
      const row = other.core.sqlite.prepare('SELECT native_name, roman_name, membership_no FROM guest WHERE id = ?').get(back.guests[0].guestId)
      expect(row).toEqual({ native_name: '王丽华', roman_name: 'WANG Lihua', membership_no: 'GOLD-77120' })
      const keys = (other.core.sqlite.prepare('SELECT category, code, value FROM preference WHERE guest_id = ? AND active = 1').all(back.guests[0].guestId) as { category: string; code: string; value: string }[]).map((p) => `${p.category}.${p.code}=${p.value}`).sort()
      expect(keys).toEqual(['access.mobility=wheelchair', 'amenity.pillow=buckwheat', 'food.dish=小笼包', 'room.bed=king', 'room.floor=12', 'room.smoking=no'])
    } finally {
      other.cleanup()
    }
  })

  it.skipIf(!xmllint || !fs.existsSync(xsd))('our OTA_ProfileReadRS validates against the OpenTravel 2015B XSD (xmllint --schema)', () => {
    const { guestId } = ok(hotel.call(hotel.desk, 'guest.importOta', { xml: read('profile-create-rq.xml') })).guests[0]
    ok(hotel.call(hotel.desk, 'guest.update', { guestId, fields: { consentSensitive: true, company: 'Lusitano Creative Ltd' } }))
    const out = path.join(store.dir, 'export.xml')
    fs.writeFileSync(out, ok(hotel.call(hotel.desk, 'guest.exportOta', { guestId })).xml)
    expect(() => execFileSync('xmllint', ['--noout', '--schema', xsd, out], { stdio: 'pipe' })).not.toThrow()
  })

  it('refuses what is not a safe OpenTravel profile message with OTA_MESSAGE', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><OTA_ProfileCreateRQ><Profile>&lol2;</Profile></OTA_ProfileCreateRQ>`
    const external = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><OTA_ProfileCreateRQ>&xxe;</OTA_ProfileCreateRQ>`
    const cases: [string, RegExp][] = [
      [laughs, /DOCTYPE/],
      [external, /DOCTYPE/],
      ['just some words', /not XML/],
      ['<OTA_ProfileCreateRQ><Profile>', /well-formed/],
      ['<OTA_HotelResNotifRQ/>', /not an OpenTravel profile message/],
      [`<OTA_ProfileCreateRQ>${' '.repeat(2 * 1024 * 1024)}</OTA_ProfileCreateRQ>`, /2 MB/],
      ['<OTA_ProfileCreateRQ><UniqueID Type="1" ID="X"/><Profile><Customer><PersonName><GivenName>Ann</GivenName></PersonName></Customer></Profile></OTA_ProfileCreateRQ>', /Surname/],
    ]
    for (const [xml, message] of cases) {
      const error = failure(hotel.call(hotel.desk, 'guest.importOta', { xml }))
      expect(error.code, xml.slice(0, 60)).toBe('OTA_MESSAGE')
      expect(error.message).toMatch(message)
    }
    expect(store.core.sqlite.prepare('SELECT count(*) AS n FROM guest').get()).toEqual({ n: 0 })
  })
})
