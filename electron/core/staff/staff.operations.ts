import { z } from 'zod'
import { visibleName } from '../name-schema'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type OperationContext } from '../context'
import { findDepartment, listDepartments } from '../departments/department.repository'
import { AppError } from '../errors'
import { operation } from '../operation'
import { decoyPinHash, hashPin, pinNeedsRehash, verifyPin } from './pin'
import { roleAllows, roles } from './roles'
import { toActor } from './staff-actor'
import { minimumPinLength, pin, pinLongEnoughForRole, staffCode } from './pin-rules'
import { staffAccountOperations } from './staff-accounts.operations'
import { pinChangeOperations } from './pin-change.operations'
import { findStaff, findStaffByCode, findStaffByCodeAny, insertStaff, listActiveStaff, recordStaffSignIn, updatePinHash } from './staff.repository'

export { minimumPinLength, pin, pinLongEnoughForRole, staffCode }

export { toActor }

export const staffInput = z.object({
  code: staffCode,
  name: visibleName(60, 'Enter a name in letters, without invisible characters.'),
  romanName: z.string().trim().max(60).nullish().transform((v) => v || null),
  department: z.string().min(1).max(40),
  role: z.enum(roles),
  pin,
}).superRefine(pinLongEnoughForRole)

export function createStaff(ctx: OperationContext, input: z.output<typeof staffInput>, by: number | null): number {
  if (!findDepartment(ctx.sqlite, input.department)) {
    throw new AppError('NOT_FOUND', `There is no department "${input.department}".`, { entity: 'department' })
  }
  // A deactivated person keeps their code (their name stays on what they did): it is taken too.
  if (findStaffByCodeAny(ctx.sqlite, input.code)) {
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
    kind: 'query', // writes only the audit log, which must keep failures too (no transaction to roll back)
    summary:
      'Sign in with a PIN and either a staff code (typed) or a staff id (picked from the directory). ' +
      'Wrong PINs slow down per (code, client address) and per address; every attempt is audited with the address.',
    permission: 'public',
    session: 'start',
    input: z
      .object({ code: staffCode.optional(), staffId: z.number().int().positive().optional(), pin: z.string().max(8) })
      .refine((v) => v.code !== undefined || v.staffId !== undefined, { message: 'Type your staff code or pick your name.', path: ['code'] }),
    handler(ctx, input) {
      const at = ctx.clock.now().toISOString()
      const address = ctx.caller.address
      const staff = input.staffId !== undefined ? findStaff(ctx.sqlite, input.staffId) : findStaffByCode(ctx.sqlite, input.code!)
      const active = staff && staff.active === 1 ? staff : undefined
      const code = active?.code ?? input.code ?? null
      const until = ctx.sessions.throttle.waitUntil(code, address)
      if (until > 0) {
        recordAudit(ctx.sqlite, { at, staffId: active?.id ?? null, action: 'session.refused', entity: 'staff', entityId: active?.id ?? null, detail: { code, address, until: new Date(until).toISOString() } })
        throw new AppError('RATE_LIMITED', 'Too many wrong PINs from here. Wait, then try again; an administrator can unlock you.', {
          retryAfterSeconds: Math.ceil((until - ctx.clock.now().getTime()) / 1000),
        })
      }
      // An unknown code costs the same time as a known one, so timing does not say which exist.
      const right = verifyPin(input.pin, active?.pin_hash ?? decoyPinHash()) && active !== undefined
      if (!right) {
        const locks = ctx.sessions.throttle.recordFailure(code, address)
        recordAudit(ctx.sqlite, { at, staffId: active?.id ?? null, action: 'session.failed', entity: 'staff', entityId: active?.id ?? null, detail: { code, address } })
        if (locks) recordAudit(ctx.sqlite, { at, staffId: active?.id ?? null, action: 'session.lockedOut', entity: 'staff', entityId: active?.id ?? null, detail: { code, address } })
        throw new AppError('BAD_LOGIN', 'That staff code and PIN do not match.')
      }
      ctx.sessions.throttle.recordSuccess(active.code, address)
      if (pinNeedsRehash(active.pin_hash)) updatePinHash(ctx.sqlite, active.id, hashPin(input.pin))
      recordStaffSignIn(ctx.sqlite, active.id, at)
      // With a temporary PIN the session can only choose a new PIN (core refuses the rest: PIN_CHANGE_REQUIRED).
      recordAudit(ctx.sqlite, { at, staffId: active.id, action: 'session.signIn', entity: 'staff', entityId: active.id, detail: { address, ...(active.must_change_pin === 1 ? { temporaryPin: true } : {}) } })
      const actor = toActor(active)
      return { token: ctx.sessions.open(actor, address), staff: actor }
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
    kind: 'query', // writes only the audit log
    summary: 'Sign out (audited with the client address).',
    permission: 'public',
    session: 'end',
    input: z.object({}),
    handler: (ctx) => {
      if (ctx.actor) {
        recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: ctx.actor.staffId, action: 'session.signOut', entity: 'staff', entityId: ctx.actor.staffId, detail: { address: ctx.caller.address } })
      }
      return { signedOut: true }
    },
  }),

  'staff.directory': operation({
    kind: 'query',
    summary:
      'What the sign-in screen needs and no more: each active staff member’s id, name and department name. ' +
      'No staff codes and no roles.',
    permission: 'public',
    input: z.object({}),
    handler: (ctx) => {
      const departments = new Map(listDepartments(ctx.sqlite).map((d) => [d.code, { en: d.name_en, zh: d.name_zh }]))
      return listActiveStaff(ctx.sqlite).map((s) => ({
        id: s.id,
        name: s.name,
        romanName: s.roman_name,
        departmentName: departments.get(s.department_code) ?? { en: s.department_code, zh: s.department_code },
      }))
    },
  }),

  'staff.lockouts': operation({
    kind: 'query',
    summary: 'Sign-in waits in force now: staff code (null for a whole address), client address, failures, until (ISO). Administrators only.',
    permission: 'system.admin',
    input: z.object({}),
    handler: (ctx) => ctx.sessions.throttle.lockouts(),
  }),

  'staff.unlock': operation({
    kind: 'query', // the throttle is in memory; only the audit log is written
    summary: 'Lift every sign-in wait on a staff code, or on a client address. Administrators only; audited.',
    permission: 'system.admin',
    input: z.union([z.object({ code: staffCode }), z.object({ address: z.string().min(1).max(64) })]),
    handler(ctx, input) {
      const lifted = 'code' in input ? ctx.sessions.throttle.unlockCode(input.code) : ctx.sessions.throttle.unlockAddress(input.address)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action: 'session.unlock', entity: 'staff', detail: { ...input, by: ctx.caller.address } })
      return { lifted }
    },
  }),

  'staff.revokeSessions': operation({
    kind: 'mutation',
    summary:
      'Sign another staff member out everywhere (a lost phone, a PIN seen by someone else): ends every session, and the event streams ' +
      'they hold end at their next event or heartbeat. Administrators only; audited. Answers how many sessions ended.',
    permission: 'system.admin',
    input: z.object({ staffId: z.number().int().positive() }),
    handler(ctx, input) {
      if (!findStaff(ctx.sqlite, input.staffId)) throw new AppError('NOT_FOUND', 'There is no such staff member.')
      if (input.staffId === actorOf(ctx).staffId) {
        throw new AppError('VALIDATION', 'To end your own session, sign out.', { issues: [{ path: 'staffId', message: 'Pick someone else, or sign out.' }] })
      }
      const revoked = ctx.sessions.revokeStaff(input.staffId)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action: 'session.revoke', entity: 'staff', entityId: input.staffId, detail: { revoked, by: ctx.caller.address } })
      return { revoked }
    },
  }),

  'staff.create': operation({
    kind: 'mutation',
    summary: 'Add a staff member with a role and a PIN (6+ digits for managers and administrators). Administrators only; audited. Answers {id}.',
    permission: 'staff.manage',
    input: staffInput,
    handler: (ctx, input) => {
      const actor = actorOf(ctx)
      // Only the administrator makes managers and administrators (or a manager could make themself one).
      if ((input.role === 'admin' || input.role === 'manager') && !roleAllows(actor.role, 'system.admin')) {
        throw new AppError('FORBIDDEN', 'Only the administrator may add managers and administrators.')
      }
      return { id: createStaff(ctx, input, actor.staffId) }
    },
  }),
  ...staffAccountOperations,
  ...pinChangeOperations,
}
