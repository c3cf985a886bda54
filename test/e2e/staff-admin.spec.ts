import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Browser, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { demoMember, staffPage } from './staff'

// Run on a port of its own: ZHIKE_E2E_PORT=4911 npx playwright test test/e2e/staff-admin.spec.ts --project hub-chromium
// An administrator deactivates a housekeeper whose board is open on a phone: the phone goes to
// sign-in at once. A reset PIN signs in only to choose a new one.

const shots = process.env.ZHIKE_SHOTS_DIR ?? path.join('test-results', 'staff-shots')
const phone = { width: 390, height: 844 }

async function shot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

async function language(page: Page, lang: 'en' | 'zh-CN') {
  await page.evaluate((l) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('zhike.language', l), lang)
  await page.reload()
}

/** Signs in on a fresh browser context of `viewport` with a typed code and PIN (not necessarily the demo's). */
async function signInWith(browser: Browser, code: string, pin: string, viewport = phone): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  const page = await context.newPage()
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Staff code or name' }).fill(code)
  await page.getByRole('textbox', { name: 'PIN', exact: true }).fill(pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  return page
}

async function openStaffScreen(admin: Page) {
  await admin.goto('/#/staff')
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Staff')
  await expect(admin.getByTestId('staff-table')).toBeVisible()
}

async function rowAction(admin: Page, code: string, action: string) {
  await admin.getByTestId(`staff-actions-${code}`).click()
  await admin.getByRole('menuitem', { name: action }).click()
}

test('an administrator deactivates a housekeeper; her open board on a phone is signed out', async ({ browser }) => {
  test.setTimeout(180_000)
  const housekeeper = demoMember('hk02')
  const board = await signInWith(browser, 'hk02', housekeeper.pin)
  await expect(board.getByRole('heading', { level: 1 })).toContainText('board')
  await expect(board.getByRole('button', { name: `Signed in as ${housekeeper.name}` })).toBeVisible()

  const admin = await staffPage(browser, 'ad01')
  // The Staff screen is in the administrator's desk menu.
  await admin.getByRole('navigation').getByRole('button', { name: "Manager's desk" }).click()
  await admin.getByRole('menuitem', { name: 'Staff' }).click()
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Staff')
  const row = admin.locator('[data-staff="hk02"]')
  await expect(row).toContainText(housekeeper.name)
  await expect(row).toContainText('Department staff')
  await expectNoViolations(admin, 'the Staff screen')
  await shot(admin, 'staff-1280-en')

  await rowAction(admin, 'hk02', 'Deactivate')
  const dialog = admin.getByRole('dialog', { name: `Deactivate ${housekeeper.name}?` })
  await expect(dialog).toBeVisible()
  await expectNoViolations(admin, 'the deactivate confirmation')
  await dialog.getByRole('button', { name: 'Deactivate' }).click()
  await expect(admin.getByText(`${housekeeper.name} is deactivated`)).toBeVisible()
  // Active is the default filter: she is gone from it, and listed under Inactive.
  await expect(row).toHaveCount(0)
  await admin.getByText('Inactive', { exact: true }).click()
  await expect(row).toContainText('Inactive')

  // The phone's board goes to sign-in and says why, without anyone touching it.
  await expect(board.getByTestId('signed-out')).toBeVisible({ timeout: 15_000 })
  await expect(board.getByRole('heading', { level: 1 })).toHaveText('Sign in')
  await board.getByRole('textbox', { name: 'Staff code or name' }).fill('hk02')
  await board.getByRole('textbox', { name: 'PIN', exact: true }).fill(housekeeper.pin)
  await board.getByRole('button', { name: 'Sign in' }).click()
  await expect(board.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible()

  // Reactivated, she signs in again with her PIN.
  await rowAction(admin, 'hk02', 'Reactivate')
  await admin.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click()
  await expect(admin.getByText(`${housekeeper.name} can sign in again`)).toBeVisible()
  await board.getByRole('button', { name: 'Sign in' }).click()
  await expect(board.getByRole('button', { name: `Signed in as ${housekeeper.name}` })).toBeVisible()

  // The Staff screen on a phone and in Chinese.
  await admin.getByText('All', { exact: true }).click()
  await language(admin, 'zh-CN')
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('员工')
  await shot(admin, 'staff-1280-zh-CN')
  await admin.setViewportSize(phone)
  await shot(admin, 'staff-390-zh-CN')
  await language(admin, 'en')
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Staff')
  await expectNoViolations(admin, 'the Staff screen at 390 px')
  await shot(admin, 'staff-390-en')
})

test('a reset PIN signs in only to choose a new one; then the new PIN works', async ({ browser }) => {
  test.setTimeout(180_000)
  const desk = demoMember('fd02')
  const admin = await staffPage(browser, 'ad01')
  await openStaffScreen(admin)

  // Adding someone: a manager's PIN needs 6 digits, said beside the field before anything is sent.
  await admin.getByRole('button', { name: 'Add staff member' }).click()
  const add = admin.getByRole('dialog', { name: 'Add a staff member' })
  await add.getByRole('textbox', { name: 'Staff code', exact: true }).fill('hk09')
  await add.getByRole('textbox', { name: 'Name', exact: true }).fill('Zhou Min')
  await add.getByRole('textbox', { name: 'Role', exact: true }).click()
  await add.getByRole('option', { name: 'Manager' }).click()
  await add.getByRole('textbox', { name: 'Department', exact: true }).click()
  await add.getByRole('option', { name: 'Housekeeping' }).click()
  await add.getByRole('textbox', { name: 'First PIN', exact: true }).fill('1234')
  await add.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(add.getByText('At least 6 digits for this role.')).toBeVisible()
  await expectNoViolations(admin, 'the Add staff dialog')
  await shot(admin, 'staff-add-1280-en')
  await add.getByRole('textbox', { name: 'Role', exact: true }).click()
  await add.getByRole('option', { name: 'Department staff' }).click()
  await add.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(admin.getByText('Zhou Min can sign in now.')).toBeVisible()
  await expect(admin.locator('[data-staff="hk09"]')).toContainText('Department staff')

  await rowAction(admin, 'fd02', 'Reset PIN')
  await admin.getByRole('dialog').getByRole('button', { name: 'Reset PIN' }).click()
  const temporary = (await admin.getByTestId('temporary-pin-value').textContent())!.trim()
  expect(temporary).toMatch(/^\d{6}$/)
  await expect(admin.getByRole('button', { name: 'Copy' })).toBeVisible()
  await expectNoViolations(admin, 'the temporary PIN dialog')
  await shot(admin, 'staff-reset-pin-1280-en')
  await admin.getByRole('button', { name: 'Done' }).click()
  await expect(admin.locator('[data-staff="fd02"]')).toContainText('Must choose a new PIN')

  // The old PIN no longer works; the temporary one leads only to the PIN change.
  const old = await signInWith(browser, 'fd02', desk.pin)
  await expect(old.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible()
  const page = await signInWith(browser, 'fd02', temporary)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new PIN')
  await expect(page.getByRole('navigation')).toHaveCount(0)
  // Core refuses everything else, whatever the page asks.
  const refused = await (await page.request.post('/api/stay.arrivals', { data: {} })).json()
  expect(refused.error.code).toBe('PIN_CHANGE_REQUIRED')
  await expectNoViolations(page, 'the forced PIN change')
  await shot(page, 'forced-pin-390-en')
  await language(page, 'zh-CN')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置新的PIN码')
  await shot(page, 'forced-pin-390-zh-CN')
  await language(page, 'en')

  // A wrong current PIN, then two new PINs that differ, are each said beside what to fix.
  await page.getByRole('textbox', { name: 'Current PIN', exact: true }).fill('000000')
  await page.getByRole('textbox', { name: 'New PIN', exact: true }).fill('2468')
  await page.getByRole('textbox', { name: 'New PIN again', exact: true }).fill('2468')
  await page.getByRole('button', { name: 'Save my new PIN' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'not your current PIN' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Current PIN', exact: true }).fill(temporary)
  await page.getByRole('textbox', { name: 'New PIN again', exact: true }).fill('2469')
  await page.getByRole('button', { name: 'Save my new PIN' }).click()
  await expect(page.getByText('The two new PINs differ')).toBeVisible()
  await page.getByRole('textbox', { name: 'New PIN again', exact: true }).fill('2468')
  await page.getByRole('button', { name: 'Save my new PIN' }).click()
  // In: the desk's screens, with the menu.
  await expect(page.getByRole('button', { name: `Signed in as ${desk.name}` })).toBeVisible()
  await expect(page.getByRole('navigation')).toBeVisible()

  // Everyone can change their own PIN from the account menu.
  await page.getByRole('button', { name: `Signed in as ${desk.name}` }).click()
  await page.getByRole('menuitem', { name: 'Change my PIN' }).click()
  const dialog = page.getByRole('dialog', { name: 'Change my PIN' })
  await expect(dialog).toBeVisible()
  await expectNoViolations(page, 'the Change my PIN dialog')
  await shot(page, 'change-pin-390-en')
  await dialog.getByRole('textbox', { name: 'Current PIN', exact: true }).fill('2468')
  await dialog.getByRole('textbox', { name: 'New PIN', exact: true }).fill('1357')
  await dialog.getByRole('textbox', { name: 'New PIN again', exact: true }).fill('1357')
  await dialog.getByRole('button', { name: 'Change PIN' }).click()
  await expect(page.getByText('Your PIN is changed')).toBeVisible()

  // The new PIN signs in; the temporary one does not.
  const again = await signInWith(browser, 'fd02', '1357')
  await expect(again.getByRole('button', { name: `Signed in as ${desk.name}` })).toBeVisible()
  const stale = await signInWith(browser, 'fd02', temporary)
  await expect(stale.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible()
  // Put the demo PIN back for other specs sharing this store.
  await again.request.post('/api/session.changePin', { data: { currentPin: '1357', newPin: desk.pin } })
})
