import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { listActivePreferences, toPreferenceFact } from '../guests/guest.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { requireStay } from '../stays/stay.service'
import { facings, parseFeatures, roomFeatures } from './room'
import { findRoomByNumber, insertRoom, listRoomsWithOccupancy, listVacantRooms, setRoomOutOfOrder } from './room.repository'
import { suggestRooms } from './room-suggestion'

export const roomOperations = {
  'room.list': operation({
    kind: 'query',
    summary: 'Every room with its facts and whether it is vacant, occupied or out of order.',
    permission: 'hotel.read',
    input: z.object({}),
    handler: (ctx) =>
      listRoomsWithOccupancy(ctx.sqlite).map((r) => ({
        id: r.id,
        number: r.number,
        floor: r.floor,
        facing: r.facing,
        view: r.view,
        bed: r.bed,
        features: parseFeatures(r.features),
        status: r.block === 'out_of_order' ? ('out_of_order' as const) : r.stay_id ? ('occupied' as const) : ('vacant' as const),
        occupant: r.stay_id ? { stayId: r.stay_id, guestId: r.guest_id, nativeName: r.native_name, romanName: r.roman_name } : null,
      })),
  }),

  'room.create': operation({
    kind: 'mutation',
    summary: 'Add a room to the inventory.',
    permission: 'hotel.write',
    input: z.object({
      // Stored in capitals, so 12a and 12A are one room wherever a number is typed.
      number: z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z-]{1,10}$/, 'Room numbers use letters, digits and - only.')
        .transform((v) => v.toUpperCase()),
      floor: z.number().int().min(-5).max(200),
      facing: z.enum(facings),
      view: z.string().trim().max(40).nullish().transform((v) => v || null),
      bed: z.enum(['king', 'queen', 'twin']),
      features: z.array(z.enum(roomFeatures)).max(10).default([]),
      outOfOrder: z.boolean().default(false),
    }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      if (findRoomByNumber(ctx.sqlite, input.number)) {
        throw new AppError('VALIDATION', `Room ${input.number} already exists.`, { issues: [{ path: 'number', message: 'Already exists.' }] })
      }
      const id = insertRoom(ctx.sqlite, {
        number: input.number,
        floor: input.floor,
        facing: input.facing,
        view: input.view,
        bed: input.bed,
        features: [...new Set(input.features)].join(' '),
        block: input.outOfOrder ? 'out_of_order' : null,
      })
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'room.create', entity: 'room', entityId: id })
      return { id }
    },
  }),

  'room.setOutOfOrder': operation({
    kind: 'mutation',
    summary: 'Take a room out of service, or put it back.',
    permission: 'hotel.write',
    input: z.object({ roomNumber: z.string().trim().min(1).max(10), outOfOrder: z.boolean() }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const room = findRoomByNumber(ctx.sqlite, input.roomNumber)
      if (!room) throw new AppError('NOT_FOUND', `There is no room ${input.roomNumber}.`, { entity: 'room' })
      setRoomOutOfOrder(ctx.sqlite, room.id, input.outOfOrder)
      recordAudit(ctx.sqlite, {
        at: ctx.clock.now().toISOString(),
        staffId: actor.staffId,
        action: 'room.out_of_order',
        entity: 'room',
        entityId: room.id,
        detail: { outOfOrder: input.outOfOrder },
      })
      return { roomNumber: room.number, outOfOrder: input.outOfOrder }
    },
  }),

  'room.suggest': operation({
    kind: 'query',
    summary: 'Vacant rooms ranked for a stay’s guest, each with why it fits and what it misses.',
    permission: 'stay.write',
    input: z.object({ stayId: z.number().int().positive(), limit: z.number().int().min(1).max(50).default(8) }),
    handler(ctx, input) {
      const stay = requireStay(ctx, input.stayId)
      const preferences = listActivePreferences(ctx.sqlite, stay.guest_id).map(toPreferenceFact)
      return suggestRooms(preferences, listVacantRooms(ctx.sqlite), stay.id, input.limit)
    },
  }),
}
