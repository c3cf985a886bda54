import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentDisposition, exportsFolderOf, exportWorkerEntry, failureCauseOf, freshBuiltExportWorker } from '../../electron/core/exports/export-files'
import { contentTypeOf, downloadNameOf } from '../../electron/core/exports/export-kinds'
import { csvCell, csvLine } from '../../electron/core/exports/guest-list.format'
import { formProblems, initialForm, listRequest, percentDone } from '../../src/features/guest-lists/guest-list-model'

describe('CSV cells', () => {
  it('quote per RFC 4180 only what needs it, doubling quotes', () => {
    expect(csvCell('单雪松')).toBe('单雪松')
    expect(csvCell('Smith, "Bob"')).toBe('"Smith, ""Bob"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell(3)).toBe('3')
    expect(csvLine(['a', 'b,c', 1])).toBe('a,"b,c",1\r\n')
  })

  it('never let a spreadsheet run a cell as a formula', () => {
    for (const text of ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(csvCell(text).replace(/^"/, '').startsWith("'")).toBe(true)
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell(-2)).toBe('-2') // numbers are numbers
    expect(csvCell('a=b')).toBe('a=b')
  })
})

describe('export files', () => {
  it('put exports beside the store, and refuse a store in memory', () => {
    expect(exportsFolderOf('/data/zhike/zhike.db')).toBe(path.join('/data/zhike', 'exports'))
    expect(exportsFolderOf(':memory:')).toBeNull()
    expect(exportsFolderOf('')).toBeNull()
  })

  it('name the cause of a failed write', () => {
    expect(failureCauseOf({ code: 'ENOSPC' })).toBe('disk_full')
    expect(failureCauseOf({ code: 'EDQUOT' })).toBe('disk_full')
    expect(failureCauseOf({ code: 'EACCES' })).toBe('no_permission')
    expect(failureCauseOf({ code: 'EROFS' })).toBe('no_permission')
    expect(failureCauseOf({ code: 'EEXIST' })).toBe('not_a_folder')
    expect(failureCauseOf({ code: 'ENOTDIR' })).toBe('not_a_folder')
    expect(failureCauseOf(new Error('x'))).toBe('write_failed')
  })

  it('find the worker from source (through tsx) and in the built core host, chunk or not', () => {
    const fromSource = exportWorkerEntry('/app/electron/core/exports/export-jobs.ts', () => false)
    expect(fromSource.file).toBe(path.join('/app/electron/core/exports', 'export-worker.ts'))
    expect(fromSource.script).toContain("import('tsx/esm/api')")
    expect(fromSource.script).toContain('file:///app/electron/core/exports/export-worker.ts')
    const built = (where: string) => exportWorkerEntry(where, (f) => f === path.join('/app/out/main', 'export-worker.js'))
    expect(built('/app/out/main/core-host.js')).toEqual({ file: path.join('/app/out/main', 'export-worker.js'), script: null })
    expect(built('/app/out/main/chunks/export-jobs-abc123.js')).toEqual({ file: path.join('/app/out/main', 'export-worker.js'), script: null })
    expect(() => exportWorkerEntry('/app/out/main/core-host.js', () => false)).toThrow(/not built/)
  })

  it('start workers from a build only while it is as new as every source file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-built-'))
    try {
      const source = path.join(root, 'electron', 'core', 'exports', 'guest-list.writer.ts')
      const built = path.join(root, 'out', 'main', 'export-worker.js')
      fs.mkdirSync(path.dirname(source), { recursive: true })
      fs.writeFileSync(source, '')
      expect(freshBuiltExportWorker(root)).toBeNull() // never built
      fs.mkdirSync(path.dirname(built), { recursive: true })
      fs.writeFileSync(built, '')
      const at = (file: string, seconds: number) => fs.utimesSync(file, seconds, seconds)
      at(source, 1_000)
      at(built, 2_000)
      expect(freshBuiltExportWorker(root)).toBe(built)
      at(source, 3_000) // edited after the build: run the source as written
      expect(freshBuiltExportWorker(root)).toBeNull()
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })

  it('send a Chinese file name by RFC 5987 with an ASCII fallback, and the right type', () => {
    expect(contentDisposition('联系名单-2026-12-01.csv')).toBe(
      `attachment; filename="____-2026-12-01.csv"; filename*=UTF-8''${encodeURIComponent('联系名单-2026-12-01.csv')}`,
    )
    expect(contentDisposition('a"b.csv')).toContain('filename="a_b.csv"')
    expect(contentTypeOf('guest-list.csv')).toBe('text/csv; charset=utf-8')
    expect(contentTypeOf('guest-list.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(contentTypeOf('full.json')).toBe('application/json; charset=utf-8')
    expect(downloadNameOf('guest-list.csv', { lang: 'zh-CN', filter: { contactList: true } }, '2026-12-01')).toBe('联系名单-2026-12-01.csv')
    expect(downloadNameOf('guest-list.xlsx', { lang: 'en' }, '2026-12-01')).toBe('guest-list-2026-12-01.xlsx')
    expect(downloadNameOf('full.json', {}, '2026-12-01')).toBe('full-2026-12-01.json')
  })
})

describe('the guest-list screen', () => {
  it('turns the form into a filter, and names what cannot be used yet', () => {
    const form = { ...initialForm('en'), preference: 'hobby|calligraphy', strength: 'preferred' as const, vip: 'vip' as const, nationalities: 'cn, sg', lastStayFrom: '2026-01-01' }
    expect(listRequest(form).filter).toEqual({
      preferences: [{ category: 'interest', code: 'hobby', value: 'calligraphy', strengths: ['preferred'] }],
      vip: [1, 2, 3],
      nationalities: ['CN', 'SG'],
      lastStayFrom: '2026-01-01',
      consent: 'any',
      contactList: false,
    })
    expect(listRequest({ ...form, category: '', preference: '' }).filter?.preferences).toEqual([])
    expect(formProblems({ ...form, lastStayTo: '2026-1', nationalities: 'CHN', columns: [] })).toEqual(['lastStayTo', 'nationalities', 'columns'])
    expect(percentDone(50, 200)).toBe(25)
    expect(percentDone(5, 0)).toBe(0)
  })
})
