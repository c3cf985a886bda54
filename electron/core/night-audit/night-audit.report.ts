/** A stay as the night audit lists it: who, which room, which dates. */
export interface AuditStayLine {
  stayId: number
  confirmationNo: string
  guestId: number
  guestName: { nativeName: string; romanName: string | null }
  roomNumber: string | null
  arrival: string
  departure: string
}

/** What one night audit did (stored as JSON in night_audit.report). */
export interface NightAuditReport {
  /** The business date closed, YYYY-MM-DD. */
  businessDate: string
  /** The business date opened (the next day). */
  newBusinessDate: string
  /** ISO instant the audit ran. */
  runAt: string
  /** True: the automatic audit at the set time; false: a manager's. */
  automatic: boolean
  /** Who ran it (null: automatic). */
  by: string | null
  /** Minutes after its set time the automatic audit ran (the app was closed or asleep); null: on time or a manager's. */
  lateMinutes: number | null
  /** In-house stays due out on or before the closed date that have not checked out. */
  dueOutNotCheckedOut: AuditStayLine[]
  /** Reservations arriving on or before the closed date that did not arrive. */
  noShows: AuditStayLine[]
  /** True: the no-shows were marked no-show (standalone); false: listed only (the PMS owns stays). */
  noShowsMarked: boolean
  /** Task prompts still open or acknowledged, carried into the new business date, per department. */
  promptsCarriedOver: { department: string; open: number; acknowledged: number }[]
}

/** The `night_audit.completed` event: the report in numbers (the report itself: nightAudit.list). */
export interface NightAuditCompleted {
  businessDate: string
  newBusinessDate: string
  automatic: boolean
  lateMinutes: number | null
  dueOut: number
  noShows: number
  promptsCarriedOver: number
}
