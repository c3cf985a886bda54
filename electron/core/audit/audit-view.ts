import type { Role } from '../staff/roles'
import { roleAllows, seesGuestDetails } from '../staff/roles'
import { auditActionLabelKey } from './audit-actions'
import type { AuditSearchRow } from './audit-search.repository'

/**
 * The guest an audit row names, as they are now: `active` (with their current names), `merged`
 * (merged into another profile: `mergedInto`), `anonymised` (erased: no name), `missing` (no such
 * guest), or `hidden` (the viewer may not read guest data, or this restricted profile).
 */
export interface AuditGuestView {
  id: number
  name: string | null
  romanName: string | null
  state: 'active' | 'merged' | 'anonymised' | 'missing' | 'hidden'
  mergedInto: number | null
}

/** One audit row as `audit.search` answers it. */
export interface AuditEntryView {
  id: number
  /** ISO 8601 UTC. */
  at: string
  staff: { id: number; name: string | null; code: string | null } | null
  /** The client's address, 'desktop' for the app's window; null for rows written before issue 12. */
  terminal: string | null
  action: string
  /** The i18n key of the action's words ('auditLog.actions.guest_card'); the screen falls back to `action`. */
  labelKey: string
  guest: AuditGuestView | null
  entity: string
  entityId: number | null
  /** The row's detail, parsed (ids, counts and codes; never a guest's name or contact); a string that is not JSON as it is. */
  detail: unknown
}

/** Turns a stored row into what the screen and the file show, as `role` may see it. */
export function auditEntryView(row: AuditSearchRow, role: Role): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    staff: row.staff_id === null ? null : { id: row.staff_id, name: row.staff_name, code: row.staff_code },
    terminal: row.terminal,
    action: row.action,
    labelKey: auditActionLabelKey(row.action),
    guest: row.guest_id === null ? null : guestView(row, role),
    entity: row.entity,
    entityId: row.entity_id,
    detail: parseDetail(row.detail),
  }
}

function guestView(row: AuditSearchRow, role: Role): AuditGuestView {
  const id = row.guest_id as number
  const none = { id, name: null, romanName: null, mergedInto: null }
  if (row.guest_native_name === null) return { ...none, state: 'missing' }
  if (row.guest_erased) return { ...none, state: 'anonymised' }
  if (!seesGuestDetails(role) || (row.guest_restricted === 1 && !roleAllows(role, 'guest.restricted'))) return { ...none, state: 'hidden' }
  return {
    id,
    name: row.guest_native_name,
    romanName: row.guest_roman_name,
    state: row.guest_merged_into === null ? 'active' : 'merged',
    mergedInto: row.guest_merged_into,
  }
}

function parseDetail(detail: string | null): unknown {
  if (detail === null) return null
  try {
    return JSON.parse(detail) as unknown
  } catch {
    return detail
  }
}
