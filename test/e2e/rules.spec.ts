import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { startDemoHub, stopHub } from './demo-hub'
import { demoMember, signIn } from './staff'

// A hub of its own: the night audit here moves the business date, which no other spec should see.
const port = Number(process.env.ZHIKE_E2E_RULES_PORT ?? Number(process.env.ZHIKE_E2E_PORT ?? 4871) + 8)
const hubUrl = `http://127.0.0.1:${port}`
const shots = process.env.ZHIKE_E2E_SHOTS
let hub: ChildProcess | null = null

// Generous: axe on the long editor and three sign-ins take a while on a loaded machine.
test.describe.configure({ mode: 'serial', timeout: 240_000 })
test.beforeAll(async () => {
  test.setTimeout(180_000)
  hub = await startDemoHub(fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-e2e-rules-')), port)
})
test.afterAll(async () => {
  await stopHub(hub)
})

async function as(code: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: hubUrl })
  expect((await (await api.post('/api/session.signIn', { data: { code, pin: demoMember(code).pin } })).json()).ok).toBe(true)
  return api
}
async function api<T>(ctx: APIRequestContext, method: string, data: unknown): Promise<T> {
  const answer = await (await ctx.post(`/api/${method}`, { data })).json()
  expect(answer.ok, `${method}: ${JSON.stringify(answer.error)}`).toBe(true)
  return answer.value as T
}
async function staffPage(browser: Browser, code: string, viewport = { width: 1280, height: 860 }, locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ baseURL: hubUrl, viewport, locale })
  const page = await context.newPage()
  await signIn(page, code)
  return page
}
async function toChinese(page: Page): Promise<void> {
  await page.evaluate("localStorage.setItem('zhike.language', 'zh-CN')")
  await page.reload()
}
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

test('a manager writes a pillow rule, is told of a wrong placeholder beside the text, previews it, saves it, and a check-in puts it on housekeeping’s board', async ({ browser }) => {
  // The front desk: a guest arriving today who wants a firm pillow.
  const desk = await as('fd01')
  const clock = await api<{ businessDate: string }>(desk, 'hotel.clock', {})
  const guest = await api<{ id: number }>(desk, 'guest.create', { nativeName: '石枕', romanName: 'SHI Zhen' })
  await api(desk, 'preference.add', { guestId: guest.id, category: 'amenity', code: 'pillow', value: 'firm', strength: 'required' })
  const { stayId } = await api<{ stayId: number }>(desk, 'stay.reserve', { guestId: guest.id, arrival: clock.businessDate, departure: addDays(clock.businessDate, 2), party: 1 })

  const manager = await staffPage(browser, 'mg01')
  await manager.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: "Manager's desk" }).click()
  await manager.getByRole('menuitem', { name: 'Rules' }).click()
  await expect(manager.getByRole('heading', { name: 'Rules', level: 1 })).toBeVisible()
  await expect(manager.getByTestId('rule-row').first()).toBeVisible()
  await manager.getByRole('button', { name: 'New rule' }).click()
  const editor = manager.getByRole('region', { name: 'New rule' })
  await expect(editor.getByRole('textbox', { name: 'Trigger' })).toHaveValue('Check-in')
  // Check-in fires at the event: no days or time are asked.
  await expect(editor.getByRole('textbox', { name: 'At (hotel time)' })).toHaveCount(0)
  await editor.getByRole('textbox', { name: 'Preference category' }).click()
  await manager.getByRole('option', { name: 'Amenities', exact: true }).click()
  await editor.getByRole('textbox', { name: 'Item' }).click()
  await manager.getByRole('option', { name: 'Pillow', exact: true }).click()
  await editor.getByRole('textbox', { name: 'Department' }).click()
  await manager.getByRole('option', { name: 'Housekeeping', exact: true }).click()
  const english = editor.getByRole('textbox', { name: 'Prompt text (English)' })
  await english.fill('Firm pillow for {guest} in {rooom}')
  await editor.getByRole('textbox', { name: 'Prompt text (Chinese)' }).fill('为{room}的{guest}准备硬枕')
  await editor.getByRole('button', { name: 'Save rule' }).click()
  await expect(english).toHaveAttribute('aria-invalid', 'true')
  const englishError = manager.locator(`#${await english.getAttribute('aria-describedby').then((ids) => ids!.split(' ').find((id) => id.includes('error')))}`)
  await expect(englishError).toHaveText('Unknown placeholder {rooom}. Use one of the placeholders below.')
  await expect(editor.getByRole('textbox', { name: 'Prompt text (Chinese)' })).not.toHaveAttribute('aria-invalid', 'true')

  // The placeholder button puts {room} where the caret is.
  await english.fill('Firm pillow for {guest} in ')
  await editor.getByRole('group', { name: 'Insert a placeholder: Prompt text (English)' }).getByRole('button', { name: /^Insert \{room\}/ }).click()
  await expect(english).toHaveValue('Firm pillow for {guest} in {room}')
  await expect(english).not.toHaveAttribute('aria-invalid', 'true')

  await editor.getByRole('button', { name: 'Preview' }).click()
  const preview = editor.getByTestId('rule-preview')
  await expect(preview.getByRole('status')).toContainText(/Checked \d+ stays of today: fires for \d+\./)
  const ours = preview.getByRole('listitem').filter({ hasText: 'SHI Zhen' })
  await expect(ours).toContainText('Arriving')
  await expect(ours).toContainText('Firm pillow for')
  await expect(ours).toContainText('Because: Pillow: Firm (Required)')
  await expectNoViolations(manager, 'the rule editor with its preview')
  if (shots) await manager.screenshot({ path: `${shots}/rules-editor-en.png`, fullPage: true })

  await editor.getByRole('button', { name: 'Save rule' }).click()
  await expect(manager.getByTestId('rules-said')).toHaveText('Rule saved.')
  const saved = manager.getByTestId('rule-row').filter({ hasText: 'Firm pillow for {guest} in {room}' })
  await expect(saved).toContainText('Check-in · Housekeeping · Amenities › Pillow')
  // A new rule runs last.
  await expect(manager.getByTestId('rule-row').last()).toContainText('Firm pillow for {guest} in {room}')

  // The front desk checks the guest in; housekeeping's board shows the rule's words.
  const [room] = await api<{ room: { number: string } }[]>(desk, 'room.suggest', { stayId })
  const roomNumber = room!.room.number
  await api(desk, 'stay.checkIn', { stayId, roomNumber })
  const housekeeping = await staffPage(browser, 'hk01', { width: 390, height: 844 })
  await expect(housekeeping.getByTestId('prompt').filter({ hasText: `Firm pillow for` }).filter({ hasText: roomNumber }).first()).toBeVisible()
  await desk.dispose()
  await housekeeping.context().close()
  await manager.context().close()
})

test('rules are ordered with the keyboard, switched off and on, and the screen reads well in Chinese and on a phone', async ({ browser }) => {
  const manager = await staffPage(browser, 'mg01', { width: 390, height: 844 })
  await manager.goto('/#/rules')
  const rows = manager.getByTestId('rule-row')
  await expect(rows.first()).toBeVisible()
  const firstText = (await rows.nth(0).locator('p').first().textContent())!.replace(/^1\. /, '')
  const secondText = (await rows.nth(1).locator('p').first().textContent())!.replace(/^2\. /, '')
  const down = manager.getByRole('button', { name: `Move down: ${firstText}`, exact: true })
  await down.focus()
  await manager.keyboard.press('Enter')
  await expect(manager.getByTestId('rules-said')).toHaveText(`Moved: ${firstText} is now number 2.`)
  await expect(rows.nth(0)).toContainText(`1. ${secondText}`)
  await expect(rows.nth(1)).toContainText(`2. ${firstText}`)
  await expect(down).toBeFocused()
  // The order is the store's, not only the screen's.
  await manager.reload()
  await expect(rows.nth(1)).toContainText(`2. ${firstText}`)

  const toggle = manager.getByRole('switch', { name: `Rule on: ${firstText}` })
  const wasOn = await toggle.isChecked()
  await toggle.focus()
  await manager.keyboard.press('Space')
  await expect(manager.getByTestId('rules-said')).toHaveText(`${wasOn ? 'Switched off' : 'Switched on'}: ${firstText}`)
  await expect(rows.nth(1).getByText('Off', { exact: true })).toHaveCount(wasOn ? 1 : 0)
  await expect(toggle).toBeChecked({ checked: !wasOn })
  await manager.reload()
  await expect(toggle).toBeChecked({ checked: !wasOn })
  await toggle.focus()
  await manager.keyboard.press('Space')
  await expect(toggle).toBeChecked({ checked: wasOn })

  // Nothing wider than the phone.
  expect(await manager.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390)
  await expectNoViolations(manager, 'the rules list on a phone')
  await manager.getByRole('button', { name: 'New rule' }).click()
  await expect(manager.getByRole('region', { name: 'New rule' })).toBeVisible()
  expect(await manager.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390)
  if (shots) await manager.screenshot({ path: `${shots}/rules-editor-390.png`, fullPage: true })

  await toChinese(manager)
  await expect(manager.getByRole('heading', { name: '规则', level: 1 })).toBeVisible()
  await expect(rows.first()).toBeVisible()
  await expectNoViolations(manager, 'the rules list in Chinese')
  if (shots) await manager.screenshot({ path: `${shots}/rules-zh-390.png`, fullPage: true })
  await manager.getByRole('button', { name: '新建规则' }).click()
  const editor = manager.getByRole('region', { name: '新建规则' })
  await editor.getByRole('textbox', { name: '触发时刻' }).click()
  await manager.getByRole('option', { name: '离店后' }).click()
  // After the stay: days and a time are asked, filled with a sensible start.
  await expect(editor.getByRole('textbox', { name: '离店后天数' })).toHaveValue('1')
  await expect(editor.getByRole('textbox', { name: '时间（酒店时间）' })).toHaveValue('10:00')
  await editor.getByRole('textbox', { name: '时间（酒店时间）' }).fill('25:00')
  await editor.getByRole('button', { name: '保存规则' }).click()
  await expect(editor.getByText('请按 24 小时制填写实际存在的时间 HH:MM，如 09:30。')).toBeVisible()
  await expect(editor.getByText('请写明部门要做什么（至少 3 个字）。').first()).toBeVisible()
  await expectNoViolations(manager, 'the rule editor in Chinese with errors')
  if (shots) await manager.screenshot({ path: `${shots}/rules-editor-zh-390.png`, fullPage: true })
  await manager.context().close()
})

/** Zones one per hour of offset, with what to type to find each in the time-zone list. */
const zonesByOffset: [string, string][] = [
  ['Pacific/Pago_Pago', 'Pago Pago'], ['Pacific/Honolulu', 'Honolulu'], ['America/Anchorage', 'Anchorage'], ['America/Los_Angeles', 'Los Angeles'],
  ['America/Denver', 'Denver'], ['America/Chicago', 'Chicago'], ['America/New_York', 'New York'], ['America/Halifax', 'Halifax'],
  ['America/Sao_Paulo', 'Sao Paulo'], ['Atlantic/South_Georgia', 'South Georgia'], ['Atlantic/Cape_Verde', 'Cape Verde'], ['Africa/Abidjan', 'Abidjan'],
  ['Africa/Lagos', 'Lagos'], ['Africa/Cairo', 'Cairo'], ['Europe/Moscow', 'Moscow'], ['Asia/Dubai', 'Dubai'], ['Asia/Karachi', 'Karachi'],
  ['Asia/Dhaka', 'Dhaka'], ['Asia/Bangkok', 'Bangkok'], ['Asia/Macau', 'Macau'], ['Asia/Tokyo', 'Tokyo'], ['Australia/Brisbane', 'Brisbane'],
  ['Pacific/Noumea', 'Noumea'], ['Pacific/Fiji', 'Fiji'], ['Pacific/Tongatapu', 'Tongatapu'], ['Pacific/Kiritimati', 'Kiritimati'],
]

/** A zone where it is now between 13:00 and 22:59 on `businessDate`, so the day can be closed by hand after a 12:30 audit time. */
function afternoonZone(businessDate: string): [string, string] {
  const now = new Date()
  for (const [zone, city] of zonesByOffset) {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' }).formatToParts(now)
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
    const hour = Number(get('hour'))
    // Leave a few minutes' margin before the end of the window for the test itself.
    if (`${get('year')}-${get('month')}-${get('day')}` === businessDate && hour >= 13 && hour <= 21) return [zone, city]
  }
  throw new Error(`no zone is in the afternoon of ${businessDate} now`)
}

test('settings: the hotel clock, promises and escalation, and a night audit run by hand with its report, in both languages', async ({ browser }) => {
  const manager = await staffPage(browser, 'mg01')
  await manager.goto('/#/settings')
  const clock = manager.getByRole('region', { name: 'Hotel clock' })
  await expect(clock.getByTestId('hotel-clock-now')).toContainText('Business date')
  const zone = clock.getByRole('textbox', { name: 'Time zone' })
  const stored = (await (await manager.request.post('/api/hotel.clock', { data: {} })).json()).value.timeZone as string
  await expect(zone).toHaveValue(stored.replace(/_/g, ' '))
  // A night audit by hand may close the business date only from the evening (or from the audit
  // time, when that is in the afternoon): the hotel is put where it is afternoon or evening of
  // its business date now, with the audit at 12:30, whenever this runs.
  const business = (await (await manager.request.post('/api/hotel.clock', { data: {} })).json()).value.businessDate as string
  const [hotelZone, city] = afternoonZone(business)
  await zone.click()
  await zone.fill(city)
  // Options read as people write them: "Atlantic/Cape Verde" for Atlantic/Cape_Verde.
  await manager.getByRole('option', { name: hotelZone.replace(/_/g, ' '), exact: true }).click()
  const audit = clock.getByRole('textbox', { name: 'Night audit at (hotel time)' })
  await audit.fill('3:00')
  await clock.getByRole('button', { name: 'Save hotel clock' }).click()
  await expect(clock.getByText('Give a real time as HH:MM on a 24-hour clock, such as 04:00.')).toBeVisible()
  await audit.fill('12:30')
  await clock.getByRole('button', { name: 'Save hotel clock' }).click()
  await expect(clock.getByTestId('hotel-clock-saved')).toHaveText(`Saved. The hotel's time zone is ${hotelZone}; the night audit runs at 12:30.`)

  // Housekeeping's promises: a step that comes before the one above it is named.
  const hk = manager.getByTestId('promises-housekeeping')
  await hk.getByRole('button', { name: 'Add a step' }).click()
  await hk.getByRole('button', { name: 'Add a step' }).click()
  const stepsBefore = await hk.getByRole('group', { name: /^Step \d$/ }).count()
  const last = hk.getByRole('textbox', { name: `Step ${stepsBefore}: minutes after` })
  await last.fill('0')
  if (stepsBefore > 1) {
    await hk.getByRole('textbox', { name: `Step ${stepsBefore - 1}: minutes after` }).fill('20')
    await hk.getByRole('button', { name: 'Save Housekeeping' }).click()
    await expect(hk.getByText(`Step ${stepsBefore} comes after the one before: give it at least 20 minutes.`)).toBeVisible()
  }
  await last.fill('45')
  await hk.getByRole('button', { name: 'Save Housekeeping' }).click()
  await expect(hk.getByRole('status')).toHaveText('Saved the promises of Housekeeping.')
  const steps = await (await manager.request.post('/api/escalation.steps', { data: {} })).json()
  const housekeeping = steps.value.find((d: { department: string }) => d.department === 'housekeeping')
  expect(housekeeping.steps.at(-1)).toMatchObject({ afterMinutes: 45 })
  await expectNoViolations(manager, 'settings: clock, night audit, promises')
  if (shots) await manager.screenshot({ path: `${shots}/settings-en.png`, fullPage: true })

  const night = manager.getByRole('region', { name: 'Night audit' })
  const before = (await (await manager.request.post('/api/hotel.clock', { data: {} })).json()).value.businessDate as string
  await night.getByRole('button', { name: 'Run night audit now' }).click()
  const dialog = manager.getByRole('dialog', { name: 'Run the night audit now?' })
  await expect(dialog).toContainText('It cannot be undone.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  expect((await (await manager.request.post('/api/hotel.clock', { data: {} })).json()).value.businessDate).toBe(before)
  await night.getByRole('button', { name: 'Run night audit now' }).click()
  await manager.getByRole('dialog').getByRole('button', { name: 'Close the business date' }).click()
  const report = night.getByTestId('night-audit-report')
  await expect(report).toBeVisible()
  await expect(report).toContainText('Due out, not checked out')
  await expect(report).toContainText('Prompts carried over')
  await expect(night.getByText(/^Night audit done\. The business date is now /)).toBeVisible()
  expect((await (await manager.request.post('/api/hotel.clock', { data: {} })).json()).value.businessDate).toBe(addDays(before, 1))
  await expectNoViolations(manager, 'settings after a night audit')

  await toChinese(manager)
  await expect(manager.getByRole('region', { name: '酒店时钟' })).toBeVisible()
  await expect(manager.getByRole('region', { name: '夜审' }).getByTestId('night-audit-report')).toBeVisible()
  await expectNoViolations(manager, 'settings in Chinese')
  if (shots) await manager.screenshot({ path: `${shots}/settings-zh.png`, fullPage: true })
  await manager.setViewportSize({ width: 390, height: 844 })
  expect(await manager.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390)
  if (shots) await manager.screenshot({ path: `${shots}/settings-zh-390.png`, fullPage: true })
  await manager.context().close()
})
