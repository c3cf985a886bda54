import { prepared, qb, type Sqlite } from '../db/query'

const insert = prepared(
  (a: { at: string; staffId: number | null; action: string; guestId: number | null; entity: string; entityId: number | null; detail: string | null; terminal: string | null }) =>
    qb.insertInto('audit_log').values({
      at: a.at,
      staff_id: a.staffId,
      action: a.action,
      guest_id: a.guestId,
      entity: a.entity,
      entity_id: a.entityId,
      detail: a.detail,
      terminal: a.terminal,
    }),
)

/** The operation in progress on a store: from which terminal, and how many audit rows it wrote. */
interface AuditScope {
  terminal: string
  written: number
}
const scopes = new WeakMap<Sqlite, AuditScope>()

/**
 * Runs `work` as one operation called from `terminal` (the client's address, or 'desktop'):
 * every `recordAudit` inside it is stamped with that terminal. Answers what `work` answered and
 * how many audit rows it wrote (so core adds its own row only for an operation that wrote none).
 * Nested operations (the demo loader calls operations inside one) each have their own count.
 */
export function inAuditScope<T>(sqlite: Sqlite, terminal: string, work: () => T): { value: T; written: number } {
  const outer = scopes.get(sqlite)
  const scope: AuditScope = { terminal, written: 0 }
  scopes.set(sqlite, scope)
  try {
    const value = work()
    return { value, written: scope.written }
  } finally {
    if (outer) scopes.set(sqlite, outer)
    else scopes.delete(sqlite)
  }
}

/**
 * Who viewed or changed what, when and from which terminal. Guest data is personal data (PIPL
 * Art. 51 and 54, GDPR Art. 5(2) and 30: the hotel must be able to show who processed it).
 * Append-only: the store refuses UPDATE and DELETE on audit_log (migration 0013).
 * `detail` is JSON for the screen and must never hold a guest's name, phone, email, birth date or
 * document number: an erased guest would live on in it. Ids, counts and codes only.
 */
export function recordAudit(
  sqlite: Sqlite,
  entry: { at: string; staffId: number | null; action: string; guestId?: number | null; entity: string; entityId?: number | null; detail?: unknown; terminal?: string },
): void {
  const scope = scopes.get(sqlite)
  insert.run(sqlite, {
    at: entry.at,
    staffId: entry.staffId,
    action: entry.action,
    guestId: entry.guestId ?? null,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    terminal: entry.terminal ?? scope?.terminal ?? null,
  })
  if (scope) scope.written++
}
