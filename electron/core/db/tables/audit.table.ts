import type { Generated, Selectable, Insertable } from 'kysely'

export interface AuditTable {
  id: Generated<number>
  at: string
  staff_id: number | null
  action: string
  guest_id: number | null
  entity: string
  entity_id: number | null
  detail: string | null
  /** The terminal the action came from: the client's address as the socket saw it, or 'desktop'. */
  terminal: string | null
}
export type AuditRow = Selectable<AuditTable>
export type NewAuditRow = Insertable<AuditTable>
