import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { failure, ok, seedSmallHotel, tempStore, type SmallHotel } from '../fixtures/test-store'

/*
 * satisfaction.import on a real store: survey files good and bad, in English and Chinese, read
 * against real stays. A bad file names every bad row and saves nothing; a file imported twice adds
 * nothing the second time.
 */
let store: ReturnType<typeof tempStore>
let hotel: SmallHotel
let manager: Actor
let stays: { done: number; pms: number; cancelled: number; reserved: number; erased: number }

const count = () => (store.core.sqlite.prepare('SELECT COUNT(*) AS n FROM satisfaction').get() as { n: number }).n

function stay(confirmation: string, status: string, pms: string | null = null, guestName = '王芳'): number {
  const guestId = ok(hotel.call(hotel.desk, 'guest.create', { nativeName: guestName, romanName: null, phone: null, nationality: 'CN', vip: 0 })).id
  return Number(
    store.core.sqlite
      .prepare('INSERT INTO stay (confirmation_no, guest_id, arrival_date, departure_date, party_size, room_id, status, created_at, pms_confirmation) VALUES (?, ?, ?, ?, 1, NULL, ?, ?, ?)')
      .run(confirmation, guestId, '2026-01-10', '2026-01-12', status, '2026-01-01T00:00:00.000Z', pms).lastInsertRowid,
  )
}

beforeEach(() => {
  store = tempStore({ now: new Date('2026-12-01T02:00:00.000Z') })
  hotel = seedSmallHotel(store.core)
  ok(hotel.call(hotel.admin, 'staff.create', { code: 'mg01', name: 'Manager', department: 'front_office', role: 'manager', pin: '123456' }))
  manager = ok(store.core.callAs(null, 'session.signIn', { code: 'mg01', pin: '123456' })).staff
  stays = {
    done: stay('ZK-1001', 'checked_out'),
    pms: stay('ZK-1002', 'checked_out', 'OPERA-778'),
    cancelled: stay('ZK-1003', 'cancelled'),
    reserved: stay('ZK-1004', 'reserved'),
    erased: stay('ZK-1005', 'checked_out'),
  }
  store.core.sqlite.prepare("UPDATE guest SET anonymised_at = '2026-06-01T00:00:00.000Z' WHERE id = (SELECT guest_id FROM stay WHERE id = ?)").run(stays.erased)
})
afterEach(() => store.cleanup())

const importFile = (csv: string, fileName = 'survey.csv', actor: Actor = manager) => hotel.call(actor, 'satisfaction.import', { fileName, csv })

describe('satisfaction.import', () => {
  it('imports by confirmation number (Zhike\'s or the PMS\'s) and stay number, and a second import adds nothing', () => {
    const csv = `\ufeffConfirmation,Score,Comment,Date\r\nZK-1001,5,"Quiet, lovely",2026-01-13\r\nOPERA-778,3,,\r\n`
    expect(ok(importFile(csv))).toEqual({ imported: 2, alreadyImported: 0, rows: 2 })
    const rows = store.core.sqlite.prepare('SELECT stay_id, score, comment, source, import_file, recorded_by, answered_on FROM satisfaction ORDER BY id').all()
    expect(rows).toEqual([
      { stay_id: stays.done, score: 5, comment: 'Quiet, lovely', source: 'import', import_file: 'survey.csv', recorded_by: null, answered_on: '2026-01-13' },
      { stay_id: stays.pms, score: 3, comment: null, source: 'import', import_file: 'survey.csv', recorded_by: null, answered_on: null },
    ])
    // The same file again (under another name too): nothing twice.
    expect(ok(importFile(csv, 'survey (1).csv'))).toEqual({ imported: 0, alreadyImported: 2, rows: 2 })
    expect(count()).toBe(2)
    // Chinese headers, the stay number, one new answer and one already there.
    expect(ok(importFile(`入住编号,评分,评语\n${stays.done},4,早餐很好\n${stays.pms},3,\n`, '回访.csv'))).toEqual({ imported: 1, alreadyImported: 1, rows: 2 })
    expect(count()).toBe(3)
    const audit = store.core.sqlite.prepare("SELECT staff_id, detail FROM audit_log WHERE action = 'satisfaction.import' ORDER BY id").all() as { staff_id: number; detail: string }[]
    expect(audit).toHaveLength(3)
    expect(audit[0].staff_id).toBe(manager.staffId)
    expect(JSON.parse(audit[0].detail)).toMatchObject({ fileName: 'survey.csv', rows: 2, imported: 2 })
  })

  it('names every bad row with its column and what to fix, and saves nothing', () => {
    const csv = [
      'confirmation,stay,score,comment,date',
      'ZK-1001,,5,fine,', // good: still not saved
      'ZK-9999,,4,,', // no such stay
      'ZK-1003,,4,,', // cancelled
      'ZK-1004,,4,,', // not begun
      'ZK-1005,,4,,', // guest erased
      'ZK-1001,,0,,',
      'ZK-1001,,6,,',
      'ZK-1001,,3.5,,',
      'ZK-1001,,good,,',
      `ZK-1001,${stays.pms},4,,`, // the two numbers disagree
      ',99999,4,,', // no such stay number
      'ZK-1001,,4,,2026-01-01', // before the stay began
      'ZK-1001,,4,,2026-12-25', // after today
    ].join('\n')
    const e = failure(importFile(csv))
    expect(e.code).toBe('VALIDATION')
    const issues = e.details?.issues as { path: string; message: string }[]
    expect(issues.map((i) => i.path)).toEqual([
      'row 3: confirmation',
      'row 4: confirmation',
      'row 5: confirmation',
      'row 6: confirmation',
      'row 7: score',
      'row 8: score',
      'row 9: score',
      'row 10: score',
      'row 11: stay',
      'row 12: stay',
      'row 13: date',
      'row 14: date',
    ])
    expect(issues[0].message).toBe('No stay has the confirmation number "ZK-9999"; check the number.')
    expect(issues[1].message).toMatch(/cancelled/)
    expect(issues[6].message).toBe('"3.5" is not a score; give a whole number from 1 to 5.')
    expect(e.message).toMatch(/^12 problems in survey\.csv; nothing was imported\./)
    expect(count()).toBe(0)
    expect(store.core.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'satisfaction.import'").get()).toEqual({ n: 0 })
  })

  it('refuses a file over 2 MB, a file with no score column, and callers who are not managers', () => {
    const big = `confirmation,score,comment\n${`ZK-1001,5,${'很'.repeat(300)}\n`.repeat(2400)}`
    const e = failure(importFile(big))
    expect(e.code).toBe('VALIDATION')
    expect((e.details?.issues as { path: string; message: string }[])[0]).toEqual({ path: 'csv', message: 'A survey file may be at most 2 MB; split it into smaller files.' })
    const noScore = failure(importFile('confirmation,comment\nZK-1001,ok\n'))
    expect((noScore.details?.issues as { path: string }[]).map((i) => i.path)).toEqual(['row 1: score'])
    expect(failure(importFile('confirmation,score\nZK-1001,5\n', 'a.csv', hotel.desk)).code).toBe('FORBIDDEN')
    expect(count()).toBe(0)
  })
})
