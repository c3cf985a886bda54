import type { z } from 'zod'
import { operations, type OperationName } from './api'
import { systemClock, type Clock } from './clock'
import { desktopCaller, type Actor, type Caller, type CoreServices, type OperationContext } from './context'
import { readDemoData } from './demo/demo-data'
import { loadDemoHotel } from './demo/demo-loader'
import { demoKey } from './setup/setup.operations'
import { putSetting } from './setup/setting.repository'
import { openSqlite } from './db/open'
import { afterCommit, inOurTransaction, inTransaction } from './db/transaction'
import { appendEvent, eventLogBounds, eventsAfter, pruneEvents } from './event-log.repository'
import { eventRetentionHours } from './event-replay'
import type { Sqlite } from './db/query'
import { AppError, toErrorBody, type ErrorBody } from './errors'
import { EventBus, type CoreEvent } from './events'
import type { Operation } from './operation'
import { roleAllows } from './staff/roles'
import { inAuditScope, recordAudit } from './audit/audit.repository'
import { refuseRestrictedGuests } from './guests/guest-access'

/** What a session signed in with a temporary PIN may call until a new PIN is chosen. */
const pinChangeAllows: ReadonlySet<string> = new Set(['session.changePin', 'session.current', 'session.signOut'])
import { SessionStore } from './staff/sessions'
import { ensureBaseVocabulary } from './vocabulary/vocabulary.repository'
import { installBuiltinRulesOnce } from './rules/builtin-rules'
import { ensureGuestIndex, type StartProgress } from './guests/guest-index.repository'
import { findBadText, foldInputText } from './text-hygiene'
import { fromStoreError } from './store-errors'
import { refuseWhilePaused, rememberStoreOpening } from './backup/store-pause'
import { existingExportJobs } from './exports/export-jobs'

export type Result<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorBody }

export interface CoreOptions {
  /** Database file, or ':memory:' for a throwaway store. */
  file: string
  clock?: Clock
  nativeBinding?: string
  /** Folder holding the demo hotel (hotel.json, guests.json, rules.json); omit to ship none. */
  demoDir?: string
  /** Capabilities the host provides (who serves terminals); the demo loader is wired from `demoDir`. */
  services?: Omit<CoreServices, 'loadDemo'>
  /** Named to a second Zhike that tries to open the same store: 'hub', 'desktop', 'test'… */
  owner?: string
  /** Long start-up work (the search-index rebuild after an upgrade), reported as it goes. */
  onProgress?: (progress: StartProgress) => void
  /** Log unexpected errors (never shown to callers). Defaults to console.error. */
  logError?: (error: unknown, operation: string) => void
}

/** Read access to the event log (kept `eventRetentionHours`). */
export interface EventLog {
  /** Oldest retained id (null: empty) and the latest id ever given (0: none yet). */
  bounds(): { oldest: number | null; latest: number }
  /** Events after `afterId`, oldest first, at most `limit` (1–1000). */
  after(afterId: number, limit: number): CoreEvent[]
}

export interface Core {
  readonly sqlite: Sqlite
  readonly events: EventBus
  /** The store's event log, for terminals that reconnect (`Last-Event-ID`). */
  readonly eventLog: EventLog
  readonly sessions: SessionStore
  readonly clock: Clock
  /** Host capabilities; a host that starts serving terminals after core opens sets `terminals` here. */
  readonly services: CoreServices
  /**
   * Calls an operation for whoever holds the session token (null: nobody signed in), from
   * `caller` as the transport saw it (the hub: the socket's address; Electron: the desktop).
   */
  call(token: string | null, name: string, input: unknown, caller: Caller): Result
  /** Calls an operation as a known actor (the demo loader, tests, benchmarks); caller defaults to the desktop. */
  callAs(actor: Actor | null, name: string, input: unknown, caller?: Caller): Result
  /**
   * As `call`, for any operation including those with a `prepare` step (reading a file before
   * the transaction). Transports use this one; permission and input are checked before `prepare`.
   */
  callAsync(token: string | null, name: string, input: unknown, caller: Caller): Promise<Result>
  callAsAsync(actor: Actor | null, name: string, input: unknown, caller?: Caller): Promise<Result>
  close(): void
}

function validationError(error: z.ZodError): AppError {
  // A field the operation does not know is named in the path, so the caller sees which one ("ackMinute", not the whole input).
  const issues = error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: [...i.path, key].join('.'), message: `There is no field "${key}" here: check its spelling, or leave it out.` }))
      : [{ path: i.path.join('.'), message: i.message }],
  )
  const first = issues[0]
  return new AppError('VALIDATION', first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid input.', {
    issues,
  })
}

export function createCore(options: CoreOptions): Core {
  const sqlite = openSqlite({ file: options.file, nativeBinding: options.nativeBinding, owner: options.owner })
  const clock = options.clock ?? systemClock
  try {
    ensureBaseVocabulary(sqlite)
    installBuiltinRulesOnce(sqlite, clock.now())
    ensureGuestIndex(sqlite, options.onProgress)
    pruneEvents(sqlite, new Date(clock.now().getTime() - eventRetentionHours * 3_600_000))
  } catch (error) {
    sqlite.close()
    throw error
  }
  // What a restore needs to open copies of this store, and to bring a restored backup up to this version.
  rememberStoreOpening(sqlite, {
    nativeBinding: options.nativeBinding,
    prepareCopy: (file) => createCore({ file, clock, nativeBinding: options.nativeBinding, owner: 'Zhike restore', logError: options.logError }).close(),
  })
  const events = new EventBus()
  const sessions = new SessionStore(sqlite, clock)
  let lastPrune = clock.now().getTime()
  const logError = options.logError ?? ((error, name) => console.error(`[core] ${name} failed`, error))

  const services: CoreServices = { ...options.services, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }
  if (options.demoDir) {
    const dir = options.demoDir
    // One transaction: a demo that fails half-way leaves the store as new as it was.
    services.loadDemo = () =>
      inTransaction(sqlite, () => {
        const summary = loadDemoHotel(callAs, readDemoData(dir), clock.now())
        putSetting(sqlite, demoKey, '1')
        return summary
      })
  }

  /** Events older than the retention leave the log, checked at most once an hour (and at start). */
  function pruneHourly(): void {
    const now = clock.now().getTime()
    if (now - lastPrune < 3_600_000 || inOurTransaction(sqlite)) return
    lastPrune = now
    pruneEvents(sqlite, new Date(now - eventRetentionHours * 3_600_000))
  }

  /** Checks the operation, the actor's permission and the input; throws AppError. */
  function admit(actor: Actor | null, name: string, input: unknown): { op: Operation<z.ZodType, unknown, unknown>; data: unknown } {
    const op = (operations as Record<string, Operation<z.ZodType, unknown, unknown>>)[name]
    if (!op || !Object.hasOwn(operations, name)) throw new AppError('UNKNOWN_OPERATION', `There is no operation called "${name}".`)
    if (op.permission !== 'public') {
      if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
      if (actor.mustChangePin && !pinChangeAllows.has(name)) {
        throw new AppError('PIN_CHANGE_REQUIRED', 'Choose a new PIN first: an administrator reset yours.')
      }
      if (!roleAllows(actor.role, op.permission)) {
        throw new AppError('FORBIDDEN', `Your role (${actor.role}) may not do this (${op.permission}).`)
      }
    }
    const badText = findBadText(input)
    if (badText) {
      const what =
        badText.reason === 'control' ? 'a control character (such as NUL)' : badText.reason === 'surrogate' ? 'a broken character (a lone UTF-16 surrogate)' : null
      const message = what ? `Text may not contain ${what}.` : 'A request may hold at most 100,000 values; this list is far longer than any screen sends.'
      throw new AppError('VALIDATION', `${badText.path ? `${badText.path}: ` : ''}${message}`, {
        issues: [{ path: badText.path, message: what ? `Remove ${what}.` : 'Send far fewer values here.' }],
      })
    }
    const parsed = op.input.safeParse(foldInputText(input ?? {}))
    if (!parsed.success) throw validationError(parsed.error)
    return { op, data: parsed.data }
  }

  function execute(actor: Actor | null, caller: Caller, op: Operation<z.ZodType, unknown, unknown>, data: unknown, prepared: unknown, name: string): unknown {
    // While a backup is restored every call but the Backups page's status answers BUSY (retryable).
    refuseWhilePaused(sqlite, name)
    const ctx: OperationContext = {
      sqlite,
      clock,
      sessions,
      actor,
      caller,
      services,
      emit: (eventName, payload) => {
        const id = appendEvent(sqlite, eventName, payload, clock.now())
        afterCommit(sqlite, () => events.publish({ id, name: eventName, payload } as CoreEvent))
      },
    }
    // Every change, and every read of a guest's personal data, leaves an audit row stamped with the
    // terminal it came from (the handler's own rows, with their details, or one row named after the operation).
    const audited = (): unknown => {
      refuseRestrictedGuests(sqlite, actor, name, op.kind, data)
      const { value, written } = inAuditScope(sqlite, caller.address, () => op.handler(ctx, data, prepared))
      if (written === 0 && actor && (op.kind === 'mutation' || op.audit)) auditCall(actor, caller, name, op, data, value)
      return value
    }
    const value = op.kind === 'mutation' ? inTransaction(sqlite, audited) : audited()
    pruneHourly()
    return value
  }

  function auditCall(actor: Actor, caller: Caller, name: string, op: Operation<z.ZodType, unknown, unknown>, data: unknown, value: unknown): void {
    const input = (data ?? {}) as Record<string, unknown>
    const params = (input.params ?? {}) as Record<string, unknown>
    const named = op.audit ? op.audit.guests(data, value) : (input.guestId ?? params.guestId)
    // A read that found no guest read no personal data: nothing to log (a change always is).
    if (op.kind === 'query' && (named === null || named === undefined || (Array.isArray(named) && named.length === 0))) return
    // The record acted on, by the id the input names (a stay, a prompt, a preference…).
    const entityId = ['stayId', 'promptId', 'preferenceId', 'observationId', 'staffId', 'ruleId', 'mergeId'].map((key) => input[key]).find((v) => typeof v === 'number') as number | undefined
    const one = typeof named === 'number' ? named : null
    const many = Array.isArray(named) ? (named as number[]) : null
    recordAudit(sqlite, {
      at: clock.now().toISOString(),
      staffId: actor.staffId,
      action: name,
      guestId: one,
      entity: name.slice(0, name.indexOf('.')),
      entityId: entityId ?? null,
      terminal: caller.address,
      detail: many ? { count: many.length, guests: many.slice(0, 500) } : undefined,
    })
  }

  function failed(thrown: unknown, name: string): Result {
    const error = fromStoreError(thrown)
    if (!(error instanceof AppError)) logError(error, name)
    return { ok: false, error: toErrorBody(error) }
  }

  function callAs(actor: Actor | null, name: string, input: unknown, caller: Caller = desktopCaller): Result {
    try {
      const { op, data } = admit(actor, name, input)
      if (op.prepare) throw new AppError('VALIDATION', `"${name}" reads a file first; call it through callAsync.`)
      return { ok: true, value: execute(actor, caller, op, data, undefined, name) }
    } catch (thrown) {
      return failed(thrown, name)
    }
  }

  async function callAsAsync(actor: Actor | null, name: string, input: unknown, caller: Caller = desktopCaller): Promise<Result> {
    try {
      const { op, data } = admit(actor, name, input)
      const prepared = op.prepare ? await op.prepare(data) : undefined
      return { ok: true, value: execute(actor, caller, op, data, prepared, name) }
    } catch (thrown) {
      return failed(thrown, name)
    }
  }

  /** The BUSY answer while a restore runs, before the session is even looked up (nothing touches the store). */
  function gated(name: string): Result | null {
    try {
      refuseWhilePaused(sqlite, name)
      return null
    } catch (thrown) {
      return failed(thrown, name)
    }
  }

  return {
    sqlite,
    events,
    eventLog: {
      bounds: () => eventLogBounds(sqlite),
      after: (afterId, limit) =>
        eventsAfter(sqlite, afterId, Math.max(1, Math.min(1000, limit))).map((e) => ({ id: e.id, name: e.name, payload: JSON.parse(e.payload) }) as CoreEvent),
    },
    sessions,
    clock,
    services,
    call: (token, name, input, caller) => gated(name) ?? callAs(sessions.actor(token), name, input, caller),
    callAs,
    callAsync: (token, name, input, caller) => {
      const busy = gated(name)
      return busy ? Promise.resolve(busy) : callAsAsync(sessions.actor(token), name, input, caller)
    },
    callAsAsync,
    close: () => {
      // Export workers write files and audit rows: they stop before the connection closes.
      existingExportJobs(sqlite)?.closeNow()
      sqlite.close()
    },
  }
}

export type { OperationName }
