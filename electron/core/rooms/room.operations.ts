import { z } from 'zod'
import { readsGuestsInAnswer } from '../audit/audit-reads'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { AppError } from '../errors'
import { isoDate } from '../guests/guest.schemas'
import { operation } from '../operation'
import { blockKinds, facings, housekeepingStatuses, roomFeatures } from './room'
import { countStaysInRoom, findRoomByNumber, inHouseStayInRoom, insertRoom, reservationsHoldingRoom, setRoomRetired, updateRoomFacts } from './room.repository'
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
      'Every room by floor: facts, room type, housekeeping, vacant or occupied, the trade’s status code (VC VD OC OD IN PU), today’s block, and the occupant for roles that may read guests (department staff see occupied or not, never who). Retired rooms only with includeRetired (retiredAt set).',
    permission: 'hotel.read',
    audit: readsGuestsInAnswer,
    input: z.object({ includeRetired: z.boolean().default(false) }),
    handler(ctx, input) {
      const rooms = listRoomStatus(ctx, { includeRetired: input.includeRetired })
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
      const existing = findRoomByNumber(ctx.sqlite, input.number)
      if (existing?.retired_at) {
        throw new AppError('VALIDATION', `Room ${existing.number} exists but is retired. Reinstate it instead of adding it again.`, {
          issues: [{ path: 'number', message: `Room ${existing.number} is retired: reinstate it.` }],
          retired: true,
        })
      }
      if (existing) {
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
    summary: 'Change a room’s type, floor, facing, view, bed or features (only those given). The number never changes (stays keep it); a retired room may be edited too.',
    permission: 'hotel.write',
    input: z.object({
      roomNumber,
      /** Refused when it differs: a number never changes (see the handler). */
      number: z.string().trim().max(20).optional(),
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
      if (input.number !== undefined && input.number.toUpperCase() !== room.number) {
        throw new AppError('VALIDATION', `Room ${room.number} keeps its number: its stays and prompts name it. Retire it and add room ${input.number.toUpperCase()} instead.`, {
          issues: [{ path: 'number', message: 'A room number cannot be changed.' }],
        })
      }
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

  /**
   * Take a room out of the inventory: `{ roomNumber }` → `{ roomNumber, retiredAt, changed }`
   * (changed false when it was already retired). A retired room is never offered, sold, shown on
   * the boards or counted, but keeps its row, so its stays keep their room number. Refused with
   * ROOM_IN_USE while a guest is in house in it (`details.reason: 'in_house'`) or a reservation
   * holds it for tonight or later (`'reserved'`, `details.reservations`: confirmation numbers and
   * dates): check the guest out or move the reservations first. Audited.
   */
  'room.retire': operation({
    kind: 'mutation',
    summary: 'Retire a room: never offered again, listed apart, its history kept. Refused while a guest is in house in it or a reservation holds it.',
    permission: 'hotel.write',
    input: z.object({ roomNumber }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const room = requireRoom(ctx, input.roomNumber)
      if (room.retired_at !== null) return { roomNumber: room.number, retiredAt: room.retired_at, changed: false }
      if (inHouseStayInRoom(ctx.sqlite, room.id) !== undefined) {
        throw new AppError('ROOM_IN_USE', `Room ${room.number} has a guest in house. Check the guest out or move them before retiring the room.`, {
          roomNumber: room.number,
          reason: 'in_house',
        })
      }
      const held = reservationsHoldingRoom(ctx.sqlite, room.id, hotelToday(ctx))
      if (held.length > 0) {
        throw new AppError(
          'ROOM_IN_USE',
          `Room ${room.number} is chosen for ${held.length} reservation(s) (${held.map((h) => `${h.confirmationNo} ${h.arrival}`).join(', ')}). Give them another room before retiring it.`,
          { roomNumber: room.number, reason: 'reserved', reservations: held },
        )
      }
      const at = ctx.clock.now().toISOString()
      setRoomRetired(ctx.sqlite, room.id, at)
      recordAudit(ctx.sqlite, { at, staffId: actor.staffId, action: 'room.retire', entity: 'room', entityId: room.id, detail: { number: room.number, stays: countStaysInRoom(ctx.sqlite, room.id) } })
      ctx.emit('room.changed', { roomNumber: room.number, housekeeping: room.housekeeping, block: room.block })
      return { roomNumber: room.number, retiredAt: at, changed: true }
    },
  }),

  'room.reinstate': operation({
    kind: 'mutation',
    summary: 'Put a retired room back in the inventory, as it was (facts, housekeeping, block). `{ roomNumber }` → `{ roomNumber, changed }`.',
    permission: 'hotel.write',
    input: z.object({ roomNumber }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const room = requireRoom(ctx, input.roomNumber)
      if (room.retired_at === null) return { roomNumber: room.number, changed: false }
      setRoomRetired(ctx.sqlite, room.id, null)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actor.staffId, action: 'room.reinstate', entity: 'room', entityId: room.id, detail: { number: room.number } })
      ctx.emit('room.changed', { roomNumber: room.number, housekeeping: room.housekeeping, block: room.block })
      return { roomNumber: room.number, changed: true }
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
