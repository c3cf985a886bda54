import crypto from 'node:crypto'
import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import { findDepartment } from '../departments/department.repository'
import type { StaffRow } from '../db/tables/staff.table'
import { AppError } from '../errors'
import { visibleName } from '../name-schema'
import { operation } from '../operation'
import { hashPin } from './pin'
import { minimumPinLength } from './pin-rules'
import { roles, type Role } from './roles'
import { countOtherActiveAdmins, findStaff, listAllStaff, setStaffActive, setStaffPin, updateStaffDetails } from './staff.repository'

/** What the Staff screen shows of one person: never a PIN or its hash. */
export interface StaffAccountView {
  id: number
  code: string
  name: string
  romanName: string | null
  role: Role
  /** Department code. */
  department: string
  active: boolean
  /** A temporary PIN was set: the person chooses a new one at their next sign-in. */
  mustChangePin: boolean
  /** Last successful sign-in (ISO instant), null if never since Zhike began recording it. */
  lastSignInAt: string | null
  createdAt: string
}

function accountView(row: Omit<StaffRow, 'pin_hash'>): StaffAccountView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    romanName: row.roman_name,
    role: row.role as Role,
    department: row.department_code,
    active: row.active === 1,
    mustChangePin: row.must_change_pin === 1,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
  }
}

const staffId = z.number().int().positive()

function existing(ctx: OperationContext, id: number): StaffRow {
  const row = findStaff(ctx.sqlite, id)
  if (!row) throw new AppError('NOT_FOUND', 'There is no such staff member.', { entity: 'staff' })
  return row
}

/** Administrators never act on their own account through these (they would lock themselves out). */
function notSelf(ctx: OperationContext, id: number, what: string): void {
  if (id === actorOf(ctx).staffId) throw new AppError('OWN_ACCOUNT', `You cannot ${what} your own account; another administrator can.`)
}

/** Refuses to leave the hotel without an active administrator (`row` is one now, and would stop being one). */
function keepsAnAdministrator(ctx: OperationContext, row: StaffRow): void {
  if (row.role === 'admin' && row.active === 1 && countOtherActiveAdmins(ctx.sqlite, row.id) === 0) {
    throw new AppError('LAST_ADMIN', 'This is the last active administrator: make someone else an administrator first.')
  }
}

function audit(ctx: OperationContext, action: string, entityId: number, detail?: Record<string, unknown>): void {
  recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action, entity: 'staff', entityId, detail })
}

/**
 * A temporary PIN: random digits, 8 for managers and administrators, 6 for everyone else (longer
 * than the 4 a front-desk PIN may be, since it is read out or copied once).
 */
export function temporaryPin(role: Role): string {
  const length = minimumPinLength[role] >= 6 ? 8 : 6
  let digits = ''
  for (let i = 0; i < length; i++) digits += crypto.randomInt(10).toString()
  return digits
}

/** Staff accounts, for administrators (`staff.manage`). Every change is audited; no PIN is ever written to the audit log. */
export const staffAccountOperations = {
  'staff.list': operation({
    kind: 'query',
    summary:
      'Every staff member, active or not, for the Staff screen: id, code, name, romanName, role, department (code), active, ' +
      'mustChangePin (a temporary PIN waits to be replaced), lastSignInAt and createdAt (ISO instants). Active first, then by code. Administrators only.',
    permission: 'staff.manage',
    input: z.object({}),
    handler: (ctx): StaffAccountView[] => listAllStaff(ctx.sqlite).map(accountView),
  }),

  'staff.update': operation({
    kind: 'mutation',
    summary:
      'Change a staff member’s name, romanized name, role and department. Refused for the last active administrator’s role (LAST_ADMIN) ' +
      'and for your own role (OWN_ACCOUNT); a role that needs a longer PIN (manager, administrator) makes the person choose a new PIN ' +
      'at their next call. Answers the account as saved. Administrators only; audited (which fields changed).',
    permission: 'staff.manage',
    input: z.object({
      staffId,
      name: visibleName(60, 'Enter a name in letters, without invisible characters.'),
      romanName: z.string().trim().max(60).nullish().transform((v) => v || null),
      role: z.enum(roles),
      department: z.string().min(1).max(40),
    }),
    handler(ctx, input) {
      const row = existing(ctx, input.staffId)
      if (!findDepartment(ctx.sqlite, input.department)) {
        throw new AppError('VALIDATION', `There is no department "${input.department}".`, { issues: [{ path: 'department', message: 'Pick a department from the list.' }] })
      }
      const from = row.role as Role
      if (input.role !== from) {
        // The last administrator hears why first ("make someone else one"); any other, that another administrator does it.
        if (from === 'admin') keepsAnAdministrator(ctx, row)
        if (input.staffId === actorOf(ctx).staffId) throw new AppError('OWN_ACCOUNT', 'You cannot change your own role; another administrator can.')
      }
      updateStaffDetails(ctx.sqlite, row.id, { name: input.name, roman_name: input.romanName, role: input.role, department_code: input.department })
      // The PIN they have may be shorter than the new role allows (it is hashed: we cannot tell), so they choose one again.
      const longerPin = minimumPinLength[input.role] > minimumPinLength[from]
      if (longerPin && row.must_change_pin === 0) setStaffPin(ctx.sqlite, row.id, row.pin_hash, 1)
      const changed = (
        [
          ['name', row.name !== input.name],
          ['romanName', row.roman_name !== input.romanName],
          ['role', from !== input.role],
          ['department', row.department_code !== input.department],
        ] as const
      )
        .filter(([, differs]) => differs)
        .map(([field]) => field)
      audit(ctx, 'staff.update', row.id, { changed, ...(from !== input.role ? { role: { from, to: input.role } } : {}), ...(longerPin ? { mustChangePin: true } : {}) })
      return accountView(findStaff(ctx.sqlite, row.id)!)
    },
  }),

  'staff.deactivate': operation({
    kind: 'mutation',
    summary:
      'Deactivate a staff member (they left, or must not sign in): they can no longer sign in, every session of theirs ends now and ' +
      'their open boards go to the sign-in screen. Their name stays on what they did. Refused for yourself (OWN_ACCOUNT) and for the ' +
      'last active administrator (LAST_ADMIN). Answers {revoked: sessions ended}. Administrators only; audited.',
    permission: 'staff.manage',
    input: z.object({ staffId }),
    handler(ctx, input) {
      const row = existing(ctx, input.staffId)
      keepsAnAdministrator(ctx, row)
      notSelf(ctx, row.id, 'deactivate')
      if (row.active === 1) setStaffActive(ctx.sqlite, row.id, 0)
      const revoked = ctx.sessions.revokeStaff(row.id)
      audit(ctx, 'staff.deactivate', row.id, { revoked, wasActive: row.active === 1 })
      return { revoked }
    },
  }),

  'staff.reactivate': operation({
    kind: 'mutation',
    summary: 'Let a deactivated staff member sign in again, with the PIN they had (reset it if they forgot). Administrators only; audited.',
    permission: 'staff.manage',
    input: z.object({ staffId }),
    handler(ctx, input) {
      const row = existing(ctx, input.staffId)
      if (row.active === 0) setStaffActive(ctx.sqlite, row.id, 1)
      audit(ctx, 'staff.reactivate', row.id, { wasActive: row.active === 1 })
      return accountView(findStaff(ctx.sqlite, row.id)!)
    },
  }),

  'staff.resetPin': operation({
    kind: 'mutation',
    summary:
      'Give a staff member a temporary PIN (6 random digits, 8 for managers and administrators), shown once in the answer ' +
      '{temporaryPin, revoked} and never stored in clear. Their old PIN stops working, every session of theirs ends, and any ' +
      'wrong-PIN wait on their code is lifted. Signed in with it, they can only choose a new PIN (session.changePin), ask who ' +
      'they are or sign out (PIN_CHANGE_REQUIRED). Refused for yourself (OWN_ACCOUNT: use session.changePin). Administrators only; audited without the PIN.',
    permission: 'staff.manage',
    input: z.object({ staffId }),
    handler(ctx, input) {
      const row = existing(ctx, input.staffId)
      notSelf(ctx, row.id, 'reset the PIN of')
      const pin = temporaryPin(row.role as Role)
      setStaffPin(ctx.sqlite, row.id, hashPin(pin), 1)
      const revoked = ctx.sessions.revokeStaff(row.id)
      ctx.sessions.throttle.unlockCode(row.code)
      audit(ctx, 'staff.resetPin', row.id, { revoked })
      return { temporaryPin: pin, revoked }
    },
  }),
}
