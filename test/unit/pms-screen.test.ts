import fs from 'node:fs'
import i18next, { type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { readReportFile } from '../../electron/core/pms/report-file'
import { reportFields, reportKinds, suggestMapping, validateReport } from '../../electron/core/pms/report-mapping'
import { importCounts } from '../../src/features/pms/import-counts'
import { problemText } from '../../src/features/pms/problem-text'
import { reportKindOptions, screenFields } from '../../src/features/pms/report-fields'
import { messages } from '../../src/i18n/messages'

function translator(language: 'en' | 'zh-CN'): TFunction {
  const i18n = i18next.createInstance()
  void i18n.init({ lng: language, resources: { [language]: { translation: messages[language] } }, interpolation: { escapeValue: false }, initImmediate: false })
  return i18n.t.bind(i18n) as TFunction
}

describe('the import screen', () => {
  it('lists the same fields as core, required ones marked', () => {
    expect(reportKindOptions).toEqual(reportKinds)
    for (const kind of reportKinds) expect(screenFields(kind), kind).toEqual(reportFields(kind))
  })

  it('names every field and every problem code core can give, in both languages', () => {
    // Every code written in core's report checks (as 'code' literals), so a new one cannot go untranslated.
    const sources = fs.readdirSync('electron/core/pms').map((f) => fs.readFileSync(`electron/core/pms/${f}`, 'utf8')).join('\n')
    const patterns = [/\.(?:error|warn)\(\s*'\w+',\s*'([a-z_]+)'/g, /\.add\([^,]+,[^,]+,[^,]+,\s*'([a-z_]+)'/g, /code: '([a-z_]+)'/g]
    const codes = new Set(patterns.flatMap((p) => [...sources.matchAll(p)].map((m) => m[1])).filter((c) => c !== 'custom'))
    // Codes passed on from a parser rather than written out.
    for (const c of ['bad_date', 'ambiguous_date']) codes.add(c)
    expect(codes.size).toBeGreaterThan(25)
    codes.add('more_errors')
    for (const language of ['en', 'zh-CN'] as const) {
      const pms = (messages[language] as { pms: { problems: Record<string, string>; fields: Record<string, string> } }).pms
      for (const kind of reportKinds) for (const f of reportFields(kind)) expect(pms.fields[f.name], `${language} field ${f.name}`).toBeTruthy()
      expect([...codes].filter((c) => !pms.problems[c] && !(c in pms.fields)), `${language} problem codes`).toEqual([])
    }
  })

  it('says each problem of a bad OPERA file by line, in English and Chinese', async () => {
    const file = await readReportFile(new Uint8Array(fs.readFileSync('test/fixtures/pms/opera-arrivals-bad.csv')), 'opera-arrivals-bad.csv')
    const { errors } = validateReport('arrivals', suggestMapping('arrivals', file.headers).mapping, file)
    expect(errors.map((e) => problemText(translator('en'), e))).toEqual([
      'Line 3 · Arrival date: “31-NOV-26” is not a date.',
      'Line 4 · Status: “WAITLIST” is not a status Zhike knows (booked, in house, checked out, cancelled, no-show).',
      'Line 4 · Arrival time: “25:00” is not a time such as 14:30, 2:30 PM or 1430.',
      'Line 5 · Confirmation no.: confirmation “48213377” is listed twice in this file.',
    ])
    expect(problemText(translator('zh-CN'), errors[0])).toBe('第 3 行 · 到达日期：“31-NOV-26”不是日期。')
  })

  it('falls back to core\'s English message for a code it does not know yet', () => {
    expect(problemText(translator('en'), { line: 9, code: 'brand_new', message: 'Line 9: something new.' })).toBe('Line 9: something new.')
  })

  it('lists what an import did, zeros left out, known events translated', () => {
    const counts = importCounts(translator('zh-CN'), { events: { reservation: 3, check_in: 0, room_move: 1, mystery: 2 }, unmatched: 1, roomsUpdated: 0 })
    expect(counts.map((c) => [c.label, c.count])).toEqual([['新预订', 3], ['换房', 1], ['mystery', 2], ['待宾客关系关联或新建的到店客人', 1]])
  })
})
