import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { hotelPhoneCountry } from '../guests/phone'
import { operation } from '../operation'
import { checkLogo, clearHotelLogo, hotelNameInput, readHotelLogo, readHotelName, saveHotelLogo, saveHotelName } from './hotel-profile'

/**
 * The longest upload text taken: as long as the hub's whole JSON body may be (electron/hub/server.ts
 * maxBodyBytes, 1 MiB), so any file that reaches core at all (up to ~780 KB as base64) is answered
 * LOGO_TOO_LARGE with its size, never a bare VALIDATION; the hub refuses longer bodies before core.
 */
export const maxLogoUploadChars = 1024 * 1024
const logoUpload = z
  .string()
  .min(1, 'Choose a PNG or JPEG file.')
  .max(maxLogoUploadChars, 'The logo is far too large: a logo may be at most 256 KB. Save a smaller PNG or JPEG and choose it again.')

export const hotelProfileOperations = {
  /**
   * The hotel as printed cards and the header show it. Any signed-in staff member.
   * Answers `{ name: { en, zh }, phoneCountry, logo: { mime: 'image/png' | 'image/jpeg', base64 } | null }`;
   * before the hotel is named, both names are ''.
   */
  'hotel.profile': operation({
    kind: 'query',
    summary: 'The hotel’s name in both languages, its phone country and the logo for printed cards (base64 PNG or JPEG, or null).',
    permission: 'hotel.read',
    input: z.object({}),
    handler(ctx) {
      return {
        name: readHotelName(ctx.sqlite) ?? { en: '', zh: '' },
        phoneCountry: hotelPhoneCountry(ctx.sqlite),
        logo: readHotelLogo(ctx.sqlite),
      }
    },
  }),

  /**
   * Renames the hotel: `{ name: { en, zh } }`, each 1–80 visible characters (shown on the sign-in
   * screen, the header and printed cards). Managers and administrators; audited.
   * Errors: VALIDATION with `issues` naming `name.en` / `name.zh`. Answers `{ name }`.
   */
  'hotel.setName': operation({
    kind: 'mutation',
    summary: 'Managers: the hotel’s name in English and Chinese (sign-in screen, header, printed cards).',
    permission: 'hotel.write',
    input: z.object({ name: hotelNameInput }),
    handler(ctx, input) {
      const before = readHotelName(ctx.sqlite)
      saveHotelName(ctx.sqlite, input.name)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action: 'hotel.setName', entity: 'setting', detail: { before, name: input.name } })
      return { name: input.name }
    },
  }),

  /**
   * Sets the logo for printed cards: `{ base64, fileName? }` (the file's bytes in base64, or a
   * `data:` URL). Checked by its bytes, not its name: a PNG or JPEG whose header reads, 16–4000
   * pixels each side, at most 256 KB.
   * Errors: LOGO_FILE (`details.detected`: 'gif', 'webp', 'pdf', 'unknown', 'unreadable' (not
   * base64, or a signature without a readable image header), 'dimensions' (`width`, `height`,
   * `minPixels`, `maxPixels`)),
   * LOGO_TOO_LARGE (`details.kilobytes`, `maxKilobytes`); the logo kept before stays.
   * Answers `{ mime, bytes }`. Managers and administrators; audited.
   */
  'hotel.setLogo': operation({
    kind: 'mutation',
    summary: 'Managers: the hotel’s logo for printed cards (PNG or JPEG, at most 256 KB).',
    permission: 'hotel.write',
    input: z.object({ base64: logoUpload, fileName: z.string().trim().max(200).optional() }),
    handler(ctx, input) {
      const logo = checkLogo(input.base64)
      saveHotelLogo(ctx.sqlite, logo)
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actorOf(ctx).staffId,
        action: 'hotel.setLogo',
        entity: 'setting',
        detail: { mime: logo.mime, bytes: logo.bytes, fileName: input.fileName ?? null },
      })
      return { mime: logo.mime, bytes: logo.bytes }
    },
  }),

  /** Removes the logo; printed cards show the hotel's name alone. Answers `{ cleared: boolean }` (false: there was none). */
  'hotel.clearLogo': operation({
    kind: 'mutation',
    summary: 'Managers: remove the hotel’s logo from printed cards.',
    permission: 'hotel.write',
    input: z.object({}),
    handler(ctx) {
      const had = readHotelLogo(ctx.sqlite) !== null
      clearHotelLogo(ctx.sqlite)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action: 'hotel.clearLogo', entity: 'setting', detail: { had } })
      return { cleared: had }
    },
  }),
}
