import { z } from 'zod'
import { readsGuestOfInput, readsGuestsInAnswer } from '../audit/audit-reads'
import { mayRestrict } from './guest-access'
import { actorOf } from '../context'
import { recordAudit } from '../audit/audit.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { buildGuestCard } from './guest.card'
import { findGuest, insertGuest } from './guest.repository'
import { guestFields, guestPatch, isoDate, preferenceFields, preferencePatch } from './guest.schemas'
import { addPreference, confirmPreference, retirePreference, undoLastChange, updateGuest, updatePreference } from './guest-profile.service'
import { listGuestHistory } from './guest-history.repository'
import { searchGuests } from './guest-search'
import { today } from '../hotel-clock'
import { findStay, listStaysOfGuest } from '../stays/stay.repository'
import { redraftOpenPrompts } from '../prompts/prompt.service'

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
    kind: 'query', // writes only the audit log (a read of personal data is logged)
    summary: 'The guest card: identity, alerts first, preferences, stays and statistics. Audited (guest.view).',
    permission: 'guest.read',
    audit: readsGuestOfInput,
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
      return buildGuestCard(ctx.sqlite, guest, ctx.clock.now())
    },
  }),

  'guest.search': operation({
    kind: 'query',
    summary:
      'Find guests by name (native or romanized), phone, email, company, room or confirmation number. Each hit says whether the profile is ' +
      'restricted (the guest asked for discretion); opening one needs guest.restricted (GUEST_RESTRICTED otherwise). Audited (the guests found).',
    permission: 'guest.read',
    audit: readsGuestsInAnswer,
    // Anything a person can type is a valid search; only the length is bounded.
    input: z.object({ text: z.string().max(200), limit: z.number().int().min(1).max(50).default(20) }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      // A guest who asked for discretion is still found (the desk checks them in) but marked, and
      // a role that may not open the profile sees no more than the name typed and the stay.
      return searchGuests(ctx.sqlite, input.text, input.limit, ctx.clock.now()).map((hit) => {
        const restricted = findGuest(ctx.sqlite, hit.guestId)?.restricted === 1
        return restricted ? { ...hit, restricted, ...(mayRestrict(actor) ? {} : { company: null }) } : { ...hit, restricted }
      })
    },
  }),

  'preference.add': operation({
    kind: 'mutation',
    summary: 'Record a preference on a guest, with who noticed it and where.',
    permission: 'guest.write',
    input: preferenceFields.extend({ guestId }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      return { id: addPreference(ctx, input.guestId, input, { staffId: actor.staffId, department: actor.department }) }
    },
  }),

  'preference.import': operation({
    kind: 'mutation',
    summary: 'Bring in a preference the hotel knew before Zhike (a paper card, an older system), dated when it was noticed.',
    permission: 'hotel.write',
    input: preferenceFields.extend({ guestId, noticedOn: isoDate }),
    handler(ctx, { noticedOn, ...input }) {
      if (noticedOn > today(ctx)) {
        throw new AppError('VALIDATION', 'A preference cannot have been noticed in the future.', { issues: [{ path: 'noticedOn', message: 'Use today or an earlier date.' }] })
      }
      const actor = actorOf(ctx)
      // Noon UTC keeps the date the same in every time zone a hotel is in.
      const noticedAt = `${noticedOn}T12:00:00.000Z`
      return { id: addPreference(ctx, input.guestId, input, { staffId: actor.staffId, department: actor.department, noticedAt }) }
    },
  }),

  'preference.update': operation({
    kind: 'mutation',
    summary: 'Edit a preference: value, strength, scope or note. Kept in the guest’s history.',
    permission: 'guest.write',
    input: preferencePatch.extend({ preferenceId: z.number().int().positive() }),
    handler: (ctx, { preferenceId, ...patch }) => updatePreference(ctx, preferenceId, patch),
  }),

  'preference.confirm': operation({
    kind: 'mutation',
    summary: 'Confirm with the guest that a stored preference still holds.',
    permission: 'guest.write',
    input: z.object({ preferenceId: z.number().int().positive() }),
    handler: (ctx, input) => confirmPreference(ctx, input.preferenceId),
  }),

  'preference.retire': operation({
    kind: 'mutation',
    summary: 'Retire a preference that no longer holds (kept in the history).',
    permission: 'guest.write',
    input: z.object({ preferenceId: z.number().int().positive() }),
    handler: (ctx, input) => retirePreference(ctx, input.preferenceId),
  }),

  'guest.update': operation({
    kind: 'mutation',
    summary:
      'Edit a guest’s details. Every change is kept: who, when, old and new value. A restriction set or lifted, or a name changed, ' +
      'words again the open prompts of the guest’s stays in house and to come (a guest who asked for discretion is named "Guest").',
    permission: 'guest.write',
    input: z.object({ guestId, fields: guestPatch }),
    handler: (ctx, input) => {
      const answer = updateGuest(ctx, input.guestId, input.fields)
      const { restricted, nativeName, romanName, salutation } = input.fields
      if (restricted !== undefined || nativeName !== undefined || romanName !== undefined || salutation !== undefined) {
        for (const stay of listStaysOfGuest(ctx.sqlite, input.guestId)) {
          if (stay.status !== 'in_house' && stay.status !== 'reserved') continue
          const row = findStay(ctx.sqlite, stay.id)
          if (row) redraftOpenPrompts(ctx, row, stay.room_number)
        }
      }
      return answer
    },
  }),

  'guest.undo': operation({
    kind: 'mutation',
    summary: 'Undo the last change made to a guest’s profile.',
    permission: 'guest.write',
    input: z.object({ guestId }),
    handler: (ctx, input) => undoLastChange(ctx, input.guestId),
  }),

  'guest.history': operation({
    kind: 'query',
    summary: 'The guest’s change history, newest first.',
    permission: 'guest.read',
    audit: readsGuestOfInput,
    input: z.object({ guestId, limit: z.number().int().min(1).max(500).default(100) }),
    handler: (ctx, input) => listGuestHistory(ctx.sqlite, input.guestId, input.limit),
  }),
}
