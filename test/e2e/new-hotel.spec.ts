import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { expectNoViolations } from './axe'
import { startDemoHub, stopHub } from './demo-hub'

// Issue 11: a hotel that is not the demo can be set up from nothing in the browser. On a brand-new
// hub the first person creates the hotel (its administrator, who manages it), imports the rooms
// from the hotel's spreadsheet, adds a department, writes a rule, and checks in the first guest,
// whose prompt reaches the new department's board. Its own hub: the shared one has the demo.

const port = Number(process.env.ZHIKE_E2E_NEW_HOTEL_PORT ?? Number(process.env.ZHIKE_E2E_PORT ?? 4871) + 10)
const rooms = fs.readFileSync(new URL('../fixtures/rooms/rooms.csv', import.meta.url))
let hub: ChildProcess | null = null
let dataDir = ''

test.beforeAll(async () => {
  test.setTimeout(180_000)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-e2e-new-hotel-'))
  hub = await startDemoHub(dataDir, port, {}, false)
})

test.afterAll(async () => {
  await stopHub(hub)
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('a new hotel is set up from nothing (rooms from a file, a department, a rule) and checks in its first guest', async ({ browser }) => {
  test.setTimeout(300_000)
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, locale: 'en-US' })
  const page = await context.newPage()

  // First start: the hotel and its administrator.
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Welcome to Zhike' })).toBeVisible()
  await page.getByRole('textbox', { name: 'Hotel name (English)' }).fill('Harbour View Hotel')
  await page.getByRole('textbox', { name: 'Hotel name (Chinese)' }).fill('海景酒店')
  await page.getByRole('textbox', { name: 'Your staff code' }).fill('gm01')
  await page.getByRole('textbox', { name: 'Your name' }).fill('Lin Wei')
  await page.getByLabel('Your PIN').fill('246810')
  await page.getByRole('button', { name: 'Create the hotel' }).click()

  // The new administrator lands on the set-up checklist: no rooms yet.
  await expect(page.getByRole('heading', { level: 1, name: 'Hotel & departments' })).toBeVisible()
  await expect(page.getByTestId('setup-checklist')).toBeVisible()
  await expectNoViolations(page, 'the set-up checklist of a new hotel')

  // A department of its own, with the minutes it promises to act in.
  const add = page.getByRole('form', { name: 'Add a department or outlet' })
  await add.getByRole('textbox', { name: 'Name in English' }).fill('Butler Service')
  await expect(add.getByRole('textbox', { name: 'Code' })).toHaveValue('butler_service')
  await add.getByRole('textbox', { name: 'Name in Chinese' }).fill('管家服务')
  await add.getByRole('textbox', { name: 'Minutes to act' }).fill('15')
  await add.getByRole('button', { name: 'Add the department' }).click()
  await expect(add.getByTestId('department-added')).toContainText('Butler Service is added')

  // Rooms from the hotel's own spreadsheet (Chinese headers), imported only once it is clean.
  await page.goto('/#/rooms')
  await expect(page.getByRole('heading', { level: 1, name: 'Rooms' })).toBeVisible()
  await page.getByRole('button', { name: 'Import from a file…' }).click()
  const panel = page.getByRole('region', { name: 'Import rooms from a file' })
  await panel.locator('input[type=file]').setInputFiles({ name: 'rooms.csv', mimeType: 'text/csv', buffer: rooms })
  await expect(panel.getByTestId('room-file-clean')).toContainText('3 rooms to add, 0 to update')
  await panel.getByRole('button', { name: 'Import 3 rooms' }).click()
  await expect(panel.getByTestId('room-import-outcome')).toHaveText('Imported: 3 rooms added, 0 updated, 0 unchanged.')
  await expect(page.getByTestId('room-2101')).toContainText('South · King · River view')

  // A rule for every guest checking in: the butler greets them in their room.
  await page.goto('/#/rules')
  await expect(page.getByRole('heading', { level: 1, name: 'Rules' })).toBeVisible()
  await page.getByRole('button', { name: 'New rule' }).click()
  const editor = page.getByRole('region', { name: 'New rule' })
  await expect(editor.getByRole('textbox', { name: 'Trigger' })).toHaveValue('Check-in')
  await editor.getByRole('textbox', { name: 'Department' }).click()
  await page.getByRole('option', { name: 'Butler Service', exact: true }).click()
  await editor.getByRole('textbox', { name: 'Prompt text (English)' }).fill('Greet {guest} in {room} with tea')
  await editor.getByRole('textbox', { name: 'Prompt text (Chinese)' }).fill('到{room}为{guest}奉茶问候')
  await editor.getByRole('button', { name: 'Save rule' }).click()
  await expect(page.getByTestId('rules-said')).toHaveText('Rule saved.')

  // The first guest walks in and is checked in to the top suggested room.
  await page.goto('/#/checkin')
  await expect(page.getByRole('heading', { level: 1, name: 'Check-in' })).toBeVisible()
  await page.getByRole('button', { name: 'Walk-in guest' }).click()
  const walkIn = page.getByRole('dialog', { name: 'Walk-in guest' })
  await walkIn.getByRole('textbox', { name: 'Name (native script)' }).fill('周雅婷')
  await walkIn.getByRole('textbox', { name: 'Phone' }).fill('13812345678')
  await walkIn.getByRole('button', { name: 'Create and choose a room' }).click()
  const top = page.getByTestId('check-in-top')
  await expect(top).toBeVisible()
  await top.click()
  await expect(page.getByTestId('checkin-result')).toContainText(/Checked in to room 21\d\d/)

  // The new department's board has the rule's prompt for her, in her room.
  await page.goto('/#/board/butler_service')
  await expect(page.getByTestId('prompt').filter({ hasText: /Greet 周雅婷 in 21\d\d with tea/ })).toBeVisible()
  await context.close()
})
