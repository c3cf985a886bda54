import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { AppError } from '../errors'
import { isoDate } from '../guests/guest.schemas'
import { operation } from '../operation'
import { blockKinds, facings, housekeepingStatuses, roomFeatures } from './room'
import { findRoomByNumber, inHouseStayInRoom, insertRoom, updateRoomFacts } from './room.repository'
import { applyRoomStatus, hotelToday, mayBlockRooms, maySetHousekeeping, requireRoom } from './room-status.service'
import { listRoomStatus } from './room-list'
import { roleAllows } from '../staff/roles'
import { suggestForStay } from './room-suggest.service'

const roomNumber = z.string().trim().min(1, 'Give a room number.').max(10, 'Room numbers have at most 10 characters.')
// Optional on input; '' (or nothing) means the hotel uses no room types.
const roomType = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().regex(/^([A-Z0-9_-]{1,12})?$/, 'Room types are 1–12 letters, digits, - or _, e.g. DKN.'))
const facts = {
  floor: z.number().int().min(-5).max(200),
  facing: z.enum(facings),
  view: z.string().trim().max(40).nullish().transform((v) => v || null),
  bed: z.enum(['king', 'queen', 'twin']),
  features: z.array(z.enum(roomFeatures)).max(10),
}

export const roomOperations = {
  'room.list': operation({
    kind: 'query',
    summary:
      'Every room by floor: facts, room type, housekeeping, vacant or occupied, the trade’s status code (VC VD OC OD IN PU), today’s block, and the occupant for roles that may read guests (department staff see occupied or not, never who).',
    permission: 'hotel.read',
    input: z.object({}),
    handler(ctx) {
      const rooms = listRoomStatus(ctx)
      // Least knowledge: housekeeping needs to know a room is occupied, not by whom.
      return ctx.actor && roleAllows(ctx.actor.role, 'guest.read') ? rooms : rooms.map((r) => ({ ...r, occupant: null }))
    },
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
      ...facts,
      features: facts.features.default([]),
      roomType: roomType.default(''),
      housekeeping: z.enum(housekeepingStatuses).default('clean'),
      /** A block from the start (open-ended unless dates are given). */
      block: z
        .object({
          kind: z.enum(blockKinds),
          reason: z.string().trim().min(1, 'Say why the room is blocked.').max(200, 'Keep the reason under 200 characters.'),
          from: isoDate.nullish().transform((v) => v ?? null),
          until: isoDate.nullish().transform((v) => v ?? null),
        })
        .nullish(),
      /** Shorthand for an open-ended out-of-order block with no reason given. */
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
        room_type: input.roomType,
        housekeeping: input.housekeeping,
        block: input.block?.kind ?? (input.outOfOrder ? 'out_of_order' : null),
        block_reason: input.block?.reason ?? (input.outOfOrder ? '' : null),
        block_from: input.block?.from ?? null,
        block_until: input.block?.until ?? null,
      })
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'room.create', entity: 'room', entityId: id })
      return { id }
    },
  }),

  'room.update': operation({
    kind: 'mutation',
    summary: 'Change a room’s type, floor, facing, view, bed or features (only those given).',
    permission: 'hotel.write',
    input: z.object({
      roomNumber,
      roomType: roomType.optional(),
      floor: facts.floor.optional(),
      facing: facts.facing.optional(),
      view: facts.view.optional(),
      bed: facts.bed.optional(),
      features: facts.features.optional(),
    }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const room = requireRoom(ctx, input.roomNumber)
      const changes = {
        ...(input.roomType !== undefined && { room_type: input.roomType }),
        ...(input.floor !== undefined && { floor: input.floor }),
        ...(input.facing !== undefined && { facing: input.facing }),
        ...(input.view !== undefined && { view: input.view }),
        ...(input.bed !== undefined && { bed: input.bed }),
        ...(input.features !== undefined && { features: [...new Set(input.features)].join(' ') }),
      }
      const changed = Object.entries(changes)
        .filter(([column, value]) => room[column as keyof typeof room] !== value)
        .map(([column]) => column)
      updateRoomFacts(ctx.sqlite, room.id, Object.fromEntries(Object.entries(changes).filter(([column]) => changed.includes(column))))
      if (changed.length > 0) {
        recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'room.update', entity: 'room', entityId: room.id, detail: changes })
      }
      return { roomNumber: room.number, changed }
    },
  }),

  'room.setHousekeeping': operation({
    kind: 'mutation',
    summary: 'Set a room’s housekeeping status (clean, dirty, inspected, pick-up): housekeeping staff, the front desk, managers.',
    permission: 'prompt.act',
    input: z.object({ roomNumber, status: z.enum(housekeepingStatuses) }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      if (!maySetHousekeeping(actor)) {
        throw new AppError('FORBIDDEN', 'Only housekeeping staff, the front desk and managers set a room’s housekeeping status.')
      }
      const { roomNumber: number, changed } = applyRoomStatus(ctx, { roomNumber: input.roomNumber, housekeeping: input.status }, 'desk')
      return { roomNumber: number, housekeeping: input.status, changed: changed.length > 0 }
    },
  }),

  'room.block': operation({
    kind: 'mutation',
    summary:
      'Block a room with a reason and dates: out of order (not sold) or out of service (sold last). An occupied room may be blocked: its guest stays, and it is not offered again.',
    permission: 'prompt.act',
    input: z
      .object({
        roomNumber,
        kind: z.enum(blockKinds),
        reason: z.string().trim().min(1, 'Say why the room is blocked.').max(200, 'Keep the reason under 200 characters.'),
        from: isoDate.optional(),
        until: isoDate.nullish(),
      }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      if (!mayBlockRooms(actor)) throw new AppError('FORBIDDEN', 'Only managers, housekeeping and engineering staff block rooms.')
      const from = input.from ?? hotelToday(ctx)
      const until = input.until ?? null
      if (until !== null && until < from) {
        throw new AppError('VALIDATION', `The block ends (${until}) before it starts (${from}).`, { issues: [{ path: 'until', message: 'Before the start date.' }] })
      }
      const { roomNumber: number, changed } = applyRoomStatus(ctx, { roomNumber: input.roomNumber, block: { kind: input.kind, reason: input.reason, from, until } }, 'desk')
      const occupied = inHouseStayInRoom(ctx.sqlite, requireRoom(ctx, number).id) !== undefined
      return { roomNumber: number, block: { kind: input.kind, reason: input.reason, from, until }, occupied, changed: changed.length > 0 }
    },
  }),

  'room.unblock': operation({
    kind: 'mutation',
    summary: 'Lift a room’s block (out of order or out of service): managers, housekeeping and engineering staff.',
    permission: 'prompt.act',
    input: z.object({ roomNumber }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      if (!mayBlockRooms(actor)) throw new AppError('FORBIDDEN', 'Only managers, housekeeping and engineering staff lift a room’s block.')
      const { roomNumber: number, changed } = applyRoomStatus(ctx, { roomNumber: input.roomNumber, block: null }, 'desk')
      return { roomNumber: number, changed: changed.length > 0 }
    },
  }),

  'room.suggest': operation({
    kind: 'query',
    summary:
      'Rooms ranked for a stay’s guest: first the ready rooms (clean or inspected, of the booked type), then a few not ready, of another type or out of service; each with why it fits, what it misses and the hotel’s rules.',
    permission: 'stay.write',
    input: z.object({
      stayId: z.number().int().positive(),
      limit: z.number().int().min(1).max(50).default(8),
      others: z.number().int().min(0).max(10).default(2),
    }),
    handler: (ctx, input) => suggestForStay(ctx, input.stayId, input.limit, input.others),
  }),
}
