import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { startDemoHub, stopHub } from './demo-hub'
import { signIn } from './staff'

/*
 * Issue 13, the manager's side of recovery settings: the hotel's currency on the settings screen,
 * and the post-stay follow-up rule ("Only guests who had a problem during this stay", N days after
 * departure) and a recovery rule's read-only trigger on the rules screen; both languages, a phone.
 */
const port = Number(process.env.ZHIKE_E2E_RECOVERY_SETTINGS_PORT ?? Number(process.env.ZHIKE_E2E_PORT ?? 4871) + 12)
const hubUrl = `http://127.0.0.1:${port}`
const shots = process.env.ZHIKE_E2E_SHOTS
let hub: ChildProcess | null = null

test.describe.configure({ mode: 'serial', timeout: 240_000 })
test.beforeAll(async () => {
  test.setTimeout(180_000)
  hub = await startDemoHub(fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-e2e-recovery-settings-')), port)
})
test.afterAll(async () => {
  await stopHub(hub)
})

async function managerPage(browser: Browser, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: hubUrl, viewport, locale: 'en-US' })
  const page = await context.newPage()
  await signIn(page, 'mg01')
  return page
}
async function toChinese(page: Page): Promise<void> {
  await page.evaluate("localStorage.setItem('zhike.language', 'zh-CN')")
  await page.reload()
}

test('the manager sets the hotel currency; a code not in the list cannot be chosen', async ({ browser }) => {
  const manager = await managerPage(browser)
  await manager.goto('/#/settings')
  const section = manager.getByRole('region', { name: 'Currency' })
  const select = section.getByRole('textbox', { name: "The hotel's currency" })
  await expect(select).toHaveValue(/\(CNY\)$/)
  await select.click()
  await select.fill('HKD')
  await manager.getByRole('option', { name: /\(HKD\)$/ }).click()
  await section.getByRole('button', { name: 'Save currency' }).click()
  await expect(section.getByTestId('currency-saved')).toHaveText(/^Saved\. Money is now kept in .*\(HKD\)\.$/)
  await manager.reload()
  await expect(manager.getByRole('region', { name: 'Currency' }).getByRole('textbox', { name: "The hotel's currency" })).toHaveValue(/\(HKD\)$/)
  await expectNoViolations(manager, 'the settings screen with the currency')
  if (shots) await section.screenshot({ path: `${shots}/currency-en.png` })
  await toChinese(manager)
  const zh = manager.getByRole('region', { name: '币种' })
  await expect(zh.getByRole('textbox', { name: '酒店币种' })).toHaveValue(/（HKD）$/)
  if (shots) await zh.screenshot({ path: `${shots}/currency-zh.png` })
  // Back to CNY so the demo hotel reads as before.
  await zh.getByRole('textbox', { name: '酒店币种' }).fill('CNY')
  await manager.getByRole('option', { name: /（CNY）$/ }).click()
  await zh.getByRole('button', { name: '保存币种' }).click()
  await expect(zh.getByTestId('currency-saved')).toContainText('CNY')
  await manager.context().close()
})

test('the post-stay follow-up: its checkbox and days on the rules screen; a recovery rule’s trigger is explained, not offered', async ({ browser }) => {
  const manager = await managerPage(browser, { width: 390, height: 844 })
  await manager.goto('/#/rules')
  const rows = manager.getByTestId('rule-row')
  const postStay = rows.filter({ hasText: 'who left on' })
  await expect(postStay).toHaveCount(1)
  await expect(postStay).toContainText('Had a problem this stay')
  await postStay.getByRole('button', { name: /^Edit/ }).click()
  const editor = manager.getByRole('region', { name: 'Edit rule' })
  await expect(editor.getByRole('checkbox', { name: 'Only guests who had a problem during this stay' })).toBeChecked()
  const days = editor.getByRole('textbox', { name: 'Days after departure' })
  await expect(days).toHaveValue('3')
  await days.fill('4')
  if (shots) await editor.getByRole('checkbox', { name: 'Only guests who had a problem during this stay' }).screenshot({ path: `${shots}/post-stay-checkbox-390.png` })
  if (shots) await days.screenshot({ path: `${shots}/post-stay-days-390.png` })
  await editor.getByRole('button', { name: 'Save rule' }).click()
  await expect(manager.getByText('Rule saved.')).toBeVisible()
  expect(await manager.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390)
  await expectNoViolations(manager, 'the post-stay rule on a phone')

  await manager.goto('/#/rules')
  const promise = rows.filter({ hasText: 'Make sure it is kept this stay' })
  await expect(promise).toContainText('When a recovery case asks')
  await promise.getByRole('button', { name: /^Edit/ }).click()
  const trigger = manager.getByRole('textbox', { name: 'Trigger' })
  await expect(trigger).toHaveValue('When a recovery case asks')
  await expect(trigger).toHaveAttribute('readonly', '')
  await expect(manager.getByRole('button', { name: /^Insert \{note\}/ }).first()).toBeVisible()
  if (shots) await manager.getByRole('region', { name: 'Edit rule' }).screenshot({ path: `${shots}/recovery-rule-390.png` })
  // A new rule is never offered the recovery trigger, nor {note}.
  await manager.getByRole('button', { name: 'Cancel' }).click()
  await manager.getByRole('button', { name: 'New rule' }).click()
  await manager.getByRole('textbox', { name: 'Trigger' }).click()
  await expect(manager.getByRole('option', { name: 'After the stay' })).toBeVisible()
  await expect(manager.getByRole('option', { name: 'When a recovery case asks' })).toHaveCount(0)
  await manager.keyboard.press('Escape')
  await expect(manager.getByRole('button', { name: /^Insert \{note\}/ })).toHaveCount(0)

  await toChinese(manager)
  await manager.goto('/#/rules')
  const zhRow = rows.filter({ hasText: '离店的' })
  await expect(zhRow).toContainText('本次住店遇到过问题')
  await zhRow.getByRole('button', { name: /^编辑/ }).click()
  const zhEditor = manager.getByRole('region', { name: '编辑规则' })
  await expect(zhEditor.getByRole('checkbox', { name: '仅限本次住店期间遇到过问题的客人' })).toBeChecked()
  await expectNoViolations(manager, 'the post-stay rule in Chinese')
  if (shots) await zhEditor.screenshot({ path: `${shots}/post-stay-rule-zh-390.png` })
  await manager.context().close()
})
