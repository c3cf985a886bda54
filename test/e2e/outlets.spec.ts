import { expect, test } from '@playwright/test'
import { staffPage } from './staff'

// Food & Beverage's outlets: the dim sum prompt of the guest in 614 goes to the Chinese restaurant;
// its waiter sees only that outlet, while the F&B office sees it on its own board, switches to the
// outlet's board, and hears the waiter take it up live.
test('a dish prompt reaches the Chinese restaurant, and the F&B office sees it too', async ({ browser }) => {
  const waiter = await staffPage(browser, 'cn01', { width: 390, height: 844 }) // a phone at the outlet
  await expect(waiter.getByRole('heading', { level: 1 })).toHaveText('Food & Beverage › Chinese Restaurant board')
  await expect(waiter.getByRole('textbox', { name: 'Department' })).toHaveCount(0)
  const atOutlet = waiter.getByTestId('prompt').filter({ hasText: 'Cantonese dim sum menu' }).filter({ hasText: 'room 614' })
  await expect(atOutlet).toBeVisible()
  // The outlet's board holds the outlet's work only: no F&B Sichuan prompt, no all-day dining breakfast.
  await expect(waiter.getByTestId('prompt').filter({ hasText: 'Japanese set breakfast' })).toHaveCount(0)

  const office = await staffPage(browser, 'rs01')
  await expect(office.getByRole('heading', { level: 1 })).toHaveText('Food & Beverage board')
  await expect(office.getByTestId('prompt').filter({ hasText: 'Cantonese dim sum menu' }).filter({ hasText: 'room 614' })).toBeVisible()
  await expect(office.getByTestId('prompt').filter({ hasText: 'Japanese set breakfast' }).first()).toBeVisible()

  const department = office.getByRole('textbox', { name: 'Department' })
  await department.click()
  await expect(office.getByRole('option')).toHaveText([
    'Food & Beverage',
    'Food & Beverage › All-day Dining',
    'Food & Beverage › Chinese Restaurant',
    'Food & Beverage › In-room Dining',
    'Food & Beverage › Lobby Lounge',
  ])
  await office.getByRole('option', { name: 'Food & Beverage › Chinese Restaurant', exact: true }).click()
  await expect(office.getByRole('heading', { level: 1 })).toHaveText('Food & Beverage › Chinese Restaurant board')
  const atOffice = office.getByTestId('prompt').filter({ hasText: 'Cantonese dim sum menu' }).filter({ hasText: 'room 614' })
  await expect(office.getByTestId('prompt').filter({ hasText: 'Japanese set breakfast' })).toHaveCount(0)

  await atOutlet.getByRole('button', { name: 'Acknowledge' }).click()
  await expect(atOutlet).toHaveAttribute('data-status', 'acknowledged')
  await expect(atOffice).toHaveAttribute('data-status', 'acknowledged', { timeout: 2000 })
  await atOffice.getByRole('button', { name: 'Done' }).click()
  await expect(atOutlet).toHaveCount(0, { timeout: 2000 })
})
