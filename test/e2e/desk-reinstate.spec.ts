import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { startDemoHub, stopHub } from './demo-hub'
import { demoMember, signIn } from './staff'

// Issue 10, the screens of core's latest changes: a no-show reinstated from the desk; Undo offered
// only to whoever checked the guest in (or a manager); the rule preview says when a timed rule
// fires; a refused item to leave out and a step written twice are said beside their fields.
// Own hub: npx playwright test test/e2e/desk-reinstate.spec.ts (port 48631, or ZHIKE_E2E_REINSTATE_PORT)
const port = Number(process.env.ZHIKE_E2E_REINSTATE_PORT ?? 48631)
const hubUrl = `http://127.0.0.1:${port}`
let hub: ChildProcess | null = null
let dataDir = ''
const phone = { width: 390, height: 844 }
/** A folder to keep screenshots of each state in, for a look by eye (optional). */
const shots = process.env.ZHIKE_E2E_SHOTS
const shoot = async (part: Page | Locator, name: string) => (shots ? void (await part.screenshot({ path: `${shots}/${name}.png` })) : undefined)

test.describe.configure({ mode: 'serial', timeout: 240_000 })
test.beforeAll(async () => {
  test.setTimeout(180_000)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-e2e-reinstate-'))
  hub = await startDemoHub(dataDir, port)
})
test.afterAll(async () => {
  await stopHub(hub)
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

async function as(code: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL: hubUrl })
  expect((await (await ctx.post('/api/session.signIn', { data: { code, pin: demoMember(code).pin } })).json()).ok).toBe(true)
  return ctx
}
async function api<T>(ctx: APIRequestContext, method: string, data: unknown = {}): Promise<T> {
  const answer = await (await ctx.post(`/api/${method}`, { data })).json()
  expect(answer.ok, `${method}: ${JSON.stringify(answer.error)}`).toBe(true)
  return answer.value as T
}
async function staffPage(browser: Browser, code: string, viewport = { width: 1280, height: 860 }, options: { chinese?: boolean; timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: hubUrl, viewport, locale: 'en-US', timezoneId: options.timezoneId })
  await context.addInitScript(`if (!localStorage.getItem('zhike.language')) localStorage.setItem('zhike.language', '${options.chinese ? 'zh-CN' : 'en'}')`)
  const page = await context.newPage()
  if (options.chinese) {
    // Sign in in English (the helper reads the English labels), then switch.
    await page.goto('/')
    await page.evaluate("localStorage.setItem('zhike.language', 'en')")
  }
  await signIn(page, code)
  if (options.chinese) {
    await page.evaluate("localStorage.setItem('zhike.language', 'zh-CN')")
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  }
  return page
}

interface Arrival {
  stayId: number
  guestId: number
  confirmationNo: string
  guest: { nativeName: string }
  departure: string
  status: string
}

/** Two of today's expected arrivals whose names no other arrival shares (so a search opens them). */
async function arrivalsToday(desk: APIRequestContext, count: number): Promise<Arrival[]> {
  const arrivals = await api<Arrival[]>(desk, 'stay.arrivals')
  const unique = arrivals.filter((a) => a.status === 'reserved' && !arrivals.some((b) => b !== a && b.guest.nativeName === a.guest.nativeName))
  expect(unique.length, 'reserved arrivals today').toBeGreaterThanOrEqual(count)
  return unique.slice(-count)
}

async function openGuest(desk: Page, name: string, search = 'Find a guest'): Promise<void> {
  const box = desk.getByRole('textbox', { name: search })
  await box.fill(name)
  await box.press('Enter')
}

test('a no-show is reinstated from the desk, asked first; it is expected again (English, then Chinese on a phone)', async ({ browser }) => {
  const fd = await as('fd01')
  const [first, second] = await arrivalsToday(fd, 2)
  const desk = await staffPage(browser, 'fd01')
  // Recorded a no-show at the desk: the panel says so and offers Reinstate.
  await openGuest(desk, first!.guest.nativeName)
  const panel = desk.getByRole('region', { name: `Stay ${first!.confirmationNo}` })
  await expect(panel).toBeVisible()
  await panel.getByRole('button', { name: 'Record no-show' }).click()
  await desk.getByRole('dialog', { name: `Record ${first!.confirmationNo} as a no-show?` }).getByRole('button', { name: 'Record no-show' }).click()
  await expect(panel.getByText('No-show', { exact: true })).toBeVisible()
  const reinstate = panel.getByRole('button', { name: 'Reinstate' })
  await expect(reinstate).toBeVisible()
  await expectNoViolations(desk, 'a no-show with Reinstate')
  await shoot(desk, 'reinstate-en')
  await reinstate.click()
  const dialog = desk.getByRole('dialog', { name: `Reinstate ${first!.confirmationNo}?` })
  await expect(dialog).toContainText('the reservation is expected again')
  await expectNoViolations(desk, 'the reinstate confirmation')
  // Keeping it a no-show changes nothing.
  await dialog.getByRole('button', { name: 'Keep as no-show' }).click()
  await expect(panel.getByText('No-show', { exact: true })).toBeVisible()
  await reinstate.click()
  await dialog.getByRole('button', { name: 'Reinstate' }).click()
  await expect(desk.getByText(new RegExp(`${first!.confirmationNo} reinstated: expected again`))).toBeVisible()
  await expect(panel.getByText('Reserved', { exact: true })).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Reinstate' })).toHaveCount(0)
  await expect(panel.getByTestId('room-suggestions')).toBeVisible()
  expect((await api<{ status: string }>(fd, 'stay.details', { stayId: first!.stayId })).status).toBe('reserved')
  await desk.context().close()

  // On a phone in Chinese: a no-show recorded elsewhere (night audit, another desk).
  await api(fd, 'stay.cancel', { stayId: second!.stayId, noShow: true })
  const zh = await staffPage(browser, 'fd01', phone, { chinese: true })
  await openGuest(zh, second!.guest.nativeName, '查找宾客')
  const zhPanel = zh.getByRole('region', { name: new RegExp(second!.confirmationNo) })
  await expect(zhPanel.getByText('未到', { exact: true })).toBeVisible()
  await zhPanel.getByRole('button', { name: '恢复预订' }).click()
  await expect(zh.getByRole('dialog', { name: `恢复预订 ${second!.confirmationNo}？` })).toBeVisible()
  await expectNoViolations(zh, 'the reinstate confirmation in Chinese on a phone')
  await shoot(zh, 'reinstate-dialog-zh-390')
  await zh.getByRole('dialog').getByRole('button', { name: '恢复预订' }).click()
  await expect(zh.getByText(`${second!.confirmationNo} 已恢复预订`, { exact: false })).toBeVisible()
  await expect(zhPanel.getByRole('button', { name: '恢复预订' })).toHaveCount(0)
  await expectNoViolations(zh, 'a reinstated stay in Chinese on a phone')
  await zh.context().close()
  await fd.dispose()
})

test('Undo of a check-in is offered to whoever checked the guest in and to a manager, not to a colleague', async ({ browser }) => {
  const fd = await as('fd01')
  const [guest] = await arrivalsToday(fd, 1)
  const [room] = await api<{ room: { number: string } }[]>(fd, 'room.suggest', { stayId: guest!.stayId })
  await api(fd, 'stay.checkIn', { stayId: guest!.stayId, roomNumber: room!.room.number })
  const name = guest!.guest.nativeName

  const mine = await staffPage(browser, 'fd01', phone)
  await openGuest(mine, name)
  await expect(mine.getByTestId('undo-check_in')).toBeVisible()
  await expectNoViolations(mine, 'the Undo of one’s own check-in on a phone')
  await mine.context().close()

  const colleague = await staffPage(browser, 'fd02')
  await openGuest(colleague, name)
  const panel = colleague.getByRole('region', { name: `Stay ${guest!.confirmationNo}` })
  await expect(panel.getByText('In house', { exact: true })).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Check out of room', exact: false })).toBeVisible()
  await expect(colleague.getByTestId('undo-check_in')).toHaveCount(0)
  await expectNoViolations(colleague, 'a colleague’s check-in without Undo')
  await colleague.context().close()

  const manager = await staffPage(browser, 'mg01')
  await openGuest(manager, name)
  await expect(manager.getByTestId('undo-check_in')).toBeVisible()
  await manager.context().close()
  await fd.dispose()
})

test('the rule preview says when a timed rule fires, in the hotel’s time; an item left out that the rule is for is refused beside its field', async ({ browser }) => {
  // A browser far from the hotel: the time shown must still be the hotel's.
  const manager = await staffPage(browser, 'mg01', { width: 1280, height: 860 }, { timezoneId: 'America/Los_Angeles' })
  await manager.goto('/#/rules')
  await expect(manager.getByTestId('rule-row').first()).toBeVisible()
  await manager.getByRole('button', { name: 'New rule' }).click()
  const editor = manager.getByRole('region', { name: 'New rule' })
  await editor.getByRole('textbox', { name: 'Trigger' }).click()
  await manager.getByRole('option', { name: 'Daily during the stay', exact: true }).click()
  await editor.getByRole('textbox', { name: 'At (hotel time)' }).fill('23:45')
  await editor.getByRole('textbox', { name: 'Department' }).click()
  await manager.getByRole('option', { name: 'Housekeeping', exact: true }).click()
  await editor.getByRole('textbox', { name: 'Prompt text (English)' }).fill('Turn-down for {guest}')
  await editor.getByRole('textbox', { name: 'Prompt text (Chinese)' }).fill('为{guest}开夜床')
  await editor.getByRole('button', { name: 'Preview' }).click()
  const preview = editor.getByTestId('rule-preview')
  await expect(preview.getByRole('status')).toContainText(/fires for [1-9]/)
  await expect(preview.getByTestId('preview-fires-at').first()).toHaveText(/^Fires at (\d{1,2} \w{3},? )?23:45$/)
  await expectNoViolations(manager, 'the rule preview with its firing time')
  await shoot(preview.getByRole('listitem').first(), 'rule-preview-fires-at-en')
  await editor.getByRole('button', { name: 'Cancel' }).click()

  // The built-in rule for food a guest avoids leaves out allergies and dislikes; making it a rule
  // for allergies alone leaves nothing, and the refusal is said beside the items left out.
  await manager.getByRole('button', { name: /^Edit rule: Do not offer \{guest\} \{value\}/ }).click()
  const edit = manager.getByRole('region', { name: 'Edit rule' })
  const except = edit.getByRole('textbox', { name: 'Except', exact: true })
  await expect(edit.getByTestId('rule-except-codes').locator('..').locator('..')).toContainText('Allergy')
  await edit.getByRole('textbox', { name: 'Item', exact: true }).click()
  await manager.getByRole('option', { name: 'Allergy', exact: true }).click()
  await edit.getByRole('button', { name: 'Preview' }).click()
  await expect(except).toHaveAttribute('aria-invalid', 'true')
  await expect(edit).toContainText('This item is not in the category, or is named twice: choose items of the category once each.')
  await expect(edit.getByText('Fix what is marked below, then save again.')).toBeVisible()
  await expectNoViolations(manager, 'an item left out refused beside its field')
  await shoot(edit.getByRole('group', { name: 'For which guests' }).or(except.locator('xpath=ancestor::fieldset[1]')).first(), 'rule-except-codes-en')
  await manager.context().close()
})

test('an escalation step written twice is named beside that step, in English and Chinese', async ({ browser }) => {
  for (const chinese of [false, true]) {
    const manager = await staffPage(browser, 'mg01', chinese ? phone : { width: 1280, height: 860 }, { chinese })
    await manager.goto('/#/settings')
    const form = manager.getByTestId('promises-housekeeping')
    await expect(form).toBeVisible()
    const steps = form.getByRole('group')
    const before = await steps.count()
    await form.getByRole('button', { name: chinese ? '添加步骤' : 'Add a step' }).click()
    await form.getByRole('button', { name: chinese ? '添加步骤' : 'Add a step' }).click()
    await expect(steps).toHaveCount(before + 2)
    const last = before + 2
    // The last step copies the one before it: the same person at the same minute.
    const prior = await form.getByRole('textbox', { name: chinese ? new RegExp(`第 ?${last - 1} ?步.*分钟`) : `Step ${last - 1}: minutes after` }).inputValue()
    await form.getByRole('textbox', { name: chinese ? new RegExp(`第 ?${last} ?步.*分钟`) : `Step ${last}: minutes after` }).fill(prior)
    const priorTell = await form.getByRole('textbox', { name: chinese ? new RegExp(`第 ?${last - 1} ?步.*通知`) : `Step ${last - 1}: tell` }).inputValue()
    const tell = form.getByRole('textbox', { name: chinese ? new RegExp(`第 ?${last} ?步.*通知`) : `Step ${last}: tell` })
    await tell.click()
    await manager.getByRole('option', { name: priorTell, exact: true }).click()
    await form.getByRole('button', { name: chinese ? /保存/ : /^Save / }).click()
    await expect(tell).toHaveAttribute('aria-invalid', 'true')
    await expect(form).toContainText(chinese ? `第 ${last} 步与前面的步骤重复` : `Step ${last} repeats an earlier step`)
    await expectNoViolations(manager, `a step written twice${chinese ? ' in Chinese on a phone' : ''}`)
    await shoot(form, `step-twice-${chinese ? 'zh-390' : 'en'}`)
    await manager.context().close()
  }
})
