import { describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/core'
import { dayAfter, failure, localToday, ok, type SmallHotel } from '../fixtures/test-store'
import { smallHotelForEachTest } from '../fixtures/small-hotel-each'

let core: Core
let hotel: SmallHotel
smallHotelForEachTest((s, h) => {
  core = s.core
  hotel = h
})

type Row = Record<string, unknown>
const guestRow = (id: number) => core.sqlite.prepare('SELECT * FROM guest WHERE id = ?').get(id) as Row

/** What belongs to a guest: its own details (not when they were last written) and its rows. */
function own(guestId: number) {
  const { updated_at: _written, ...guest } = guestRow(guestId)
  const ids = (table: string) => (core.sqlite.prepare(`SELECT id FROM ${table} WHERE guest_id = ? ORDER BY id`).all(guestId) as { id: number }[]).map((r) => r.id)
  return {
    guest,
    preferences: ids('preference'),
    stays: ids('stay'),
    prompts: ids('prompt'),
    observations: ids('observation'),
    tokens: (core.sqlite.prepare('SELECT token FROM guest_token WHERE guest_id = ? ORDER BY token').all(guestId) as { token: string }[]).map((r) => r.token),
  }
}

const create = (fields: Row) => ok<{ id: number }>(hotel.call(hotel.desk, 'guest.create', fields)).id
const update = (guestId: number, fields: Row) => ok(hotel.call(hotel.admin, 'guest.update', { guestId, fields }))
const merge = (survivorId: number, mergedId: number, choose: Row = {}) => ok<{ mergeId: number }>(hotel.call(hotel.admin, 'guest.merge', { survivorId, mergedId, choose })).mergeId
const unmerge = (mergeId: number) => ok(hotel.call(hotel.admin, 'guest.unmerge', { mergeId }))
const history = (guestId: number) => ok<{ action: string; field: string; oldValue: string | null; newValue: string | null }[]>(hotel.call(hotel.admin, 'guest.history', { guestId, limit: 200 }))

describe('unmerge keeps what changed after the merge', () => {
  it('keeps notes and phone edited after the merge, reverts what only the merge wrote, and says which fields it kept', () => {
    const a = create({ nativeName: '张伟', phone: '+86 138 0013 8000' })
    const b = create({ nativeName: 'Wei Zhang', phone: '13800138000', company: 'Sinobuild' })
    const before = own(b)
    const mergeId = merge(a, b, { phone: 'merged' })
    update(a, { notes: 'Prefers a late check-out', phone: '+86 139 2468 1357' })

    const result = unmerge(mergeId)

    expect(guestRow(a)).toMatchObject({ notes: 'Prefers a late check-out', phone: '+86 139 2468 1357', company: null })
    expect(result.keptFields.sort()).toEqual(['notes', 'phone'])
    expect(own(b)).toEqual(before)
    const kept = history(a).filter((h) => h.action === 'unmerge.kept')
    expect(kept.map((h) => h.field).sort()).toEqual(['notes', 'phone'])
    expect(kept.find((h) => h.field === 'phone')).toMatchObject({ oldValue: '+86 138 0013 8000', newValue: '+86 139 2468 1357' })
    expect(history(a).find((h) => h.action === 'unmerge' && h.field === 'company')).toMatchObject({ oldValue: 'Sinobuild', newValue: null })
  })

  it('never reverts a consent withdrawal made after the merge, and carries it to the restored profile', () => {
    const a = create({ nativeName: '李娜' })
    const b = create({ nativeName: 'Li Na', email: 'lina@example.cn' })
    update(a, { consentSensitive: true })
    update(b, { consentMarketing: true, consentSensitive: true })
    const mergeId = merge(a, b)
    expect(guestRow(a)).toMatchObject({ consent_marketing: 1, consent_sensitive: 1 })
    update(a, { consentMarketing: false, consentSensitive: false })

    const result = unmerge(mergeId)

    expect(guestRow(a)).toMatchObject({ consent_marketing: 0, consent_sensitive: 0 })
    expect(guestRow(b)).toMatchObject({ consent_marketing: 0, consent_sensitive: 0, email: 'lina@example.cn', merged_into: null })
    expect(result.withdrawalsCarried.sort()).toEqual(['consent_marketing', 'consent_sensitive'])
    expect(history(b).filter((h) => h.action === 'unmerge.carried').map((h) => h.field).sort()).toEqual(['consent_marketing', 'consent_sensitive'])
  })

  it('keeps a restriction set after the merge on the kept profile', () => {
    const a = create({ nativeName: '王芳' })
    const b = create({ nativeName: 'Wang Fang' })
    const mergeId = merge(a, b)
    update(a, { restricted: true, restrictionNote: 'Unpaid bill' })
    unmerge(mergeId)
    expect(guestRow(a)).toMatchObject({ restricted: 1, restriction_note: 'Unpaid bill' })
    expect(guestRow(b)).toMatchObject({ restricted: 0, restriction_note: null })
  })
})

describe('merges recorded by an older Zhike', () => {
  it('undoes a merge whose record kept no choices, reading them back, and still keeps later edits', () => {
    const a = create({ nativeName: '黄磊', phone: '13300000001', email: 'hl@example.cn' })
    const b = create({ nativeName: 'Huang Lei', phone: '13300000002', company: 'Pearl River Foods' })
    const before = { a: own(a), b: own(b) }
    const mergeId = merge(a, b, { phone: 'merged' })
    // The record as stores written before version 2 hold it: both rows before, and the moved rows.
    core.sqlite
      .prepare("UPDATE guest_merge SET snapshot = json_object('survivor', json(snapshot) -> '$.survivor', 'merged', json(snapshot) -> '$.merged', 'moved', json(snapshot) -> '$.moved') WHERE id = ?")
      .run(mergeId)
    update(a, { notes: 'Allergic to shellfish' })

    expect(unmerge(mergeId).keptFields).toEqual(['notes'])
    expect(own(a)).toEqual({ ...before.a, guest: { ...before.a.guest, notes: 'Allergic to shellfish' } })
    expect(own(b)).toEqual(before.b)
  })
})

describe('unmerging in any order', () => {
  function threeProfiles() {
    const a = create({ nativeName: '陈嘉豪', phone: '+852 9123 4567', vip: 0 })
    const b = create({ nativeName: 'Chan Ka Ho', company: 'Harbour Trading', vip: 2 })
    const c = create({ nativeName: 'CHAN Ka-ho', email: 'kaho@example.hk', vip: 1 })
    update(b, { restricted: true, restrictionNote: 'Damaged room 2024' })
    ok(hotel.call(hotel.admin, 'preference.add', { guestId: b, category: 'food', code: 'cuisine', value: 'cantonese' }))
    ok(hotel.call(hotel.desk, 'preference.add', { guestId: c, category: 'room', code: 'floor', value: '12' }))
    return { a, b, c }
  }

  for (const order of [['b', 'c'], ['c', 'b']] as const) {
    it(`gives every guest back exactly its own when unmerged ${order.join(' then ')}`, () => {
      const ids = threeProfiles()
      const before = { a: own(ids.a), b: own(ids.b), c: own(ids.c) }
      const merges = { b: merge(ids.a, ids.b), c: merge(ids.a, ids.c) }
      expect(guestRow(ids.a)).toMatchObject({ company: 'Harbour Trading', email: 'kaho@example.hk', vip: 2, restricted: 1 })

      unmerge(merges[order[0]])
      const stillIn = order[1]
      // The other merge still holds: its profile's details stay, the first one's are gone.
      expect(guestRow(ids.a)).toMatchObject(
        stillIn === 'c'
          ? { company: null, email: 'kaho@example.hk', vip: 1, restricted: 0, restriction_note: null }
          : { company: 'Harbour Trading', email: null, vip: 2, restricted: 1, restriction_note: 'Damaged room 2024' },
      )
      unmerge(merges[stillIn])
      expect({ a: own(ids.a), b: own(ids.b), c: own(ids.c) }).toEqual(before)
    })
  }
})

describe('chains of merges', () => {
  it('refuses to undo a merge whose kept profile was merged again, naming the merge to undo first; then undoes both cleanly', () => {
    const a = create({ nativeName: '刘洋', phone: '13911112222' })
    const b = create({ nativeName: 'Liu Yang', email: 'ly@example.cn' })
    const c = create({ nativeName: 'LIU Yang', company: 'Orient Steel' })
    const before = { a: own(a), b: own(b), c: own(c) }
    const first = merge(b, a)
    const second = merge(c, b)

    const refused = failure(hotel.call(hotel.admin, 'guest.unmerge', { mergeId: first }))
    expect(refused.code).toBe('MERGE_ORDER')
    expect(refused.details).toMatchObject({ mergeId: second, survivorName: 'LIU Yang', mergedName: 'Liu Yang' })
    expect(guestRow(b)).toMatchObject({ merged_into: c })
    expect(guestRow(a)).toMatchObject({ merged_into: b })

    unmerge(second)
    unmerge(first)
    expect({ a: own(a), b: own(b), c: own(c) }).toEqual(before)
  })
})

describe('undo and merges', () => {
  it('refuses to undo across a merge instead of reverting an older edit over the merged value', () => {
    const a = create({ nativeName: '赵敏', phone: '13700000001' })
    const b = create({ nativeName: 'Zhao Min', phone: '13700000002' })
    update(a, { phone: '13700000003' })
    const mergeId = merge(a, b, { phone: 'merged' })

    const refused = failure(hotel.call(hotel.admin, 'guest.undo', { guestId: a }))
    expect(refused.code).toBe('UNDO_PAST_MERGE')
    expect(refused.details).toMatchObject({ mergeId })
    expect(guestRow(a).phone).toBe('13700000002')

    // An edit after the merge can be undone; then the merge stops undo again.
    update(a, { notes: 'VIP driver at arrival' })
    expect(ok(hotel.call(hotel.admin, 'guest.undo', { guestId: a })).fields).toEqual(['notes'])
    expect(failure(hotel.call(hotel.admin, 'guest.undo', { guestId: a })).code).toBe('UNDO_PAST_MERGE')

    unmerge(mergeId)
    expect(guestRow(a).phone).toBe('13700000003')
    expect(failure(hotel.call(hotel.admin, 'guest.undo', { guestId: a })).code).toBe('UNDO_PAST_MERGE')
    expect(failure(hotel.call(hotel.admin, 'guest.undo', { guestId: b })).code).toBe('UNDO_PAST_MERGE')
  })

  it('never overwrites a value it did not write: a field changed outside the history is left alone and named', () => {
    const a = create({ nativeName: '孙丽', phone: '13600000001' })
    update(a, { phone: '13600000002', email: 'sunli@example.cn' })
    // A writer that keeps no history (a repair script, an older Zhike) changed the phone since.
    core.sqlite.prepare("UPDATE guest SET phone = '13600000009' WHERE id = ?").run(a)

    const refused = failure(hotel.call(hotel.admin, 'guest.undo', { guestId: a }))
    expect(refused.code).toBe('UNDO_CHANGED_SINCE')
    expect(refused.details).toMatchObject({ fields: ['phone'] })
    expect(guestRow(a)).toMatchObject({ phone: '13600000009', email: 'sunli@example.cn' })
  })
})

describe('rows on unmerge', () => {
  it('keeps rows created on the survivor after the merge with the survivor, sends moved rows back, and rows of a stay that goes back go with it', () => {
    const a = create({ nativeName: '周杰', phone: '13500000001' })
    const b = create({ nativeName: 'Zhou Jie', phone: '13500000002' })
    const today = localToday()
    ok(hotel.call(hotel.desk, 'preference.add', { guestId: b, category: 'food', code: 'cuisine', value: 'sichuan' }))
    const { stayId: bStay } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: b, arrival: today, departure: dayAfter(today, 2), party: 1 }))
    ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: bStay, roomNumber: '1001' }))
    ok(hotel.call(hotel.housekeeper, 'observation.record', { roomNumber: '1001', text: 'Asked for more tea' }))
    const before = own(b)

    const mergeId = merge(a, b)
    // After the merge: an observation on the stay that moved, then that stay ends and the survivor checks in.
    const { id: bObservation } = ok(hotel.call(hotel.housekeeper, 'observation.record', { roomNumber: '1001', text: 'Late breakfast' }))
    ok(hotel.call(hotel.desk, 'stay.checkOut', { stayId: bStay }))
    const { id: newPreference } = ok(hotel.call(hotel.desk, 'preference.add', { guestId: a, category: 'room', code: 'floor', value: '12' }))
    const { stayId: aStay } = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId: a, arrival: today, departure: dayAfter(today, 1), party: 1 }))
    const checkIn = ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId: aStay, roomNumber: '1201' }))
    expect(checkIn.prompts.length).toBeGreaterThan(0)
    const { id: aObservation } = ok(hotel.call(hotel.housekeeper, 'observation.record', { roomNumber: '1201', text: 'Extra towels' }))
    const survivorRowsAfterMerge = own(a)
    const promptsOf = (stayId: number) => (core.sqlite.prepare('SELECT id FROM prompt WHERE stay_id = ? ORDER BY id').all(stayId) as { id: number }[]).map((r) => r.id)

    unmerge(mergeId)

    const survivor = own(a)
    expect(survivor.preferences).toEqual([newPreference])
    expect(survivor.stays).toEqual([aStay])
    expect(survivor.observations).toEqual([aObservation])
    expect(survivor.prompts).toEqual(promptsOf(aStay))
    expect(survivor.prompts).toEqual(expect.arrayContaining(checkIn.prompts.map((p: { id: number }) => p.id)))
    const restored = own(b)
    expect(restored.preferences).toEqual(before.preferences)
    expect(restored.stays).toEqual(before.stays)
    expect(restored.prompts).toEqual(promptsOf(bStay))
    expect(restored.prompts).toEqual(expect.arrayContaining(before.prompts))
    expect(restored.observations).toEqual([...before.observations, bObservation])
    // Nothing was lost: every row the survivor held is on one of the two.
    const held = (o: ReturnType<typeof own>) => [...o.preferences, ...o.stays, ...o.prompts, ...o.observations].length
    expect(held(survivor) + held(restored)).toBe(held(survivorRowsAfterMerge))
  })
})
