import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { demoMember, staffPage } from './staff'

// Run on a port of its own: ZHIKE_E2E_PORT=4917 npx playwright test test/e2e/consent.spec.ts --project hub-chromium
// Issue 12, privacy records: the front desk records a guest's passport (validated, then shown by
// its last four characters, the whole number only on request) and the guest's consent on the card;
// without consent to sensitive data the card says how health needs are kept. Screenshots go to
// ZHIKE_SHOTS (or a temp folder).

const shots = process.env.ZHIKE_SHOTS ?? path.join(os.tmpdir(), 'zhike-consent-shots')

async function shoot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

const noSideways = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return root.scrollWidth - root.clientWidth
  })

async function api(page: Page, name: string, input: object) {
  const answer = await (await page.request.post(`/api/${name}`, { data: input })).json()
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true)
  return answer.value
}

/** Picks an option in a Mantine Select, as a person does: open it, click the option. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('the front desk records a passport and the guest’s consent on the card', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  const { id } = await api(desk, 'guest.create', { nativeName: '林静', romanName: 'LIN Jing', nationality: 'SG' })
  await desk.goto(`/#/guest/${id}`)
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText(/林静\s*LIN Jing/)

  // No consent to sensitive data yet: the card says how health needs are kept.
  await expect(desk.getByTestId('sensitive-rule')).toContainText('for this stay only')
  await expect(desk.getByTestId('consent-sensitive')).toHaveText('Not asked')

  // A passport number with a slash is refused, saying what a passport number is; what was typed stays.
  await choose(desk, 'Identity document', 'Passport')
  const number = desk.getByRole('textbox', { name: 'Document number' })
  await number.fill('K1234/567')
  await desk.getByRole('button', { name: 'Save changes' }).click()
  await expect(number).toHaveAccessibleDescription(/5 to 20 letters and digits/)
  await expect(number).toHaveValue('K1234/567')
  await number.fill('K12345678')
  await desk.getByRole('button', { name: 'Save changes' }).click()
  await expect(number).toHaveValue('')
  await expect(number).toHaveAccessibleDescription(/On file: \*\*\*\*5678/)
  await expect(desk.getByTestId('history')).toContainText('****5678')
  await expect(desk.getByTestId('history')).not.toContainText('K12345678')

  // The whole number, on request (the store logs the view).
  await desk.getByRole('button', { name: 'Show whole number' }).click()
  await expect(desk.getByTestId('document-whole')).toHaveText('Whole number: K12345678')
  await desk.getByRole('button', { name: 'Hide' }).click()
  await expect(desk.getByTestId('document-whole')).toHaveCount(0)

  // Consent: the guest signs the registration card's sensitive-data box; and says no to marketing by phone.
  const panel = desk.getByTestId('consent-panel')
  await choose(desk, 'Consent to', 'Sensitive data (health, accessibility, faith)')
  await choose(desk, 'How', 'Paper form')
  await panel.getByRole('radio', { name: 'gives consent' }).check()
  await panel.getByRole('textbox', { name: 'Note (optional)' }).fill('Registration card, box ticked.')
  await panel.getByRole('button', { name: 'Save consent' }).click()
  await expect(desk.getByTestId('consent-sensitive')).toHaveText('Given')
  await expect(desk.getByTestId('sensitive-rule')).toHaveCount(0)
  await choose(desk, 'Consent to', 'Marketing contact')
  await choose(desk, 'How', 'Phone')
  await panel.getByRole('radio', { name: 'withdraws consent' }).check()
  await panel.getByRole('button', { name: 'Save consent' }).click()
  await expect(desk.getByTestId('consent-marketing')).toHaveText('Withdrawn')
  const history = desk.getByTestId('consent-history')
  await expect(history.getByRole('listitem')).toHaveCount(2)
  await expect(history.getByRole('listitem').first()).toContainText('Withdrawn · Phone')
  await expect(history.getByRole('listitem').first()).toContainText(demoMember('fd01').name)
  await expect(history).toContainText('Registration card, box ticked.')
  await expectNoViolations(desk, 'the guest card with a document and consent')
  await shoot(desk, 'consent-1280-en')

  // The whole number was viewed once, and the store says so (never the number itself).
  const views = (await api(desk, 'consent.list', { guestId: id })) as unknown[]
  expect(views).toHaveLength(2)

  // A phone's width, in English and Chinese.
  await desk.setViewportSize({ width: 390, height: 844 })
  await desk.reload()
  await expect(desk.getByTestId('consent-panel')).toBeVisible()
  await expect.poll(() => noSideways(desk), { message: 'no sideways scrolling at 390 px' }).toBeLessThanOrEqual(0)
  await expectNoViolations(desk, 'the guest card on a phone')
  await shoot(desk, 'consent-390-en')
  await desk.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('zhike.language', 'zh-CN'))
  await desk.reload()
  await expect(desk.getByRole('heading', { name: '同意记录', exact: true })).toBeVisible()
  await expect(desk.getByTestId('consent-marketing')).toHaveText('已撤回')
  await expect(desk.getByRole('textbox', { name: '国籍/地区' })).toHaveValue('SG')
  await expect.poll(() => noSideways(desk), { message: 'no sideways scrolling at 390 px' }).toBeLessThanOrEqual(0)
  await expectNoViolations(desk, 'the guest card in Chinese on a phone')
  await shoot(desk, 'consent-390-zh')
  await desk.setViewportSize({ width: 1280, height: 860 })
  await desk.reload()
  await expect(desk.getByTestId('consent-panel')).toBeVisible()
  await expectNoViolations(desk, 'the guest card in Chinese')
  await shoot(desk, 'consent-1280-zh')
})

test('without sensitive-data consent, an "always" hearing need is refused with a translated reason', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  const { id } = await api(desk, 'guest.create', { nativeName: '周伟', romanName: 'ZHOU Wei' })
  const answer = await (await desk.request.post('/api/preference.add', { data: { guestId: id, category: 'access', code: 'hearing', value: 'hard_of_hearing', strength: 'required' } })).json()
  expect(answer.ok).toBe(false)
  expect(answer.error.code).toBe('CONSENT_REQUIRED')
  // The housekeeping phone cannot see a whole document number.
  const housekeeping = await staffPage(browser, 'hk01', { width: 390, height: 844 })
  const refused = await (await housekeeping.request.post('/api/guest.document', { data: { guestId: id } })).json()
  expect(refused.ok).toBe(false)
  expect(refused.error.code).toBe('FORBIDDEN')
})
