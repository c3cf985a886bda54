import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { staffPage } from './staff'

// Run on a port of its own: ZHIKE_E2E_PORT=48614 npx playwright test test/e2e/guest-lists.spec.ts --project hub-chromium
// A manager finds the demo hotel's calligraphy lovers, exports them to CSV in the background and
// downloads the file (UTF-8 with BOM, Chinese intact); then makes a contact list and sees who was
// left out and why. Screenshots go to ZHIKE_SHOTS (or a temp folder).

const shots = process.env.ZHIKE_SHOTS ?? path.join(os.tmpdir(), 'zhike-guest-lists-shots')

async function shoot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

const noSideways = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return root.scrollWidth - root.clientWidth
  })

async function api(page: Page, name: string, input: object) {
  const answer = await (await page.request.post(`/api/${name}`, { data: input })).json()
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true)
  return answer.value
}

test('a manager exports the guests interested in calligraphy to CSV and downloads it', async ({ browser }) => {
  // Axe runs five times and the export starts a worker thread: minutes on a busy machine.
  test.setTimeout(300_000)
  const manager = await staffPage(browser, 'mg01')
  await manager.getByRole('navigation').getByRole('button', { name: "Manager's desk" }).click()
  await manager.getByRole('menuitem', { name: 'Guest lists' }).click()
  await expect(manager).toHaveURL(/#\/lists$/)
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Guest lists')

  // The same filter through the API: what the screen must show.
  const calligraphy = { preferences: [{ category: 'interest', code: 'hobby', value: 'calligraphy' }], consent: 'any', contactList: false }
  const expected = await api(manager, 'guestList.preview', { filter: calligraphy, columns: ['nativeName'], limit: 100 })
  expect(expected.listed).toBeGreaterThan(1)
  expect(expected.rows.map((r: string[]) => r[0])).toContain('单建华')

  await manager.getByRole('combobox', { name: 'Preference or interest category' }).selectOption('interest')
  await manager.getByRole('combobox', { name: 'Preference', exact: true }).selectOption({ label: 'Hobby: Calligraphy' })
  await expect(manager.getByTestId('list-count')).toHaveText(`${expected.matched} guests match; ${expected.listed} will be in the list.`)
  await expect(manager.getByTestId('list-preview')).toContainText('单建华')
  await expect(manager.getByTestId('list-preview')).toContainText('Hobby: Calligraphy (preferred)')

  // Export CSV; it runs in the background, then offers the file.
  await manager.getByTestId('export-csv').click()
  const download = manager.getByTestId('export-download')
  await expect(download).toBeVisible({ timeout: 30_000 })
  await expect(manager.getByTestId('export-done')).toContainText(`${expected.listed} guests`)
  const [file] = await Promise.all([manager.waitForEvent('download'), download.click()])
  expect(file.suggestedFilename()).toMatch(/^guest-list-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = fs.readFileSync(await file.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))
  expect(text.split('\r\n')[0]).toBe('Name,Romanized name,Phone,Email,Last stay,Hobbies and interests')
  expect(text).toContain('单建华,SHAN Jianhua,')
  await expect(manager.getByTestId('recent-exports')).toContainText(file.suggestedFilename())
  await shoot(manager, 'guest-lists-1280-en')
  await expectNoViolations(manager, 'guest lists with a finished export')

  // A contact list: guests who have not agreed to marketing contact are left out, and counted.
  await manager.getByRole('checkbox', { name: /^Contact list/ }).check()
  const contacts = await api(manager, 'guestList.preview', { filter: { ...calligraphy, contactList: true }, columns: ['nativeName'], limit: 100 })
  expect(contacts.leftOut.noConsent, 'Professor Shan has not been asked').toBeGreaterThan(0)
  await expect(manager.getByTestId('list-count')).toHaveText(`${contacts.matched} guests match; ${contacts.listed} will be in the list.`)
  await expect(manager.getByTestId('left-out')).toContainText(`${contacts.leftOut.noConsent} without marketing consent`)
  await expect(manager.getByTestId('list-preview')).not.toContainText('单建华')
  // Professor Shan agrees; the list now holds him too, with his contact details.
  const found = await api(manager, 'guest.search', { text: '单建华' })
  const shanId = found[0].guestId
  await api(manager, 'guest.update', { guestId: shanId, fields: { consentMarketing: true } })
  await manager.getByRole('combobox', { name: 'Marketing consent' }).selectOption('given')
  const given = await api(manager, 'guestList.preview', { filter: { ...calligraphy, consent: 'given', contactList: true }, columns: ['nativeName'], limit: 100 })
  expect(given.listed).toBe(contacts.listed + 1)
  await expect(manager.getByTestId('list-count')).toHaveText(`${given.matched} ${given.matched === 1 ? 'guest matches' : 'guests match'}; ${given.listed} will be in the list.`)
  await expect(manager.getByTestId('list-preview')).toContainText('shan.jianhua@example.org')
  await expectNoViolations(manager, 'a contact list')

  // Chinese, and a phone's width.
  await manager.context().close()
  for (const [lang, width] of [['zh-CN', 390], ['en', 390], ['zh-CN', 1280]] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === 'zh-CN' ? 'zh-CN' : 'en-US' })
    await context.addInitScript((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('zhike.language', l), lang)
    const signedIn = await context.request.post('/api/session.signIn', { data: { code: 'mg01', pin: '123456' } })
    expect(signedIn.ok()).toBe(true)
    const page = await context.newPage()
    await page.goto('/#/lists')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'zh-CN' ? '宾客名单' : 'Guest lists')
    await expect(page.getByTestId('list-count')).toBeVisible()
    expect(await noSideways(page)).toBeLessThanOrEqual(0)
    await shoot(page, `guest-lists-${width}-${lang}`)
    await expectNoViolations(page, `guest lists ${lang} ${width}`)
    await context.close()
  }
})

test('a manager can cancel an export, and front desk staff have no guest lists', async ({ browser }) => {
  test.setTimeout(120_000)
  const manager = await staffPage(browser, 'mg01')
  const start = await (await manager.request.post('/api/export.start', { data: { kind: 'guest-list.xlsx', params: { columns: ['nativeName'] } } })).json()
  expect(start.ok).toBe(true)
  await (await manager.request.post('/api/export.cancel', { data: { jobId: start.value.jobId } })).json()
  await expect
    .poll(async () => (await (await manager.request.post('/api/export.status', { data: { jobId: start.value.jobId } })).json()).value.state, { timeout: 20_000 })
    .toMatch(/cancelled|done/)
  const desk = await staffPage(browser, 'fd01')
  const refused = await (await desk.request.post('/api/guestList.preview', { data: { columns: ['nativeName'] } })).json()
  expect(refused.error.code).toBe('FORBIDDEN')
  const download = await desk.request.get(`/api/exports/${start.value.jobId}/file`)
  expect(download.status()).toBe(404)
})
