import { z } from 'zod'
import { getSetting, putSetting } from './setting.repository'
import { insertDepartment, listDepartments } from '../departments/department.repository'
import { countGuests } from '../guests/guest.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { countRooms } from '../rooms/room.repository'
import { createStaff, pin, staffCode, toActor } from '../staff/staff.operations'
import { countStaff, findStaffByCode } from '../staff/staff.repository'

const hotelNameKey = 'hotel.name'
/** Set when the demo hotel was loaded, so sign-in can show the demo PIN. */
export const demoKey = 'hotel.demo'

const storedHotelName = z.object({ en: z.string(), zh: z.string() })

export const setupOperations = {
  'setup.status': operation({
    kind: 'query',
    summary: 'Whether this store is new (no staff yet), and the hotel’s name.',
    permission: 'public',
    input: z.object({}),
    handler(ctx) {
      const name = getSetting(ctx.sqlite, hotelNameKey)
      // A damaged setting must not lock anyone out: the name is only shown, so it is dropped.
      let hotelName: { en: string; zh: string } | null = null
      try {
        const parsed = storedHotelName.safeParse(name ? JSON.parse(name) : null)
        hotelName = parsed.success ? parsed.data : null
      } catch {
        hotelName = null
      }
      return {
        needsSetup: countStaff(ctx.sqlite) === 0,
        demoAvailable: ctx.services.loadDemo !== undefined,
        hotelName,
        demo: getSetting(ctx.sqlite, demoKey) === '1',
        rooms: countRooms(ctx.sqlite),
        guests: countGuests(ctx.sqlite),
      }
    },
  }),

  'setup.createFirstAdmin': operation({
    kind: 'mutation',
    summary: 'On a new store only: name the hotel, create its departments and the first administrator.',
    permission: 'public',
    session: 'start',
    input: z.object({
      hotelName: z.object({ en: z.string().trim().min(1).max(80), zh: z.string().trim().min(1).max(80) }),
      departments: z
        .array(
          z.object({
            code: z.string().regex(/^[a-z_]{2,40}$/),
            name: z.object({ en: z.string().trim().min(1).max(60), zh: z.string().trim().min(1).max(60) }),
            promiseMinutes: z.number().int().min(1).max(10080),
          }),
        )
        .min(1, 'A hotel needs at least one department.')
        .max(50),
      admin: z.object({ code: staffCode, name: z.string().trim().min(1).max(60), romanName: z.string().trim().max(60).nullish(), pin }),
    }),
    handler(ctx, input) {
      if (countStaff(ctx.sqlite) > 0) throw new AppError('FORBIDDEN', 'This hotel is already set up; sign in instead.')
      const existing = new Set(listDepartments(ctx.sqlite).map((d) => d.code))
      for (const d of input.departments) {
        if (!existing.has(d.code)) {
          insertDepartment(ctx.sqlite, { code: d.code, name_en: d.name.en, name_zh: d.name.zh, promise_minutes: d.promiseMinutes, active: 1 })
        }
      }
      putSetting(ctx.sqlite, hotelNameKey, JSON.stringify(input.hotelName))
      createStaff(
        ctx,
        { ...input.admin, romanName: input.admin.romanName ?? null, department: input.departments[0].code, role: 'admin' },
        null,
      )
      const actor = toActor(findStaffByCode(ctx.sqlite, input.admin.code)!)
      return { token: ctx.sessions.open(actor), staff: actor }
    },
  }),

  'setup.loadDemo': operation({
    kind: 'query', // the loader runs its own transaction around many operations
    summary: 'On a new store only: load the demo hotel (rooms, staff, rules, guests, today’s arrivals).',
    permission: 'public',
    input: z.object({}),
    handler(ctx) {
      if (countStaff(ctx.sqlite) > 0 || countRooms(ctx.sqlite) > 0) {
        throw new AppError('DEMO_NOT_EMPTY', 'The demo hotel can only be loaded into a new, empty store.')
      }
      if (!ctx.services.loadDemo) throw new AppError('NOT_FOUND', 'This installation ships no demo data.')
      return ctx.services.loadDemo()
    },
  }),
}
