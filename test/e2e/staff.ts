import { expect, type Browser, type Page } from '@playwright/test'

/** Signs a demo staff member in through the real sign-in screen, in a browser context of their own. */
export async function signIn(page: Page, code: string): Promise<void> {
  const directory = await (await page.request.post('/api/staff.directory', { data: {} })).json()
  const staff = directory.value.find((s: { code: string }) => s.code === code)
  expect(staff, `demo staff ${code}`).toBeTruthy()
  await page.goto('/')
  const who = page.getByRole('textbox', { name: 'Who are you?' })
  await who.fill(staff.name)
  await page.getByRole('option', { name: new RegExp(staff.name) }).first().click()
  await page.getByRole('textbox', { name: 'PIN', exact: true }).fill('1234')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: new RegExp(`Signed in as ${staff.name}`) })).toBeVisible()
}

export async function staffPage(browser: Browser, code: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  const page = await context.newPage()
  await signIn(page, code)
  return page
}
