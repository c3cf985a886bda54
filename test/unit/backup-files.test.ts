import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupFileName, isBackupFileName, listBackups, pruneBackups, resolveBackupFile } from '../../electron/core/backup/backup-files'
import { backupErrorKey, backupSize, jobPercent } from '../../src/features/backups/backup-display'

// The shape of api/client.ts's ApiError (that module needs a browser).
class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message)
  }
}

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true })
})
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-backup-files-'))
  dirs.push(dir)
  return dir
}

describe('backup file names', () => {
  it('names a backup by business date, kind and hotel wall time, in the hotel’s zone', () => {
    // 19:15:02 UTC is 03:15:02 the next morning in Shanghai, still business date 1 December.
    const name = backupFileName('daily', '2026-12-01', new Date('2026-12-01T19:15:02Z'), 'Asia/Shanghai')
    expect(name).toBe('zhike-2026-12-01-daily-20261202T031502.db')
    expect(isBackupFileName(name)).toBe(true)
    expect(backupFileName('manual', '2026-12-01', new Date('2026-12-01T19:15:02Z'), 'UTC', 2)).toBe('zhike-2026-12-01-manual-20261201T191502-2.db')
    for (const bad of [`${name}.part`, `../${name}`, 'zhike.db', 'zhike-2026-12-01-weekly-20261202T031502.db', `x${name}`]) expect(isBackupFileName(bad)).toBe(false)
  })

  it('lists newest first (the -n of one second counts), ignores other files, and prunes only ours', () => {
    const dir = folder()
    const names = ['zhike-2026-11-30-daily-20261201T040100.db', 'zhike-2026-12-01-manual-20261201T100000.db', 'zhike-2026-12-01-manual-20261201T100000-2.db', 'zhike-2026-12-01-manual-20261201T100000-10.db']
    for (const n of names) fs.writeFileSync(path.join(dir, n), 'x')
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'x')
    fs.writeFileSync(path.join(dir, `${names[0]}.part`), 'x')
    expect(listBackups(dir).map((b) => b.file)).toEqual([names[3], names[2], names[1], names[0]])
    expect(listBackups(dir)[3]).toMatchObject({ kind: 'daily', businessDate: '2026-11-30', takenAt: '2026-12-01 04:01:00', bytes: 1 })
    expect(pruneBackups(dir, 2).sort()).toEqual([names[0], names[1]].sort())
    expect(fs.readdirSync(dir).sort()).toEqual([names[3], names[2], 'notes.txt', `${names[0]}.part`].sort())
    expect(listBackups(path.join(dir, 'missing'))).toEqual([])
  })

  it('confines a named file to the folder; a typed path only when allowed', () => {
    const dir = folder()
    const name = 'zhike-2026-12-01-manual-20261201T100000.db'
    fs.writeFileSync(path.join(dir, name), 'x')
    expect(resolveBackupFile(dir, name, false)).toBe(path.join(dir, name))
    expect(() => resolveBackupFile(dir, `../${name}`, false)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => resolveBackupFile(dir, path.join(dir, name), false)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(resolveBackupFile(dir, path.join(dir, name), true)).toBe(path.join(dir, name))
    expect(() => resolveBackupFile(dir, 'relative/file.db', true)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => resolveBackupFile(dir, 'zhike-2020-01-01-manual-20200101T000000.db', false)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(() => resolveBackupFile(dir, dir, true)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
  })
})

describe('the Backups page’s sentences', () => {
  it('gives each refusal reason its own sentence, else the general one', () => {
    expect(backupErrorKey(new ApiError('BACKUP_INVALID', 'x', { reason: 'truncated' }))).toBe('errors.BACKUP_INVALID_truncated')
    expect(backupErrorKey(new ApiError('BACKUP_INVALID', 'x', { reason: 'something new' }))).toBeNull()
    expect(backupErrorKey(new ApiError('BACKUP_FOLDER', 'x', { reason: 'write_failed' }))).toBe('backups.folderErrors.write_failed')
    expect(backupErrorKey(new ApiError('BUSY', 'x', { reason: 'restoring' }))).toBe('backups.busyRestoring')
    expect(backupErrorKey(new ApiError('BACKUP_TOO_NEW', 'x'))).toBeNull()
    // A path typed by an administrator: no such file, or not a whole path, in words, not "that record".
    expect(backupErrorKey(new ApiError('NOT_FOUND', 'x', { file: '/tmp/none.db', issues: [{ path: 'file', message: 'x' }] }))).toBe('backups.restoreErrors.noFile')
    expect(backupErrorKey(new ApiError('VALIDATION', 'x', { issues: [{ path: 'file', message: 'x' }] }))).toBe('backups.restoreErrors.typePath')
    expect(backupErrorKey(new ApiError('VALIDATION', 'x', { issues: [{ path: 'keep', message: 'x' }] }))).toBeNull()
    expect(backupErrorKey(new Error('x'))).toBeNull()
  })

  it('says how far a job is and how big a file is', () => {
    expect(jobPercent({ step: 'copying', done: 0, total: 0 })).toBe(0)
    expect(jobPercent({ step: 'copying', done: 50, total: 200 })).toBe(25)
    expect(jobPercent({ step: 'checking', done: 0, total: 0 })).toBe(100)
    expect(backupSize(10)).toBe('1 KB')
    expect(backupSize(1_468_006)).toBe('1.4 MB')
    expect(backupSize(3 * 1024 ** 3)).toBe('3.00 GB')
  })
})
