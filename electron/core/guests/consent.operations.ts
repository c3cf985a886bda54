import { z } from 'zod'
import { operation } from '../operation'
import { listConsentRecords } from './consent.repository'
import { consentKinds, consentMethods, recordConsent } from './consent.service'
import { requireLiveGuest } from './guest-profile.service'

const guestId = z.number().int().positive()

/** Consent records per guest (PIPL Art. 14, 29; GDPR Art. 7(1): the hotel must be able to show consent was given). */
export const consentOperations = {
  'consent.record': operation({
    kind: 'mutation',
    summary:
      'Record a guest giving or withdrawing consent (marketing contact, or sensitive data such as health needs): when, how, by whom (the caller), note. ' +
      'Answers {id, changed, removedPreferences, madeStayOnly, cancelledPrompts}. Withdrawing consent to sensitive data is never refused: the guest’s ' +
      '“always” sensitive needs are removed (a guest in house keeps them for this stay only) and prompts naming them for reservations are cancelled. ' +
      'Errors: NOT_FOUND (guest), VALIDATION (a time in the future).',
    permission: 'guest.write',
    input: z.object({
      guestId,
      kind: z.enum(consentKinds),
      given: z.boolean(),
      method: z.enum(consentMethods),
      /** When the guest said it (ISO 8601 instant with offset); now when left out. */
      at: z.iso.datetime({ offset: true, message: 'Use a date and time like 2026-11-23T14:05:00+08:00.' }).nullish().transform((v) => (v ? new Date(v).toISOString() : null)),
      note: z.string().trim().max(500).nullish().transform((v) => (v ? v : null)),
    }),
    handler: (ctx, { guestId: id, ...input }) => recordConsent(ctx, id, input),
  }),

  'consent.list': operation({
    kind: 'query',
    summary: 'A guest’s consent records, newest first: kind (marketing | sensitive), given or withdrawn, when, how, who recorded it, note. Errors: NOT_FOUND.',
    permission: 'guest.read',
    input: z.object({ guestId }),
    audit: { guests: (input) => input.guestId },
    handler(ctx, input) {
      requireLiveGuest(ctx, input.guestId)
      return listConsentRecords(ctx.sqlite, input.guestId)
    },
  }),
}
