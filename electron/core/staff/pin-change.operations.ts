import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf } from '../context'
import { AppError } from '../errors'
import { operation } from '../operation'
import { hashPin, verifyPin } from './pin'
import { pin, pinTooShort } from './pin-rules'
import type { Role } from './roles'
import { toActor } from './staff-actor'
import { findStaff, setStaffPin } from './staff.repository'

/** Everyone's own PIN (`account.self`): the only thing a session signed in with a temporary PIN may do. */
export const pinChangeOperations = {
  'session.changePin': operation({
    kind: 'query', // like sign-in: a wrong current PIN must leave its audit row (no transaction to roll back); the change is one UPDATE
    summary:
      'Change your own PIN: {currentPin, newPin}. The new PIN is 4–8 digits, 6+ for managers and administrators, and not the ' +
      'current one (VALIDATION, path newPin). A wrong current PIN answers WRONG_PIN and counts like a wrong sign-in (RATE_LIMITED ' +
      'after several, per staff code and address). Clears a temporary PIN’s restriction. Answers {staff} (who is signed in now). Audited without the PINs.',
    permission: 'account.self',
    input: z.object({ currentPin: z.string().min(1, 'Type your current PIN.').max(8), newPin: pin }),
    handler(ctx, input) {
      const actor = actorOf(ctx)
      const at = ctx.clock.now().toISOString()
      const address = ctx.caller.address
      const row = findStaff(ctx.sqlite, actor.staffId)
      if (!row || row.active !== 1) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      const until = ctx.sessions.throttle.waitUntil(row.code, address)
      if (until > 0) {
        recordAudit(ctx.sqlite, { at, staffId: row.id, action: 'session.pinChangeRefused', entity: 'staff', entityId: row.id, detail: { address } })
        throw new AppError('RATE_LIMITED', 'Too many wrong PINs from here. Wait, then try again; an administrator can unlock you.', {
          retryAfterSeconds: Math.ceil((until - ctx.clock.now().getTime()) / 1000),
        })
      }
      if (!verifyPin(input.currentPin, row.pin_hash)) {
        const locks = ctx.sessions.throttle.recordFailure(row.code, address)
        recordAudit(ctx.sqlite, { at, staffId: row.id, action: 'session.pinChangeFailed', entity: 'staff', entityId: row.id, detail: { address } })
        if (locks) recordAudit(ctx.sqlite, { at, staffId: row.id, action: 'session.lockedOut', entity: 'staff', entityId: row.id, detail: { code: row.code, address } })
        throw new AppError('WRONG_PIN', 'That is not your current PIN.', { issues: [{ path: 'currentPin', message: 'Not your current PIN.' }] })
      }
      const short = pinTooShort(row.role as Role, input.newPin)
      if (short) throw new AppError('VALIDATION', `newPin: ${short}`, { issues: [{ path: 'newPin', message: short }] })
      if (input.newPin === input.currentPin) {
        const message = 'Choose a PIN different from your current one.'
        throw new AppError('VALIDATION', `newPin: ${message}`, { issues: [{ path: 'newPin', message }] })
      }
      ctx.sessions.throttle.recordSuccess(row.code, address)
      setStaffPin(ctx.sqlite, row.id, hashPin(input.newPin), 0)
      recordAudit(ctx.sqlite, { at, staffId: row.id, action: 'session.changePin', entity: 'staff', entityId: row.id, detail: { address, wasTemporary: row.must_change_pin === 1 } })
      return { staff: toActor(findStaff(ctx.sqlite, row.id)!) }
    },
  }),
}
