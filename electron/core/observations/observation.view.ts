/** An observation as the inbox, the board and its author see it. */
export interface ObservationView {
  id: number
  guestId: number
  /** `restricted`: the guest asked for discretion; `withheld`: so the names are hidden from this viewer (department staff). */
  guest: { nativeName: string; romanName: string | null; restricted?: boolean; withheld?: boolean }
  stayId: number | null
  roomNumber: string | null
  department: string
  staff: string
  staffId: number
  /** The author's own department (for a lesson from a recovery case, not the case's department). */
  staffDepartment: string
  /**
   * Provenance of a lesson proposed from a recovery case (recovery.proposeLesson): the case's
   * number, category and the business date it was raised on; null for an ordinary observation.
   */
  recoveryCase: { id: number; category: string; raisedAt: string; raisedOn: string } | null
  text: string
  suggestion: { category: string; code: string; value: string; strength: string; scope: string } | null
  status: 'new' | 'accepted' | 'merged' | 'rejected'
  preferenceId: number | null
  rejectReason: string | null
  reviewedAt: string | null
  reviewedBy: string | null
  createdAt: string
}
