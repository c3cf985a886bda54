import { expect, test, type Page } from '@playwright/test'
import { expectNoViolations } from './axe'
import { staffPage } from './staff'

// Issue 10, findings 9 and 10: check-out asks first and says when it is early; Undo brings the
// guest back; a typo'd room number is refused beside the room field, which takes focus.
// Run on a port of its own: ZHIKE_E2E_PORT=48211 npx playwright test test/e2e/desk-checkout.spec.ts

interface Arrival {
  stayId: number
  guest: { nativeName: string }
  departure: string
  status: string
}

async function api<T>(page: Page, name: string, input: unknown = {}): Promise<T> {
  const response = await page.request.post(`/api/${name}`, { data: input })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { code: string } }
  if (!body.ok) throw new Error(`${name}: ${body.error?.code}`)
  return body.value
}

/** Opens the guest's stay on the check-in screen by searching the name. */
async function openGuest(desk: Page, name: string): Promise<void> {
  const search = desk.getByRole('textbox', { name: 'Find a guest' })
  await search.fill(name)
  await expect(desk.getByRole('list', { name: 'Search results' })).toContainText(name)
  await search.press('Enter')
  await expect(desk.getByRole('region', { name: /Stay / })).toBeVisible()
}

test('check-out asks first and says it is early; Undo brings the guest back; a typo’d room is refused beside its field', async ({ browser }) => {
  test.setTimeout(150_000) // three axe audits and two hubs' worth of requests on a shared machine
  const desk = await staffPage(browser, 'fd01')
  await expect(desk.getByRole('heading', { name: 'Check-in', level: 1 })).toBeVisible()
  const { businessDate } = await api<{ businessDate: string }>(desk, 'hotel.clock')
  const arrivals = await api<Arrival[]>(desk, 'stay.arrivals')
  // A guest arriving today for at least two nights, so checking out today is early.
  const guest = arrivals.find((a) => a.status === 'reserved' && a.departure > businessDate && !arrivals.some((b) => b !== a && b.guest.nativeName === a.guest.nativeName))
  expect(guest, 'a reserved arrival today').toBeTruthy()
  const name = guest!.guest.nativeName
  await openGuest(desk, name)
  const panel = desk.getByRole('region', { name: /Stay / })

  // A typo'd room number: the sentence is beside the room field, the field has focus.
  const other = panel.getByRole('textbox', { name: 'Another room' })
  await other.fill('99O1')
  await other.press('Enter')
  await expect(other).toHaveAttribute('aria-invalid', 'true')
  await expect(other).toBeFocused()
  const described = await other.getAttribute('aria-describedby')
  expect(described).toBeTruthy()
  await expect(desk.locator(`[id="${described!.split(' ').find((id) => id.includes('error'))}"]`)).toHaveText('There is no room 99O1. Check the room number.')
  await expect(panel.getByText('That record no longer exists', { exact: false })).toHaveCount(0)
  await expect(other).toBeInViewport()
  await expectNoViolations(desk, 'a room refused beside its field')

  // Check in to the top suggestion, then undo it: a reservation again, the room kept for it.
  const room = (await panel.getByTestId('room-suggestions').locator('li').first().getAttribute('data-room'))!
  await panel.getByTestId('check-in-top').click()
  await expect(panel.getByTestId('checkin-result')).toContainText(`Checked in to room ${room}`)
  const undoCheckIn = panel.getByTestId('undo-check_in')
  await expect(undoCheckIn).toHaveText(/Undo check-in \((10|9) min left\)/)
  await undoCheckIn.click()
  await expect(desk.getByText(`Check-in undone: a reservation again, room ${room} kept for it`)).toBeVisible()
  await expect(panel.getByTestId('room-chosen')).toHaveText(`Room ${room} chosen`)
  // And in again, by keyboard: the room kept for the stay is first and has focus.
  await expect(panel.getByTestId('room-suggestions').locator('li').first()).toHaveAttribute('data-room', room)
  await expect(panel.getByTestId('check-in-top')).toBeFocused()
  await desk.keyboard.press('Enter')
  await expect(panel.getByTestId('checkin-result')).toContainText(`Checked in to room ${room}`)

  // Open the in-house stay afresh: check-out asks first, and says how early.
  await panel.getByRole('button', { name: 'Back to list' }).click()
  await openGuest(desk, name)
  const nights = Math.round((Date.parse(guest!.departure) - Date.parse(businessDate)) / 86_400_000)
  const due = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(`${guest!.departure}T00:00:00Z`))
  await panel.getByRole('button', { name: `Check out of room ${room}` }).click()
  const dialog = desk.getByRole('dialog', { name: `Check out of room ${room}?` })
  await expect(dialog.getByTestId('check-out-question')).toHaveText(`Due out on ${due} — check out ${nights} ${nights === 1 ? 'night' : 'nights'} early?`)
  await expect(dialog.getByRole('button', { name: 'Keep in house' })).toBeFocused()
  await expectNoViolations(desk, 'the check-out question')
  // Keeping the guest changes nothing.
  await desk.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  expect((await api<{ status: string }>(desk, 'stay.details', { stayId: guest!.stayId })).status).toBe('in_house')

  await panel.getByRole('button', { name: `Check out of room ${room}` }).click()
  await dialog.getByRole('button', { name: `Check out ${nights} ${nights === 1 ? 'night' : 'nights'} early` }).click()
  await expect(dialog).toBeHidden()
  const notice = desk.getByRole('alert').filter({ hasText: 'Checked out. The room is now vacant dirty.' })
  await expect(notice.getByRole('button', { name: /Undo check-out \(\d+ min left\)/ })).toBeVisible()
  await expect(panel.locator('.mantine-Badge-label').getByText('Checked out', { exact: true })).toBeVisible()
  const undo = panel.getByTestId('undo-check-out-bar').getByRole('button', { name: /Undo check-out \((10|9) min left\)/ })
  await expect(undo).toBeVisible()
  await expectNoViolations(desk, 'a check-out with its Undo')
  expect((await api<{ status: string }>(desk, 'stay.details', { stayId: guest!.stayId })).status).toBe('checked_out')

  // Undo by keyboard: the guest is in house again in the same room.
  await undo.focus()
  await desk.keyboard.press('Enter')
  await expect(desk.getByText(`Check-out undone: the guest is in room ${room} again`)).toBeVisible()
  await expect(panel.getByRole('button', { name: `Check out of room ${room}` })).toBeVisible()
  await expect(panel.getByTestId('undo-check-out-bar')).toHaveCount(0)
  const details = await api<{ status: string; roomNumber: string; events: { kind: string }[] }>(desk, 'stay.details', { stayId: guest!.stayId })
  expect(details).toMatchObject({ status: 'in_house', roomNumber: room })
  expect(details.events.at(-1)?.kind).toBe('check_out_undone')
  await expect(panel).toContainText('Check-out undone')
})
