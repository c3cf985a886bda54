import { expect, test } from '@playwright/test'
import { expectNoViolations } from './axe'
import { signIn, staffPage } from './staff'

test('the sign-in screen passes an axe audit', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expectNoViolations(page, 'sign-in')
})

test('the check-in screen with a guest card open passes an axe audit', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  await desk.getByRole('textbox', { name: 'Find a guest' }).fill('zhuang')
  await desk.getByRole('textbox', { name: 'Find a guest' }).press('Enter')
  await expect(desk.getByTestId('guest-alerts')).toContainText('Hard of hearing')
  await expect(desk.getByTestId('room-suggestions')).toBeVisible()
  await expectNoViolations(desk, 'check-in with card')
})

test('a department board passes an axe audit, in Chinese too', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' })
  const page = await context.newPage()
  await page.goto('/')
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  const board = await staffPage(browser, 'hk01')
  await expect(board.getByRole('heading', { level: 1 })).toHaveText('Housekeeping board')
  await expectNoViolations(board, 'housekeeping board')
  await expectNoViolations(page, 'sign-in in Chinese')
})

test('the language can be switched, and the choice is kept', async ({ page }) => {
  await signIn(page, 'fd01')
  await page.getByRole('textbox', { name: 'Language' }).click()
  await page.getByRole('option', { name: '简体中文' }).click()
  await expect(page.getByRole('heading', { name: '入住登记', level: 1 })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: '入住登记', level: 1 })).toBeVisible()
})

test('the administrator’s Settings page passes an axe audit, on a desk and on a phone', async ({ browser, request }) => {
  // Five wrong PINs for rs02 from here, so the locked sign-ins table is audited too.
  for (let attempt = 0; attempt < 5; attempt++) {
    const refused = await (await request.post('/api/session.signIn', { data: { code: 'rs02', pin: '0000' } })).json()
    expect(refused.error.code).toBe('BAD_LOGIN')
  }
  for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
    const admin = await staffPage(browser, 'ad01', viewport)
    await admin.goto('/#/settings')
    await expect(admin.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
    await expect(admin.getByTestId('terminal-state')).toBeVisible()
    await expect(admin.getByRole('button', { name: 'Unlock staff code rs02' })).toBeVisible()
    await expectNoViolations(admin, `settings at ${viewport.width}px`)
    if (viewport.width < 400) await admin.getByRole('button', { name: 'Unlock staff code rs02' }).click()
    await admin.context().close()
  }
})

test('pre-assignment and guest relations’ new-arrivals queue pass an axe audit, on a desk and on a phone', async ({ browser }) => {
  for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
    const desk = await staffPage(browser, 'fd01', viewport)
    await desk.goto('/#/preassign')
    await expect(desk.getByRole('heading', { name: 'Pre-assignment', level: 1 })).toBeVisible()
    await expect(desk.getByTestId('preassign-plan').getByRole('button', { name: /^Apply room/ }).first()).toBeVisible()
    await expectNoViolations(desk, `pre-assignment at ${viewport.width}px`)
    await desk.context().close()
    const relations = await staffPage(browser, 'gr01', viewport)
    await relations.goto('/#/arrivals')
    await expect(relations.getByRole('heading', { name: 'New arrivals: link or create', level: 1 })).toBeVisible()
    await expect(relations.getByTestId('arrival-queue-empty').or(relations.getByTestId('arrival-queue'))).toBeVisible()
    await expectNoViolations(relations, `arrival queue at ${viewport.width}px`)
    await relations.context().close()
  }
})
