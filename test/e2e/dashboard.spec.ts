import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { staffPage } from './staff'

// Run on a port of its own: ZHIKE_E2E_PORT=48617 npx playwright test test/e2e/dashboard.spec.ts --project hub-chromium
// A manager opens the dashboard on the demo hotel: the figures match report.dashboard, every chart
// has its table, and the page reads in Chinese on a phone. Screenshots go to ZHIKE_SHOTS (or a temp folder).

// This machine is shared and slow: a reload fetches the lazy chunk and the figures again.
const afterLoad = expect.configure({ timeout: 30_000 })
const shots = process.env.ZHIKE_SHOTS ?? path.join(os.tmpdir(), 'zhike-dashboard-shots')

async function dashboardFromApi(page: Page, input: object = {}) {
  const answer = await (await page.request.post('/api/report.dashboard', { data: input })).json()
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true)
  return answer.value
}

async function shoot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

const noSideways = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return root.scrollWidth - root.clientWidth
  })

test('a manager reads the dashboard of the demo hotel, its charts and their tables, in English and Chinese', async ({ browser }) => {
  test.setTimeout(240_000) // axe over four long pages
  const manager = await staffPage(browser, 'mg01')
  await manager.getByRole('navigation').getByRole('button', { name: "Manager's desk" }).click()
  await manager.getByRole('menuitem', { name: 'Dashboard' }).click()
  await expect(manager).toHaveURL(/#\/dashboard$/)
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Dashboard')

  const report = await dashboardFromApi(manager)
  // The demo hotel has guests, preferences and arrivals: the dashboard is not empty.
  expect(report.preferences.length).toBeGreaterThan(0)
  expect(report.arrivals.total).toBeGreaterThan(0)
  await expect(manager.getByTestId('dashboard-empty')).toHaveCount(0)
  await expect(manager.getByRole('textbox', { name: 'From (business date)' })).toHaveValue(report.from)
  await expect(manager.getByRole('textbox', { name: 'To (business date)' })).toHaveValue(report.to)
  await expect(manager.getByTestId('dashboard-figure-repeat')).toContainText(`${report.repeat.period.repeatGuests} of ${report.repeat.period.guests} guests`)
  await expect(manager.getByTestId('dashboard-figure-arrivals')).toContainText(String(report.arrivals.total))
  await expect(manager.getByTestId('dashboard-figure-arrivals')).toContainText(`${report.arrivals.vips} VIPs · ${report.arrivals.withAlerts} with alerts`)
  await expect(manager.getByTestId('dashboard-figure-unfulfilled')).toContainText(String(report.unfulfilled.guests))

  // The charts, each named for screen readers.
  await expect(manager.getByRole('img', { name: /Stacked bar chart: arrivals per day by VIP level/ })).toBeVisible()
  await expect(manager.getByRole('img', { name: /Bar chart: the most common Food and drink preferences/ })).toBeVisible()
  if (report.repeat.byMonth.some((m: { guests: number }) => m.guests > 0)) await expect(manager.getByRole('img', { name: /Line chart: repeat-guest rate by month/ })).toBeVisible()
  else await expect(manager.getByTestId('repeat-empty')).toBeVisible()
  if (report.observations.totals.recorded > 0) await expect(manager.getByRole('img', { name: /observations recorded per week/ })).toBeVisible()
  else await expect(manager.getByTestId('observations-empty')).toBeVisible()

  // Arrivals by VIP level, as core counts them.
  const vipTable = manager.getByTestId('arrivals-vip-table')
  for (const v of report.arrivals.byVip) {
    const row = vipTable.getByRole('row').filter({ has: manager.getByRole('rowheader', { name: v.vip === 0 ? 'Not VIP' : `VIP ${v.vip}`, exact: true }) })
    await expect(row.getByRole('cell').first()).toHaveText(String(v.total))
    await expect(row.getByRole('cell').nth(1)).toHaveText(String(v.withAlerts))
  }
  // Guests arriving with alerts link to their profiles.
  if (report.arrivals.alertGuests.length > 0) {
    const first = report.arrivals.alertGuests[0]
    await expect(manager.getByTestId('arrivals-alert-table').getByRole('link').first()).toHaveAttribute('href', `#/guest/${first.guestId}`)
  }

  // A chart's table, opened from the keyboard: the repeat rate month by month.
  const repeatTable = manager.getByTestId('dashboard-repeat').locator('summary')
  await repeatTable.focus()
  await manager.keyboard.press('Enter')
  await expect(manager.getByTestId('repeat-table').getByRole('row')).toHaveCount(1 + 1 + 12)
  // The top food preference, in the preferences table.
  await manager.getByTestId('dashboard-preferences').locator('summary').click()
  const food = report.preferences.find((c: { category: string }) => c.category === 'food')
  await expect(manager.getByTestId('preferences-table').getByRole('row').filter({ hasText: 'Food and drink' }).first().getByRole('cell').nth(1)).toHaveText(String(food.codes[0].total))
  await expectNoViolations(manager, 'dashboard')
  await shoot(manager, 'dashboard-1280-en')

  // A period of the last 30 days changes the figures the same way core does.
  await manager.getByRole('button', { name: 'Last 30 days' }).click()
  const month = await dashboardFromApi(manager, { from: await manager.getByRole('textbox', { name: 'From (business date)' }).inputValue(), to: report.to })
  await expect(manager.getByTestId('dashboard-figure-repeat')).toContainText(`${month.repeat.period.repeatGuests} of ${month.repeat.period.guests} guests`)

  // A guest with an unmet need opens their profile.
  if (report.unfulfilled.top.length > 0) {
    await manager.getByTestId('unfulfilled-table').getByRole('link').first().click()
    await expect(manager).toHaveURL(new RegExp(`#/guest/${report.unfulfilled.top[0].guestId}$`))
    await manager.goBack()
  }

  // On a phone, then in Chinese.
  await manager.setViewportSize({ width: 390, height: 844 })
  await manager.goto('/#/dashboard')
  await manager.reload()
  await afterLoad(manager.getByTestId('dashboard-arrivals')).toBeVisible()
  await expect.poll(() => noSideways(manager), { message: "no sideways scrolling at 390 px" }).toBeLessThanOrEqual(0)
  await shoot(manager, 'dashboard-390-en')
  await manager.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('zhike.language', 'zh-CN'))
  await manager.reload()
  await afterLoad(manager.getByRole('heading', { level: 1 })).toHaveText('概览')
  await afterLoad(manager.getByTestId('dashboard-arrivals')).toBeVisible()
  await expect(manager.getByTestId('dashboard-figure-arrivals')).toContainText('未来 7 天到店')
  await expect(manager.getByRole('img', { name: /堆叠柱状图：每天按 VIP 等级的到店人数/ })).toBeVisible()
  await expect.poll(() => noSideways(manager), { message: "no sideways scrolling at 390 px" }).toBeLessThanOrEqual(0)
  await expectNoViolations(manager, 'dashboard in Chinese on a phone')
  await shoot(manager, 'dashboard-390-zh')
  await manager.setViewportSize({ width: 1280, height: 860 })
  await manager.reload()
  await afterLoad(manager.getByTestId('dashboard-arrivals')).toBeVisible()
  await shoot(manager, 'dashboard-1280-zh')
  await manager.context().close()
})

test('the front desk and department staff have no dashboard', async ({ browser }) => {
  for (const code of ['fd01', 'hk01']) {
    const page = await staffPage(browser, code)
    await page.goto('/#/dashboard')
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toHaveCount(0)
    const refused = await (await page.request.post('/api/report.dashboard', { data: {} })).json()
    expect(refused.error.code).toBe('FORBIDDEN')
    await page.context().close()
  }
})
