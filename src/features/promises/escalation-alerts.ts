import type { Role } from '../../../electron/core/staff/roles'

/*
 * Who is told of an escalation, and how, as pure functions (test/unit/escalation-alerts.test.ts).
 * A department's lead hears the steps that name the lead (the event stream brings them only their
 * own department's); managers hear those too (a hotel without leads still has someone) and the duty
 * manager's; guest relations hear the steps that name them. The event stream already carries only
 * what this person may see; this decides which of those raise a notice.
 */
export function escalationConcerns(role: Role, notify: readonly string[]): boolean {
  if (role === 'manager' || role === 'admin') return notify.includes('lead') || notify.includes('duty_manager')
  if (role === 'department_lead') return notify.includes('lead')
  if (role === 'guest_relations') return notify.includes('guest_relations')
  return false
}

/** How a notice can reach this person: the system's desktop notice where allowed, else only the page's own. */
export type DesktopNotice = 'granted' | 'ask' | 'page-only'

export function desktopNoticeState(api: { permission: string } | undefined, askedBefore: boolean): DesktopNotice {
  if (!api) return 'page-only'
  if (api.permission === 'granted') return 'granted'
  if (api.permission === 'default' && !askedBefore) return 'ask'
  return 'page-only'
}

/** What one escalation brings to a notice: its department, room and text. */
export interface EscalatedPrompt {
  id: number
  department: string
  roomNumber: string | null
  text: { en: string; zh: string }
}

/**
 * Escalations that arrive close together, told as one notice ("3 prompts escalated") and one
 * desktop notification, updated as more arrive, instead of one notice each (a flood on a phone).
 */
export interface EscalationBurst {
  /** Prompts in the burst, without repeats (a prompt escalating a second step counts once). */
  ids: number[]
  /** Departments concerned, in arrival order, without repeats. */
  departments: string[]
  /** The newest escalation, told under the count. */
  latest: EscalatedPrompt
  /** When the newest arrived (ms): a burst ends `burstGapMs` after it, or once its notice is closed. */
  lastAt: number
}

/** A burst lasts while escalations keep coming within this gap of each other (and the notice is open). */
export const burstGapMs = 60_000

/** An escalation arrived: it joins the burst under way, or starts a new one when there is none, or it ended. */
export function burstAdd(burst: EscalationBurst | null, prompt: EscalatedPrompt, now: number): EscalationBurst {
  if (!burst || now - burst.lastAt >= burstGapMs) return { ids: [prompt.id], departments: [prompt.department], latest: prompt, lastAt: now }
  return {
    ids: burst.ids.includes(prompt.id) ? burst.ids : [...burst.ids, prompt.id],
    departments: burst.departments.includes(prompt.department) ? burst.departments : [...burst.departments, prompt.department],
    latest: prompt,
    lastAt: now,
  }
}

/** Whether this burst is new (its first escalation): a new desktop notification may sound; later ones replace it quietly. */
export function burstIsNew(burst: EscalationBurst): boolean {
  return burst.ids.length === 1
}
