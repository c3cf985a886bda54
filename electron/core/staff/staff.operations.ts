import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type Actor } from '../context'
import { findDepartment } from '../departments/department.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import type { StaffRow } from '../db/tables/staff.table'
import { hashPin, verifyPin } from './pin'
import { roles, type Role } from './roles'
import { findStaffByCode, insertStaff, listActiveStaff } from './staff.repository'

export const staffCode = z.string().trim().toLowerCase().regex(/^[a-z0-9_-]{2,20}$/, 'Staff codes are 2–20 letters or digits.')
export const pin = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits.')

export function toActor(row: StaffRow): Actor {
  return { staffId: row.id, code: row.code, name: row.name, role: row.role as Role, department: row.department_code }
}

export const staffInput = z.object({
  code: staffCode,
  name: z.string().trim().min(1, 'Enter a name.').max(60),
  romanName: z.string().trim().max(60).nullish().transform((v) => v || null),
  department: z.string().min(1).max(40),
  role: z.enum(roles),
  pin,
})

export function createStaff(ctx: Parameters<typeof actorOf>[0], input: z.output<typeof staffInput>, by: number | null): number {
  if (!findDepartment(ctx.sqlite, input.department)) {
    throw new AppError('NOT_FOUND', `There is no department "${input.department}".`, { entity: 'department' })
  }
  if (findStaffByCode(ctx.sqlite, input.code)) {
    throw new AppError('VALIDATION', `Staff code ${input.code} is taken.`, { issues: [{ path: 'code', message: 'Already taken.' }] })
  }
  const at = ctx.clock.now().toISOString()
  const id = insertStaff(ctx.sqlite, {
    code: input.code,
    name: input.name,
    roman_name: input.romanName,
    department_code: input.department,
    role: input.role,
    pin_hash: hashPin(input.pin),
    active: 1,
    created_at: at,
  })
  recordAudit(ctx.sqlite, { at, staffId: by, action: 'staff.create', entity: 'staff', entityId: id })
  return id
}

export const staffOperations = {
  'session.signIn': operation({
    kind: 'query',
    summary: 'Sign in with a staff code and PIN.',
    permission: 'public',
    session: 'start',
    input: z.object({ code: staffCode, pin: z.string().max(8) }),
    handler(ctx, input) {
      if (ctx.sessions.isLockedOut(input.code)) {
        throw new AppError('RATE_LIMITED', 'Too many wrong PINs. Wait a minute, then try again.')
      }
      const staff = findStaffByCode(ctx.sqlite, input.code)
      if (!staff || !verifyPin(input.pin, staff.pin_hash)) {
        ctx.sessions.recordFailure(input.code)
        throw new AppError('BAD_LOGIN', 'That staff code and PIN do not match.')
      }
      ctx.sessions.clearFailures(input.code)
      const actor = toActor(staff)
      return { token: ctx.sessions.open(actor), staff: actor }
    },
  }),

  'session.current': operation({
    kind: 'query',
    summary: 'Who is signed in here, if anyone.',
    permission: 'public',
    input: z.object({}),
    handler: (ctx) => ({ staff: ctx.actor }),
  }),

  'session.signOut': operation({
    kind: 'query',
    summary: 'Sign out.',
    permission: 'public',
    session: 'end',
    input: z.object({}),
    handler: () => ({ signedOut: true }),
  }),

  'staff.directory': operation({
    kind: 'query',
    summary: 'Active staff (names, departments and roles) for the sign-in screen.',
    permission: 'public',
    input: z.object({}),
    handler: (ctx) =>
      listActiveStaff(ctx.sqlite).map((s) => ({ code: s.code, name: s.name, romanName: s.roman_name, department: s.department_code, role: s.role })),
  }),

  'staff.create': operation({
    kind: 'mutation',
    summary: 'Add a staff member with a role and a PIN.',
    permission: 'hotel.write',
    input: staffInput,
    handler: (ctx, input) => ({ id: createStaff(ctx, input, actorOf(ctx).staffId) }),
  }),
}
