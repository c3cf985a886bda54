import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core'
import { failure, ok, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

let core: Core
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  core = s.core
  hotel = h
})

/** Everything the store holds about one guest, to compare before and after. */
function everything(guestId: number) {
  const q = (sql: string) => core.sqlite.prepare(sql).all(guestId)
  return {
    guest: core.sqlite.prepare('SELECT * FROM guest WHERE id = ?').get(guestId),
    preferences: q('SELECT * FROM preference WHERE guest_id = ? ORDER BY id'),
    stays: q('SELECT * FROM stay WHERE guest_id = ? ORDER BY id'),
    prompts: q('SELECT * FROM prompt WHERE guest_id = ? ORDER BY id'),
    observations: q('SELECT * FROM observation WHERE guest_id = ? ORDER BY id'),
    tokens: q('SELECT token FROM guest_token WHERE guest_id = ? ORDER BY token'),
  }
}

function twoZhangWeis() {
  const a = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '张伟', romanName: 'ZHANG Wei', phone: '+86 138 0013 8000', vip: 2, email: 'zw@example.cn' })).id
  const b = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: 'Wei Zhang', romanName: 'ZHANG Wei', phone: '13800138000', company: 'Sinobuild', birthDate: '1980-04-02' })).id
  ok(hotel.call(hotel.admin, 'guest.update', { guestId: b, fields: { restricted: true, restrictionNote: 'Unpaid bill 2024', consentMarketing: false } }))
  ok(hotel.call(hotel.desk, 'preference.add', { guestId: a, category: 'room', code: 'floor', value: '10' }))
  ok(hotel.call(hotel.admin, 'preference.add', { guestId: b, category: 'food', code: 'cuisine', value: 'sichuan' })) // restricted: not the desk's to change
  const today = new Date()
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  const { stayId } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: b, arrival: iso(today), departure: iso(new Date(today.getTime() + 86_400_000)), party: 1 }))
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
  ok(hotel.call(hotel.housekeeper, 'observation.record', { roomNumber: '1001', text: 'Asked for more tea' }))
  return { a, b }
}

describe('duplicates', () => {
  it('finds the same person written two ways (transliteration, phone formatting)', () => {
    const { a, b } = twoZhangWeis()
    ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '李娜', phone: '+86 139 0000 1111' }))
    const pairs = ok(hotel.call(hotel.admin, 'guest.duplicates', {}))
    expect(pairs).toHaveLength(1)
    expect([pairs[0].a.id, pairs[0].b.id].sort()).toEqual([a, b].sort())
    expect(pairs[0].reasons).toEqual(expect.arrayContaining([{ field: 'name', outcome: 'same' }, { field: 'phone', outcome: 'same' }]))
  })

  it('warns at creation time that the guest may already exist', () => {
    const { a } = twoZhangWeis()
    const warnings = ok(hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '张伟', phone: '138-0013-8000' }))
    expect(warnings.map((w: { guest: { id: number } }) => w.guest.id)).toContain(a)
    expect(ok(hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '王小明', phone: '+1 415 555 0134' }))).toEqual([])
  })

  it('does not offer a pair marked "not the same person" again, and refuses to merge it', () => {
    const { a, b } = twoZhangWeis()
    ok(hotel.call(hotel.admin, 'guest.notDuplicate', { guestA: a, guestB: b }))
    expect(ok(hotel.call(hotel.admin, 'guest.duplicates', {}))).toEqual([])
    expect(failure(hotel.call(hotel.admin, 'guest.merge', { survivorId: a, mergedId: b })).code).toBe('MERGE_STATE')
  })
})

describe('merge', () => {
  it('moves everything across, keeps the chosen fields, and VIP, restriction and consent withdrawal always survive', () => {
    const { a, b } = twoZhangWeis()
    const preview = ok(hotel.call(hotel.admin, 'guest.mergePreview', { survivorId: a, mergedId: b }))
    expect(preview.conflicts.map((c: { field: string }) => c.field).sort()).toEqual(['native_name', 'phone'])
    const { mergeId } = ok(hotel.call(hotel.admin, 'guest.merge', { survivorId: a, mergedId: b, choose: { phone: 'merged' } }))
    expect(mergeId).toBeGreaterThan(0)
    const card = ok(hotel.call(hotel.admin, 'guest.card', { guestId: a }))
    expect(card.guest).toMatchObject({ nativeName: '张伟', phone: '13800138000', company: 'Sinobuild', birthDate: '1980-04-02', vip: 2, restricted: true, consentMarketing: false })
    expect(card.preferences.map((p: { code: string }) => p.code).sort()).toEqual(['cuisine', 'floor'])
    expect(card.stays).toHaveLength(1)
    expect(card.stats.observations).toBe(1)
    expect(failure(hotel.call(hotel.admin, 'guest.card', { guestId: b })).code).toBe('NOT_FOUND')
    expect(ok(hotel.call(hotel.desk, 'guest.search', { text: 'zhang wei' })).map((h: { guestId: number }) => h.guestId)).toEqual([a])
    expect(ok(hotel.call(hotel.desk, 'guest.search', { text: '1001' }))[0].guestId).toBe(a)
  })

  it('undoes a merge completely: both profiles and all their rows as they were', () => {
    const { a, b } = twoZhangWeis()
    const before = { a: everything(a), b: everything(b) }
    const { mergeId } = ok(hotel.call(hotel.admin, 'guest.merge', { survivorId: a, mergedId: b, choose: { native_name: 'merged', phone: 'merged' } }))
    expect(everything(b).preferences).toEqual([])
    ok(hotel.call(hotel.admin, 'guest.unmerge', { mergeId }))
    expect({ a: everything(a), b: everything(b) }).toEqual(before)
    expect(failure(hotel.call(hotel.admin, 'guest.unmerge', { mergeId })).code).toBe('MERGE_STATE')
  })

  it('refuses to merge a guest with itself, or unknown guests, changing nothing', () => {
    const { a } = twoZhangWeis()
    const before = everything(a)
    expect(failure(hotel.call(hotel.admin, 'guest.merge', { survivorId: a, mergedId: a })).code).toBe('MERGE_SELF')
    expect(failure(hotel.call(hotel.admin, 'guest.merge', { survivorId: a, mergedId: 999999 })).code).toBe('NOT_FOUND')
    expect(failure(hotel.call(hotel.desk, 'guest.merge', { survivorId: a, mergedId: a + 1 })).code).toBe('FORBIDDEN')
    expect(everything(a)).toEqual(before)
  })
})
