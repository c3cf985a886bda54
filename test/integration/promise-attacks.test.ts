import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../electron/core/core'
import { businessDateKey, putClockSetting } from '../../electron/core/hotel-clock'
import { createHub } from '../../electron/hub/server'
import { hubBase, postOperation, sessionCookie } from '../fixtures/hub-client'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/*
 * Issue 10 attacked as a careless or hostile manager would: each refusal must name the field and
 * say what to fix (VALIDATION), never INTERNAL or a 500, and nothing already saved may change.
 */

let core: Core
let hotel: SmallHotel
let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-attack-'))
  const now = new Date('2026-12-01T06:00:00Z')
  core = createCore({ file: path.join(dir, 'zhike.db'), clock: { now: () => new Date(now) }, logError: () => {} })
  hotel = seedSmallHotel(core)
  ok(hotel.call(hotel.admin, 'hotel.setClock', { timeZone: 'Asia/Shanghai', nightAuditTime: '04:00' }))
})
afterEach(() => {
  core.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const rule = { trigger: 'check_in', department: 'housekeeping', dueMinutes: 30, template: { en: 'Turn down the bed for {guest}.', zh: '为{guest}开夜床。' } }
const ruleCount = () => ok<unknown[]>(hotel.call(hotel.admin, 'rule.list', {})).length
const issuePaths = (error: { details?: Record<string, unknown> }) => ((error.details?.issues ?? []) as { path: string }[]).map((i) => i.path)

describe('report.promises', () => {
  it('refuses a year past what dates can hold at once, naming the date (it used to count days for minutes, then fail INTERNAL)', { timeout: 20_000 }, () => {
    const started = Date.now()
    const error = failure(hotel.call(hotel.admin, 'report.promises', { from: '9999-12-30', to: '9999-12-31' }))
    expect(error.code).toBe('VALIDATION')
    expect(issuePaths(error)).toContain('from')
    expect(error.message).toMatch(/between 1900-01-01 and 2999-12-31/)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})

describe('hotel.setClock', () => {
  it.each([
    ['before the scheduler has pinned the business date', false],
    ['with the business date pinned, as the scheduler does at start', true],
  ])('moving the audit time earlier after midnight does not skip the pending audit (%s): the day is closed and its no-shows marked', (_, pinned) => {
    let now = new Date('2026-12-01T06:00:00Z')
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-attack-clock-'))
    const c = createCore({ file: path.join(d, 'zhike.db'), clock: { now: () => new Date(now) }, logError: () => {} })
    try {
      const h = seedSmallHotel(c)
      ok(h.call(h.admin, 'hotel.setClock', { timeZone: 'Asia/Shanghai', nightAuditTime: '04:00' }))
      const { id: guestId } = ok<{ id: number }>(h.call(h.desk, 'guest.create', { nativeName: '周敏', phone: null }))
      const { stayId } = ok<{ stayId: number }>(h.call(h.desk, 'stay.reserve', { guestId, arrival: '2026-12-01', departure: '2026-12-03', party: 1 }))
      if (pinned) putClockSetting(c.sqlite, businessDateKey, '2026-12-01')
      // 03:30 on 12-02 in Shanghai: business date 12-01, its audit due at 04:00. The manager moves it to 03:00.
      now = new Date('2026-12-01T19:30:00Z')
      const clock = ok<{ businessDate: string }>(h.call(h.admin, 'hotel.setClock', { nightAuditTime: '03:00' }))
      expect(clock.businessDate).toBe('2026-12-01')
      const report = ok<{ businessDate: string; newBusinessDate: string; noShows: { stayId: number }[] }>(h.call(h.admin, 'nightAudit.run', {}))
      expect(report).toMatchObject({ businessDate: '2026-12-01', newBusinessDate: '2026-12-02' })
      expect(report.noShows.map((l) => l.stayId)).toEqual([stayId])
      expect((c.sqlite.prepare('SELECT status FROM stay WHERE id = ?').get(stayId) as { status: string }).status).toBe('no_show')
    } finally {
      c.close()
      fs.rmSync(d, { recursive: true, force: true })
    }
  })
})

describe('rule.create and rule.update', () => {
  it('refuse a misspelt field by its name instead of saving the rule without it', () => {
    const before = ruleCount()
    // "ackMinute" for ackMinutes: silently dropped, the rule would take the department's promise.
    const error = failure(hotel.call(hotel.admin, 'rule.create', { ...rule, ackMinute: 5 }))
    expect(error.code).toBe('VALIDATION')
    expect(issuePaths(error)).toEqual(['ackMinute'])
    expect(error.message).toMatch(/^ackMinute: There is no field "ackMinute"/)
    expect(ruleCount()).toBe(before)

    const templateTypo = failure(hotel.call(hotel.admin, 'rule.create', { ...rule, template: { ...rule.template, zh_CN: '开夜床' } }))
    expect(issuePaths(templateTypo)).toEqual(['template.zh_CN'])
    expect(ruleCount()).toBe(before)
  })

  it('an update with an unknown field changes nothing', () => {
    const { id } = ok<{ id: number }>(hotel.call(hotel.admin, 'rule.create', { ...rule, priority: 'normal' }))
    const error = failure(hotel.call(hotel.admin, 'rule.update', { ...rule, id, priority: 'urgent', active: false }))
    expect(error.code).toBe('VALIDATION')
    expect(issuePaths(error)).toEqual(['active'])
    const stored = ok<{ id: number; priority: string; active: boolean }[]>(hotel.call(hotel.admin, 'rule.list', {})).find((r) => r.id === id)
    expect(stored).toMatchObject({ priority: 'normal', active: true })
  })

  it('refuse a language or a strength named twice, as they refuse a country named twice', () => {
    const before = ruleCount()
    const languages = failure(hotel.call(hotel.admin, 'rule.create', { ...rule, conditions: { languages: ['ja', 'ja'] } }))
    expect(languages.code).toBe('VALIDATION')
    expect(issuePaths(languages)).toEqual(['conditions.languages'])
    const strengths = failure(
      hotel.call(hotel.admin, 'rule.create', { ...rule, category: 'food', code: 'cuisine', polarity: 'unwanted', conditions: { strengths: ['avoid', 'avoid'] } }),
    )
    expect(issuePaths(strengths)).toEqual(['conditions.strengths'])
    expect(ruleCount()).toBe(before)
  })
})

describe('over the hub', () => {
  let store: ReturnType<typeof tempStore>
  let app: FastifyInstance
  let base: string
  let cookie: string
  beforeAll(async () => {
    store = tempStore({ now: new Date('2026-12-01T06:00:00Z') })
    seedSmallHotel(store.core)
    app = await createHub({ core: store.core, rendererDir: store.dir })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = hubBase(app)
    cookie = sessionCookie(await postOperation(base, 'session.signIn', { code: 'ad01', pin: '123456' }))
  })
  afterAll(async () => {
    await app.close()
    store.cleanup()
  })
  const post = (name: string, body: unknown) => postOperation(base, name, body, { headers: { cookie } })

  it('a report for the year 9999 is a 400 naming the date, answered at once, not a request held for minutes and a 500', { timeout: 20_000 }, async () => {
    const answer = await post('report.promises', { from: '9999-12-01', to: '9999-12-31' })
    expect(answer.status).toBe(400)
    expect(answer.json.error.code).toBe('VALIDATION')
    expect(answer.json.error.details.issues.map((i: { path: string }) => i.path)).toContain('from')
  })

  it('a rule with a misspelt field is a 400 naming it, and no rule is saved', async () => {
    const before = (await post('rule.list', {})).json.value.length
    const answer = await post('rule.create', { ...rule, dueMinute: 30 })
    expect(answer.status).toBe(400)
    expect(answer.json.error.code).toBe('VALIDATION')
    expect(answer.json.error.details.issues.map((i: { path: string }) => i.path)).toEqual(['dueMinute'])
    expect((await post('rule.list', {})).json.value.length).toBe(before)
  })
})
