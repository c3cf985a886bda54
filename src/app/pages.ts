import type { Role } from '../../electron/core/staff/roles'

/** The screens, by hash route. Core checks every operation's permission; this only shapes the menu. */
export type PageKey = 'checkin' | 'preassign' | 'board' | 'guest' | 'observe' | 'inbox' | 'arrivals' | 'duplicates' | 'pms' | 'settings' | 'reports' | 'rules' | 'escalations' | 'declined'

export const deskRoles: readonly Role[] = ['front_desk', 'manager', 'admin', 'guest_relations']
const reviewRoles: readonly Role[] = ['guest_relations', 'manager', 'admin']

export function pagesFor(role: Role): PageKey[] {
  const pages: PageKey[] = []
  if (deskRoles.includes(role)) pages.push('checkin', 'guest')
  // Pre-assignment chooses rooms (`stay.write`): front desk, managers, administrators.
  if (role === 'front_desk' || role === 'manager' || role === 'admin') pages.push('preassign')
  pages.push('board', 'observe')
  // The lead's and duty manager's view of escalated prompts (`prompt.escalations`, 'hotel.write').
  if (role === 'admin' || role === 'manager') pages.push('escalations')
  // Declined prompts with their reasons (`prompt.review`): guest relations' queue.
  if (reviewRoles.includes(role)) pages.push('declined')
  // New PMS arrivals to link or create (`guest.merge`) are guest relations' queue.
  if (reviewRoles.includes(role)) pages.push('inbox', 'arrivals', 'duplicates')
  // Hotel settings (the phone country) are the manager's too; serving terminals and unlocking
  // sign-ins (`system.admin`) are the administrator's alone, and the page shows those only to them.
  // PMS reports and the watch folder ('hotel.write'): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('pms', 'settings')
  // Promise reports (`report.read`): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('reports')
  // Rules (`rule.write`): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('rules')
  return pages
}

/** The pages that appear in the main menu (a guest profile is opened from a guest, not the menu). */
export function menuPagesFor(role: Role): PageKey[] {
  return pagesFor(role).filter((p) => p !== 'guest')
}
