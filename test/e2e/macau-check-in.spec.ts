import { expect, test } from '@playwright/test'
import { staffPage } from './staff'

// The source story, end to end: the Macau advertising executive arrives, the desk finds him,
// his card shows what the hotel knows, the top room is on 10F facing south, and on check-in
// housekeeping and the restaurant see their prompts live, then act on them.
test('the Macau check-in reaches housekeeping and the restaurant live', async ({ browser }) => {
  const housekeeping = await staffPage(browser, 'hk01', { width: 390, height: 844 }) // a phone
  const restaurant = await staffPage(browser, 'rs01')
  await expect(housekeeping.getByRole('heading', { level: 1 })).toHaveText('Housekeeping board')
  await expect(restaurant.getByRole('heading', { level: 1 })).toHaveText('Food & Beverage board')

  const desk = await staffPage(browser, 'fd01')
  await expect(desk.getByRole('heading', { name: 'Check-in', level: 1 })).toBeVisible()
  // Today's arrivals list him; the search box has focus at once.
  await expect(desk.getByRole('list', { name: 'Arrivals today' })).toContainText('何家俊')
  const search = desk.getByRole('textbox', { name: 'Find a guest' })
  await expect(search).toBeFocused()
  await search.fill('HO Ka')
  await expect(desk.getByRole('list', { name: 'Search results' })).toContainText('何家俊')
  await search.press('Enter')

  const card = desk.getByRole('region', { name: /何家俊/ })
  await expect(card).toContainText('Floor: 10')
  await expect(card).toContainText('Facing: South')
  await expect(card).toContainText('Cuisine: Sichuan')
  await expect(card).toContainText('Condiment: Chilli-and-Sichuan-pepper oil')
  await expect(card).toContainText('Periodicals: Mainland advertising periodicals')

  const top = desk.getByTestId('room-suggestions').locator('li').first()
  await expect(top).toHaveAttribute('data-floor', '10')
  await expect(top).toHaveAttribute('data-facing', 'S')
  await expect(top).toContainText('10F ✓')
  await expect(top).toContainText('South ✓')
  const room = (await top.getAttribute('data-room'))!
  expect(room).toMatch(/^10\d\d$/)

  // One keystroke: the top suggestion's button has focus, Enter checks in.
  await expect(desk.getByTestId('check-in-top')).toBeFocused()
  await desk.keyboard.press('Enter')
  await expect(desk.getByTestId('checkin-result')).toContainText(`Checked in to room ${room}`)

  const periodicals = housekeeping.getByTestId('prompt').filter({ hasText: `Place the latest mainland advertising periodicals in room ${room}` })
  const sichuan = restaurant.getByTestId('prompt').filter({ hasText: 'Recommend Sichuan dishes' })
  const chilli = restaurant.getByTestId('prompt').filter({ hasText: 'chilli-and-Sichuan-pepper oil in small dishes' })
  // Each board must show its prompt within a second of the check-in, without a reload.
  await expect(periodicals).toBeVisible({ timeout: 1000 })
  await expect(sichuan).toBeVisible({ timeout: 1000 })
  await expect(chilli).toBeVisible({ timeout: 1000 })
  // The visible notice, and why the prompt exists.
  await expect(housekeeping.getByText('New prompt', { exact: true }).first()).toBeVisible()
  // What to do and where; the preference behind it stays with those who may read the card (least knowledge).
  await expect(periodicals).not.toContainText('Because:')

  await periodicals.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(periodicals).toHaveAttribute('data-status', 'acknowledged')
  await periodicals.getByRole('button', { name: 'Done' }).click()
  await expect(periodicals).toHaveCount(0)
  await housekeeping.getByRole('tab', { name: 'Recently closed' }).click()
  const closed = housekeeping.getByTestId('prompt').filter({ hasText: `room ${room}` }).first()
  await expect(closed).toHaveAttribute('data-status', 'done')
  await expect(closed).toContainText(/Done by .+ at/)

  await sichuan.getByRole('button', { name: 'Done' }).click()
  await expect(sichuan).toHaveCount(0)
})
