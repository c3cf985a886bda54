import { prepared, qb, type Sqlite } from '../db/query'

const insert = prepared(
  (a: { at: string; staffId: number | null; action: string; guestId: number | null; entity: string; entityId: number | null; detail: string | null }) =>
    qb.insertInto('audit_log').values({
      at: a.at,
      staff_id: a.staffId,
      action: a.action,
      guest_id: a.guestId,
      entity: a.entity,
      entity_id: a.entityId,
      detail: a.detail,
    }),
)

/** Who viewed or changed what, and when. Guest data is personal data. */
export function recordAudit(
  sqlite: Sqlite,
  entry: { at: string; staffId: number | null; action: string; guestId?: number | null; entity: string; entityId?: number | null; detail?: unknown },
): void {
  insert.run(sqlite, {
    at: entry.at,
    staffId: entry.staffId,
    action: entry.action,
    guestId: entry.guestId ?? null,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
  })
}
