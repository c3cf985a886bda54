import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { staffPage } from './staff'

// The suite's hub serves terminals itself (`npm run serve`), so the desktop app's switch never shows
// there. These tests answer terminals.status / terminals.configure as the desktop app does.
const desktop = { host: 'desktop', state: 'off', enabled: false, port: 4870, urls: [], fingerprint: null, tls: true, error: null, canConfigure: true }
const serving = {
  ...desktop,
  state: 'on',
  enabled: true,
  urls: ['https://192.168.1.20:4870/', 'https://127.0.0.1:4870/'],
  fingerprint: Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':'),
}

async function actAsDesktop(page: Page, configured: unknown[]): Promise<void> {
  let status: Record<string, unknown> = desktop
  await page.route('**/api/terminals.status', (route) => route.fulfill({ json: { ok: true, value: status } }))
  await page.route('**/api/terminals.configure', (route) => {
    const input = route.request().postDataJSON() as { enabled: boolean; port: number }
    configured.push(input)
    status = input.enabled ? { ...serving, port: input.port } : { ...desktop, port: input.port }
    return route.fulfill({ json: { ok: true, value: status } })
  })
}

test('on the desktop, the administrator turns serving terminals on, sees the fingerprint and QR code, and changes the port', async ({ browser }) => {
  const admin = await staffPage(browser, 'ad01')
  const configured: unknown[] = []
  await actAsDesktop(admin, configured)
  await admin.goto('/#/settings')
  const terminals = admin.getByRole('region', { name: 'Serve department terminals' })
  await expect(terminals.getByTestId('terminal-state')).toContainText('Off')
  await expect(terminals.getByText('No addresses: terminals are not being served.')).toBeVisible()

  const toggle = terminals.getByRole('switch', { name: 'Serve department terminals from this PC' })
  await toggle.focus()
  await admin.keyboard.press('Space')
  await expect(toggle).toBeChecked()
  expect(configured).toEqual([{ enabled: true, port: 4870 }])
  await expect(terminals.getByTestId('terminal-state')).toContainText('Serving terminals')
  await expect(terminals.getByTestId('terminal-urls').locator('code').first()).toHaveText('https://192.168.1.20:4870/')
  await expect(terminals.getByTestId('terminal-fingerprint')).toHaveText(/^00:07:0E:15:1C:23:2A:31\n/)
  await expect(terminals.getByRole('img', { name: 'QR code of https://192.168.1.20:4870/' })).toBeVisible()
  await expect(terminals.getByText(/PINs cross the network in clear/)).toHaveCount(0)

  const port = terminals.getByRole('textbox', { name: 'Port' })
  await port.fill('80')
  await port.press('Enter')
  await expect(terminals.getByText('A port from 1024 to 65535.')).toBeVisible()
  expect(configured).toHaveLength(1)
  await port.fill('4880')
  await port.press('Enter')
  await expect.poll(() => configured).toEqual([{ enabled: true, port: 4870 }, { enabled: true, port: 4880 }])
  await expect(terminals.getByTestId('terminal-urls').locator('code').first()).toHaveText('https://192.168.1.20:4870/')
  await expectNoViolations(admin, 'settings serving terminals')
  await admin.context().close()
})

test('a port in use is said in words, and plain HTTP on the network is warned about', async ({ browser }) => {
  const admin = await staffPage(browser, 'ad01', { width: 390, height: 844 })
  await admin.route('**/api/terminals.status', (route) =>
    route.fulfill({ json: { ok: true, value: { ...serving, state: 'error', error: 'PORT_IN_USE', urls: [], fingerprint: null } } }),
  )
  await admin.goto('/#/settings')
  await expect(admin.getByRole('alert')).toHaveText('Port 4870 is already used by another program. Choose another port.')
  await admin.unroute('**/api/terminals.status')
  await admin.route('**/api/terminals.status', (route) =>
    route.fulfill({ json: { ok: true, value: { ...serving, host: 'hub', canConfigure: false, tls: false, fingerprint: null, urls: ['http://192.168.1.20:4870/'] } } }),
  )
  await admin.reload()
  await expect(admin.getByText('Terminals connect over plain HTTP: PINs cross the network in clear.', { exact: false })).toBeVisible()
  await expectNoViolations(admin, 'settings over plain HTTP on a phone')
  await admin.context().close()
})

test('the hotel phone country is chosen from a searchable list by keyboard, saved, and said in words', async ({ browser }) => {
  const admin = await staffPage(browser, 'ad01')
  await admin.goto('/#/settings')
  const section = admin.getByRole('region', { name: 'Phone country' })
  const country = section.getByRole('textbox', { name: "The hotel's phone country" })
  const save = section.getByRole('button', { name: 'Save phone country' })
  await expect(country).toHaveValue('China (CN)')
  await expect(save).toBeDisabled()

  const choose = async (typed: string, label: RegExp) => {
    await country.focus()
    await admin.keyboard.type(typed)
    await expect(admin.getByRole('option', { name: label })).toBeVisible()
    // The list has caught up with every letter typed (on a busy machine it lags a keystroke).
    await expect(admin.getByRole('option').first()).toHaveAccessibleName(label)
    await admin.keyboard.press('ArrowDown')
    await expect(country).toHaveAttribute('aria-activedescendant', /.+/)
    await admin.keyboard.press('Enter')
    await expect(country).toHaveValue(label)
    await admin.keyboard.press('Tab')
    await expect(save).toBeFocused()
    await admin.keyboard.press('Enter')
  }
  await choose('macao', /^Macao.*\(MO\)$/)
  await expect(section.getByRole('status')).toHaveText(/^Saved\. Phones are now read as numbers of Macao.*\(MO\), and search has been updated\.$/)
  await expect(save).toBeDisabled()
  await expectNoViolations(admin, 'settings phone country')

  // The rest of the suite shares this demo store, which reads phones as Chinese numbers.
  await choose('china', /^China \(CN\)$/)
  await expect(section.getByRole('status')).toHaveText('Saved. Phones are now read as numbers of China (CN), and search has been updated.')
  await admin.context().close()
})
