import type { Generated } from 'kysely'

/** A signed-in session; the token itself never reaches the disk, only its SHA-256 (hex). */
export interface StaffSessionTable {
  token_hash: string
  staff_id: number
  /** The terminal's address as the socket saw it, or 'desktop'. */
  address: string
  created_at: string
  /** ISO-8601; a session idle for `sessionHours` has ended. */
  last_seen_at: string
}

/** The event log: every event core published, kept at least 24 hours for terminals that reconnect. */
export interface CoreEventTable {
  id: Generated<number>
  name: string
  /** The event's payload as JSON. */
  payload: string
  /** ISO-8601 with milliseconds, written just before the transaction commits. */
  created_at: string
}
