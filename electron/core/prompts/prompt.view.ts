/** A prompt as every screen shows it: what to do, for whom, where, by when, and why. */
export interface PromptView {
  id: number
  stayId: number
  guestId: number
  guest: { nativeName: string; romanName: string | null; vip: number }
  roomNumber: string | null
  department: string
  /** The department an outlet belongs to (F&B for the Chinese restaurant); null for a department's own prompt. */
  parentDepartment: string | null
  trigger: string
  text: { en: string; zh: string }
  priority: 'low' | 'normal' | 'high' | 'urgent'
  status: 'open' | 'acknowledged' | 'done' | 'declined' | 'cancelled'
  dueAt: string
  escalateAt: string
  createdAt: string
  /** The preference that caused it. */
  reason: { category: string; code: string; value: string; strength: string; note: string | null } | null
  acknowledged: { at: string; by: string } | null
  done: { at: string; by: string } | null
  declined: { at: string; by: string; reason: string } | null
}
