import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { signIn, staffPage } from './staff'

// Run on a port of its own: ZHIKE_E2E_PORT=48616 npx playwright test test/e2e/backups.spec.ts --project hub-chromium
// A manager backs up now and sees it listed; an administrator restores it, and the data is as it was.

const shots = process.env.ZHIKE_SHOTS_DIR ?? path.join('test-results', 'backups-shots')

async function shot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

async function api(page: Page, name: string, input: unknown) {
  const answer = await (await page.request.post(`/api/${name}`, { data: input })).json()
  expect(answer.ok, `${name}: ${JSON.stringify(answer.error)}`).toBe(true)
  return answer.value
}

async function toChinese(page: Page) {
  await page.evaluate(() => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('zhike.language', 'zh-CN'))
  await page.reload()
}

test('a manager backs up now and sees it listed; an administrator restores it', async ({ browser }) => {
  test.setTimeout(240_000)
  const manager = await staffPage(browser, 'mg01')
  await manager.getByRole('navigation').getByRole('button', { name: "Manager's desk" }).click()
  await manager.getByRole('menuitem', { name: 'Backups' }).click()
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('Backups')
  const before = await manager.getByTestId('backup-row').count()

  await manager.getByRole('button', { name: 'Back up now' }).click()
  await expect(manager.getByTestId('backup-job-status')).toContainText('Backup finished', { timeout: 30_000 })
  await expect(manager.getByTestId('backup-row')).toHaveCount(before + 1)
  await expect(manager.getByTestId('backup-list')).toContainText('By hand')
  await expect(manager.getByTestId('backup-last')).toContainText('Last backup')
  // Managers back up; only an administrator restores.
  await expect(manager.getByRole('button', { name: /^Restore the backup taken/ })).toHaveCount(0)
  await expect(manager.getByText('Only an administrator can restore a backup')).toBeVisible()

  // A folder that is not a whole path is refused beside the field, and the old one is kept.
  await manager.getByTestId('backup-folder').fill('backups/elsewhere')
  await manager.getByRole('button', { name: 'Save' }).click()
  await expect(manager.getByText('Type the whole path of the folder')).toBeVisible()
  await expect(manager.getByTestId('backup-folder')).toHaveAttribute('aria-invalid', 'true')
  const status = await api(manager, 'backup.status', {})
  expect(status.isDefault).toBe(true)
  await manager.getByTestId('backup-folder').fill('')
  await expectNoViolations(manager, 'the Backups page')
  await shot(manager, 'backups-manager-1280-en')

  await toChinese(manager)
  await expect(manager.getByRole('heading', { level: 1 })).toHaveText('备份')
  await expect(manager.getByTestId('backup-list')).toContainText('手动')
  await shot(manager, 'backups-manager-1280-zh-CN')

  const phone = await staffPage(browser, 'mg01', { width: 390, height: 844 })
  await phone.goto('/#/backups')
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Backups')
  await expect(phone.getByTestId('backup-row').first()).toBeVisible()
  const overflow = await phone.evaluate(() => {
    const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement
    return root.scrollWidth - root.clientWidth
  })
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoViolations(phone, 'the Backups page at 390 px')
  await shot(phone, 'backups-manager-390-en')
  await toChinese(phone)
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('备份')
  await shot(phone, 'backups-manager-390-zh-CN')

  // After the backup, the desk adds a guest; restoring the backup takes the hotel back to before it.
  const desk = await staffPage(browser, 'fd01')
  await api(desk, 'guest.create', { nativeName: '备份后客人', romanName: 'AFTER Backup' })
  expect((await api(desk, 'guest.search', { text: 'AFTER Backup' })).length).toBe(1)

  const admin = await staffPage(browser, 'ad01')
  await admin.goto('/#/backups')
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Backups')
  const manual = admin.getByTestId('backup-row').filter({ hasText: 'By hand' }).first()
  await manual.getByRole('button', { name: /^Restore the backup taken/ }).click()
  const dialog = admin.getByRole('dialog', { name: 'Restore from backup' })
  await expect(dialog.getByTestId('restore-checked')).toContainText('The backup can be restored')
  await expect(dialog).toContainText('The current data is backed up first')
  await expect(dialog).toContainText('Everyone is signed out, you too')
  await expectNoViolations(admin, 'the restore confirmation')
  await shot(admin, 'backups-restore-dialog-1280-en')
  await dialog.getByRole('button', { name: 'Restore this backup' }).click()
  // Everyone signs in again, the administrator too.
  await expect(admin.getByText('You were signed out. Sign in again.')).toBeVisible({ timeout: 30_000 })

  await signIn(admin, 'ad01')
  expect(await api(admin, 'guest.search', { text: 'AFTER Backup' })).toEqual([])
  await admin.goto('/#/backups')
  await expect(admin.getByTestId('backup-list')).toContainText('Before a restore')
  await expect((await desk.request.post('/api/guest.search', { data: { text: 'x' } })).json()).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  await shot(admin, 'backups-after-restore-1280-en')
  await toChinese(admin)
  await shot(admin, 'backups-after-restore-1280-zh-CN')
})
