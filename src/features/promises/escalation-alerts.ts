import type { Role } from '../../../electron/core/staff/roles'

/*
 * Who is told of an escalation, and how, as pure functions (test/unit/escalation-alerts.test.ts).
 * Managers stand for the department lead and the duty manager until the staff issue adds a lead
 * role; guest relations hear the steps that name them. The event stream already carries only
 * what this person may see; this decides which of those raise a notice.
 */
export function escalationConcerns(role: Role, notify: readonly string[]): boolean {
  if (role === 'manager' || role === 'admin') return notify.includes('lead') || notify.includes('duty_manager')
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
