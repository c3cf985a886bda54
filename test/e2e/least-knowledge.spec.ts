import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { staffPage } from './staff'

/*
 * Least knowledge (issue 12): department staff see what to do and where, never why, and never a
 * guest's card. The demo's 庄志明 is hard of hearing ("Hears little on the left"); once he is in
 * house, housekeeping is told to knock, wait and use the door light.
 */

async function call(page: Page, name: string, input: object): Promise<{ ok: boolean; value?: any; error?: { code: string } }> {
  return (await page.request.post(`/api/${name}`, { data: input })).json()
}

async function value(page: Page, name: string, input: object) {
  const answer = await call(page, name, input)
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true)
  return answer.value
}

test('a housekeeping phone sees its prompt text but not the diagnosis, and cannot open the guest’s card', async ({ browser }) => {
  test.setTimeout(180_000)
  const desk = await staffPage(browser, 'fd01')
  const [zhuang] = (await value(desk, 'guest.search', { text: '庄志明' })) as { guestId: number; stay: { id: number; status: string; roomNumber: string | null } | null }[]
  expect(zhuang?.stay, 'the demo has 庄志明 arriving or in house').toBeTruthy()
  let room = zhuang!.stay!.roomNumber
  if (zhuang!.stay!.status !== 'in_house') {
    const [best] = (await value(desk, 'room.suggest', { stayId: zhuang!.stay!.id })) as { room: { number: string } }[]
    await value(desk, 'stay.checkIn', { stayId: zhuang!.stay!.id, roomNumber: best!.room.number })
    room = best!.room.number
  }

  const phone = await staffPage(browser, 'hk02', { width: 390, height: 844 })
  await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Housekeeping board')
  const prompt = phone.getByTestId('prompt').filter({ hasText: `(room ${room}): knock, wait, and use the door light` })
  await expect(prompt).toBeVisible()
  // The action and the room; not the need behind it, nor the note the desk wrote.
  const board = phone.getByRole('main')
  await expect(board).not.toContainText(/hard of hearing/i)
  await expect(board).not.toContainText('Hears little on the left')
  await expect(prompt.getByRole('link')).toHaveCount(0)
  await expectNoViolations(phone, 'the housekeeping board on a phone')
  await phone.screenshot({ path: test.info().outputPath('housekeeping-phone.png'), fullPage: true })

  // The live board's answer itself carries no cause; the card, its history and a search are refused.
  const open = (await value(phone, 'prompt.board', { department: 'housekeeping' })) as { roomNumber: string; reason: unknown; guestId: number }[]
  const mine = open.filter((p) => p.roomNumber === room)
  expect(mine.length).toBeGreaterThan(0)
  for (const p of mine) expect(p.reason).toBeNull()
  for (const name of ['guest.card', 'guest.history', 'observation.ofGuest']) {
    expect((await call(phone, name, { guestId: zhuang!.guestId })).error?.code, name).toBe('FORBIDDEN')
  }
  expect((await call(phone, 'guest.search', { text: '庄' })).error?.code).toBe('FORBIDDEN')
  // Typing his name in the report form tells nothing; his room does.
  expect(await value(phone, 'guest.inHouseLookup', { text: '庄' })).toEqual([])
  expect(((await value(phone, 'guest.inHouseLookup', { text: room! })) as { guestId: number }[]).map((g) => g.guestId)).toContain(zhuang!.guestId)

  // Opening the card's address on the phone shows no card.
  await phone.goto(`/#/guest/${zhuang!.guestId}`)
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(phone.getByTestId('guest-alerts')).toHaveCount(0)
  await expect(phone.getByRole('main')).not.toContainText(/hard of hearing/i)

  // The front desk, who needs the card, still sees the alert.
  await desk.goto(`/#/guest/${zhuang!.guestId}`)
  await expect(desk.getByRole('heading', { level: 1 })).toContainText('庄志明')
  await expect(desk.getByRole('main')).toContainText('Hearing: Hard of hearing')
  await phone.context().close()
  await desk.context().close()
})
