import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { staffPage } from './staff'

// Issue 11: a manager sets up the hotel from the manager's desk — its name, its logo, a new
// department with its promise — and the manager's pages sit behind one menu button.

const shots = process.env.ZHIKE_SHOTS ?? '/tmp/zk/shots-hotel'
/** The smallest real PNG: a 1×1 pixel. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAAAAABWESUoAAAAFklEQVR4nGNwIAAYRhWMKhhVMFIVAAAjEAAQIKt2PwAAAABJRU5ErkJggg==', 'base64') // 32 × 32: a logo's smallest side is 16 px
const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')

async function toChinese(page: Page): Promise<void> {
  await page.evaluate("localStorage.setItem('zhike.language', 'zh-CN')")
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
}

async function openDesk(page: Page, item: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Manager's desk/ }).click()
  await page.getByRole('menuitem', { name: item }).click()
}

test('a manager renames the hotel, uploads a logo and adds a department with its promise', async ({ browser }) => {
  test.setTimeout(240_000)
  const manager = await staffPage(browser, 'mg01')
  const before = (await (await manager.request.post('/api/hotel.profile', { data: {} })).json()).value as { name: { en: string; zh: string } }
  try {
    await openDesk(manager, 'Hotel & departments')
    await expect(manager).toHaveURL(/#\/hotel$/)
    await expect(manager.getByRole('heading', { level: 1, name: 'Hotel & departments' })).toBeVisible()
    // The menu button says where the manager is.
    await expect(manager.getByRole('button', { name: "Manager's desk: Hotel & departments" })).toBeVisible()

    // The name: an empty Chinese name is refused beside the field; then saved, and the header shows it.
    const names = manager.getByRole('region', { name: "The hotel's name" })
    await names.getByRole('textbox', { name: 'Name in English' }).fill('Harbour View Hotel')
    await names.getByRole('textbox', { name: 'Name in Chinese' }).fill('')
    await names.getByRole('button', { name: 'Save the name' }).click()
    await expect(names.getByText("Enter the hotel's name in Chinese.")).toBeVisible()
    await names.getByRole('textbox', { name: 'Name in Chinese' }).fill('海景酒店')
    await names.getByRole('button', { name: 'Save the name' }).click()
    await expect(names.getByTestId('hotel-name-saved')).toHaveText("The hotel's name is saved.")
    await expect(manager.locator('header')).toContainText('Harbour View Hotel')

    // The logo: a GIF is refused beside the field, a PNG is kept and previewed, then removed.
    const logo = manager.getByRole('region', { name: 'Logo for printed cards' })
    await expect(logo.getByTestId('logo-none')).toBeVisible()
    await manager.locator('input[type=file]').setInputFiles({ name: 'logo.gif', mimeType: 'image/gif', buffer: gif })
    await expect(logo.getByText(/This file is not a PNG or JPEG image/)).toBeVisible()
    await expect(logo.getByTestId('logo-none')).toBeVisible()
    await manager.locator('input[type=file]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png })
    await expect(logo.getByTestId('logo-status')).toHaveText('Logo saved (1 KB).')
    await expect(logo.getByRole('img', { name: "The hotel's logo as printed cards show it" })).toBeVisible()
    const stored = (await (await manager.request.post('/api/hotel.profile', { data: {} })).json()).value
    expect(stored.logo).toEqual({ mime: 'image/png', base64: png.toString('base64') })

    // A department: a taken code is refused beside the field; then added with its promise.
    const add = manager.getByRole('form', { name: 'Add a department or outlet' })
    await add.getByRole('textbox', { name: 'Name in English' }).fill('Kids Club')
    await expect(add.getByRole('textbox', { name: 'Code' })).toHaveValue('kids_club')
    await add.getByRole('textbox', { name: 'Name in Chinese' }).fill('儿童俱乐部')
    await add.getByRole('textbox', { name: 'Minutes to act' }).fill('25')
    await add.getByRole('textbox', { name: 'Code' }).fill('housekeeping')
    await add.getByRole('button', { name: 'Add the department' }).click()
    await expect(add.getByText('There is already a department with the code housekeeping.')).toBeVisible()
    await add.getByRole('textbox', { name: 'Code' }).fill('kids_club')
    await add.getByRole('button', { name: 'Add the department' }).click()
    await expect(add.getByTestId('department-added')).toContainText('Kids Club is added')
    const row = manager.getByTestId('department-kids_club')
    await expect(row.getByRole('textbox', { name: 'Minutes to act' })).toHaveValue('25')
    const departments = (await (await manager.request.post('/api/department.list', { data: {} })).json()).value as { code: string; promiseMinutes: number; ackMinutes: number }[]
    expect(departments.find((d) => d.code === 'kids_club')).toMatchObject({ promiseMinutes: 25, ackMinutes: 10 })
    // Renamed in place.
    await row.getByRole('textbox', { name: 'Name in English' }).fill("Kids' Club")
    await row.getByRole('button', { name: 'Save Kids Club' }).click()
    await expect(row.getByRole('status')).toContainText('is saved')
    // A department with staff cannot be retired; the reason is said.
    const housekeeping = manager.getByTestId('department-housekeeping')
    await housekeeping.getByRole('button', { name: /^Retire/ }).click()
    await housekeeping.getByRole('button', { name: /^Yes, retire/ }).click()
    await expect(housekeeping.getByTestId('retire-refused')).toContainText('cannot be retired yet')
    await expectNoViolations(manager, 'the Hotel & departments page')

    await logo.getByRole('button', { name: 'Remove the logo' }).click()
    await expect(logo.getByTestId('logo-none')).toBeVisible()
    const kids = manager.getByTestId('department-kids_club')
    await kids.getByRole('button', { name: /^Retire/ }).click()
    await kids.getByRole('button', { name: /^Yes, retire/ }).click()
    await expect(kids).toHaveCount(0)
  } finally {
    // Other specs meet the demo hotel as it was.
    await manager.request.post('/api/hotel.setName', { data: { name: before.name } })
    await manager.request.post('/api/hotel.clearLogo', { data: {} })
    await manager.context().close()
  }
})

for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
  test(`the manager’s desk is one menu button at ${viewport.width} px, in both languages, keyboard first`, async ({ browser }) => {
    test.setTimeout(400_000)
    const manager = await staffPage(browser, 'mg01', viewport)
    const nav = manager.getByRole('navigation', { name: 'Main' })
    const deskButton = nav.getByRole('button', { name: "Manager's desk" })
    await expect(deskButton).toBeVisible()
    // The desk's pages are not links side by side any more.
    await expect(nav.getByRole('link', { name: 'Settings' })).toHaveCount(0)
    const header = (await manager.locator('header').boundingBox())!
    if (viewport.width === 1280) expect(header.height, 'the header is at most two rows at 1280').toBeLessThanOrEqual(100)
    const links = await nav.getByRole('link').all()
    for (const link of [...links, deskButton]) {
      const box = (await link.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
    }
    // Keyboard: focus the button, open with Enter, arrows move, Enter opens the page.
    await deskButton.focus()
    await manager.keyboard.press('Enter')
    const menu = manager.getByRole('menu')
    await expect(menu.getByRole('menuitem')).toHaveText(['Dashboard', 'Recovery', 'Rooms', 'Hotel & departments', 'Rules', 'Promise reports', 'Recovery report', 'Guest lists', 'Export & import', 'Satisfaction import', 'Backups', 'Import from PMS', 'Settings', 'Audit log', 'Privacy'])
    for (const item of await menu.getByRole('menuitem').all()) {
      const box = (await item.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
    }
    await expectNoViolations(manager, `the manager's desk menu at ${viewport.width}px`)
    const tag = viewport.width
    await manager.screenshot({ path: `${shots}/menu-en-${tag}.png` })
    // Arrow keys move through the items (however the menu placed focus on opening), Enter opens one.
    const focused = () => manager.evaluate<string>("document.activeElement?.textContent ?? ''")
    for (let i = 0; i < 12 && (await focused()) !== 'Hotel & departments'; i++) await manager.keyboard.press('ArrowDown')
    expect(await focused()).toBe('Hotel & departments')
    await manager.keyboard.press('Enter')
    await expect(manager).toHaveURL(/#\/hotel$/)
    await expect(manager.getByRole('heading', { level: 1, name: 'Hotel & departments' })).toBeVisible()
    await expect(manager.getByTestId('setup-checklist')).toBeVisible()
    await expectNoViolations(manager, `Hotel & departments at ${viewport.width}px`)
    await manager.screenshot({ path: `${shots}/hotel-en-${tag}.png`, fullPage: true })
    await toChinese(manager)
    await expect(manager.getByRole('heading', { level: 1, name: '酒店与部门' })).toBeVisible()
    await expectNoViolations(manager, `Hotel & departments in Chinese at ${viewport.width}px`)
    await manager.screenshot({ path: `${shots}/hotel-zh-${tag}.png`, fullPage: true })
    await manager.getByRole('navigation').getByRole('button', { name: /^管理/ }).click()
    await expect(manager.getByRole('menuitem', { name: '设置' })).toBeVisible()
    await manager.screenshot({ path: `${shots}/menu-zh-${tag}.png` })
    await manager.context().close()
    // Roles without desk pages have no desk button.
    const desk = await staffPage(browser, 'fd01', viewport)
    await expect(desk.getByRole('button', { name: /^Manager's desk/ })).toHaveCount(0)
    await desk.context().close()
  })
}
