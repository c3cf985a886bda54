import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { demoMember, staffPage } from './staff'

// Run on a port of its own: ZHIKE_E2E_PORT=48221 npx playwright test test/e2e/promise-report.spec.ts
// A housekeeper and a waiter act on the demo hotel's prompts; the manager reads the promise report.

async function signedIn(request: APIRequestContext, code: string) {
  const signIn = await request.post('/api/session.signIn', { data: { code, pin: demoMember(code).pin } })
  expect((await signIn.json()).ok).toBe(true)
  return async (name: string, input: unknown) => {
    const answer = await (await request.post(`/api/${name}`, { data: input })).json()
    expect(answer.ok, `${name}: ${JSON.stringify(answer.error)}`).toBe(true)
    return answer.value
  }
}

async function reportFromApi(page: Page, range: { from: string; to: string }) {
  const answer = await (await page.request.post('/api/report.promises', { data: range })).json()
  expect(answer.ok).toBe(true)
  return answer.value
}

const percent = (value: number | null) => (value === null ? '—' : `${value}%`)
const shift = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

test('a manager reads how well the promises were kept, changes the range, and reads it in Chinese', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(180_000) // three people, two axe audits and a reload in Chinese: over a minute on a busy 2-core machine
  const housekeeping = await signedIn(await playwright.request.newContext({ baseURL }), 'hk01')
  // Tasks only: a standing instruction is acknowledged once and closes when the guest leaves.
  const tasks = (prompts: { id: number; kind: string; status: string }[]) => prompts.filter((p) => p.kind === 'task')
  const board = tasks(await housekeeping('prompt.board', { department: 'housekeeping' }))
  expect(board.length).toBeGreaterThan(3)
  for (const prompt of board.slice(0, 2)) {
    // The demo's departments acknowledged earlier days' work at load; today's is still open.
    if (prompt.status === 'open') await housekeeping('prompt.acknowledge', { promptId: prompt.id })
    await housekeeping('prompt.complete', { promptId: prompt.id })
  }
  await housekeeping('prompt.decline', { promptId: board[2].id, reason: 'Guest asked us not to' })
  const restaurant = await signedIn(await playwright.request.newContext({ baseURL }), 'rs01')
  const dishes = tasks(await restaurant('prompt.board', { department: 'restaurant' }))
  await restaurant('prompt.decline', { promptId: dishes[0].id, reason: 'Out of stock' })

  const manager = await staffPage(browser, 'mg01')
  await manager.getByRole('navigation').getByRole('button', { name: "Manager's desk" }).click()
  await manager.getByRole('menuitem', { name: 'Promise reports' }).click()
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Promise reports')
  const clock = await (await manager.request.post('/api/hotel.clock', { data: {} })).json()
  const today = clock.value.businessDate as string
  // The default range: the last 7 business dates up to today.
  await expect(manager.getByRole('textbox', { name: 'From (business date)' })).toHaveValue(shift(today, -6))
  await expect(manager.getByRole('textbox', { name: 'To (business date)' })).toHaveValue(today)
  await expect(manager.getByTestId('report-help')).toContainText(`in ${clock.value.timeZone}`)

  const week = await reportFromApi(manager, { from: shift(today, -6), to: today })
  expect(week.totals.issued).toBeGreaterThan(0)
  await expect(manager.getByTestId('figure-issued')).toContainText(String(week.totals.issued))
  await expect(manager.getByTestId('figure-declined')).toContainText(String(week.totals.declined))
  await expect(manager.getByTestId('figure-ack')).toContainText(`${week.totals.ackWithin} of ${week.totals.ackJudged}`)
  await expect(manager.getByTestId('figure-done')).toContainText(`${week.totals.doneWithin} of ${week.totals.doneJudged}`)
  await expect(manager.getByTestId('figure-ack')).toContainText(percent(week.totals.ackWithinPct))
  await expect(manager.getByTestId('figure-ack-times')).toContainText(week.totals.ackMinutes.median === null ? '—' : String(week.totals.ackMinutes.median))
  await expect(manager.getByRole('img', { name: /Bar chart: the share of prompts acknowledged and done within promise/ })).toBeVisible()
  await expect(manager.getByRole('img', { name: /Line chart/ })).toBeVisible()
  const reasons = manager.getByTestId('decline-reasons')
  await expect(reasons.getByRole('listitem').filter({ hasText: 'Guest asked us not to' })).toContainText('Housekeeping')
  await expect(reasons.getByRole('listitem').filter({ hasText: 'Out of stock' })).toContainText('Food & Beverage')

  // The chart's figures as a table, opened from the keyboard.
  const showTable = manager.locator('summary', { hasText: 'Show the figures as a table' }).first()
  await showTable.focus()
  await manager.keyboard.press('Enter')
  const departmentRow = manager.getByTestId('department-table').getByRole('row').filter({ has: manager.getByRole('rowheader', { name: 'Housekeeping', exact: true }) })
  const hk = week.byDepartment.find((d: { department: string }) => d.department === 'housekeeping')
  await expect(departmentRow.getByRole('cell').first()).toHaveText(String(hk.issued))
  await expect(departmentRow.getByRole('cell').nth(1)).toHaveText(percent(hk.ackWithinPct))
  await expect(manager.getByTestId('rule-table').getByRole('row')).toHaveCount(week.byRule.length + 1)
  await expectNoViolations(manager, 'promise report')

  // One department.
  await manager.getByRole('combobox', { name: 'Department' }).selectOption('housekeeping')
  await expect(manager.getByTestId('figure-issued')).toContainText(String(hk.issued))
  await expect(manager.getByTestId('department-table').getByRole('row')).toHaveCount(2)
  await manager.getByRole('combobox', { name: 'Department' }).selectOption('')

  // Another range: an empty week long ago, then a range that ends before it starts.
  await manager.getByRole('textbox', { name: 'From (business date)' }).fill(shift(today, -40))
  await manager.getByRole('textbox', { name: 'To (business date)' }).fill(shift(today, -34))
  await expect(manager.getByTestId('report-empty')).toHaveText('No prompts were issued in this range.')
  await expect(manager.getByTestId('figure-issued')).toContainText('0')
  await expect(manager.getByTestId('figure-ack')).toContainText('—')
  await manager.getByRole('textbox', { name: 'To (business date)' }).fill(shift(today, -50))
  await expect(manager.getByTestId('report-range-problem')).toHaveText('The range ends before it starts: choose an end date on or after the start date.')
  await manager.getByRole('button', { name: 'Last 30 days' }).click()
  await expect(manager.getByRole('textbox', { name: 'From (business date)' })).toHaveValue(shift(today, -29))
  await expect(manager.getByTestId('report-range-problem')).toHaveCount(0)
  await expect(manager.getByTestId('figure-issued')).toContainText(String(week.totals.issued))

  // In Chinese, on a phone.
  await manager.setViewportSize({ width: 390, height: 844 })
  await manager.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('zhike.language', 'zh-CN'))
  await manager.reload()
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('服务承诺报表')
  await expect(manager.getByTestId('figure-issued')).toContainText('发出的提示')
  await expect(manager.getByTestId('decline-reasons')).toContainText('客房部')
  const overflow = await manager.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return root.scrollWidth - root.clientWidth
  })
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoViolations(manager, 'promise report in Chinese on a phone')
  await manager.context().close()
})

test('the front desk has no promise report', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  await expect(desk.getByRole('navigation').getByRole('link', { name: 'Check-in' })).toBeVisible()
  await expect(desk.getByRole('button', { name: /Manager's desk/ })).toHaveCount(0)
  await expect(desk.getByRole('navigation').getByRole('link', { name: 'Promise reports' })).toHaveCount(0)
  await desk.goto('/#/reports')
  await expect(desk.getByRole('heading', { level: 1, name: 'Promise reports' })).toHaveCount(0)
  const refused = await (await desk.request.post('/api/report.promises', { data: { from: '2026-01-01', to: '2026-01-07' } })).json()
  expect(refused.error.code).toBe('FORBIDDEN')
  await desk.context().close()
})
