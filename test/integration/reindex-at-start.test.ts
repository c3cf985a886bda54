import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { createCore } from '../../electron/core/core'
import { freePort, hubProcess, waitForHealth } from '../fixtures/hub-process'
import { ok, seedSmallHotel } from '../fixtures/test-store'

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup()
})

it('a store indexed by an older version is re-indexed when the hub starts, with a progress line, and then finds its guests', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-reindex-'))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'zhike.db')
  const core = createCore({ file, owner: 'test', logError: () => {} })
  const hotel = seedSmallHotel(core)
  ok(hotel.call(hotel.desk, 'guest.create', { nativeName: '吕思远', phone: '139 2468 1357' }))
  // As an older Zhike left it: index version 2, no E.164 phones, no tokens for the new spellings.
  core.sqlite.exec("UPDATE setting SET value = '2' WHERE key = 'guest.index.version'; UPDATE guest SET phone_e164 = NULL; DELETE FROM guest_token; DELETE FROM guest_fts")
  core.close()

  const port = await freePort()
  const hub = hubProcess(dir, port, cleanups)
  await waitForHealth(`http://127.0.0.1:${port}`, hub.exited)
  expect(hub.output()).toMatch(/preparing guest search: 1 of 1 guests \(100%\)/)
  hub.child.kill('SIGTERM')
  await hub.exited

  const reopened = createCore({ file, owner: 'test', logError: () => {} })
  cleanups.push(() => reopened.close())
  const desk = ok(reopened.callAs(null, 'session.signIn', { code: 'fd01', pin: '1234' })).staff
  const found = (text: string) => ok<{ nativeName: string }[]>(reopened.callAs(desk, 'guest.search', { text })).map((h) => h.nativeName)
  expect(found('lyu')).toEqual(['吕思远'])
  expect(found('+8613924681357')).toEqual(['吕思远'])
  expect(reopened.sqlite.prepare('SELECT phone_e164 FROM guest').pluck().get()).toBe('+8613924681357')
}, 120_000) // a hub started as its own process compiles with tsx: on a busy machine that alone can pass 30 s
