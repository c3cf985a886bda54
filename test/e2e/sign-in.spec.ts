import { expect, test } from '@playwright/test'
import { demoMember, staffPage } from './staff'

test('a colleague signs in by picking their name, another by typing their code in capitals', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 } })
  const page = await context.newPage()
  await page.goto('/')
  const who = page.getByRole('textbox', { name: 'Staff code or name' })
  await who.fill('liu')
  // The directory names the department, never a role or a staff code.
  const option = page.getByRole('option', { name: '刘秀兰 (LIU Xiulan) · Housekeeping' })
  await option.click()
  await expect(who).toHaveValue('刘秀兰 (LIU Xiulan) · Housekeeping')
  await page.getByRole('textbox', { name: 'PIN', exact: true }).fill('1234')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Signed in as 刘秀兰' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Housekeeping board')
  await context.close()

  const other = await browser.newPage({ locale: 'en-US' })
  await other.goto('/')
  await other.getByRole('textbox', { name: 'Staff code or name' }).fill('  HK02 ')
  await other.getByRole('textbox', { name: 'PIN', exact: true }).fill('1234')
  await other.getByRole('textbox', { name: 'PIN', exact: true }).press('Enter')
  await expect(other.getByRole('button', { name: `Signed in as ${demoMember('hk02').name}` })).toBeVisible()
  await other.close()
})

test('wrong PINs make sign-in wait, and the administrator unlocks it in Settings', async ({ browser }) => {
  const page = await browser.newPage({ locale: 'en-US' })
  await page.goto('/')
  const pin = page.getByRole('textbox', { name: 'PIN', exact: true })
  await page.getByRole('textbox', { name: 'Staff code or name' }).fill('sc01')
  for (let attempt = 1; attempt <= 5; attempt++) {
    await pin.fill('0000')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toHaveText('That staff code or name and PIN do not match. Try again.')
    // Each refusal is a new alert for a screen reader, so wait for the request to end before the next.
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled()
  }
  await pin.fill(demoMember('sc01').pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText(/Try again in \d+ seconds, or ask an administrator to unlock you\./)

  const admin = await staffPage(browser, 'ad01')
  // Settings is on the manager's desk menu (issue 11).
  await admin.getByRole('button', { name: "Manager's desk" }).click()
  await admin.getByRole('menuitem', { name: 'Settings' }).click()
  await expect(admin.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  const lockout = admin.getByTestId('lockout').filter({ hasText: 'sc01' })
  await expect(lockout).toContainText(/From 127\.0\.0\.1 · 5 wrong attempts · waits until \d\d:\d\d/)
  await admin.getByRole('button', { name: 'Unlock staff code sc01' }).click()
  await expect(admin.getByText('sc01 can sign in again.')).toBeVisible()
  await expect(admin.getByRole('button', { name: 'Unlock staff code sc01' })).toHaveCount(0)

  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: `Signed in as ${demoMember('sc01').name}` })).toBeVisible()
  await page.close()
  await admin.context().close()
})

test('a manager has Settings with the phone country only; the administrator also sees the hub’s addresses', async ({ browser }) => {
  const manager = await staffPage(browser, 'mg01')
  await expect(manager.getByRole('navigation', { name: 'Main' })).toBeVisible()
  await manager.getByRole('button', { name: "Manager's desk" }).click()
  await manager.getByRole('menuitem', { name: 'Settings' }).click()
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Settings')
  await expect(manager.getByRole('textbox', { name: "The hotel's phone country" })).toBeVisible()
  await expect(manager.getByRole('region', { name: 'Serve department terminals' })).toHaveCount(0)
  await manager.context().close()

  const desk = await staffPage(browser, 'fd01')
  // Settings sits in the manager's desk menu, which the front desk does not have at all.
  await expect(desk.getByRole('navigation').getByRole('link', { name: 'Check-in' })).toBeVisible()
  await expect(desk.getByRole('button', { name: /Manager's desk/ })).toHaveCount(0)
  await expect(desk.getByRole('link', { name: 'Settings' })).toHaveCount(0)
  await desk.goto('/#/settings')
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText('Check-in')
  await desk.context().close()

  const admin = await staffPage(browser, 'ad01')
  await admin.goto('/#/settings')
  const terminals = admin.getByRole('region', { name: 'Serve department terminals' })
  await expect(terminals.getByTestId('terminal-state')).toContainText('On, for this machine only')
  // `npm run serve` is configured on its command line, not here.
  await expect(terminals.getByText(/set where it is started/)).toBeVisible()
  await expect(terminals.getByRole('switch')).toHaveCount(0)
  await expect(terminals.getByTestId('terminal-urls').locator('code').first()).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  await expect(terminals.getByRole('button', { name: /^Copy the address http:\/\/127\.0\.0\.1/ }).first()).toBeVisible()
  // This suite's hub listens on loopback only: no terminal can reach it, so no QR code and no plain-HTTP warning.
  await expect(terminals.getByTestId('terminals-only-here')).toContainText('on this machine only')
  await expect(terminals.getByRole('img')).toHaveCount(0)
  await expect(terminals.getByText(/PINs cross the network in clear/)).toHaveCount(0)
  await expect(admin.getByRole('region', { name: 'Locked sign-ins' })).toBeVisible()
  await admin.context().close()
})
