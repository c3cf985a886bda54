import { z } from 'zod'
import { readsGuestOfInput } from '../audit/audit-reads'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { AppError } from '../errors'
import { operation } from '../operation'
import { roleAllows } from '../staff/roles'
import { requireLiveGuest } from './guest-profile.service'
import { maskedDocument } from './identity-document'

/** The one way to see an identity document's whole number. */
export const identityDocumentOperations = {
  'guest.document': operation({
    kind: 'query', // writes only the audit log (a read of personal data is logged)
    summary:
      'The whole number of a guest’s identity document, for the police registration or a guest who asks: {type, number} (null without a document). ' +
      'Everywhere else a number shows only its last four characters. Every call writes an audit row (action guest.document.view; never the number). ' +
      'Errors: NOT_FOUND, FORBIDDEN (roles without guest.document), GUEST_RESTRICTED (a restricted profile, for roles without guest.restricted).',
    permission: 'guest.document',
    audit: readsGuestOfInput,
    input: z.object({ guestId: z.number().int().positive() }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const guest = requireLiveGuest(ctx, input.guestId)
      if (guest.restricted === 1 && !roleAllows(actor.role, 'guest.restricted')) {
        throw new AppError('GUEST_RESTRICTED', 'This profile is restricted: guest relations or a manager can open it.', { guestId: guest.id })
      }
      const document = maskedDocument(guest.document_type, guest.document_no)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'guest.document.view', guestId: guest.id, entity: 'guest', entityId: guest.id, detail: { type: document?.type ?? null } })
      return document && guest.document_no ? { type: document.type, number: guest.document_no } : null
    },
  }),
}
