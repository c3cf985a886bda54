import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { guestIndexVersion, rebuildGuestIndex } from '../guests/guest-index.repository'
import { countGuests } from '../guests/guest.repository'
import { hotelPhoneCountry, isPhoneCountry, phoneCountryKey } from '../guests/phone'
import { operation } from '../operation'
import { putSetting } from './setting.repository'

/**
 * Up to this many guests, a new phone country re-reads every stored phone at once (the rebuild
 * runs about 35 s per 200,000 guests, so at most ~3.5 s, during which the store answers nobody
 * else). Beyond it, the rebuild waits for the next start, where the desktop shows its progress.
 */
export const reindexNowLimit = 20_000

/** The setting that says which index version the store holds; '' makes the next start rebuild it. */
const indexVersionKey = 'guest.index.version'

/** A country libphonenumber has numbering rules for, in any case ('mo' is MO). */
const phoneCountry = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isPhoneCountry, 'Use a two-letter country code libphonenumber knows, such as CN, HK, MO or SG.')

export const hotelSettingsOperations = {
  /**
   * The country a phone typed without a prefix belongs to. Any signed-in staff member.
   * Answers `{ country }` (ISO 3166-1 alpha-2, e.g. 'CN'); a missing or damaged setting reads as 'CN'.
   */
  'hotel.phoneCountry': operation({
    kind: 'query',
    summary: 'The hotel’s phone country: phones typed without a country prefix are read as numbers of this country (default CN).',
    permission: 'hotel.read',
    input: z.object({}),
    handler(ctx) {
      return { country: hotelPhoneCountry(ctx.sqlite) }
    },
  }),

  /**
   * Sets the hotel's phone country (`{ country: 'MO' }`, any case) and re-reads every stored phone
   * as a number of that country. Managers and administrators (`hotel.write`); audited.
   * Answers `{ country, reindexed }`: 'now' when the store has at most 20,000 guests (their E.164
   * phones and search index were rebuilt in this call), 'next-start' when the index was marked
   * stale and is rebuilt at the next start. Errors: VALIDATION for a code libphonenumber does not
   * know (the stored setting is kept), FORBIDDEN for other roles.
   */
  'hotel.setPhoneCountry': operation({
    kind: 'mutation',
    summary: 'Managers: set the hotel’s phone country (CN, HK, MO, SG…) and re-read every stored phone with it: at once up to 20,000 guests, otherwise at the next start.',
    permission: 'hotel.write',
    input: z.object({ country: phoneCountry }),
    handler(ctx, input) {
      const country = input.country
      const before = hotelPhoneCountry(ctx.sqlite)
      putSetting(ctx.sqlite, phoneCountryKey, country)
      const guests = countGuests(ctx.sqlite)
      let reindexed: 'now' | 'next-start'
      if (guests <= reindexNowLimit) {
        rebuildGuestIndex(ctx.sqlite)
        // A rebuild by this version's rules leaves the index current, even if it was marked stale before.
        putSetting(ctx.sqlite, indexVersionKey, guestIndexVersion)
        reindexed = 'now'
      } else {
        putSetting(ctx.sqlite, indexVersionKey, '')
        reindexed = 'next-start'
      }
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actorOf(ctx).staffId,
        action: 'hotel.setPhoneCountry',
        entity: 'setting',
        detail: { before, country, guests, reindexed },
      })
      return { country, reindexed }
    },
  }),
}
