import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { existingExportJobs } from '../../electron/core/exports/export-jobs'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'
import { loopbackHub, type LoopbackHub } from '../fixtures/loopback-hub'

// Guest-list filters and export downloads against bad input (issue 11, attack findings): a filter
// list far longer than any real one is refused by its own field with what to do, and any export
// id that is not one of yours, however long, is "no such export" (404), never "use POST" (405).

let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let manager: Actor

beforeAll(() => {
  store = tempStore()
  hotel = seedSmallHotel(store.core)
  ok(store.core.callAs(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  manager = ok(store.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
  ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '单雪松', romanName: 'SHAN Xuesong', nationality: 'CN', vip: 2 }))
  ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '林美华', romanName: 'LIN Meihua', nationality: 'SG', vip: 0 }))
})
afterAll(async () => {
  await existingExportJobs(store.core.sqlite)?.stopAll()
  store.cleanup()
})

const columns = ['nativeName']
const issues = (error: { details?: Record<string, unknown> }) => error.details?.issues as { path: string; message: string }[]
const preview = (filter: Record<string, unknown>) => store.core.callAs(manager, 'guestList.preview', { filter, columns })
const start = (filter: Record<string, unknown>) => store.core.callAs(manager, 'export.start', { kind: 'guest-list.csv', params: { filter, columns } })

describe('a guest-list filter with more values than any list needs', () => {
  it('refuses 5,000 nationalities by the field, saying the limit, in the preview and in export.start', () => {
    const many = { nationalities: Array.from({ length: 5000 }, () => 'CN') }
    const refused = failure(preview(many))
    expect(refused.code).toBe('VALIDATION')
    expect(issues(refused)).toEqual([{ path: 'filter.nationalities', message: expect.stringContaining('at most 300 nationalities') }])
    const exported = failure(start(many))
    expect(exported.code).toBe('VALIDATION')
    expect(issues(exported).map((i) => i.path)).toEqual(['params.filter.nationalities'])
    expect(exported.message).toContain('at most 300 nationalities')
    // 300 distinct-looking codes are fine, and a code given twice counts once.
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    const threeHundred = [...Array.from({ length: 299 }, (_, i) => `${letters[Math.floor(i / 26)]}${letters[i % 26]}`), 'SG']
    expect(ok(preview({ nationalities: threeHundred })).rows.map((r: string[]) => r[0]).sort()).toEqual(['单雪松', '林美华'].sort())
    expect(ok(preview({ nationalities: ['SG', 'SG'] })).rows).toEqual([['林美华']])
  })

  it('takes VIP levels 0–3 each once, and refuses more, a repeat or a level out of range by the field', () => {
    expect(ok(preview({ vip: [0, 1, 2, 3] })).rows).toHaveLength(2)
    for (const vip of [Array.from({ length: 5000 }, (_, i) => i), [2, 2], [4], [-1], [1.5]]) {
      const refused = failure(start({ vip }))
      expect(refused.code, JSON.stringify(vip.slice(0, 3))).toBe('VALIDATION')
      expect(issues(refused)[0].path).toMatch(/^params\.filter\.vip(\.\d+)?$/)
      expect(issues(refused)[0].message).toMatch(/0 \(none\) to 3/)
    }
  })

  it('refuses more than 20 preference conditions by the field', () => {
    const calligraphy = { category: 'interest', code: 'hobby', value: 'calligraphy' }
    expect(ok(preview({ preferences: Array.from({ length: 20 }, () => calligraphy) })).rows).toEqual([])
    const refused = failure(start({ preferences: Array.from({ length: 21 }, () => calligraphy) }))
    expect(issues(refused)).toEqual([{ path: 'params.filter.preferences', message: expect.stringContaining('at most 20 preferences') }])
  })
})

describe('downloading an export by an id that is not one', () => {
  let hub: LoopbackHub
  let base: string
  beforeAll(async () => {
    hub = await loopbackHub(store.core, store.dir)
    base = hub.base
  })
  afterAll(() => hub.close())

  it('answers 404 NOT_FOUND for an unknown id, short or 5,000 characters long', async () => {
    const signIn = await fetch(`${base}/api/session.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'mg01', pin: '123456' }) })
    expect(signIn.status).toBe(200)
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]
    for (const id of ['nope', 'x'.repeat(5000), '%E5%8D%95'.repeat(500)]) {
      const response = await fetch(`${base}/api/exports/${id}/file`, { headers: { cookie } })
      const body = (await response.json()) as { ok: boolean; error: { code: string } }
      expect(response.status, id.slice(0, 10)).toBe(404)
      expect(body.error.code).toBe('NOT_FOUND')
    }
    // Signed out, the long id is still asked to sign in first, not told to use POST.
    const anonymous = await fetch(`${base}/api/exports/${'x'.repeat(5000)}/file`)
    await anonymous.arrayBuffer()
    expect(anonymous.status).toBe(401)
  })
})
