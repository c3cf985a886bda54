import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { demoMember, staffPage } from './staff'

// Run on a port of its own: ZHIKE_E2E_PORT=4914 npx playwright test test/e2e/audit-log.spec.ts --project hub-chromium
// The front desk opens a guest's card; the manager finds that very read in the audit log by the
// guest (picked by name), sees who and from where, and exports it to CSV. Screenshots go to
// ZHIKE_SHOTS (or a temp folder).

const shots = process.env.ZHIKE_SHOTS ?? path.join(os.tmpdir(), 'zhike-audit-log-shots')

async function shoot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
  // The first screenful too: a long page scaled down to look at says little.
  await page.screenshot({ path: path.join(shots, `${name}-top.png`) })
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

async function pickGuest(page: Page, typed: string, name: string) {
  const field = page.getByRole('textbox', { name: 'Guest' }).or(page.getByRole('combobox', { name: 'Guest' })).first()
  await field.fill(typed)
  await page.getByRole('option', { name: new RegExp(name) }).first().click()
}

test('a manager finds a card the front desk just opened in the audit log, and exports it', async ({ browser }) => {
  test.setTimeout(300_000)
  const desk = await staffPage(browser, 'fd01')
  const deskName = demoMember('fd01').name
  const [hit] = await api(desk, 'guest.search', { text: '单建华', limit: 1 })
  expect(hit.nativeName).toBe('单建华')
  await desk.goto(`/#/guest/${hit.guestId}`)
  await expect(desk.getByRole('heading', { level: 1 })).toContainText('单建华')

  const manager = await staffPage(browser, 'mg01')
  await manager.getByRole('navigation').getByRole('button', { name: "Manager's desk" }).click()
  await manager.getByRole('menuitem', { name: 'Audit log' }).click()
  await expect(manager).toHaveURL(/#\/audit$/)
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Audit log')
  await expect(manager.getByTestId('audit-row').first()).toBeVisible()

  // The same search through the API: what the screen must show.
  const choices = await api(manager, 'audit.filters', {})
  const deskId = choices.staff.find((s: { code: string }) => s.code === 'fd01').id
  const expected = await api(manager, 'audit.search', { filter: { guestId: hit.guestId, staffId: deskId, actions: ['guest.view'] } })
  expect(expected.rows, JSON.stringify((await api(manager, 'audit.search', { filter: { guestId: hit.guestId } })).rows.slice(0, 5))).toHaveLength(1)

  await pickGuest(manager, '单建华', '单建华')
  await manager.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Opened guest card' })
  await manager.getByRole('combobox', { name: 'Staff member' }).selectOption({ label: `${deskName} (fd01)` })
  await manager.getByRole('button', { name: 'Search', exact: true }).click()
  const rows = manager.getByTestId('audit-row')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Opened guest card')
  await expect(rows.first()).toContainText(`${deskName} (fd01)`)
  await expect(rows.first()).toContainText('单建华')
  await expect(rows.first()).toContainText('127.0.0.1')
  await expectNoViolations(manager, 'the audit log with a guest found')
  await shoot(manager, 'audit-log-1280-en')

  // A range that ends before it starts is refused on the form, with the reason.
  await manager.getByRole('textbox', { name: 'From (hotel date)' }).fill('2026-12-31')
  await manager.getByRole('textbox', { name: 'To (hotel date)' }).fill('2026-01-01')
  await expect(manager.getByText('The last date is before the first: swap them or change one.')).toBeVisible()
  await expect(manager.getByRole('button', { name: 'Search', exact: true })).toBeDisabled()
  await manager.getByRole('textbox', { name: 'From (hotel date)' }).fill('')
  await manager.getByRole('textbox', { name: 'To (hotel date)' }).fill('')

  // Export what was found: the CSV carries the row, with a byte-order mark and CRLF.
  await manager.getByTestId('audit-export').click()
  const link = manager.getByTestId('audit-download')
  await expect(link).toBeVisible({ timeout: 60_000 })
  const [file] = await Promise.all([manager.waitForEvent('download'), link.click()])
  expect(file.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = fs.readFileSync(await file.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).split('\r\n')
  expect(lines[0]).toBe('Time (hotel),Time (UTC),Staff code,Staff,Terminal,Action,Guest id,Guest,Entity,Entity id,Detail')
  expect(lines).toHaveLength(3)
  expect(lines[1]).toContain(`,fd01,${deskName},127.0.0.1,guest.view,${hit.guestId},单建华`)

  // The search and the export are in the log too.
  const logged = await api(manager, 'audit.search', { filter: { guestId: hit.guestId, actions: ['audit.search', 'audit.export'] } })
  expect(logged.rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(['audit.search', 'audit.export']))

  // A phone's width, in English and Chinese.
  await manager.setViewportSize({ width: 390, height: 844 })
  await manager.reload()
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Audit log')
  await expect(manager.getByTestId('audit-card').first()).toBeVisible()
  await expect.poll(() => noSideways(manager), { message: 'no sideways scrolling at 390 px' }).toBeLessThanOrEqual(0)
  await expectNoViolations(manager, 'the audit log on a phone')
  await shoot(manager, 'audit-log-390-en')
  await manager.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('zhike.language', 'zh-CN'))
  await manager.reload()
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('审计日志')
  await expect(manager.getByTestId('audit-card').first()).toBeVisible()
  await expect(manager.getByTestId('audit-card').filter({ hasText: '查询审计日志' }).first()).toBeVisible()
  await expect.poll(() => noSideways(manager), { message: 'no sideways scrolling at 390 px' }).toBeLessThanOrEqual(0)
  await expectNoViolations(manager, 'the audit log in Chinese on a phone')
  await shoot(manager, 'audit-log-390-zh')
  await manager.setViewportSize({ width: 1280, height: 860 })
  await manager.reload()
  await expect(manager.getByTestId('audit-row').first()).toBeVisible()
  await expectNoViolations(manager, 'the audit log in Chinese')
  await shoot(manager, 'audit-log-1280-zh')
})

test('the front desk has no audit log: not in the menu, and the operation refuses', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  await expect(desk.getByRole('navigation').getByRole('link', { name: 'Audit log' })).toHaveCount(0)
  await expect(desk.getByRole('navigation').getByRole('button', { name: "Manager's desk" })).toHaveCount(0)
  // Typing the address leads to the desk's own start page, not the log.
  await desk.goto('/#/audit')
  await expect(desk.getByRole('heading', { level: 1 })).not.toHaveText('Audit log')
  await expect(desk.getByTestId('audit-row')).toHaveCount(0)
  const answer = await (await desk.request.post('/api/audit.search', { data: { filter: {} } })).json()
  expect(answer.ok).toBe(false)
  expect(answer.error.code).toBe('FORBIDDEN')
})
