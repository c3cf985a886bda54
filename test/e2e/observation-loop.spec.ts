import { expect, test } from '@playwright/test'
import { expectNoViolations } from './axe'
import { addDays, hotelBusinessDate, staffPage } from './staff'

// The source story's loop: housekeeping notices the contractor's muddy shoes, guest relations
// makes it a preference, and on his next check-in housekeeping is prompted to set out a kit.
test('an observation from housekeeping becomes a preference and then a prompt on the next check-in', async ({ browser }) => {
  test.setTimeout(240_000) // three people, a whole stay's loop
  const housekeeping = await staffPage(browser, 'hk01', { width: 390, height: 844 }) // a phone
  const relations = await staffPage(browser, 'gr01')

  // Guest relations has the inbox open before anything arrives.
  await relations.getByRole('link', { name: 'Observations' }).click()
  await expect(relations.getByRole('heading', { name: 'Observations inbox', level: 1 })).toBeVisible()
  await expect(relations.getByTestId('observation').filter({ hasText: 'shoes always muddy' })).toHaveCount(0)

  // Housekeeping knows his room (the desk looks it up here); the lookup finds him from its digits.
  const inHouse = (await (await relations.request.post('/api/stay.inHouse', { data: {} })).json()).value as { guest: { nativeName: string }; roomNumber: string }[]
  const room: string = inHouse.find((s) => s.guest.nativeName === '郑国强')!.roomNumber
  expect(room).toBeTruthy()

  await expect(housekeeping.getByRole('heading', { level: 1 })).toHaveText('Housekeeping board')
  await housekeeping.getByRole('button', { name: 'Report something' }).click()
  const report = housekeeping.getByRole('dialog', { name: 'Report something about a guest' })
  const who = report.getByRole('textbox', { name: 'Guest’s room' })
  await expect(who).toBeFocused()
  await who.fill(room)
  await expect(housekeeping.getByRole('option', { name: /郑国强/ })).toBeVisible()
  await who.press('Enter') // takes the first match
  await expect(report.getByTestId('chosen-guest')).toContainText('郑国强')
  await expect(report.getByRole('textbox', { name: 'What did you notice?' })).toBeFocused()
  await housekeeping.keyboard.type('shoes always muddy')
  await report.getByRole('switch', { name: 'Suggest a preference' }).check()
  await report.getByRole('textbox', { name: 'Category' }).click()
  await housekeeping.getByRole('option', { name: 'Amenities', exact: true }).click()
  await report.getByRole('textbox', { name: 'About' }).click()
  await housekeeping.getByRole('option', { name: 'Shoe care', exact: true }).click()
  await report.getByRole('textbox', { name: 'Preference' }).click()
  await housekeeping.getByRole('option', { name: 'Shoe-cleaning kit', exact: true }).click()
  await report.getByRole('button', { name: 'Send to guest relations' }).click()
  await expect(report).toBeHidden()
  await expect(housekeeping.getByText('Sent to guest relations')).toBeVisible()

  // It arrives in the inbox live, with a visible notice.
  const card = relations.getByTestId('observation').filter({ hasText: 'shoes always muddy' })
  await expect(card).toBeVisible()
  await expect(relations.getByText('New observation', { exact: true })).toBeVisible()
  await expect(card).toContainText('Just in')
  await expect(card).toContainText('郑国强')
  await expect(card).toContainText(`Room ${room}`)
  await expect(card).toContainText('Housekeeping')
  await expect(card).toContainText('Suggested: Shoe care: Shoe-cleaning kit (preferred, every stay)')
  await expect(relations.getByTestId('department-counts')).toContainText('Housekeeping')
  await expectNoViolations(relations, 'observations inbox')
  await card.getByRole('button', { name: 'Accept', exact: true }).click()
  await expect(card).toHaveCount(0)
  await expect(relations.getByText(/Accepted: now a preference on 郑国强/)).toBeVisible()

  // Housekeeping, still on the board, is told live what became of it, and can look it up there.
  await expect(housekeeping.getByText('Your observation about 郑国强 is now a preference: “shoes always muddy”')).toBeVisible()
  await housekeeping.getByRole('tab', { name: 'My observations' }).click()
  await expect(housekeeping.getByTestId('my-observation').filter({ hasText: 'shoes always muddy' }).getByTestId('observation-status')).toHaveText(/Accepted/)
  await expectNoViolations(housekeeping, 'the board’s My observations tab on a phone')
  await housekeeping.getByRole('tab', { name: /^Open/ }).click()

  // And on the report page too.
  await housekeeping.getByRole('link', { name: 'Report', exact: true }).click()
  await expect(housekeeping.getByRole('heading', { name: 'Report what you noticed', level: 1 })).toBeVisible()
  const mine = housekeeping.getByTestId('my-observation').filter({ hasText: 'shoes always muddy' })
  await expect(mine.getByTestId('observation-status')).toHaveText(/Accepted/)
  await expect(mine).toContainText('it is now a preference on the guest')
  await expectNoViolations(housekeeping, 'capture page on a phone')
  await housekeeping.getByRole('link', { name: 'Department board' }).click()
  await expect(housekeeping.getByRole('heading', { level: 1 })).toHaveText('Housekeeping board')

  // The front desk checks him out, books him again for today, and checks him in.
  const desk = await staffPage(browser, 'fd01')
  const search = desk.getByRole('textbox', { name: 'Find a guest' })
  await search.fill('郑国强')
  await expect(desk.getByRole('list', { name: 'Search results' })).toContainText('郑国强')
  await search.press('Enter')
  await expect(desk.getByRole('region', { name: /郑国强/ })).toContainText('Shoe care: Shoe-cleaning kit')
  await desk.getByRole('button', { name: `Check out of room ${room}` }).click()
  // Check-out asks first (issue 10); he is leaving early, so it says so.
  await desk.getByRole('dialog', { name: `Check out of room ${room}?` }).getByTestId('confirm-check-out').click()
  await expect(desk.getByText('Checked out. The room is now vacant dirty.').first()).toBeVisible()
  await desk.getByRole('button', { name: 'New reservation' }).click()
  const booking = desk.getByRole('dialog', { name: 'New reservation' })
  // "Today" is the hotel's business date, which stays on the day before until the night audit.
  const today = await hotelBusinessDate(desk)
  await booking.getByLabel('Arrival').fill(today)
  await booking.getByLabel('Departure').fill(addDays(today, 1))
  await booking.getByRole('button', { name: 'Add reservation' }).click()
  await expect(booking).toBeHidden()
  await search.fill('')
  await desk.getByRole('list', { name: 'Arrivals today' }).getByRole('button', { name: /郑国强/ }).click()
  await desk.getByTestId('check-in-top').click()
  await expect(desk.getByTestId('checkin-result')).toContainText('Checked in to room')

  // Within a second of the desk seeing the check-in, housekeeping's phone shows the prompt.
  const kit = housekeeping.locator('[data-testid="prompt"][data-status="open"]').filter({ hasText: 'shoe-cleaning kit' })
  await expect(kit).toBeVisible({ timeout: 1000 })
  await expect(kit).toContainText('郑国强')
  // Housekeeping is told what to do, not the preference behind it (least knowledge).
  await expect(kit).not.toContainText('Because:')
})

test('a refused report keeps what was typed and says why', async ({ browser }) => {
  const housekeeping = await staffPage(browser, 'hk01', { width: 390, height: 844 })
  const rooms = (await (await housekeeping.request.post('/api/room.list', { data: {} })).json()).value as { number: string; status: string }[]
  const vacant = rooms.find((r) => r.status === 'vacant')!.number

  await housekeeping.getByRole('link', { name: 'Report', exact: true }).click()
  const who = housekeeping.getByRole('textbox', { name: 'Guest’s room' })
  const what = housekeeping.getByRole('textbox', { name: 'What did you notice?' })
  await expect(who).toBeFocused()
  await who.fill('9999')
  await expect(housekeeping.getByText('No guest in house matches.')).toBeVisible()
  await what.fill('asked twice for extra pillows')
  await what.press('Control+Enter')
  const refusal = housekeeping.getByRole('alert').filter({ hasText: 'Not sent' })
  await expect(refusal).toContainText('There is no room 9999')

  await who.fill(vacant)
  await what.press('Enter')
  await expect(refusal).toContainText('Nobody is in house in that room')
  await expect(who).toHaveValue(vacant)
  await expect(what).toHaveValue('asked twice for extra pillows')
  await expect(housekeeping.getByTestId('my-observation').filter({ hasText: 'extra pillows' })).toHaveCount(0)
})

test('guest relations decides by keyboard: reject with a reason, merge, edit then accept', async ({ browser }) => {
  const housekeeping = await staffPage(browser, 'hk01')
  const desk = await staffPage(browser, 'fd01')
  const inHouse = (await (await desk.request.post('/api/stay.inHouse', { data: {} })).json()).value as { guest: { nativeName: string }; roomNumber: string }[]
  const roomNumber: string = inHouse.find((s) => s.guest.nativeName === '郑国强')!.roomNumber
  const record = async (text: string, suggestion?: object) => {
    const answer = await (await housekeeping.request.post('/api/observation.record', { data: { roomNumber, text, suggestion } })).json()
    expect(answer.ok, text).toBe(true)
  }
  await record('asked twice for a softer pillow', { category: 'amenity', code: 'pillow', value: 'soft' })
  await record('drank every bottle of water again')
  await record('asked whether his parrot may stay')

  const relations = await staffPage(browser, 'gr01')
  await relations.getByRole('link', { name: 'Observations' }).click()
  const cards = relations.getByTestId('observation')
  const parrot = cards.filter({ hasText: 'parrot' })
  const water = cards.filter({ hasText: 'every bottle of water' })
  const pillow = cards.filter({ hasText: 'softer pillow' })
  await expect(cards.first()).toContainText('parrot') // newest first

  // J focuses the newest; R rejects, and the reason is required.
  await relations.keyboard.press('j')
  await expect(parrot).toBeFocused()
  await relations.keyboard.press('r')
  const reject = relations.getByRole('dialog', { name: 'Reject this observation' })
  await expect(reject.getByRole('button', { name: 'Reject' })).toBeDisabled()
  await relations.keyboard.type('No pets in guest rooms')
  await relations.keyboard.press('Control+Enter')
  await expect(parrot).toHaveCount(0)
  await expect(water).toBeFocused() // the next one takes its place

  // M merges into a preference he already has.
  await relations.keyboard.press('m')
  const merge = relations.getByRole('dialog', { name: 'Merge into an existing preference' })
  await merge.getByRole('radio', { name: /Minibar: Extra water/ }).check()
  await merge.getByRole('button', { name: 'Merge' }).click()
  await expect(water).toHaveCount(0)
  await expect(pillow).toBeFocused()

  // E opens the suggestion for editing: buckwheat, not soft.
  await relations.keyboard.press('e')
  const edit = relations.getByRole('dialog', { name: 'Accept as a preference' })
  await expect(edit.getByRole('textbox', { name: 'Preference', exact: true })).toHaveValue('Soft')
  await edit.getByRole('textbox', { name: 'Preference', exact: true }).click()
  await relations.getByRole('option', { name: 'Buckwheat' }).click()
  await edit.getByRole('button', { name: 'Accept onto the card' }).click()
  await expect(pillow).toHaveCount(0)

  // The reporter sees each outcome, and the card shows the edited preference.
  await housekeeping.getByRole('link', { name: 'Report', exact: true }).click()
  const mine = housekeeping.getByTestId('my-observation')
  await expect(mine.filter({ hasText: 'parrot' })).toContainText('Rejected by')
  await expect(mine.filter({ hasText: 'parrot' })).toContainText('No pets in guest rooms')
  await expect(mine.filter({ hasText: 'every bottle of water' }).getByTestId('observation-status')).toHaveText(/Merged/)
  await expect(mine.filter({ hasText: 'softer pillow' }).getByTestId('observation-status')).toHaveText(/Accepted/)
  await relations.getByRole('link', { name: 'Check-in' }).click()
  await relations.getByRole('textbox', { name: 'Find a guest' }).fill('郑国强')
  await expect(relations.getByRole('list', { name: 'Search results' })).toContainText('郑国强')
  await relations.getByRole('textbox', { name: 'Find a guest' }).press('Enter')
  await expect(relations.getByRole('region', { name: /郑国强/ })).toContainText('Pillow: Buckwheat')
})
