import type { z } from 'zod'
import type { OperationContext } from './context'
import type { Permission } from './staff/roles'

/**
 * One operation of the API: declared once, with its input schema and the permission it needs.
 * The IPC bridge, the hub routes, the /api/schema listing and the renderer's client types are
 * all derived from these declarations.
 */
export interface Operation<S extends z.ZodType = z.ZodType, O = unknown, P = undefined> {
  /** query: reads only. mutation: runs inside one synchronous transaction. */
  kind: 'query' | 'mutation'
  input: S
  /** 'public' operations need no signed-in staff (sign-in, first-start setup). */
  permission: Permission | 'public'
  /** Transports remember (start) or forget (end) the session this operation returns. */
  session?: 'start' | 'end'
  summary: string
  /**
   * Slow work that needs no store, done before the transaction and outside it (reading an
   * uploaded spreadsheet): its result is the handler's third argument. An operation with a
   * `prepare` is called through `Core.callAsync`; the synchronous `call` refuses it.
   */
  prepare?: (input: z.output<S>) => Promise<P>
  /**
   * This operation reads guests' personal data (a card, a history, a list of guests): core writes
   * one audit row per successful call, unless the handler wrote its own. `guests` names whom it
   * read: one id (the row's guest), a list (the row's detail.guests, at most 500 ids, and
   * detail.count), or null. Mutations are audited whether or not they declare this; for them it
   * only names the guest (default: the input's `guestId`).
   */
  audit?: { guests: (input: z.output<S>, output: unknown) => number | readonly number[] | null | undefined }
  handler: (ctx: OperationContext, input: z.output<S>, ...prepared: P extends undefined ? [] : [P]) => O
}

export function operation<S extends z.ZodType, O, P = undefined>(definition: Operation<S, O, P>): Operation<S, O, P> {
  return definition
}
