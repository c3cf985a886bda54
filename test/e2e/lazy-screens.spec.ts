import { expect, test } from '@playwright/test'
import { signIn } from './staff'

test('a board loads none of the check-in or guest profile code', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname))
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(page, 'hk01')
  await expect(page.getByRole('heading', { level: 1, name: 'Housekeeping board' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Housekeeping board' })).toBeVisible()
  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.filter((s) => /CheckInPage|GuestProfilePage|DuplicatesPage|SettingsPage/.test(s))).toEqual([])
})

test('a screen whose code cannot be fetched says so, in words, and offers a reload that brings it back', async ({ page }) => {
  let offline = true
  await page.route(/\/assets\/CheckInPage-[^/]+\.js$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()))
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Staff code or name' }).fill('fd01')
  await page.getByRole('textbox', { name: 'PIN', exact: true }).fill('1234')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toContainText('This screen could not be shown')
  // The shell stays usable: the menu is still there.
  await expect(page.getByRole('navigation')).toBeVisible()
  offline = false
  await page.getByRole('button', { name: 'Reload' }).click()
  await expect(page.getByRole('textbox', { name: 'Find a guest' })).toBeVisible()
})
