import { z } from 'zod'
import { actorOf } from '../context'
import { recordAudit } from '../audit/audit.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { findStay } from '../stays/stay.repository'
import { buildGuestCard, isAlert } from './guest.card'
import { findGuest, insertGuest, insertPreference } from './guest.repository'
import { guestFields, preferenceFields } from './guest.schemas'
import { searchGuests } from './guest-search'

const guestId = z.number().int().positive()

export function requireGuest(sqlite: Parameters<typeof findGuest>[0], id: number) {
  const guest = findGuest(sqlite, id)
  if (!guest || guest.merged_into !== null) throw new AppError('NOT_FOUND', `No guest with id ${id}.`, { entity: 'guest', id })
  return guest
}

export const guestOperations = {
  'guest.create': operation({
    kind: 'mutation',
    summary: 'Create a guest profile (a walk-in, or a reservation for someone new).',
    permission: 'guest.write',
    input: guestFields,
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const at = ctx.clock.now().toISOString()
      const id = insertGuest(ctx.sqlite, input, at, actor.staffId)
      recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'guest.create', guestId: id, entity: 'guest', entityId: id })
      return { id }
    },
  }),

  'guest.card': operation({
    kind: 'mutation', // viewing personal data is logged, and the log is a write
    summary: 'The guest card: identity, alerts first, preferences, stays and statistics.',
    permission: 'guest.read',
    input: z.object({ guestId }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const guest = requireGuest(ctx.sqlite, input.guestId)
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actor.staffId,
        action: 'guest.view',
        guestId: guest.id,
        entity: 'guest',
        entityId: guest.id,
      })
      return buildGuestCard(ctx.sqlite, guest)
    },
  }),

  'guest.search': operation({
    kind: 'query',
    summary: 'Find guests by name (native or romanized), phone, email, company, room or confirmation number.',
    permission: 'guest.read',
    // Anything a person can type is a valid search; only the length is bounded.
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(20) }),
    handler(ctx, input) {
      return searchGuests(ctx.sqlite, input.text, input.limit, ctx.clock.now())
    },
  }),

  'preference.add': operation({
    kind: 'mutation',
    summary: 'Record a preference on a guest, with who noticed it and where.',
    permission: 'guest.write',
    input: preferenceFields.extend({ guestId }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const guest = requireGuest(ctx.sqlite, input.guestId)
      if (input.scope === 'stay') {
        const stay = input.stayId ? findStay(ctx.sqlite, input.stayId) : undefined
        if (!stay || stay.guest_id !== guest.id) {
          throw new AppError('VALIDATION', 'A this-stay-only preference needs one of the guest’s own stays.', {
            issues: [{ path: 'stayId', message: 'Choose one of this guest’s stays.' }],
          })
        }
      }
      const at = ctx.clock.now().toISOString()
      const id = insertPreference(ctx.sqlite, guest.id, input, { at, staffId: actor.staffId, department: actor.department })
      recordAudit(ctx.sqlite, {
        at,
        staffId: actor.staffId,
        action: 'preference.add',
        guestId: guest.id,
        entity: 'preference',
        entityId: id,
        detail: { category: input.category, code: input.code, value: input.value, sensitive: isAlert(input) },
      })
      return { id }
    },
  }),
}
