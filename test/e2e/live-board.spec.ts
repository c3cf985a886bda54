import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, request as playwrightRequest, test, type Locator, type Page } from '@playwright/test'
import type { Actor } from '../../electron/core/context'
import { createCore } from '../../electron/core/core'
import type { Result } from '../../electron/core/core'
import { expectNoViolations } from './axe'
import { demoMember, signIn } from './staff'
import { startDemoHub, stopHub } from './demo-hub'

// Issue 7, "live boards never lie": a housekeeper's phone board through a hub restart. This test
// runs a hub of its own (its own data folder and port), so it can stop and start it.
const port = Number(process.env.ZHIKE_E2E_LIVE_PORT ?? Number(process.env.ZHIKE_E2E_PORT ?? 4871) + 4)
const hubUrl = `http://127.0.0.1:${port}`
const localDay = (offset: number) => {
  const d = new Date(Date.now() + offset * 86_400_000)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}


function ok<T>(result: Result): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

interface Arrival {
  stayId: number
  status: string
  guest: { nativeName: string }
}

/**
 * With the hub stopped, the desk checks guests in on the store itself (as the desktop app on the
 * same folder would). Answers each guest's room and the housekeeping prompts made.
 */
function checkInOnTheStore(dataDir: string, names: string[]): { rooms: Record<string, string>; housekeeping: number } {
  const core = createCore({ file: path.join(dataDir, 'zhike.db') })
  try {
    const desk = ok<{ staff: Actor }>(core.callAs(null, 'session.signIn', { code: 'fd01', pin: demoMember('fd01').pin })).staff
    const arrivals = ok<Arrival[]>(core.callAs(desk, 'stay.arrivals', {}))
    const rooms: Record<string, string> = {}
    let housekeeping = 0
    for (const name of names) {
      const stay = arrivals.find((a) => a.guest.nativeName === name && a.status === 'reserved')
      if (!stay) throw new Error(`${name} is not arriving today`)
      const [top] = ok<{ room: { number: string } }[]>(core.callAs(desk, 'room.suggest', { stayId: stay.stayId, limit: 1 }))
      const done = ok<{ prompts: { department: string }[] }>(core.callAs(desk, 'stay.checkIn', { stayId: stay.stayId, roomNumber: top.room.number }))
      rooms[name] = top.room.number
      housekeeping += done.prompts.filter((p) => p.department === 'housekeeping').length
    }
    return { rooms, housekeeping }
  } finally {
    core.close()
  }
}

/** Nothing sits over the control: what is under its middle is the control itself. */
async function expectUncovered(page: Page, control: Locator, what: string): Promise<void> {
  const box = await control.boundingBox()
  expect(box, what).not.toBeNull()
  // (This file is type-checked without the DOM library: the page's objects are described here.)
  type Node = { contains(other: Node): boolean; ownerDocument: { elementFromPoint(x: number, y: number): Node | null } }
  const hit = await control.evaluate(
    (el, point) => {
      const node = el as unknown as Node
      const top = node.ownerDocument.elementFromPoint(point.x, point.y)
      return top !== null && node.contains(top)
    },
    { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
  )
  expect(hit, `${what} is covered`).toBe(true)
}

let hub: ChildProcess | null = null
let dataDir = ''
test.afterEach(async () => {
  await stopHub(hub)
  hub = null
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

test('a phone board says it is offline, catches up after a hub restart, and goes to sign-in when its stream gets 401', async ({ browser }) => {
  test.setTimeout(240_000)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-e2e-live-'))
  hub = await startDemoHub(dataDir, port)

  const context = await browser.newContext({ baseURL: hubUrl, viewport: { width: 390, height: 844 }, locale: 'en-US' })
  const page = await context.newPage()
  await signIn(page, 'hk01')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Housekeeping board')
  const status = page.getByTestId('connection-status')
  await expect(status).toHaveAttribute('data-state', 'live')
  await expect(status).toContainText('Live updates: Live')
  // Marks this page load: a reload would lose it.
  await page.evaluate(() => ((globalThis as unknown as { sameLoad: boolean }).sameLoad = true))

  // The hub stops: the board says so, in the header and plainly at the top of the page.
  await stopHub(hub)
  hub = null
  await expect(status).toHaveAttribute('data-state', /^(reconnecting|offline)$/)
  await expect(status).toHaveAttribute('data-state', 'offline')
  await expect(page.getByTestId('connection-notice')).toContainText('Offline: the hub cannot be reached')
  await expectNoViolations(page, 'the offline board')

  // Meanwhile the desk checks in the Macau executive and the hard-of-hearing guest.
  const { rooms, housekeeping } = checkInOnTheStore(dataDir, ['何家俊', '庄志明'])
  expect(housekeeping).toBeGreaterThanOrEqual(2)

  // The hub is back on the same folder and port: the board catches up by itself.
  hub = await startDemoHub(dataDir, port)
  await expect(status).toHaveAttribute('data-state', 'live', { timeout: 30_000 })
  await expect(page.getByTestId('connection-notice')).toHaveCount(0)
  const periodicals = page.getByTestId('prompt').filter({ hasText: `Place the latest mainland advertising periodicals in room ${rooms['何家俊']}` })
  const hearing = page.getByTestId('prompt').filter({ hasText: `room ${rooms['庄志明']}` }).filter({ hasText: /knock, wait, and use the door light/ })
  await expect(periodicals).toBeVisible()
  await expect(hearing.first()).toBeVisible()
  expect(await page.evaluate(() => (globalThis as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true)

  // What arrived meanwhile is one notice, in the page's flow, over none of the board's controls.
  const notice = page.getByTestId('new-prompts')
  await expect(notice).toHaveCount(1)
  await expect(notice).toHaveAttribute('data-count', String(housekeeping))
  await expect(notice).toContainText(`${housekeeping} new prompts`)
  await expect(periodicals).toHaveAttribute('data-fresh', 'true')
  await expectUncovered(page, page.getByRole('button', { name: 'Report something' }), 'the report button')
  await expectUncovered(page, page.getByRole('tab', { name: /^Open/ }), 'the open tab')
  // Standing instructions come first and have no Done: the first task's button, below them.
  const firstDone = page.getByTestId('tasks-section').getByTestId('prompt').first().getByRole('button', { name: 'Done' })
  await firstDone.scrollIntoViewIfNeeded()
  await expectUncovered(page, firstDone, 'the first task’s Done button')
  await expectUncovered(page, page.getByRole('button', { name: /^Signed in as/ }), 'the account menu')
  await expectNoViolations(page, 'the board with grouped new prompts')
  // Taking one up leaves the rest in the notice.
  await periodicals.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(notice).toHaveAttribute('data-count', String(housekeeping - 1))
  await notice.getByRole('button', { name: /^Show/ }).click()
  await expect(notice).toHaveCount(0)
  // "Show them" brings the first of them into view, with focus on it.
  await expect(page.locator('[data-testid="prompt"]:focus')).toHaveAttribute('data-fresh', 'true')

  // The session is signed out elsewhere; the hub ends its stream at the next event it would send,
  // and the board's reconnection is refused (401): the board goes to sign-in and says why.
  const refused = page.waitForResponse((response) => response.url().includes('/api/events') && response.status() === 401)
  expect((await (await page.request.post('/api/session.signOut', { data: {} })).json()).ok).toBe(true)
  const desk = await playwrightRequest.newContext({ baseURL: hubUrl })
  try {
    expect((await (await desk.post('/api/session.signIn', { data: { code: 'fd01', pin: demoMember('fd01').pin } })).json()).ok).toBe(true)
    // Any change makes an event: a new reservation for a walk-in is enough.
    const guest = await (await desk.post('/api/guest.create', { data: { nativeName: '测试客', romanName: 'CE Shike' } })).json()
    expect(guest.ok).toBe(true)
    const stay = await (await desk.post('/api/stay.reserve', { data: { guestId: guest.value.id, arrival: localDay(1), departure: localDay(2), party: 1 } })).json()
    expect(stay.ok).toBe(true)
  } finally {
    await desk.dispose()
  }
  await refused
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByTestId('signed-out')).toHaveText('You were signed out. Sign in again.')
  await expect(page.getByTestId('prompt')).toHaveCount(0)
  await context.close()
})

test('a suggested room taken at another desk drops out, focus moves to the room now first; a refused call goes to sign-in', async ({ browser }) => {
  test.setTimeout(180_000)
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhike-e2e-live-'))
  hub = await startDemoHub(dataDir, port)
  const context = await browser.newContext({ baseURL: hubUrl, viewport: { width: 1280, height: 860 }, locale: 'en-US' })
  const desk = await context.newPage()
  await signIn(desk, 'fd01')
  const search = desk.getByRole('textbox', { name: 'Find a guest' })
  await search.fill('ZENG Wenjing')
  await expect(desk.getByRole('list', { name: 'Search results' })).toContainText('曾文静')
  await search.press('Enter')
  const suggestions = desk.getByTestId('room-suggestions').locator('li')
  await expect(desk.getByTestId('check-in-top')).toBeFocused()
  const taken = (await suggestions.first().getAttribute('data-room'))!
  const next = (await suggestions.nth(1).getAttribute('data-room'))!

  // A second desk checks another arrival into that very room.
  const other = await playwrightRequest.newContext({ baseURL: hubUrl })
  try {
    expect((await (await other.post('/api/session.signIn', { data: { code: 'fd01', pin: demoMember('fd01').pin } })).json()).ok).toBe(true)
    const arrivals = (await (await other.post('/api/stay.arrivals', { data: {} })).json()).value as Arrival[]
    const someoneElse = arrivals.find((a) => a.status === 'reserved' && a.guest.nativeName !== '曾文静')!
    const done = await (await other.post('/api/stay.checkIn', { data: { stayId: someoneElse.stayId, roomNumber: taken } })).json()
    expect(done.ok).toBe(true)
  } finally {
    await other.dispose()
  }

  // The room leaves the list at once; the room now first has focus, and the desk is told why.
  await expect(desk.getByTestId('room-suggestions').locator(`li[data-room="${taken}"]`)).toHaveCount(0)
  await expect(suggestions.first()).toHaveAttribute('data-room', next)
  await expect(desk.getByTestId('check-in-top')).toBeFocused()
  await expect(desk.getByTestId('room-taken')).toHaveText(`Room ${taken} was just taken by another check-in. Now first: room ${next}.`)
  await expectNoViolations(desk, 'check-in after a suggested room was taken')
  // Enter checks in to the room that is free.
  await desk.keyboard.press('Enter')
  await expect(desk.getByTestId('checkin-result')).toContainText(`Checked in to room ${next}`)

  // Any call that answers UNAUTHENTICATED (here: the cookie is gone) sends the desk to sign-in, saying why.
  await context.clearCookies()
  await search.fill('WONG')
  await expect(desk.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(desk.getByTestId('signed-out')).toHaveText('You were signed out. Sign in again.')
  await expect(desk.getByRole('textbox', { name: 'Staff code or name' })).toBeFocused()
  await context.close()
})
