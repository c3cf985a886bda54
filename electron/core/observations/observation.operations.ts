import { z } from 'zod'
import { readsGuestOfInput, readsGuestsInAnswer } from '../audit/audit-reads'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import { AppError } from '../errors'
import { currentGuestsMatching } from '../guests/guest-index.repository'
import { typedTokens } from '../guests/guest-keys'
import { foldForSearch } from '../guests/guest-name'
import { requireLiveGuest, requirePreference, addPreference, confirmPreference } from '../guests/guest-profile.service'
import { preferenceFields } from '../guests/guest.schemas'
import { scopes, strengths } from '../guests/preference'
import { operation } from '../operation'
import { findRoomByNumber, inHouseStayInRoom } from '../rooms/room.repository'
import { findStay, listInHouse } from '../stays/stay.repository'
import {
  countsByDepartment,
  findObservationView,
  insertObservation,
  listObservations,
  setObservationOutcome,
} from './observation.repository'
import type { ObservationView } from './observation.view'
import { today } from '../hotel-clock'
import { listCompanions } from '../stays/stay-event.repository'
import { findGuest } from '../guests/guest.repository'
import { seesGuestDetails } from '../staff/roles'
import { observationAsSeenBy } from './observation-visibility'

const observationId = z.number().int().positive()

const suggestion = z.object({
  category: z.string().trim().min(1, 'Choose a category.').max(40),
  code: z.string().trim().min(1, 'Choose what it is about.').max(40),
  value: z.string().trim().min(1, 'Enter a value.').max(200),
  strength: z.enum(strengths).default('preferred'),
  scope: z.enum(scopes).default('always'),
})

function inHouseStayOf(ctx: OperationContext, guestId: number): number | null {
  return listInHouse(ctx.sqlite).find((s) => s.guest_id === guestId)?.id ?? null
}

function requireNew(ctx: OperationContext, id: number): ObservationView {
  const observation = findObservationView(ctx.sqlite, id)
  if (!observation) throw new AppError('NOT_FOUND', `No observation with id ${id}.`, { entity: 'observation', id })
  if (observation.status !== 'new') {
    throw new AppError('OBSERVATION_STATE', `This observation was already ${observation.status}.`, { status: observation.status })
  }
  return observation
}

function settle(ctx: OperationContext, id: number, outcome: Parameters<typeof setObservationOutcome>[2]): ObservationView {
  if (!setObservationOutcome(ctx.sqlite, id, outcome)) throw new AppError('OBSERVATION_STATE', 'This observation was reviewed meanwhile.')
  const view = findObservationView(ctx.sqlite, id)!
  recordAudit(ctx.sqlite, { at: outcome.at, staffId: outcome.by, action: `observation.${outcome.status}`, guestId: view.guestId, entity: 'observation', entityId: id })
  ctx.emit('observation.updated', { observation: view })
  return view
}

export const observationOperations = {
  'guest.inHouseLookup': operation({
    kind: 'query',
    summary:
      'In-house guests by room number or name, for staff recording what they noticed: [{guestId, stayId, roomNumber, nativeName, romanName, withheld?}], ' +
      'at most 20. Least knowledge: department staff (who may not read guest profiles) find guests by room number only, never by name ' +
      'and only by the whole number (a name or a first digit typed must not list who is where), and a restricted guest’s names are withheld ' +
      'from them (withheld: true). Audited.',
    permission: 'observation.write',
    audit: readsGuestsInAnswer,
    input: z.object({ text: z.string().max(100) }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const byName = seesGuestDetails(actor.role)
      const folded = foldForSearch(input.text)
      // Names as the desk's search finds them (pinyin, either order, traditional characters…).
      // By name only (never phone digits); the room typed comes first.
      const named = byName && folded ? new Set(currentGuestsMatching(ctx.sqlite, null, typedTokens(folded), today(ctx), 500)) : null
      const inRoom = (s: { room_number: string | null }) => foldForSearch(s.room_number ?? '').startsWith(folded)
      return listInHouse(ctx.sqlite)
        .filter((s) => (byName ? !named || inRoom(s) || named.has(s.guest_id) : folded !== '' && foldForSearch(s.room_number ?? '') === folded))
        .sort((a, b) => Number(inRoom(b)) - Number(inRoom(a)))
        .slice(0, 20)
        .map((s) => {
          const withheld = !byName && findGuest(ctx.sqlite, s.guest_id)?.restricted === 1
          return withheld
            ? { guestId: s.guest_id, stayId: s.id, roomNumber: s.room_number, nativeName: '', romanName: null, withheld }
            : { guestId: s.guest_id, stayId: s.id, roomNumber: s.room_number, nativeName: s.native_name, romanName: s.roman_name, withheld }
        })
    },
  }),

  'observation.record': operation({
    kind: 'mutation',
    summary: 'Record what you noticed about a guest (found by room number or id), optionally suggesting a preference.',
    permission: 'observation.write',
    input: z
      .object({
        roomNumber: z.string().trim().min(1).max(10).optional(),
        guestId: z.number().int().positive().optional(),
        text: z.string().trim().min(3, 'Say what you noticed, in a few words.').max(1000),
        suggestion: suggestion.nullish(),
        /** The quick-capture form is for guests in house; the profile page may record past guests. */
        requireInHouse: z.boolean().default(true),
      })
      .refine((v) => v.roomNumber !== undefined || v.guestId !== undefined, { message: 'Give a room number or a guest.', path: ['roomNumber'] }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      let guestId: number
      let stayId: number | null
      // With a room, the guest id (if any) only picks who of that room's guests it is about.
      if (input.roomNumber !== undefined) {
        const room = findRoomByNumber(ctx.sqlite, input.roomNumber)
        if (!room) throw new AppError('NOT_FOUND', `There is no room ${input.roomNumber}.`, { entity: 'room', roomNumber: input.roomNumber })
        const stay = inHouseStayInRoom(ctx.sqlite, room.id)
        if (stay === undefined) throw new AppError('NOT_IN_HOUSE', `Nobody is in house in room ${room.number}.`, { roomNumber: room.number })
        stayId = stay
        const main = findStay(ctx.sqlite, stay)!.guest_id
        const inRoom = [main, ...listCompanions(ctx.sqlite, stay).map((c) => c.guestId).filter((id): id is number => id !== null)]
        if (input.guestId !== undefined && !inRoom.includes(input.guestId)) {
          throw new AppError('NOT_IN_HOUSE', `That guest is not in house in room ${room.number}.`, { roomNumber: room.number })
        }
        guestId = input.guestId ?? main
      } else {
        guestId = requireLiveGuest(ctx, input.guestId!).id
        stayId = inHouseStayOf(ctx, guestId)
        // Least knowledge: department staff note what they see of guests in house; a guest who is
        // not in house goes through the front desk or guest relations (who may read profiles).
        const inHouseOnly = input.requireInHouse || !seesGuestDetails(actor.role)
        if (stayId === null && inHouseOnly) {
          throw new AppError('NOT_IN_HOUSE', 'This guest is not in house: ask the front desk or guest relations to record it.', { guestId, context: seesGuestDetails(actor.role) ? undefined : 'desk' })
        }
      }
      if (input.suggestion?.scope === 'stay' && stayId === null) {
        throw new AppError('VALIDATION', 'A this-stay-only wish needs a guest in house.', { issues: [{ path: 'suggestion.scope', message: 'Not in house.' }] })
      }
      const at = ctx.clock.now().toISOString()
      const id = insertObservation(ctx.sqlite, {
        guest_id: guestId,
        stay_id: stayId,
        department_code: actor.department,
        staff_id: actor.staffId,
        text: input.text,
        suggested_category: input.suggestion?.category ?? null,
        suggested_code: input.suggestion?.code ?? null,
        suggested_value: input.suggestion?.value ?? null,
        suggested_strength: input.suggestion?.strength ?? null,
        suggested_scope: input.suggestion?.scope ?? null,
        created_at: at,
      })
      recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'observation.record', guestId, entity: 'observation', entityId: id })
      const view = findObservationView(ctx.sqlite, id)!
      ctx.emit('observation.created', { observation: view })
      return observationAsSeenBy(actor.role, view)
    },
  }),

  'observation.inbox': operation({
    kind: 'query',
    summary: 'Guest relations’ inbox: new observations, oldest first, and counts per department.',
    permission: 'observation.review',
    audit: readsGuestsInAnswer,
    input: z.object({ status: z.enum(['new', 'accepted', 'merged', 'rejected']).default('new'), limit: z.number().int().min(1).max(500).default(200) }),
    handler(ctx, input) {
      const counts = new Map<string, Record<ObservationView['status'], number>>()
      for (const c of countsByDepartment(ctx.sqlite)) {
        const row = counts.get(c.department) ?? { new: 0, accepted: 0, merged: 0, rejected: 0 }
        row[c.status as ObservationView['status']] = c.n
        counts.set(c.department, row)
      }
      return {
        observations: listObservations(ctx.sqlite, { status: input.status }, input.limit),
        byDepartment: [...counts.entries()].map(([department, n]) => ({ department, ...n })),
      }
    },
  }),

  'observation.mine': operation({
    kind: 'query',
    summary: 'What you reported, and what became of it.',
    permission: 'observation.write',
    audit: readsGuestsInAnswer,
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }),
    handler: (ctx, input) => {
      const actor = actorOf(ctx)
      return listObservations(ctx.sqlite, { staffId: actor.staffId }, input.limit).map((o) => observationAsSeenBy(actor.role, o))
    },
  }),

  'observation.ofGuest': operation({
    kind: 'query',
    summary: 'Everything staff noticed about one guest.',
    permission: 'guest.read',
    audit: readsGuestOfInput,
    input: z.object({ guestId: z.number().int().positive() }),
    handler: (ctx, input) => listObservations(ctx.sqlite, { guestId: input.guestId }, 200),
  }),

  'observation.accept': operation({
    kind: 'mutation',
    summary: 'Accept an observation as a preference (as suggested, or edited), keeping who noticed it.',
    permission: 'observation.review',
    input: z.object({ observationId, preference: preferenceFields.omit({ stayId: true }) }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const observation = requireNew(ctx, input.observationId)
      const preferenceId = addPreference(
        ctx,
        observation.guestId,
        { ...input.preference, stayId: input.preference.scope === 'stay' ? observation.stayId : null },
        // A lesson from a recovery case was noted by its author in their own department, not the case's.
        { staffId: observation.staffId, department: observation.recoveryCase ? observation.staffDepartment : observation.department, observationId: observation.id },
      )
      return settle(ctx, observation.id, { status: 'accepted', preferenceId, at: ctx.clock.now().toISOString(), by: actor.staffId })
    },
  }),

  'observation.merge': operation({
    kind: 'mutation',
    summary: 'The observation confirms a preference the guest already has: merge it there.',
    permission: 'observation.review',
    input: z.object({ observationId, preferenceId: z.number().int().positive() }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const observation = requireNew(ctx, input.observationId)
      const preference = requirePreference(ctx, input.preferenceId)
      if (preference.guest_id !== observation.guestId) {
        throw new AppError('VALIDATION', 'That preference belongs to another guest.', { issues: [{ path: 'preferenceId', message: 'Another guest.' }] })
      }
      confirmPreference(ctx, preference.id)
      return settle(ctx, observation.id, { status: 'merged', preferenceId: preference.id, at: ctx.clock.now().toISOString(), by: actor.staffId })
    },
  }),

  'observation.reject': operation({
    kind: 'mutation',
    summary: 'Reject an observation, saying why (the author sees the reason).',
    permission: 'observation.review',
    input: z.object({ observationId, reason: z.string().trim().min(3, 'Say why, in a few words.').max(500) }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const observation = requireNew(ctx, input.observationId)
      return settle(ctx, observation.id, { status: 'rejected', rejectReason: input.reason, at: ctx.clock.now().toISOString(), by: actor.staffId })
    },
  }),
}

