import { describe, expect, it } from 'vitest'
import { columnOf, readSatisfactionCsv, recordKey } from '../../electron/core/recovery/satisfaction-import'

const today = '2026-12-01'
const paths = (csv: string) => readSatisfactionCsv(csv, today).issues.map((i) => i.path)

describe('satisfaction survey files', () => {
  it('reads English headers, a BOM and CRLF line ends', () => {
    const { rows, issues } = readSatisfactionCsv('\ufeffConfirmation,Score,Comment,Date\r\nZK-1001,5,"Quiet, lovely room",2026-11-30\r\nZK-1002,2,,\r\n', today)
    expect(issues).toEqual([])
    expect(rows).toEqual([
      { row: 2, confirmation: 'ZK-1001', stayId: null, score: 5, comment: 'Quiet, lovely room', date: '2026-11-30' },
      { row: 3, confirmation: 'ZK-1002', stayId: null, score: 2, comment: null, date: null },
    ])
  })

  it('reads Chinese headers in any order, a stay number instead of a confirmation, and skips blank lines', () => {
    const { rows, issues } = readSatisfactionCsv('评分,评语,入住编号\n4,很好,17\n\n3,一般,18\n', today)
    expect(issues).toEqual([])
    expect(rows.map((r) => [r.row, r.stayId, r.score, r.comment])).toEqual([
      [2, 17, 4, '很好'],
      [4, 18, 3, '一般'],
    ])
    expect(columnOf(' Confirmation No. ')).toBe('confirmation')
    expect(columnOf('确认号')).toBe('confirmation')
  })

  it('refuses a score of 0, 6, 3.5 or "good", naming each row and column', () => {
    const { rows, issues } = readSatisfactionCsv('confirmation,score\nA,0\nB,6\nC,3.5\nD,good\nE,\nF,4\n', today)
    expect(issues.map((i) => i.path)).toEqual(['row 2: score', 'row 3: score', 'row 4: score', 'row 5: score', 'row 6: score'])
    expect(issues[2].message).toContain('"3.5" is not a score; give a whole number from 1 to 5')
    expect(rows.map((r) => r.confirmation)).toEqual(['F'])
  })

  it('names a row without a stay, a bad stay number, a bad or future date and a long comment', () => {
    const long = 'x'.repeat(1001)
    expect(paths(`confirmation,stay,score,comment,date\n,,4,,\n,abc,4,,\nA,,4,,30/11/2026\nB,,4,,2026-02-30\nC,,4,,2026-12-02\nD,,4,${long},\n`)).toEqual([
      'row 2: confirmation',
      'row 3: stay',
      'row 4: date',
      'row 5: date',
      'row 6: date',
      'row 7: comment',
    ])
  })

  it('refuses a file without the columns it needs, an empty file and a header alone', () => {
    expect(paths('name,rating\nx,4\n')).toEqual(['row 1: confirmation'])
    expect(paths('confirmation,comment\nA,ok\n')).toEqual(['row 1: score'])
    expect(paths('score,score,stay\n1,2,3\n')).toEqual(['row 1: score'])
    expect(paths('')).toEqual(['file'])
    expect(paths('\ufeff\r\n')).toEqual(['file'])
    expect(paths('confirmation,score\r\n')).toEqual(['file'])
    expect(paths('confirmation,score\n"A,4\n')).toEqual(['file'])
  })

  it('reads semicolon- and tab-separated files too', () => {
    expect(readSatisfactionCsv('confirmation;score\nA;4\n', today).rows).toHaveLength(1)
    expect(readSatisfactionCsv('confirmation\tscore\nA\t4\n', today).rows).toHaveLength(1)
  })

  it('makes the same answer the same record', () => {
    expect(recordKey({ stayId: 1, score: 4, comment: null, date: null })).toBe(recordKey({ stayId: 1, score: 4, comment: null, date: null }))
    expect(recordKey({ stayId: 1, score: 4, comment: 'a', date: null })).not.toBe(recordKey({ stayId: 1, score: 4, comment: null, date: null }))
  })
})

describe('a refused survey file on screen', () => {
  it('names the row and column and says what to fix in both languages, every problem core names having words', async () => {
    const { createInstance } = await import('i18next')
    const { messages } = await import('../../src/i18n/messages')
    const { issueLine } = await import('../../src/features/satisfaction-import/satisfaction-import-view')
    const i18n = createInstance()
    await i18n.init({ lng: 'en', resources: { en: { translation: messages.en }, 'zh-CN': { translation: messages['zh-CN'] } }, interpolation: { escapeValue: false } })
    const { issues } = readSatisfactionCsv('confirmation,score\nA,3.5\n', today)
    expect(issueLine(i18n.t, issues[0])).toEqual({ where: 'Row 2 · score', what: '"3.5" is not a score; give a whole number from 1 to 5.' })
    await i18n.changeLanguage('zh-CN')
    expect(issueLine(i18n.t, issues[0])).toEqual({ where: '第2行 · 评分', what: '“3.5”不是有效评分；请填写1至5的整数。' })
    expect(issueLine(i18n.t, { path: 'file', message: 'x', row: null, column: null, problem: 'noRows', params: {} }).where).toBe('整个文件')
    // Every problem the import can name has a sentence in both languages.
    const fs = await import('node:fs')
    const source = ['satisfaction-import.ts', 'satisfaction-import.operations.ts'].map((f) => fs.readFileSync(new URL(`../../electron/core/recovery/${f}`, import.meta.url), 'utf8')).join('\n')
    const problems = [...source.matchAll(/issue\([^,]+, [^,]+, '(\w+)'/g), ...source.matchAll(/problem: '(\w+)'/g)].map((m) => m[1])
    expect(problems.length).toBeGreaterThan(20)
    for (const language of ['en', 'zh-CN'] as const) {
      const words = (messages[language] as { satisfactionImport: { problem: Record<string, string> } }).satisfactionImport.problem
      for (const problem of problems) expect(words[problem], `${language}: ${problem}`).toBeTruthy()
    }
  })
})
