import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { signIn } from './staff'

// Run on a port of its own: ZHIKE_E2E_PORT=48615 npx playwright test test/e2e/transfer.spec.ts --project hub-chromium
// A manager exports the whole demo hotel and downloads it; the administrator checks that file and
// a damaged copy (the demo store has guests, so the import itself is refused with how to start empty).

const shots = process.env.ZHIKE_SHOTS ?? path.join(os.tmpdir(), 'zhike-transfer-shots')
fs.mkdirSync(shots, { recursive: true })
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-transfer-e2e-'))
const exported = path.join(dir, 'hotel.json')
// A worker thread, a file and a busy build machine: more than the default minute.
test.describe.configure({ timeout: 240_000 })

async function openPage(page: Page, code: string, lang: 'en' | 'zh-CN' = 'en') {
  await signIn(page, code)
  if (lang === 'zh-CN') await page.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('zhike.language', 'zh-CN'))
  await page.goto('/#/data')
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lang === 'en' ? 'Export & import' : /导/)
}

test('a manager exports everything and downloads one file with a header and a checksum', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US', acceptDownloads: true })
  const page = await context.newPage()
  await openPage(page, 'mg01')
  await expect(page.getByRole('heading', { level: 1, name: 'Export & import' })).toBeVisible()
  await expect(page.getByText('Only an administrator can import')).toBeVisible()
  await page.getByTestId('transfer-export').click()
  const link = page.getByTestId('transfer-download')
  await expect(link).toBeVisible({ timeout: 60_000 })
  // The demo's 200 guests, and any an earlier spec on this hub added.
  await expect(page.getByTestId('transfer-export-done')).toContainText(/Export finished: \d+ guests/)
  const exportedGuests = Number((await page.getByTestId('transfer-export-done').textContent())!.match(/(\d+) guests/)![1])
  expect(exportedGuests).toBeGreaterThanOrEqual(200)
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  await download.saveAs(exported)
  const lines = fs.readFileSync(exported, 'utf8').trimEnd().split('\n')
  expect(JSON.parse(lines[0])).toMatchObject({ format: 'zhike-export', formatVersion: 1 })
  expect(lines.at(-1)).toMatch(/^\{"checksum":"sha256:[0-9a-f]{64}"/)
  expect(fs.readFileSync(exported, 'utf8')).not.toContain('$argon2')
  await expectNoViolations(page, 'the export & import page (manager)')
  await page.screenshot({ path: path.join(shots, 'transfer-manager-en-1280.png'), fullPage: true })
  await context.close()
})

/** A damaged copy: one guest's VIP level made text and one preference pointing at no guest, signed again. */
async function damagedCopy(): Promise<string> {
  const damaged = path.join(dir, 'damaged.json')
  if (fs.existsSync(damaged)) return damaged
  const { createHash } = await import('node:crypto')
  const lines = fs.readFileSync(exported, 'utf8').split('\n').slice(0, -2)
  const at = (table: string) => lines.findIndex((l) => l.startsWith(`{"table":"${table}"`))
  const g = at('guest')
  const guestColumns: string[] = JSON.parse(lines[g]).columns
  const guest = JSON.parse(lines[g + 2])
  guest[guestColumns.indexOf('vip')] = 'gold'
  lines[g + 2] = JSON.stringify(guest)
  const p = at('preference')
  const preferenceColumns: string[] = JSON.parse(lines[p]).columns
  const preference = JSON.parse(lines[p + 4])
  preference[preferenceColumns.indexOf('guest_id')] = 999999
  lines[p + 4] = JSON.stringify(preference)
  const body = lines.map((l) => `${l}\n`).join('')
  const rows = lines.slice(1).filter((l) => !l.startsWith('{"table"')).length
  fs.writeFileSync(damaged, `${body}${JSON.stringify({ checksum: `sha256:${createHash('sha256').update(body).digest('hex')}`, rows })}\n`)
  return damaged
}

for (const [lang, width] of [['en', 1280], ['en', 390], ['zh-CN', 1280], ['zh-CN', 390]] as const) {
  test(`the administrator checks a damaged copy (bad rows listed) and the good file (store not empty): ${lang} ${width}`, async ({ browser }) => {
    // The first test's export is what these check; without it they fail rather than pass unseen.
    expect(fs.existsSync(exported), 'the export the first test downloads').toBe(true)
    const damaged = await damagedCopy()
    // English browser: the sign-in helper types into English labels; the page then switches to Chinese as a user would.
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    await openPage(page, 'ad01', lang)
    await page.locator('input[type=file]').setInputFiles(damaged)
    const rows = page.getByTestId('transfer-bad-rows')
    await expect(rows).toBeVisible({ timeout: 60_000 })
    await expect(rows.locator('tbody tr')).toHaveCount(2)
    await expect(rows).toContainText('vip')
    await expect(rows).toContainText('guest_id')
    if (lang === 'en') {
      await expect(page.getByTestId('transfer-report')).toContainText('Refers to a row the file does not hold')
      await expectNoViolations(page, `the import report (${width})`)
    }
    await page.screenshot({ path: path.join(shots, `transfer-report-${lang}-${width}.png`), fullPage: true })
    if (width === 1280) {
      await page.locator('input[type=file]').setInputFiles(exported)
      await expect(page.getByTestId('transfer-check-ok')).toBeVisible({ timeout: 60_000 })
      if (lang === 'en') {
        await expect(page.getByTestId('transfer-check-ok')).toContainText(/complete and correct: \d{3,} guests/)
        await expect(page.getByTestId('transfer-check-ok')).toContainText('new, empty data folder')
        await expectNoViolations(page, 'the import check (store not empty)')
      }
      await page.screenshot({ path: path.join(shots, `transfer-check-${lang}-${width}.png`), fullPage: true })
    }
    await context.close()
  })
}
