import fs from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { staffPage } from './staff'

// Issue 11: a manager sets up the hotel's rooms on the Rooms page — imports a room list from a
// CSV file (a bad row first, refused and named; the fixed file second), adds a room by hand and
// retires one — and the page is axe clean, at desktop and phone width, in English and Chinese.

const shots = process.env.ZHIKE_SHOTS ?? '/tmp/zk/shots-rooms'
const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/rooms/${name}`, import.meta.url))

async function toChinese(page: Page): Promise<void> {
  await page.evaluate("localStorage.setItem('zhike.language', 'zh-CN')")
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
}

test('a manager imports rooms from a file, adds one by hand and retires one', async ({ browser }) => {
  test.setTimeout(420_000)
  fs.mkdirSync(shots, { recursive: true })
  const manager = await staffPage(browser, 'mg01')
  await manager.goto('/#/rooms')
  await expect(manager.getByRole('heading', { level: 1, name: 'Rooms' })).toBeVisible()
  await expect(manager.getByTestId('room-summary')).toContainText('rooms in service')

  // The file with a bad row: the row is named, with what to fix, and nothing can be imported.
  await manager.getByRole('button', { name: 'Import from a file…' }).click()
  const panel = manager.getByRole('region', { name: 'Import rooms from a file' })
  await panel.locator('input[type=file]').setInputFiles({ name: 'rooms-bad.csv', mimeType: 'text/csv', buffer: fixture('rooms-bad.csv') })
  await expect(panel.getByTestId('room-file-name')).toHaveText('rooms-bad.csv: 3 rows')
  // The Chinese headers were recognised.
  const mapping = panel.getByTestId('room-mapping')
  await expect(mapping.getByRole('textbox', { name: 'Room number' })).toHaveValue('房号')
  await expect(mapping.getByRole('textbox', { name: 'Facing' })).toHaveValue('朝向')
  const problems = panel.getByTestId('room-file-problems')
  await expect(problems).toContainText('1 problem: nothing will be imported')
  await expect(problems.locator('li[data-line="3"]')).toContainText('Row 3 · Facing')
  await expect(problems.locator('li[data-line="3"]')).toContainText('"侧面" is not a facing')
  await expect(panel.getByTestId('room-import-apply')).toBeDisabled()
  await expect(panel.getByTestId('room-import-apply')).toHaveText('Import rooms') // no count of rooms while nothing can be imported
  await expectNoViolations(manager, 'the Rooms page with a refused file')
  await manager.screenshot({ path: `${shots}/rooms-bad-file-en-1280.png`, fullPage: false })

  // The fixed file: clean, three rooms to add; imported, they are listed on their floor.
  await panel.locator('input[type=file]').setInputFiles({ name: 'rooms.csv', mimeType: 'text/csv', buffer: fixture('rooms.csv') })
  await expect(panel.getByTestId('room-file-clean')).toContainText('3 rooms to add, 0 to update')
  await expect(panel.getByTestId('room-sample')).toContainText('21 (from the number)')
  await panel.getByRole('button', { name: 'Import 3 rooms' }).click()
  await expect(panel.getByTestId('room-import-outcome')).toHaveText('Imported: 3 rooms added, 0 updated, 0 unchanged.')
  // A large hotel's floors open on demand (the demo has 240 rooms).
  await expect(manager.getByRole('button', { name: /^Floor 21/ })).toHaveText(/Floor 21 · \d+ rooms?$/)
  await manager.getByRole('button', { name: /^Floor 21/ }).click()
  const floor21 = manager.getByTestId('floor-21')
  await expect(floor21.getByTestId('room-2101')).toContainText('South · King · River view')
  await expect(floor21.getByTestId('room-2101')).toContainText('Bathtub, Quiet side · Type DKN')
  await expect(floor21.getByTestId('room-2103')).toContainText('Visual-alarm kit, Accessible')

  // By hand: a taken number is refused beside the field; then room 2105 is added.
  await manager.getByRole('button', { name: 'Close the import' }).click()
  await manager.getByRole('button', { name: 'Add a room' }).click()
  const dialog = manager.getByRole('dialog', { name: 'Add a room' })
  await dialog.getByRole('textbox', { name: 'Room number' }).fill('2101')
  await dialog.getByRole('textbox', { name: 'Floor' }).fill('21')
  await dialog.getByRole('textbox', { name: 'Facing' }).click()
  await manager.getByRole('option', { name: 'South-west', exact: true }).click()
  await dialog.getByRole('textbox', { name: 'Bed' }).click()
  await manager.getByRole('option', { name: 'Twin', exact: true }).click()
  await dialog.getByRole('checkbox', { name: 'Visual-alarm kit' }).check()
  await dialog.getByRole('button', { name: 'Add the room' }).click()
  await expect(dialog.getByText('There is already a room 2101.')).toBeVisible()
  await expect(dialog.getByRole('textbox', { name: 'Room number' })).toBeFocused()
  await dialog.getByRole('textbox', { name: 'Room number' }).fill('2105')
  await dialog.getByRole('button', { name: 'Add the room' }).click()
  await expect(dialog).toBeHidden()
  await expect(floor21.getByTestId('room-2105')).toContainText('South-west · Twin')

  // Retire 2102, after confirming; it is listed apart and no longer offered.
  await floor21.getByRole('button', { name: 'Retire room 2102' }).click()
  const confirm = manager.getByRole('dialog', { name: 'Retire room 2102?' })
  await expectNoViolations(manager, 'the retire confirmation')
  await confirm.getByRole('button', { name: 'Retire the room' }).click()
  await expect(confirm).toBeHidden()
  await expect(floor21.getByTestId('room-2102')).toHaveCount(0)
  await expect(manager.getByRole('region', { name: 'Retired rooms (1)' }).getByTestId('retired-2102')).toBeVisible()
  const list = (await (await manager.request.post('/api/room.list', { data: {} })).json()).value as { number: string }[]
  expect(list.map((r) => r.number)).toEqual(expect.arrayContaining(['2101', '2103', '2105']))
  expect(list.map((r) => r.number)).not.toContain('2102')

  await expectNoViolations(manager, 'the Rooms page')
  // Found by number, across floors.
  await manager.getByRole('textbox', { name: 'Find a room' }).fill('2103')
  await expect(floor21.getByTestId('room-2103')).toBeVisible()
  await expect(floor21.getByTestId('room-2101')).toHaveCount(0)
  // A room with a guest in house says so as soon as Retire is pressed, and offers no retire button.
  const occupied = (list as { number: string; occupancy?: string }[]).find((r) => r.occupancy === 'occupied')!
  expect(occupied, 'the demo has guests in house').toBeTruthy()
  await manager.getByRole('textbox', { name: 'Find a room' }).fill(occupied.number)
  await manager.getByRole('button', { name: `Retire room ${occupied.number}` }).click()
  const refusal = manager.getByRole('dialog', { name: `Retire room ${occupied.number}?` })
  await expect(refusal.getByTestId('retire-refused')).toContainText(`Room ${occupied.number} has a guest in house`)
  await expect(refusal.getByRole('button', { name: 'Retire the room' })).toHaveCount(0)
  await refusal.getByRole('button', { name: 'Keep it' }).click()
  await manager.getByRole('textbox', { name: 'Find a room' }).fill('')
  await floor21.scrollIntoViewIfNeeded()
  await manager.screenshot({ path: `${shots}/rooms-en-1280.png` })

  // The same page at phone width, in English and Chinese.
  await manager.setViewportSize({ width: 390, height: 844 })
  await manager.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded()
  await expectNoViolations(manager, 'the Rooms page at 390 px')
  const width = await manager.evaluate<number>('document.documentElement.scrollWidth')
  expect(width).toBeLessThanOrEqual(390)
  await manager.screenshot({ path: `${shots}/rooms-en-390.png` })
  await manager.getByRole('button', { name: 'Import from a file…' }).click()
  await panel.locator('input[type=file]').setInputFiles({ name: 'rooms-bad.csv', mimeType: 'text/csv', buffer: fixture('rooms-bad.csv') })
  await expect(panel.getByTestId('room-file-problems')).toBeVisible()
  await panel.getByTestId('room-file-problems').scrollIntoViewIfNeeded()
  await manager.screenshot({ path: `${shots}/rooms-import-en-390.png` })

  await toChinese(manager)
  await expect(manager.getByRole('heading', { level: 1, name: '客房' })).toBeVisible()
  await expectNoViolations(manager, 'the Rooms page in Chinese at 390 px')
  await manager.screenshot({ path: `${shots}/rooms-zh-390.png` })
  await manager.getByRole('button', { name: '从文件导入…' }).click()
  const zhPanel = manager.getByRole('region', { name: '从文件导入客房' })
  await zhPanel.locator('input[type=file]').setInputFiles({ name: 'rooms-bad.csv', mimeType: 'text/csv', buffer: fixture('rooms-bad.csv') })
  // Its 2102 is retired now: that row is named too, in Chinese.
  await expect(zhPanel.getByTestId('room-file-problems')).toContainText('第 3 行 · 房号: 2102 号房已停用')
  await zhPanel.getByTestId('room-file-problems').scrollIntoViewIfNeeded()
  await manager.screenshot({ path: `${shots}/rooms-import-zh-390.png` })
  await manager.setViewportSize({ width: 1280, height: 860 })
  await expectNoViolations(manager, 'the Rooms page in Chinese')
  await manager.screenshot({ path: `${shots}/rooms-import-zh-1280.png` })
  await manager.getByTestId('floor-21').scrollIntoViewIfNeeded()
  await manager.screenshot({ path: `${shots}/rooms-zh-1280.png` })
  await manager.context().close()
})
