import { z } from 'zod'
import { visibleName } from '../name-schema'
import { getSetting } from './setting.repository'
import { listDepartments } from '../departments/department.repository'
import { createDepartment, newDepartmentInput } from '../departments/department.service'
import { hotelNameInput, readHotelName, saveHotelName } from './hotel-profile'
import { installBuiltinRulesOnce } from '../rules/builtin-rules'
import { countGuests } from '../guests/guest.repository'
import { recordAudit } from '../audit/audit.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { countRooms } from '../rooms/room.repository'
import type { OperationContext } from '../context'
import { createStaff, minimumPinLength, pin, staffCode, toActor } from '../staff/staff.operations'
import { countStaff, findStaffByCode } from '../staff/staff.repository'

/** Set when the demo hotel was loaded, so sign-in can show the demo PIN. */
export const demoKey = 'hotel.demo'

/** The one-time setup code, for a terminal that is not the machine itself. */
const setupCodeInput = z.string().trim().max(40).optional()

/**
 * A new store may be claimed (first administrator, or the demo) only from the machine itself,
 * or with the one-time setup code the hub printed on its console. Wrong codes are throttled
 * like wrong PINs and audited.
 */
function assertMayClaim(ctx: OperationContext, setupCode: string | undefined): void {
  if (ctx.caller.local) return
  const address = ctx.caller.address
  const until = ctx.sessions.throttle.waitUntil(null, address)
  if (until > 0) throw new AppError('RATE_LIMITED', 'Too many wrong setup codes from here. Wait, then try again.')
  if (ctx.sessions.setupCode.matches(setupCode)) return
  ctx.sessions.throttle.recordFailure(null, address)
  recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: null, action: 'setup.refused', entity: 'setting', detail: { address } })
  throw new AppError('SETUP_CODE', 'A new store is set up on the machine itself, or with the setup code printed on the hub’s console.')
}

export const setupOperations = {
  'setup.status': operation({
    kind: 'query',
    summary: 'Whether this store is new (no staff yet), and the hotel’s name.',
    permission: 'public',
    input: z.object({}),
    handler(ctx) {
      // A damaged setting must not lock anyone out: the name is only shown, so it is dropped.
      const hotelName = readHotelName(ctx.sqlite)
      return {
        needsSetup: countStaff(ctx.sqlite) === 0,
        /** 'here': this caller may set the store up; 'code': it must give the hub's setup code. */
        claim: ctx.caller.local ? ('here' as const) : ('code' as const),
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
    summary: 'On a new store only, from the machine itself or with the setup code: name the hotel, create its departments and the first administrator (PIN of 6+ digits).',
    permission: 'public',
    session: 'start',
    input: z.object({
      hotelName: hotelNameInput,
      // The same departments `department.create` takes (top-level ones: outlets come after, through it).
      departments: z
        .array(newDepartmentInput.omit({ parentCode: true }))
        .min(1, 'A hotel needs at least one department.')
        .max(50),
      admin: z.object({
        code: staffCode,
        name: visibleName(60, 'Enter a name in letters, without invisible characters.'),
        romanName: z.string().trim().max(60).nullish(),
        pin: pin.min(minimumPinLength.admin, `An administrator's PIN has at least ${minimumPinLength.admin} digits.`),
      }),
      setupCode: setupCodeInput,
    }),
    handler(ctx, input) {
      if (countStaff(ctx.sqlite) > 0) throw new AppError('FORBIDDEN', 'This hotel is already set up; sign in instead.')
      assertMayClaim(ctx, input.setupCode)
      // Through the same code paths as `department.create` and `hotel.setName`.
      const existing = new Set(listDepartments(ctx.sqlite).map((d) => d.code))
      for (const d of input.departments) if (!existing.has(d.code)) createDepartment(ctx.sqlite, d)
      saveHotelName(ctx.sqlite, input.hotelName)
      // Every new hotel gets the built-in rules (access needs, food avoided, VIPs, birthdays).
      installBuiltinRulesOnce(ctx.sqlite, ctx.clock.now())
      createStaff(
        ctx,
        { ...input.admin, romanName: input.admin.romanName ?? null, department: input.departments[0].code, role: 'admin' },
        null,
      )
      const actor = toActor(findStaffByCode(ctx.sqlite, input.admin.code)!)
      ctx.sessions.setupCode.revoke()
      return { token: ctx.sessions.open(actor, ctx.caller.address), staff: actor }
    },
  }),

  'setup.loadDemo': operation({
    kind: 'query', // the loader runs its own transaction around many operations
    summary: 'On a new store only, from the machine itself or with the setup code: load the demo hotel (rooms, staff, rules, guests, today’s arrivals).',
    permission: 'public',
    input: z.object({ setupCode: setupCodeInput }),
    handler(ctx, input) {
      if (countStaff(ctx.sqlite) > 0 || countRooms(ctx.sqlite) > 0) {
        throw new AppError('DEMO_NOT_EMPTY', 'The demo hotel can only be loaded into a new, empty store.')
      }
      assertMayClaim(ctx, input.setupCode)
      if (!ctx.services.loadDemo) throw new AppError('NOT_FOUND', 'This installation ships no demo data.')
      const summary = ctx.services.loadDemo()
      ctx.sessions.setupCode.revoke()
      return summary
    },
  }),
}
