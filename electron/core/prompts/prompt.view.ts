/** A prompt as every screen shows it: what to do, for whom, where, by when, and why. */
export interface PromptView {
  id: number
  stayId: number
  guestId: number
  /**
   * The guest's names as the viewer may see them. `withheld`: a restricted profile (the guest asked
   * for discretion) seen by department staff: the names are empty and the board says "guest".
   * `restricted`: the profile is restricted (internal: what the redaction for a viewer reads).
   */
  guest: { nativeName: string; romanName: string | null; vip: number; restricted?: boolean; withheld?: boolean }
  roomNumber: string | null
  /** The room's floor (null before a room is chosen): boards filter by it. */
  floor: number | null
  department: string
  /** The department an outlet belongs to (F&B for the Chinese restaurant); null for a department's own prompt. */
  parentDepartment: string | null
  trigger: string
  /**
   * 'task': work to acknowledge and finish by its promises. 'standing': a standing instruction
   * (an allergy, a hearing need, "never lilies") shown for the whole stay, acknowledged once,
   * never overdue, closed only when the stay ends.
   */
  kind: 'task' | 'standing'
  text: { en: string; zh: string }
  priority: 'low' | 'normal' | 'high' | 'urgent'
  status: 'open' | 'acknowledged' | 'done' | 'declined' | 'cancelled'
  /** The promise to be done by (ISO instant). */
  dueAt: string
  /** The promise to acknowledge by (ISO instant). */
  escalateAt: string
  createdAt: string
  /** When the acknowledge promise was broken (null: not escalated); level = escalation steps taken. */
  escalatedAt: string | null
  escalationLevel: number
  /** When the completion promise was broken (a task only). */
  overdueAt: string | null
  /** The attendant it is assigned to. */
  assignedTo: { id: number; name: string } | null
  /** A timed prompt: when it should have fired; lateMinutes when it fired after that (app closed, machine asleep). */
  scheduledFor: string | null
  lateMinutes: number | null
  /** The preference that caused it. */
  reason: { category: string; code: string; value: string; strength: string; note: string | null } | null
  acknowledged: { at: string; by: string } | null
  done: { at: string; by: string } | null
  declined: { at: string; by: string; reason: string } | null
  /** Guest relations read the decline (their queue). */
  declineRead: { at: string; by: string } | null
}
