import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../electron/core/context'
import { answerHostFile } from '../../electron/core-host/host-files'
import { parseHostRequest } from '../../electron/core-host/protocol'
import { existingExportJobs } from '../../electron/core/exports/export-jobs'
import { failure, ok, seedSmallHotel, tempStore } from '../fixtures/test-store'

// The desktop's save and open dialogs reach core through the core host (host-files.ts): the page
// names no path; main's dialog does, and core decides whether the window's person may have it.

let cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

function hotel() {
  const store = tempStore()
  cleanups.push(store.cleanup)
  const h = seedSmallHotel(store.core)
  const staff = (code: string, role: string): Actor => {
    ok(store.core.callAs(h.admin, 'staff.create', { code, name: `Staff ${code}`, department: 'front_office', role, pin: '123456' }))
    return ok(store.core.callAs(null, 'session.signIn', { code, pin: '123456' })).staff
  }
  return { ...store, ...h, manager: staff('mg01', 'manager'), otherManager: staff('mg02', 'manager') }
}

describe('files for the desktop’s dialogs', () => {
  it('gives a finished export only to whoever started it (or an administrator)', { timeout: 120_000 }, async () => {
    const h = hotel()
    const { jobId } = ok(h.core.callAs(h.manager, 'export.start', { kind: 'guest-list.csv', params: { columns: ['nativeName'] } }))
    await existingExportJobs(h.core.sqlite)!.settled()
    const mine = answerHostFile(h.core, h.manager, { kind: 'exportFile', jobId })
    expect(mine.ok).toBe(true)
    const { file, fileName } = (mine as { value: { file: string; fileName: string } }).value
    expect(fs.readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    expect(fileName).toMatch(/\.csv$/)
    expect(answerHostFile(h.core, h.admin, { kind: 'exportFile', jobId }).ok).toBe(true)
    expect(answerHostFile(h.core, h.otherManager, { kind: 'exportFile', jobId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(answerHostFile(h.core, null, { kind: 'exportFile', jobId })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('registers a chosen full export for an administrator only, and only a file that is there', async () => {
    const h = hotel()
    const chosen = path.join(h.dir, 'hotel-export.json')
    fs.writeFileSync(chosen, 'not an export\n')
    const answer = answerHostFile(h.core, h.admin, { kind: 'registerUpload', path: chosen })
    expect(answer).toMatchObject({ ok: true, value: { fileName: 'hotel-export.json', bytes: 14 } })
    // The upload is read as the hub's would be: a file that is no export is refused with a report, not an INTERNAL.
    const uploadId = (answer as { value: { uploadId: string } }).value.uploadId
    const checked = ok<{ report: { ok: boolean; problems: unknown[] } }>(await h.core.callAsAsync(h.admin, 'transfer.check', { uploadId }))
    expect(checked.report.ok).toBe(false)
    expect(answerHostFile(h.core, h.manager, { kind: 'registerUpload', path: chosen })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(answerHostFile(h.core, h.admin, { kind: 'registerUpload', path: path.join(h.dir, 'gone.json') })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(answerHostFile(h.core, h.admin, { kind: 'registerUpload', path: h.dir })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(failure(await h.core.callAsAsync(h.admin, 'transfer.check', { uploadId: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND')
  })

  it('takes from main only file requests of the two shapes', () => {
    expect(parseHostRequest({ type: 'file', id: 1, windowId: 2, request: { kind: 'exportFile', jobId: 'a1-b2' } })).toEqual({ type: 'file', id: 1, windowId: 2, request: { kind: 'exportFile', jobId: 'a1-b2' } })
    expect(parseHostRequest({ type: 'file', id: 1, windowId: 2, request: { kind: 'registerUpload', path: '/home/x/export.json' } })).not.toBeNull()
    for (const request of [{ kind: 'exportFile', jobId: '../../zhike.db' }, { kind: 'exportFile' }, { kind: 'registerUpload', path: 'a\0b' }, { kind: 'registerUpload', path: '/x', extra: 1 }, { kind: 'readFile', path: '/etc/passwd' }, 'exportFile']) {
      expect(parseHostRequest({ type: 'file', id: 1, windowId: 2, request })).toBeNull()
    }
    expect(parseHostRequest({ type: 'file', id: 0, windowId: 2, request: { kind: 'exportFile', jobId: 'a' } })).toBeNull()
  })
})
