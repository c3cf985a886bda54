import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { copyFileWhole, parseFileRequest, safeFileName, writeFileWhole } from '../../electron/main/desktop-files'

let dir = ''
afterEach(() => void (dir && fs.rmSync(dir, { recursive: true, force: true })))
const folder = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-files-')))

describe('the desktop’s file requests', () => {
  it('accept only the three shapes, and never a path from the page', () => {
    expect(parseFileRequest({ kind: 'savePdf', fileName: 'Card 陈嘉豪' })).toEqual({ kind: 'savePdf', fileName: 'Card 陈嘉豪.pdf' })
    expect(parseFileRequest({ kind: 'chooseFolder' })).toEqual({ kind: 'chooseFolder' })
    expect(parseFileRequest({ kind: 'saveFile', jobId: 'a1B2-c3' })).toEqual({ kind: 'saveFile', jobId: 'a1B2-c3' })
    for (const bad of [null, [], 'savePdf', { kind: 'savePdf' }, { kind: 'savePdf', fileName: 3 }, { kind: 'chooseFolder', path: '/' }, { kind: 'saveFile', jobId: '../x' }, { kind: 'openFile', path: '/etc/passwd' }, { kind: 'savePdf', fileName: 'x'.repeat(201) }]) {
      expect(parseFileRequest(bad)).toBeNull()
    }
  })

  it('suggest names without folders, reserved devices or characters Windows refuses', () => {
    expect(safeFileName('../../etc/passwd', 'pdf')).toBe('etc passwd.pdf')
    expect(safeFileName('..\\..\\zhike.db', 'csv')).toBe('zhike.db.csv')
    expect(safeFileName('a:b*c?"<>|', 'csv')).toBe('a b c.csv')
    expect(safeFileName('CON', 'pdf')).toBe('zhike.pdf')
    expect(safeFileName('   ', 'xlsx')).toBe('zhike.xlsx')
    expect(safeFileName('briefing.PDF', 'pdf')).toBe('briefing.pdf')
    expect(safeFileName('宾客卡 陈嘉豪', 'pdf')).toBe('宾客卡 陈嘉豪.pdf')
    expect([...safeFileName('名'.repeat(300), 'pdf')]).toHaveLength(124)
  })

  it('write whole or not at all: a failure leaves neither the name nor a .part file', async () => {
    const target = path.join(folder(), 'card.pdf')
    await writeFileWhole(target, Buffer.from('%PDF'))
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF')
    // A write that fails half-way (disk full, say) keeps the earlier file and leaves no .part.
    await expect(
      writeFileWhole(target, async (part) => {
        fs.writeFileSync(part, 'half')
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })
      }),
    ).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF')
    expect(fs.existsSync(`${target}.part`)).toBe(false)
    const copy = path.join(dir, 'copy.pdf')
    await copyFileWhole(target, copy)
    expect(fs.readFileSync(copy, 'utf8')).toBe('%PDF')
    await expect(copyFileWhole(path.join(dir, 'missing.csv'), path.join(dir, 'list.csv'))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(fs.readdirSync(dir).sort()).toEqual(['card.pdf', 'copy.pdf'])
  })
})
