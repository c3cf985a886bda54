import fs from 'node:fs'
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../electron/core/errors'
import { readReportFile } from '../../electron/core/pms/report-file'

const utf8 = (text: string) => new TextEncoder().encode(text)
const fixture = (name: string) => new Uint8Array(fs.readFileSync(`test/fixtures/pms/${name}`))

async function refusal(bytes: Uint8Array, name = 'report.csv'): Promise<{ code: string; reason: unknown; message: string }> {
  try {
    await readReportFile(bytes, name)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    const e = error as AppError
    return { code: e.code, reason: e.details?.reason, message: e.message }
  }
  throw new Error('the file was read')
}

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  build(book.addWorksheet('Report'))
  return new Uint8Array(await book.xlsx.writeBuffer())
}

describe('readReportFile: CSV', () => {
  it('reads UTF-8 with a BOM: the first header is "Conf No", not "\\ufeffConf No"', async () => {
    const file = await readReportFile(utf8('\ufeffConf No,Name\n123,ZHANG/WEI MR\n'), 'arrivals.csv')
    expect(file.headers).toEqual(['Conf No', 'Name'])
    expect(file.rows).toEqual([{ line: 2, cells: ['123', 'ZHANG/WEI MR'] }])
  })

  it('reads a GBK (GB18030) export of a Chinese PMS, title lines and all', async () => {
    const file = await readReportFile(fixture('foxhis-inhouse-gbk.csv'), 'foxhis-inhouse.csv')
    expect(file.headerLine).toBe(3)
    expect(file.headers.slice(0, 4)).toEqual(['房号', '房类', '姓名', '预订号'])
    expect(file.rows[0]).toEqual({ line: 4, cells: expect.arrayContaining(['1208', '张伟先生', '李娜、王芳']) })
    expect(file.rows.map((r) => r.line)).toEqual([4, 5, 6])
  })

  it('sniffs semicolons and tabs, and keeps a comma inside a name', async () => {
    const semicolon = await readReportFile(utf8('Conf No;Name;Arrival\n1;Kowalska, Anna;2026-12-01\n'), 'r.csv')
    expect(semicolon.rows[0].cells).toEqual(['1', 'Kowalska, Anna', '2026-12-01'])
    const tab = await readReportFile(utf8('Conf No\tName\n1\tKowalska, Anna\n'), 'r.txt')
    expect(tab.rows[0].cells).toEqual(['1', 'Kowalska, Anna'])
  })

  it('skips title lines above the header and counts lines as Excel shows them', async () => {
    const text = 'Arrivals Report, 01-DEC-2026\nPrinted by OPERA,07:00\n\nConf No,Name,Arrival,Departure\n1,"ZHANG/WEI MR",01-DEC-26,04-DEC-26\n\n2,"A\nB",01-DEC-26,02-DEC-26\n3,C,01-DEC-26,02-DEC-26\n'
    const file = await readReportFile(utf8(text), 'arrivals.csv')
    expect(file.headerLine).toBe(4)
    // Line 7 holds a line break inside quotes: Excel shows it as one row, so the next is row 8.
    expect(file.rows.map((r) => [r.line, r.cells[0]])).toEqual([[5, '1'], [7, '2'], [8, '3']])
    expect(file.rows[1].cells[1]).toBe('A\nB')
  })

  it('reads UTF-16 with a BOM (Excel\'s "Unicode text")', async () => {
    const text = '\ufeffConf No\tName\n7\t张伟\n'
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'))
    const file = await readReportFile(bytes, 'r.txt')
    expect(file.rows[0].cells).toEqual(['7', '张伟'])
  })

  it('drops a card column unread and removes card numbers from every other cell', async () => {
    const file = await readReportFile(fixture('opera-arrivals-0700.csv'), 'opera-arrivals-0700.csv')
    expect(file.headers).not.toContain('Credit Card')
    expect(file.ignoredColumns).toEqual(['Credit Card'])
    const everything = JSON.stringify(file)
    expect(everything).not.toContain('4111')
    expect(everything).toContain('card on file [card removed]')
  })

  it('makes repeated headers unique, so each can be mapped', async () => {
    const file = await readReportFile(utf8('Name,Name,Room\nA,B,1\n'), 'r.csv')
    expect(file.headers).toEqual(['Name', 'Name (2)', 'Room'])
  })
})

describe('readReportFile: XLSX', () => {
  it('reads dates as ISO dates, times as HH:MM and numbers without ".0"', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['在住客人报表'])
      sheet.addRow([])
      sheet.addRow(['房号', '姓名', '到达日期', '预计到达', '人数', '房价'])
      sheet.addRow([1208, '张伟', new Date(Date.UTC(2026, 11, 1)), new Date(Date.UTC(1899, 11, 30, 14, 30)), 2, 688.5])
      sheet.addRow([905, { richText: [{ text: 'KOWALSKA/' }, { text: 'ANNA' }] }, new Date(Date.UTC(2026, 11, 2, 9, 15)), null, 1.0, 0.1 + 0.2])
    })
    const file = await readReportFile(bytes, 'foxhis-inhouse.xlsx')
    expect(file.headerLine).toBe(3)
    expect(file.headers).toEqual(['房号', '姓名', '到达日期', '预计到达', '人数', '房价'])
    expect(file.rows).toEqual([
      { line: 4, cells: ['1208', '张伟', '2026-12-01', '14:30', '2', '688.5'] },
      { line: 5, cells: ['905', 'KOWALSKA/ANNA', '2026-12-02 09:15', '', '1', '0.3'] },
    ])
  })

  it('is recognised by its bytes even when named .csv, and reads formula results', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['Conf No', 'Adults', 'Children', 'Party'])
      sheet.addRow(['A1', 2, 1, { formula: 'B2+C2', result: 3 }])
    })
    const file = await readReportFile(bytes, 'export.csv')
    expect(file.rows[0].cells).toEqual(['A1', '2', '1', '3'])
  })

  it('removes a card number typed into a workbook cell', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['Conf No', 'Comments', 'CC No'])
      sheet.addRow(['A1', 'Guarantee 5555-5555-5555-4444 exp 12/28', '5555555555554444'])
    })
    const file = await readReportFile(bytes, 'r.xlsx')
    expect(file.headers).toEqual(['Conf No', 'Comments'])
    expect(file.rows[0].cells).toEqual(['A1', 'Guarantee [card removed] exp 12/28'])
  })
})

describe('readReportFile: refusals say what to fix', () => {
  it('refuses an empty file', async () => {
    expect(await refusal(new Uint8Array())).toMatchObject({ code: 'REPORT_FILE', reason: 'empty' })
    expect(await refusal(utf8('\ufeff\n\n ,, \n'))).toMatchObject({ code: 'REPORT_FILE', reason: 'empty' })
  })

  it('refuses a file without a header row in its first 11 rows', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Title line ${i}`).join('\n') + '\nConf No,Name\n1,A\n'
    const r = await refusal(utf8(lines))
    expect(r).toMatchObject({ code: 'REPORT_FILE', reason: 'no_header' })
    expect(r.message).toMatch(/row of column names/)
  })

  it('refuses files over 10 MB', async () => {
    const r = await refusal(new Uint8Array(10 * 1024 * 1024 + 1).fill(65))
    expect(r).toMatchObject({ reason: 'too_large' })
    expect(r.message).toMatch(/up to 10 MB/)
  })

  it('refuses more than 50,000 rows', async () => {
    const text = 'Conf No,Name\n' + Array.from({ length: 50_001 }, (_, i) => `${i},N`).join('\n')
    expect(await refusal(utf8(text))).toMatchObject({ reason: 'too_many_rows' })
    const fine = await readReportFile(utf8('Conf No,Name\n' + Array.from({ length: 50_000 }, (_, i) => `${i},N`).join('\n')), 'r.csv')
    expect(fine.rows).toHaveLength(50_000)
  })

  it('refuses an old .xls, a damaged workbook and a quote left open', async () => {
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'r.xls')).toMatchObject({ reason: 'unreadable' })
    expect(await refusal(utf8('PK\u0003\u0004 not really a zip'), 'r.xlsx')).toMatchObject({ reason: 'unreadable' })
    expect(await refusal(utf8('Conf No,Name\n1,Anna\n'), 'r.xlsx')).toMatchObject({ reason: 'unreadable' })
    expect(await refusal(utf8('Conf No,Name\n1,"Anna\n'))).toMatchObject({ reason: 'unreadable' })
  })

  it('never throws anything but REPORT_FILE, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('r.csv', 'r.xlsx', 'r.txt'), async (bytes, name) => {
        try {
          const file = await readReportFile(bytes, name)
          expect(file.rows.every((r) => r.cells.length === file.headers.length)).toBe(true)
        } catch (error) {
          expect(error).toBeInstanceOf(AppError)
          expect((error as AppError).code).toBe('REPORT_FILE')
        }
      }),
      { numRuns: 300 },
    )
    // Text-like input: delimiters, quotes and line breaks in every arrangement.
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', '张', ',', ';', '\t', '"', '\n', '\r', ' ', '1', '\ufeff'), { maxLength: 300 }), async (chars) => {
        try {
          await readReportFile(utf8(chars.join('')), 'r.csv')
        } catch (error) {
          expect((error as AppError).code).toBe('REPORT_FILE')
        }
      }),
      { numRuns: 300 },
    )
    // A zip header followed by anything.
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 500 }), async (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 3, 4, ...tail])
        await expect(readReportFile(bytes, 'r.xlsx')).rejects.toMatchObject({ code: 'REPORT_FILE' })
      }),
      { numRuns: 100 },
    )
  })
})
