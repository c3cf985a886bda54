import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { expectNoViolations } from './axe'
import { staffPage } from './staff'

// Issue 3, "Guest profiles that learn", clicked through as the front desk and guest relations
// would: the profile from check-in, an edit kept in the history and undone, a new preference
// with its provenance, the duplicate warning at creation, and a merge undone again.

async function openZhuangFromCheckIn(desk: Page) {
  const search = desk.getByRole('textbox', { name: 'Find a guest' })
  await search.fill('zhuang')
  await expect(desk.getByRole('list', { name: 'Search results' })).toContainText('庄志明')
  await search.press('Enter')
  await desk.getByRole('link', { name: /Open full profile/ }).click()
  await expect(desk.getByRole('heading', { level: 1 })).toHaveText(/庄志明\s*ZHUANG Zhiming/)
}

/**
 * A year passes for some of a guest's preferences: nobody can wait 12 months in a test, so the
 * store the hub serves is told they were last confirmed `days` ago (the only write behind the UI).
 */
function lastConfirmedDaysAgo(nativeName: string, codes: string[], days: number) {
  const store = new Database(path.join(process.env.ZHIKE_E2E_DATA!, 'zhike.db'))
  try {
    store.pragma('busy_timeout = 5000')
    const at = new Date(Date.now() - days * 86_400_000).toISOString()
    store
      .prepare(`UPDATE preference SET last_confirmed_at = ? WHERE active = 1 AND guest_id = (SELECT id FROM guest WHERE native_name = ?) AND code IN (${codes.map(() => '?').join(', ')})`)
      .run(at, nativeName, ...codes)
  } finally {
    store.close()
  }
}

/** Picks an option in a Mantine Select, as a person does: open it, click the option. */
async function choose(scope: Page | ReturnType<Page['getByRole']>, page: Page, label: string, option: string) {
  await scope.getByRole('textbox', { name: label }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

test('the desk opens Mr Zhuang’s profile from check-in, edits his phone, sees old → new in the history, and undoes it', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  await openZhuangFromCheckIn(desk)
  // Alerts first, in words: he is hard of hearing.
  await expect(desk.getByTestId('profile-alerts')).toContainText('Hearing: Hard of hearing')
  await expect(desk.getByTestId('profile-badges')).toContainText('VIP 2')

  const phone = desk.getByRole('textbox', { name: 'Phone' })
  const email = desk.getByRole('textbox', { name: 'Email' })
  await expect(phone).toHaveValue('+65 9123 4567')

  // A refused edit: the store names the field, and what was typed is still there to fix.
  await phone.fill('+65 9123 0000')
  await email.fill('zhuang at example')
  await desk.getByRole('button', { name: 'Save changes' }).click()
  await expect(desk.getByRole('alert').filter({ hasText: 'Please check Email' })).toBeVisible()
  await expect(email).toHaveAccessibleDescription(/Enter an email address like name@example.com/)
  await expect(email).toBeFocused()
  await expect(phone).toHaveValue('+65 9123 0000')
  await expect(email).toHaveValue('zhuang at example')

  await email.fill('zhuang.zm@example.com')
  await desk.getByRole('button', { name: 'Save changes' }).click()
  await expect(desk.getByText('Changes saved.', { exact: false })).toBeVisible()
  const rows = desk.getByTestId('history').getByTestId('history-row')
  await expect(rows.first()).toContainText('Phone: +65 9123 4567 → +65 9123 0000')
  await expect(rows.first()).toContainText('陈思雨')
  await expect(rows.first()).toContainText('edited details')

  await desk.getByRole('button', { name: 'Undo last change' }).click()
  await expect(phone).toHaveValue('+65 9123 4567')
  await expect(rows.first()).toContainText('Phone: +65 9123 0000 → +65 9123 4567')
  await expect(rows.first()).toContainText('undid a change')
  await expect(rows.nth(1)).toContainText('undone')

  // The back link returns to check-in.
  await desk.getByRole('link', { name: 'Back' }).click()
  await expect(desk.getByRole('heading', { name: 'Check-in', level: 1 })).toBeVisible()
})

test('at check-in the desk confirms or retires preferences not confirmed for a year, one keystroke each', async ({ browser }) => {
  lastConfirmedDaysAgo('庄志明', ['flowers', 'newspaper'], 400)
  const desk = await staffPage(browser, 'fd01')
  const search = desk.getByRole('textbox', { name: 'Find a guest' })
  await search.fill('庄志明')
  await expect(desk.getByRole('list', { name: 'Search results' })).toContainText('ZHUANG Zhiming')
  await search.press('Enter')
  const confirm = desk.getByTestId('confirm-preferences')
  await expect(confirm.getByRole('heading')).toHaveText('Still true? 2 preferences to confirm')
  await expect(confirm.getByRole('listitem')).toHaveCount(2)

  // Confirm the flowers: focus the button, one Enter; the item leaves and focus moves to the next.
  await confirm.getByRole('button', { name: 'Confirm Flowers: Orchid' }).focus()
  await desk.keyboard.press('Enter')
  await expect(confirm.getByRole('listitem')).toHaveCount(1)
  await expect(confirm.getByRole('button', { name: 'Confirm Newspaper: Lianhe Zaobao' })).toBeFocused()
  // Retire the newspaper: Tab to Retire, Enter; nothing is left to confirm.
  await desk.keyboard.press('Tab')
  await expect(confirm.getByRole('button', { name: 'Retire Newspaper: Lianhe Zaobao' })).toBeFocused()
  await desk.keyboard.press('Enter')
  await expect(confirm).toHaveCount(0)

  const card = desk.getByRole('region', { name: /庄志明/ })
  await expect(card).toContainText('Flowers: Orchid')
  await expect(card).not.toContainText('not confirmed for a year')
  await expect(card).not.toContainText('Newspaper: Lianhe Zaobao')
})

test('a preference added on the profile shows who noticed it: you, front office, now', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  await openZhuangFromCheckIn(desk)
  await desk.getByRole('button', { name: 'Add a preference' }).click()
  const dialog = desk.getByRole('dialog', { name: 'Add a preference' })
  await choose(dialog, desk, 'Category', 'Amenities')
  await choose(dialog, desk, 'About', 'Pillow')
  await choose(dialog, desk, 'Value', 'Buckwheat')
  await dialog.getByRole('radio', { name: 'required' }).check()
  await dialog.getByRole('textbox', { name: 'Note' }).fill('Asked at the desk')
  await dialog.getByRole('button', { name: 'Add preference' }).click()
  await expect(dialog).toBeHidden()

  const pillow = desk.getByTestId('profile-prefs-amenity').getByTestId('preference').filter({ hasText: 'Pillow: Buckwheat' })
  await expect(pillow).toContainText('required')
  await expect(pillow).toContainText('Asked at the desk')
  await expect(pillow.getByTestId('provenance')).toHaveText('Noticed by you, Front office, now')
  await expect(desk.getByTestId('history').getByTestId('history-row').first()).toContainText('added a preference')
  await expect(desk.getByTestId('history').getByTestId('history-row').first()).toContainText('Pillow: Buckwheat')

  // Editing it: a this-stay-only wish, then it is retired, and Undo brings it back.
  await pillow.getByRole('button', { name: 'Edit Pillow: Buckwheat' }).click()
  const edit = desk.getByRole('dialog', { name: /Edit: Pillow: Buckwheat/ })
  await edit.getByRole('radio', { name: 'this stay only' }).check()
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(pillow).toContainText('this stay only')
  await pillow.getByRole('button', { name: 'Retire Pillow: Buckwheat' }).click()
  await expect(pillow).toHaveCount(0)
  await desk.getByRole('button', { name: 'Undo last change' }).click()
  await expect(pillow).toBeVisible()
})

test('the profile page passes an axe audit, in English and in Chinese', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  await openZhuangFromCheckIn(desk)
  await expect(desk.getByTestId('guest-stats')).toContainText('Stays')
  await expect(desk.getByTestId('history').getByTestId('history-row').first()).toBeVisible()
  await expectNoViolations(desk, 'guest profile')
  await desk.getByRole('textbox', { name: 'Language', exact: true }).click()
  await desk.getByRole('option', { name: '简体中文' }).click()
  await expect(desk.getByRole('heading', { name: '修改历史' })).toBeVisible()
  await expectNoViolations(desk, 'guest profile in Chinese')
})

test('a walk-in typed with an existing guest’s name and phone warns that the guest may already exist', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  await desk.getByRole('button', { name: 'Walk-in guest' }).click()
  const dialog = desk.getByRole('dialog', { name: 'Walk-in guest' })
  await dialog.getByRole('textbox', { name: 'Name (native script)' }).fill('何家俊')
  await dialog.getByRole('textbox', { name: 'Phone' }).fill('6612 3456')
  const warning = dialog.getByTestId('possible-duplicates')
  await expect(warning).toContainText('This guest may already exist')
  await expect(warning).toContainText('HO Ka Chun')
  await expect(warning).toContainText('same phone')
  await expect(warning.getByRole('button', { name: /It is this guest: use this profile 何家俊/ })).toBeVisible()
  await expectNoViolations(desk, 'walk-in with the duplicate warning')
})

test('a walk-in submitted at once, before the warning could appear, is asked once whether the guest already exists', async ({ browser }) => {
  const desk = await staffPage(browser, 'fd01')
  await desk.getByRole('button', { name: 'Walk-in guest' }).click()
  const dialog = desk.getByRole('dialog', { name: 'Walk-in guest' })
  // Submitted straight away, as a fast clerk does.
  await dialog.getByRole('textbox', { name: 'Name (native script)' }).fill('何家俊')
  await dialog.getByRole('button', { name: 'Create and choose a room' }).click()
  await expect(dialog.getByTestId('walk-in-may-exist')).toContainText('This guest may already exist')
  await expect(dialog.getByTestId('possible-duplicates')).toContainText('HO Ka Chun')
  await expect(dialog.getByRole('button', { name: 'Create a new guest anyway' })).toBeVisible()
  await desk.context().close()
})

test('guest relations merges a likely duplicate pair, choosing the phone, then unmerges it', async ({ browser }) => {
  const relations = await staffPage(browser, 'gr01')
  await relations.getByRole('link', { name: 'Duplicates' }).click()
  await expect(relations.getByRole('heading', { level: 1 })).toHaveText('Duplicate profiles')
  const pair = relations.getByTestId('duplicate-pair').filter({ hasText: '王丽华' }).filter({ hasText: 'Wang Lihua' })
  await expect(pair).toContainText('same phone')
  await pair.getByRole('button', { name: 'Compare and merge' }).click()

  await pair.getByRole('radiogroup', { name: 'Which profile is kept?' }).getByRole('radio', { name: /王丽华/ }).check()
  const phone = pair.getByRole('radiogroup', { name: 'Phone' })
  await phone.getByRole('radio', { name: /13905718826/ }).check()
  await expect(pair.getByTestId('merge-kept')).toContainText('VIP level 1')
  await expect(pair.getByTestId('merge-moving')).toContainText('1 preference, 1 stay')
  await pair.getByRole('button', { name: 'Merge Wang Lihua into 王丽华' }).click()

  await expect(relations.getByTestId('duplicate-pair').filter({ hasText: 'Wang Lihua' })).toHaveCount(0)
  const merge = relations.getByTestId('merge-row').first()
  await expect(merge).toContainText('Wang Lihua merged into 王丽华')

  // The kept profile now has the chosen phone and the other profile's stay.
  await merge.getByRole('link', { name: '王丽华' }).click()
  await expect(relations.getByRole('heading', { level: 1 })).toHaveText(/王丽华/)
  await expect(relations.getByRole('textbox', { name: 'Phone' })).toHaveValue('13905718826')
  await expect(relations.getByTestId('profile-prefs-room')).toContainText('Quiet side')
  await relations.getByRole('link', { name: 'Back' }).click()

  await expect(relations.getByRole('heading', { level: 1 })).toHaveText('Duplicate profiles')
  await relations.getByTestId('merge-row').first().getByRole('button', { name: 'Unmerge' }).click()
  await expect(relations.getByTestId('merge-row').first()).toContainText('undone')
  await expect(relations.getByTestId('duplicate-pair').filter({ hasText: '王丽华' }).filter({ hasText: 'Wang Lihua' })).toBeVisible()
  await expectNoViolations(relations, 'duplicates page')
})
