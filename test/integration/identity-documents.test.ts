import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { migrations } from '../../electron/core/db/migrations'
import { openSqlite } from '../../electron/core/db/open'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// Issue 12, finding 8: identity documents were one free-text number with no type; a whole
// 18-digit 身份证 number was stored in clear and shown in the change history to anyone.

const now = new Date('2026-12-01T06:00:00Z')
const residentId = '11010519491231002X' // GB 11643-1999's own example
const passport = 'E12345678'

let store: ReturnType<typeof tempStore>
afterEach(() => store?.cleanup())

function hotel(): SmallHotel {
  store = tempStore({ now })
  return seedSmallHotel(store.core)
}
const rows = (sql: string, ...args: unknown[]) => store.core.sqlite.prepare(sql).all(...args) as any[]
/** Every text the store holds outside the guest row itself: history, audit, merges. */
const everywhereButTheGuestRow = () => JSON.stringify([rows('SELECT * FROM guest_change'), rows('SELECT * FROM audit_log')])

describe('identity documents', () => {
  it('are checked per type: a wrong check digit is refused, naming the field and the reason; nothing is saved', () => {
    const h = hotel()
    const refused = failure(h.call(h.desk, 'guest.create', { nativeName: '王芳', documentType: 'resident_id', documentNo: '110105194912310021' }))
    expect(refused).toMatchObject({ code: 'VALIDATION', details: { issues: [{ path: 'documentNo', reason: 'resident_id_check_digit' }] } })
    expect(refused.message).toMatch(/last character/)
    expect(failure(h.call(h.desk, 'guest.create', { nativeName: '王芳', documentType: 'hk_macao_permit', documentNo: 'K1234567' })).details).toMatchObject({ issues: [{ reason: 'hk_macao_permit_format' }] })
    expect(failure(h.call(h.desk, 'guest.create', { nativeName: '王芳', documentType: 'passport' })).details).toMatchObject({ issues: [{ path: 'documentNo' }] })
    expect(rows('SELECT * FROM guest')).toHaveLength(0)

    const { id } = ok(h.call(h.desk, 'guest.create', { nativeName: '王芳', documentType: 'resident_id', documentNo: '110105 19491231 002x' }))
    expect(rows('SELECT document_type, document_no FROM guest WHERE id = ?', id)).toEqual([{ document_type: 'resident_id', document_no: residentId }])
    // A number given without a type (an older client) is inferred.
    const { id: other } = ok(h.call(h.desk, 'guest.create', { nativeName: 'Anna Kowalska', documentNo: 'ZS 1234567' }))
    expect(ok(h.call(h.desk, 'guest.card', { guestId: other })).guest.document).toEqual({ type: 'other', masked: '****4567' })
    // Changing the number keeps the stored type: a passport number is not a 身份证.
    expect(failure(h.call(h.desk, 'guest.update', { guestId: id, fields: { documentNo: passport } })).details).toMatchObject({ issues: [{ path: 'documentNo', reason: 'resident_id_length' }] })
  })

  it('show the last four characters on the card, in the history and to duplicate checks; the whole number only through guest.document, audited', () => {
    const h = hotel()
    const { id: guestId } = ok(h.call(h.desk, 'guest.create', { nativeName: '王芳', phone: '13800138000', documentType: 'resident_id', documentNo: residentId }))
    ok(h.call(h.desk, 'guest.update', { guestId, fields: { documentType: 'passport', documentNo: passport } }))

    expect(ok(h.call(h.desk, 'guest.card', { guestId })).guest.document).toEqual({ type: 'passport', masked: '****5678' })
    const history = ok<any[]>(h.call(h.desk, 'guest.history', { guestId }))
    expect(history.filter((c) => c.field === 'document_no').map((c) => [c.oldValue, c.newValue])).toEqual([['****002X', '****5678']])
    expect(history.find((c) => c.field === 'document_type')).toMatchObject({ oldValue: 'resident_id', newValue: 'passport' })

    // Duplicate detection by document keeps working, however the number is typed, and shows it masked.
    const likely = ok<any[]>(h.call(h.desk, 'guest.possibleDuplicates', { nativeName: 'WANG Fang', documentNo: 'e1234-5678' }))
    expect(likely.map((m) => [m.guest.id, m.guest.documentNo])).toEqual([[guestId, '****5678']])

    // The whole number: roles with guest.document, each view audited without the number.
    expect(ok(h.call(h.desk, 'guest.document', { guestId }))).toEqual({ type: 'passport', number: passport })
    expect(failure(h.call(h.housekeeper, 'guest.document', { guestId })).code).toBe('FORBIDDEN')
    expect(failure(h.call(h.cook, 'guest.document', { guestId })).code).toBe('FORBIDDEN')
    const views = rows("SELECT staff_id, guest_id, detail FROM audit_log WHERE action = 'guest.document.view'")
    expect(views).toEqual([{ staff_id: h.desk.staffId, guest_id: guestId, detail: JSON.stringify({ type: 'passport' }) }])

    // Neither number, whole, anywhere but the guest row.
    const elsewhere = everywhereButTheGuestRow()
    expect(elsewhere).not.toContain(passport)
    expect(elsewhere).not.toContain(residentId)
    expect(elsewhere).not.toContain('1101051949')

    // Undo puts the other fields back, not the number (the history never held it), and says so.
    ok(h.call(h.desk, 'guest.update', { guestId, fields: { homeCity: '北京', documentNo: 'G87654321' } }))
    expect(ok(h.call(h.desk, 'guest.undo', { guestId }))).toMatchObject({ fields: ['home_city'], kept: ['document_no'] })
    expect(ok(h.call(h.desk, 'guest.document', { guestId })).number).toBe('G87654321')
  })

  it('a restricted profile’s number is refused to the front desk, and a merge preview shows only the last four', () => {
    const h = hotel()
    const { id: a } = ok(h.call(h.desk, 'guest.create', { nativeName: '王芳', documentType: 'passport', documentNo: passport }))
    const { id: b } = ok(h.call(h.desk, 'guest.create', { nativeName: '王芳', documentType: 'resident_id', documentNo: residentId }))
    const preview = ok(h.call(h.admin, 'guest.mergePreview', { survivorId: a, mergedId: b }))
    expect(preview.conflicts.find((c: any) => c.field === 'document_no')).toEqual({ field: 'document_no', survivor: '****5678', merged: '****002X' })
    expect(preview.conflicts.find((c: any) => c.field === 'document_type')).toBeUndefined()
    ok(h.call(h.admin, 'guest.merge', { survivorId: a, mergedId: b, choose: { document_no: 'merged' } }))
    expect(ok(h.call(h.admin, 'guest.document', { guestId: a }))).toEqual({ type: 'resident_id', number: residentId })
    expect(everywhereButTheGuestRow()).not.toContain(residentId)

    store.core.sqlite.prepare('UPDATE guest SET restricted = 1 WHERE id = ?').run(a)
    expect(failure(h.call(h.desk, 'guest.document', { guestId: a })).code).toBe('GUEST_RESTRICTED')
    expect(ok(h.call(h.admin, 'guest.document', { guestId: a })).number).toBe(residentId)
  })
})

describe('migration 0015 on a store written before it', () => {
  it('infers each stored number’s type, masks the history and turns held consents into records', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-0015-'))
    try {
      const file = path.join(dir, 'zhike.db')
      const before = migrations.slice(0, migrations.findIndex((m) => m.name === '0015-privacy-records'))
      const old = openSqlite({ file, migrations: before, owner: 'test' })
      const guest = old.prepare(
        "INSERT INTO guest (native_name, languages, search_key, vip, document_no, consent_sensitive, consent_marketing, created_at, updated_at) VALUES (?, '', '', 0, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')",
      )
      const valid = Number(guest.run('甲', '11010519491231002x', 0, null).lastInsertRowid)
      const spaced = Number(guest.run('乙', '440304 19900101 1233', null, 1).lastInsertRowid)
      const wrongDigit = Number(guest.run('丙', '110105194912310021', null, null).lastInsertRowid)
      const feb29 = Number(guest.run('丁', '310101200102290012', null, null).lastInsertRowid)
      const none = Number(guest.run('戊', null, null, null).lastInsertRowid)
      old
        .prepare("INSERT INTO guest_change (guest_id, batch, at, action, entity, entity_id, field, old_value, new_value) VALUES (?, 'b1', '2026-01-02T00:00:00Z', 'guest.update', 'guest', ?, 'document_no', ?, ?)")
        .run(valid, valid, 'E12345678', '11010519491231002x')
      old.close()

      const migrated = openSqlite({ file, owner: 'test' })
      const types = migrated.prepare('SELECT id, document_type, document_no FROM guest ORDER BY id').all()
      expect(types).toEqual([
        { id: valid, document_type: 'resident_id', document_no: '11010519491231002x' },
        { id: spaced, document_type: 'resident_id', document_no: '440304 19900101 1233' },
        { id: wrongDigit, document_type: 'other', document_no: '110105194912310021' },
        { id: feb29, document_type: 'other', document_no: '310101200102290012' },
        { id: none, document_type: null, document_no: null },
      ])
      expect(migrated.prepare("SELECT old_value, new_value FROM guest_change WHERE field = 'document_no'").all()).toEqual([{ old_value: '****5678', new_value: '****002x' }])
      expect(migrated.prepare('SELECT guest_id, kind, given, method, at FROM guest_consent ORDER BY guest_id, kind').all()).toEqual([
        { guest_id: valid, kind: 'sensitive', given: 0, method: 'before_records', at: '2026-02-01T00:00:00Z' },
        { guest_id: spaced, kind: 'marketing', given: 1, method: 'before_records', at: '2026-02-01T00:00:00Z' },
      ])
      migrated.close()
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
