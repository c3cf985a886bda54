import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { reindexGuest } from '../../electron/core/guests/guest-index.repository'
import { matchArrival } from '../../electron/core/pms/guest-matching'
import { scrubString } from '../../electron/core/privacy/erasure.service'
import { dayAfter, failure, localToday, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Erasure (issue 12, finding 5): a real store on disk, the guest's identifiers searched for through
// every operation that finds guests, then in the bytes of the database file after VACUUM.

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let manager: Actor

const zhang = {
  nativeName: '欧阳明珠',
  romanName: 'OUYANG Mingzhu',
  phone: '+86 139 2468 7531',
  email: 'mingzhu.ouyang@example.cn',
  birthDate: '1984-03-17',
  documentNo: 'ZX99871234',
}
/** An older profile of the same woman, merged into hers before she asks to be erased. */
const oldProfile = { nativeName: '欧阳明珠', romanName: 'OU-YANG Ming Zhu', email: 'oymz.old@example.org', phone: '+86 138 5555 0199' }
/** A second guest with a likely duplicate of her own (erased later, to test the duplicate list). */
const twin = { nativeName: '司马青云', romanName: 'SIMA Qingyun', phone: '+86 137 1111 2288', birthDate: '1979-11-02' }

let ids: { zhang: number; old: number; twinA: number; twinB: number; other: number; stayId: number }

function searchIds(text: string): number[] {
  return ok<{ guestId: number }[]>(hotel.call(hotel.desk, 'guest.search', { text })).map((g) => g.guestId)
}

function possibleDuplicateIds(person: Record<string, unknown>): number[] {
  return ok<{ guest: { id: number } }[]>(hotel.call(hotel.desk, 'guest.possibleDuplicates', person)).map((m) => m.guest.id)
}

function duplicatePairs(): [number, number][] {
  return ok<{ a: { id: number }; b: { id: number } }[]>(hotel.call(manager, 'guest.duplicates', {})).map((p) => [p.a.id, p.b.id])
}

beforeAll(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  manager = ok(store.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff

  const create = (fields: Record<string, unknown>) => ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', fields)).id
  const zhangId = create({ ...zhang, documentType: 'other', nationality: 'CN', vip: 2, company: '明珠广告有限公司', homeCity: '广州', notes: '欧阳明珠 prefers the quiet wing' })
  const oldId = create({ ...oldProfile, nationality: 'CN' })
  ok(hotel.call(manager, 'guest.merge', { survivorId: zhangId, mergedId: oldId, choose: {} }))
  ok(hotel.call(hotel.desk, 'preference.add', { guestId: zhangId, category: 'food', code: 'cuisine', value: 'sichuan', note: 'Ms 欧阳明珠 asked for it' }))
  ok(hotel.call(hotel.desk, 'preference.add', { guestId: zhangId, category: 'service', code: 'address_as', value: '欧阳总' }))
  ok(hotel.call(hotel.desk, 'guest.update', { guestId: zhangId, fields: { notes: 'VIP client of 欧阳明珠 ads; call +86 139 2468 7531' } }))
  // A consent record whose note names her husband: free text of hers, cleared; the record itself stays.
  ok(hotel.call(hotel.desk, 'consent.record', { guestId: zhangId, kind: 'marketing', given: true, method: 'paper_form', note: '丈夫司徒浩然代签' }))
  // PMS keys: a profile id and a membership number, as a PMS import leaves them.
  store.core.sqlite.prepare("UPDATE guest SET pms_profile_id = 'P-778812', membership_no = 'GOLD-55120' WHERE id = ?").run(zhangId)
  reindexGuest(store.core.sqlite, zhangId)

  const today = localToday()
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: zhangId, arrival: today, departure: dayAfter(today, 2), party: 2, remarks: '欧阳明珠 arrives late', company: '明珠广告有限公司' }))
  ok(hotel.call(hotel.desk, 'stay.setCompanions', { stayId, companions: [{ name: '欧阳小珠' }] }))
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
  ok(hotel.call(hotel.desk, 'observation.record', { guestId: zhangId, text: '欧阳明珠 asked for more chilli oil', requireInHouse: false }))

  const twinA = create({ ...twin, nationality: 'CN' })
  const twinB = create({ ...twin, email: 'sima.qy@example.com', nationality: 'CN' })
  const other = create({ nativeName: '林美华', romanName: 'LIN Meihua', nationality: 'SG' })
  ids = { zhang: zhangId, old: oldId, twinA, twinB, other, stayId }
})

afterAll(() => store.cleanup())

describe('erasing a guest', () => {
  it('is refused while she is in house, with the reason and the stay, and allowed to managers only', () => {
    const refused = failure(hotel.call(manager, 'guest.erase', { guestId: ids.zhang, reason: 'guest_request' }))
    expect(refused.code).toBe('ERASE_IN_HOUSE')
    expect(refused.details).toMatchObject({ stayId: ids.stayId, room: '1001', departure: dayAfter(localToday(), 2) })
    const status = ok(hotel.call(hotel.desk, 'guest.privacyStatus', { guestId: ids.zhang }))
    expect(status).toMatchObject({ erasable: false, anonymisedAt: null, blockedBy: { code: 'ERASE_IN_HOUSE', room: '1001' } })
    expect(failure(hotel.call(hotel.desk, 'guest.erase', { guestId: ids.zhang, reason: 'guest_request' })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(manager, 'guest.erase', { guestId: ids.zhang })).code).toBe('VALIDATION')
    // Still whole: nothing was touched by the refusals.
    expect(searchIds('欧阳明珠')).toContain(ids.zhang)
  })

  it('refuses a guest whose reservation is still to come', () => {
    const today = localToday()
    const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: ids.other, arrival: dayAfter(today, 10), departure: dayAfter(today, 12), party: 1 }))
    const refused = failure(hotel.call(manager, 'guest.erase', { guestId: ids.other, reason: 'guest_request' }))
    expect(refused.code).toBe('ERASE_RESERVED')
    expect(refused.details).toMatchObject({ stayId, arrival: dayAfter(today, 10) })
  })

  it('finds her by every identifier before erasure (so the searches below can fail)', () => {
    for (const text of [zhang.nativeName, zhang.romanName, '13924687531', zhang.email, oldProfile.email]) expect(searchIds(text), text).toContain(ids.zhang)
    expect(possibleDuplicateIds({ nativeName: zhang.nativeName, phone: zhang.phone, email: zhang.email, documentNo: zhang.documentNo })).toContain(ids.zhang)
    const pair = duplicatePairs().find(([a, b]) => [a, b].includes(ids.twinA))
    expect(pair).toBeDefined()
    expect(matchArrival(store.core.sqlite, { profileId: 'P-778812', membershipNo: null, nativeName: zhang.nativeName, romanName: null, phone: null, birthDate: null })).toMatchObject({ kind: 'matched', guestId: ids.zhang })
  })

  it('anonymises her and her history once she has checked out, keeping the statistics', () => {
    const before = {
      stays: store.core.sqlite.prepare('SELECT count(*) FROM stay WHERE guest_id = ?').pluck().get(ids.zhang),
      categories: store.core.sqlite.prepare('SELECT category, code, strength FROM preference WHERE guest_id = ? ORDER BY id').all(ids.zhang),
      prompts: store.core.sqlite.prepare('SELECT count(*) FROM prompt WHERE guest_id = ?').pluck().get(ids.zhang) as number,
    }
    expect(before.prompts).toBeGreaterThan(0)
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId: ids.stayId }))
    const erased = ok(hotel.call(manager, 'guest.erase', { guestId: ids.zhang, reason: 'guest_request' }))
    expect(erased).toMatchObject({ guestId: ids.zhang, profiles: 2, stays: 1 })
    expect(erased.anonymisedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)

    const row = store.core.sqlite.prepare('SELECT * FROM guest WHERE id = ?').get(ids.zhang) as Record<string, unknown>
    expect(row).toMatchObject({ native_name: `#${ids.zhang}`, roman_name: null, phone: null, phone_e164: null, email: null, birth_date: null, document_no: null, notes: null, company: null, home_city: null, pms_profile_id: null, membership_no: null, search_key: '', vip: 2, nationality: 'CN' })
    expect(row.anonymised_at).toBe(erased.anonymisedAt)
    expect(store.core.sqlite.prepare('SELECT count(*) FROM stay WHERE guest_id = ?').pluck().get(ids.zhang)).toBe(before.stays)
    expect(store.core.sqlite.prepare('SELECT category, code, strength FROM preference WHERE guest_id = ? ORDER BY id').all(ids.zhang)).toEqual(before.categories)
    expect(store.core.sqlite.prepare("SELECT value FROM preference WHERE guest_id = ? AND code = 'cuisine'").pluck().get(ids.zhang)).toBe('sichuan')
    expect(store.core.sqlite.prepare('SELECT count(*) FROM prompt WHERE guest_id = ?').pluck().get(ids.zhang)).toBe(before.prompts)
    const stay = store.core.sqlite.prepare('SELECT * FROM stay WHERE id = ?').get(ids.stayId) as Record<string, unknown>
    expect(stay).toMatchObject({ status: 'checked_out', remarks: null, company: null, arrival_date: localToday() })
    expect(store.core.sqlite.prepare('SELECT name FROM stay_companion WHERE stay_id = ?').pluck().all(ids.stayId)).toEqual([''])

    const status = ok(hotel.call(hotel.desk, 'guest.privacyStatus', { guestId: ids.zhang }))
    expect(status).toMatchObject({ anonymisedAt: erased.anonymisedAt, erasable: false })
    expect(store.core.sqlite.prepare('SELECT kind, given, method, note FROM guest_consent WHERE guest_id = ? ORDER BY id').all(ids.zhang)).toEqual([{ kind: 'marketing', given: 1, method: 'paper_form', note: null }])
    const card = ok(hotel.call(hotel.desk, 'guest.card', { guestId: ids.zhang }))
    expect(JSON.stringify(card)).not.toContain('欧阳')
  })

  it('writes one audit row with ids, the reason and counts: no identifier', () => {
    const rows = store.core.sqlite.prepare("SELECT * FROM audit_log WHERE action = 'guest.erase'").all() as { guest_id: number; detail: string; staff_id: number }[]
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ guest_id: ids.zhang, staff_id: manager.staffId })
    expect(JSON.parse(rows[0].detail)).toMatchObject({ reason: 'guest_request', profiles: 2 })
    expect(rows[0].detail).not.toMatch(/欧阳|OUYANG|mingzhu|2468/i)
  })

  it('leaves nothing that finds her: search, duplicates, the check before creating a guest, PMS matching', () => {
    for (const text of [zhang.nativeName, zhang.romanName, 'ouyang', '13924687531', '2468 7531', zhang.email, oldProfile.email, zhang.documentNo, 'P-778812', 'GOLD-55120']) {
      expect(searchIds(text), text).not.toContain(ids.zhang)
      expect(searchIds(text), text).not.toContain(ids.old)
    }
    expect(possibleDuplicateIds({ nativeName: zhang.nativeName, romanName: zhang.romanName, phone: zhang.phone, email: zhang.email, birthDate: zhang.birthDate, documentNo: zhang.documentNo })).toEqual([])
    expect(possibleDuplicateIds({ nativeName: oldProfile.nativeName, email: oldProfile.email, phone: oldProfile.phone })).toEqual([])
    const sqlite = store.core.sqlite
    expect(matchArrival(sqlite, { profileId: 'P-778812', membershipNo: 'GOLD-55120', nativeName: zhang.nativeName, romanName: zhang.romanName, phone: zhang.phone, birthDate: zhang.birthDate })).toEqual({ kind: 'unmatched' })
  })

  it('cannot be merged, unmerged, or erased twice', () => {
    const merge = failure(hotel.call(manager, 'guest.merge', { survivorId: ids.other, mergedId: ids.zhang, choose: {} }))
    expect(merge.code).toBe('GUEST_ANONYMISED')
    expect(failure(hotel.call(manager, 'guest.mergePreview', { survivorId: ids.zhang, mergedId: ids.other })).code).toBe('GUEST_ANONYMISED')
    const mergeId = store.core.sqlite.prepare('SELECT id FROM guest_merge WHERE survivor_id = ?').pluck().get(ids.zhang) as number
    expect(failure(hotel.call(manager, 'guest.unmerge', { mergeId })).code).toBe('GUEST_ANONYMISED')
    expect(failure(hotel.call(manager, 'guest.erase', { guestId: ids.zhang, reason: 'other' })).code).toBe('GUEST_ANONYMISED')
  })

  it('takes a guest out of the duplicates list', () => {
    expect(duplicatePairs().some(([a, b]) => a === ids.twinA || b === ids.twinA)).toBe(true)
    ok(hotel.call(hotel.admin, 'guest.erase', { guestId: ids.twinA, reason: 'purpose_fulfilled' }))
    expect(duplicatePairs().some(([a, b]) => [a, b].includes(ids.twinA))).toBe(false)
    // The other profile of that pair is another person's and stays whole; erase it too for the file scan below.
    ok(hotel.call(hotel.admin, 'guest.erase', { guestId: ids.twinB, reason: 'purpose_fulfilled' }))
  })

  it('leaves none of her identifiers in the database file after VACUUM', () => {
    const sqlite = store.core.sqlite
    sqlite.exec('VACUUM')
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const bytes = [fs.readFileSync(store.file), ...(fs.existsSync(`${store.file}-wal`) ? [fs.readFileSync(`${store.file}-wal`)] : [])]
    const identifiers = [
      zhang.nativeName, zhang.romanName, zhang.phone, '+8613924687531', '13924687531', zhang.email, zhang.documentNo, 'P-778812', 'GOLD-55120', '明珠广告',
      oldProfile.romanName, oldProfile.email, '+8613855550199', '欧阳小珠', '欧阳总',
      twin.nativeName, twin.romanName, '+8613711112288', 'sima.qy@example.com', '司徒浩然',
    ]
    const found = identifiers.filter((text) => bytes.some((b) => b.includes(Buffer.from(text, 'utf8')) || b.includes(Buffer.from(text.toLowerCase(), 'utf8'))))
    expect(found).toEqual([])
    // The file scan can fail: another guest's name is still there.
    expect(bytes.some((b) => b.includes(Buffer.from('林美华', 'utf8')))).toBe(true)
  })
})

describe('scrubbing free text', () => {
  it('cuts identifiers of 3+ characters out of text, and 2-character names only where they stand alone', () => {
    expect(scrubString('Recommend Sichuan dishes to 欧阳明珠 (room 1001).', ['欧阳明珠'])).toBe('Recommend Sichuan dishes to  (room 1001).')
    expect(scrubString('王伟', ['王伟'])).toBe('')
    expect(scrubString('王伟明', ['王伟'])).toBe('王伟明')
    expect(scrubString('Mail MingZhu.Ouyang@Example.cn', ['mingzhu.ouyang@example.cn'])).toBe('Mail ')
  })
})
