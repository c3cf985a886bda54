import { describe, expect, it } from 'vitest'
import { rebuildGuestIndex } from '../../electron/core/guests/guest-index.repository'
import { ok, tempStore, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

/** Issue 8: duplicates are missed; merged guests are not found; full-width input is refused. */
let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  store = s
  hotel = h
})

const create = (fields: Record<string, unknown>) => ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', fields)).id
type Pair = { a: { id: number }; b: { id: number }; score: number; reasons: { field: string; outcome: string }[] }
const duplicates = () => ok<Pair[]>(hotel.call(hotel.admin, 'guest.duplicates', {}))
const pairOf = (x: number, y: number) => duplicates().find((p) => (p.a.id === x && p.b.id === y) || (p.a.id === y && p.b.id === x))
const found = (text: string) => ok<{ guestId: number }[]>(hotel.call(hotel.desk, 'guest.search', { text })).map((h) => h.guestId)

describe('duplicates are found', () => {
  it('before creating a guest, the same name alone is shown', () => {
    const existing = create({ nativeName: '欧阳娜娜' })
    const matches = ok<{ guest: { id: number } }[]>(hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '欧阳娜娜' }))
    expect(matches.map((m) => m.guest.id)).toEqual([existing])
    // …in traditional characters too.
    const traditional = ok<{ guest: { id: number } }[]>(hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '歐陽娜娜' }))
    expect(traditional.map((m) => m.guest.id)).toEqual([existing])
  })

  it('folds names as search does: Đỗ Thị Hạnh = Do Thi Hanh, O’Connell = OConnell', () => {
    const a = create({ nativeName: 'Đỗ Thị Hạnh', birthDate: '1988-06-02' })
    const b = create({ nativeName: 'Do Thi Hanh', birthDate: '1988-06-02' })
    const c = create({ nativeName: "Aoife O'Connell" })
    const d = create({ nativeName: 'Aoife OConnell' })
    expect(pairOf(a, b)?.reasons).toContainEqual({ field: 'name', outcome: 'same' })
    expect(pairOf(c, d)).toBeDefined()
  })

  it('keeps candidates up to date as guests are written, ignoring keys too many guests share', () => {
    // Thirty guests behind one switchboard number: that number pairs no one.
    for (let i = 0; i < 30; i++) create({ nativeName: `Staff ${i} Lotus`, phone: '+86 21 6000 0000' })
    const early = duplicates().length
    const a = create({ nativeName: '邵一鸣', phone: '139 1111 2222', email: 'shao@example.cn' })
    const b = create({ nativeName: 'SHAO Yiming', phone: '+86 139 1111 2222' })
    expect(early).toBe(0)
    expect(duplicates()[0]).toMatchObject({ a: { id: a }, b: { id: b } })
    // An edit that makes them different people drops the pair; marking them different does too.
    ok(hotel.call(hotel.desk, 'guest.update', { guestId: b, fields: { birthDate: '1970-01-01' } }))
    ok(hotel.call(hotel.desk, 'guest.update', { guestId: a, fields: { birthDate: '1990-05-05' } }))
    expect(pairOf(a, b)).toBeUndefined()
    ok(hotel.call(hotel.desk, 'guest.update', { guestId: a, fields: { birthDate: '1970-01-01' } }))
    expect(pairOf(a, b)).toBeDefined()
    ok(hotel.call(hotel.admin, 'guest.notDuplicate', { guestA: a, guestB: b }))
    expect(pairOf(a, b)).toBeUndefined()
  })

  it('a number typed without its country code matches the same number typed with another country’s code', () => {
    // A Macau guest's mobile typed nationally at a CN hotel's desk is still the same phone.
    const macau = create({ nativeName: '何家俊', phone: '+853 6612 3456' })
    const matches = ok<{ guest: { id: number }; reasons: { field: string; outcome: string }[] }[]>(
      hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '何家俊', phone: '6612 3456' }),
    )
    expect(matches.find((m) => m.guest.id === macau)?.reasons).toContainEqual({ field: 'phone', outcome: 'same' })
    // Typed with two different country codes, the same 8 digits are two phones.
    const hongKong = ok<{ guest: { id: number }; reasons: { field: string; outcome: string }[] }[]>(
      hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '何家俊', phone: '+852 6612 3456' }),
    )
    expect(hongKong.find((m) => m.guest.id === macau)?.reasons ?? []).not.toContainEqual({ field: 'phone', outcome: 'same' })
  })

  it('drops a pair once it is merged', () => {
    const a = create({ nativeName: '邵一鸣', phone: '139 1111 2222' })
    const b = create({ nativeName: '邵一鸣', phone: '13911112222' })
    expect(pairOf(a, b)).toBeDefined()
    ok(hotel.call(hotel.admin, 'guest.merge', { survivorId: a, mergedId: b }))
    expect(pairOf(a, b)).toBeUndefined()
  })
})

describe('a merged profile still finds its guest', () => {
  it('by the merged names and phones, after the merge and after an index rebuild', () => {
    const a = create({ nativeName: '张伟', romanName: 'ZHANG Wei', phone: '138 0013 8000' })
    const b = create({ nativeName: '張偉', romanName: 'CHEUNG Wai', phone: '+852 9123 4567', email: 'cw@example.hk' })
    ok(hotel.call(hotel.admin, 'guest.merge', { survivorId: a, mergedId: b }))
    for (const typed of ['cheung wai', 'cheungwai', '9123 4567', '+85291234567', 'cw@example']) expect(found(typed), typed).toEqual([a])
    rebuildGuestIndex(store.core.sqlite)
    for (const typed of ['cheung wai', '9123 4567', 'cw@example', 'zhang wei']) expect(found(typed), typed).toEqual([a])
  })
})

describe('full-width input is folded in every operation', () => {
  it('a walk-in and a duplicate check with full-width digits', () => {
    const phone = '１３９ ８８８８ ６６６６'
    const walkIn = ok<{ guestId: number }>(hotel.call(hotel.desk, 'stay.walkIn', { guest: { nativeName: '全角', phone }, nights: 1, party: 1 }))
    const matches = ok<{ guest: { id: number; phone: string } }[]>(hotel.call(hotel.desk, 'guest.possibleDuplicates', { nativeName: '全角', phone }))
    expect(matches[0].guest).toMatchObject({ id: walkIn.guestId, phone: '139 8888 6666' })
    expect(store.core.sqlite.prepare('SELECT phone_e164 FROM guest WHERE id = ?').pluck().get(walkIn.guestId)).toBe('+8613988886666')
  })
})
