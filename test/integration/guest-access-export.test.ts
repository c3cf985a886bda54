import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { existingExportJobs } from '../../electron/core/exports/export-jobs'
import { dayAfter, failure, localToday, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

// The right of access (issue 12): one JSON file with everything about one guest, written by the
// export machinery (a worker thread opening the store read-only), downloaded like any export.

// The export starts a worker thread that loads the writer through tsx: seconds on a busy machine.
vi.setConfig({ testTimeout: 90_000 })

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let relations: Actor
let guestId: number
let stayId: number

beforeAll(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'gr01', name: 'Relations', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
  relations = ok(store.core.callAs(null, 'session.signIn', { code: 'gr01', pin: '1234' })).staff
  guestId = ok<{ id: number }>(
    hotel.call(hotel.desk, 'guest.create', { nativeName: '孟清和', romanName: 'MENG Qinghe', phone: '+86 139 8765 4321', email: 'qinghe@example.cn', documentType: 'other', documentNo: 'QH55667788', nationality: 'CN', vip: 1 }),
  ).id
  ok(hotel.call(hotel.desk, 'preference.add', { guestId, category: 'food', code: 'cuisine', value: 'sichuan', note: 'Loves mapo tofu' }))
  ok(hotel.call(hotel.desk, 'guest.update', { guestId, fields: { company: '清和茶业' } }))
  const today = localToday()
  stayId = ok(hotel.call(hotel.desk, 'stay.reserve', { guestId, arrival: today, departure: dayAfter(today, 1), party: 1 })).stayId
  ok(hotel.call(hotel.desk, 'stay.checkIn', { stayId, roomNumber: '1001' }))
  ok(hotel.call(hotel.desk, 'observation.record', { guestId, text: 'Asked for a second kettle', requireInHouse: false }))
  ok(hotel.call(hotel.desk, 'guest.card', { guestId }))
})

afterAll(async () => {
  await existingExportJobs(store.core.sqlite)?.stopAll()
  store.cleanup()
})

describe('a guest\'s access export', () => {
  it('is for guest relations, managers and administrators only', () => {
    expect(failure(hotel.call(hotel.desk, 'guest.accessExport', { guestId })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(hotel.housekeeper, 'guest.accessExport', { guestId })).code).toBe('FORBIDDEN')
    expect(failure(hotel.call(relations, 'guest.accessExport', { guestId: 999 })).code).toBe('NOT_FOUND')
  })

  it('writes one JSON file with the profile, document, preferences, stays, observations, prompts, history and audit rows', async () => {
    const started = ok(hotel.call(relations, 'guest.accessExport', { guestId, lang: 'zh-CN' }))
    expect(started.job.kind).toBe('guest-access.json')
    await existingExportJobs(store.core.sqlite)!.settled()
    const job = ok(hotel.call(relations, 'guest.accessExportStatus', { jobId: started.jobId }))
    expect(job).toMatchObject({ state: 'done', guests: 1, downloadPath: `/api/exports/${started.jobId}/file` })
    expect(job.fileName).toMatch(/^guest-access-\d{4}-\d{2}-\d{2}\.json$/)
    // Downloaded as any export is (the hub's route and the desktop's save dialog read this).
    const file = existingExportJobs(store.core.sqlite)!.file(relations, started.jobId)
    expect(path.dirname(file.path)).toBe(path.join(store.dir, 'exports'))
    expect(file.contentType).toMatch(/^application\/json/)
    const data = JSON.parse(fs.readFileSync(file.path, 'utf8'))
    expect(data).toMatchObject({ format: 'zhike.guest-access', version: 1, guestId })
    expect(data.guest).toMatchObject({ id: guestId, native_name: '孟清和', roman_name: 'MENG Qinghe', email: 'qinghe@example.cn', document_no: 'QH55667788', company: '清和茶业' })
    expect(data.preferences).toEqual([expect.objectContaining({ category: 'food', code: 'cuisine', value: 'sichuan', note: 'Loves mapo tofu' })])
    expect(data.stays).toEqual([expect.objectContaining({ id: stayId, status: 'in_house', room_number: '1001' })])
    expect(data.stays[0].events.length).toBeGreaterThan(0)
    expect(data.observations).toEqual([expect.objectContaining({ text: 'Asked for a second kettle' })])
    expect(data.prompts.length).toBeGreaterThan(0)
    expect(data.changeHistory.map((c: { field: string }) => c.field)).toContain('company')
    expect(data.audit.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['guest.view', 'guest.accessExport']))
    // The guest's own file holds no other guest.
    expect(JSON.stringify(data)).not.toContain('何家俊')
  })

  it('is audited, and another staff member cannot read its status or file', async () => {
    const rows = store.core.sqlite.prepare("SELECT guest_id, staff_id FROM audit_log WHERE action = 'guest.accessExport'").all()
    expect(rows).toEqual([{ guest_id: guestId, staff_id: relations.staffId }])
    const { jobId } = ok(hotel.call(relations, 'guest.accessExport', { guestId }))
    await existingExportJobs(store.core.sqlite)!.settled()
    ok(hotel.call(hotel.admin, 'staff.create', { code: 'gr02', name: 'Relations 2', department: 'guest_relations', role: 'guest_relations', pin: '1234' }))
    const other = ok(store.core.callAs(null, 'session.signIn', { code: 'gr02', pin: '1234' })).staff
    expect(failure(hotel.call(other, 'guest.accessExportStatus', { jobId })).code).toBe('NOT_FOUND')
  })
})
