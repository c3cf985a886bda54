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
  text: string
  suggestion: { category: string; code: string; value: string; strength: string; scope: string } | null
  status: 'new' | 'accepted' | 'merged' | 'rejected'
  preferenceId: number | null
  rejectReason: string | null
  reviewedAt: string | null
  reviewedBy: string | null
  createdAt: string
}
