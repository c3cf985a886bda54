import fs from 'node:fs'
import { expect, type Browser, type Page } from '@playwright/test'

interface DemoStaff {
  code: string
  name: string
  pin: string
}

/** The demo hotel's staff, with their codes and PINs (1234; 123456 for the manager and the administrator). */
const demoStaff: DemoStaff[] = JSON.parse(fs.readFileSync(new URL('../../resources/demo/hotel.json', import.meta.url), 'utf8')).staff

export function demoMember(code: string): DemoStaff {
  const staff = demoStaff.find((s) => s.code === code)
  if (!staff) throw new Error(`No demo staff member ${code}`)
  return staff
}

/** Signs a demo staff member in through the real sign-in screen, typing their staff code. */
export async function signIn(page: Page, code: string): Promise<void> {
  const staff = demoMember(code)
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Staff code or name' }).fill(code)
  await page.getByRole('textbox', { name: 'PIN', exact: true }).fill(staff.pin)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: `Signed in as ${staff.name}` })).toBeVisible()
}

export async function staffPage(browser: Browser, code: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  const page = await context.newPage()
  await signIn(page, code)
  return page
}

/**
 * The hotel's business date (YYYY-MM-DD) as the hub answers it to `page`'s signed-in session:
 * "today" for every booking a spec makes. Not the machine's calendar: between midnight and the
 * night audit (04:00 in the demo) the hotel is still in the day before.
 */
export async function hotelBusinessDate(page: Page): Promise<string> {
  const answer = await (await page.request.post('/api/hotel.clock', { data: {} })).json()
  expect(answer.ok, 'hotel.clock').toBe(true)
  return answer.value.businessDate as string
}

/** `date` (YYYY-MM-DD) moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}
