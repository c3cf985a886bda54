import type { Role } from '../../electron/core/staff/roles'

/** The screens, by hash route. Core checks every operation's permission; this only shapes the menu. */
export type PageKey = 'checkin' | 'preassign' | 'board' | 'guest' | 'observe' | 'inbox' | 'arrivals' | 'duplicates' | 'pms' | 'settings' | 'reports' | 'rules' | 'escalations' | 'declined' | 'rooms' | 'hotel' | 'lists' | 'data' | 'backups' | 'dashboard' | 'print' | 'staff' | 'audit' | 'privacy' | 'recovery' | 'recoveryReport' | 'satisfaction'

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
  // Complaints and recovery cases (`recovery.read`): the desk reads them; guest relations and managers work them.
  if (deskRoles.includes(role)) pages.push('recovery')
  // New PMS arrivals to link or create (`guest.merge`) are guest relations' queue.
  if (reviewRoles.includes(role)) pages.push('inbox', 'arrivals', 'duplicates')
  // Hotel settings (the phone country) are the manager's too; serving terminals and unlocking
  // sign-ins (`system.admin`) are the administrator's alone, and the page shows those only to them.
  // PMS reports and the watch folder ('hotel.write'): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('pms', 'settings')
  // Promise reports (`report.read`): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('reports')
  // The recovery report (`report.read`) and importing satisfaction scores (`satisfaction.import`): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('recoveryReport', 'satisfaction')
  // Rules (`rule.write`): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('rules')
  // The manager's desk (issue 11): the hotel's rooms, departments and settings; guest lists and
  // files; the full export and import; backups; the dashboard. Managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('dashboard', 'rooms', 'hotel', 'lists', 'data', 'backups')
  // Staff accounts (`staff.manage`): the administrator's alone.
  if (role === 'admin') pages.push('staff')
  // The audit log (`audit.read`): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('audit')
  // Privacy: the retention period and its run (`privacy.retention`): managers and administrators.
  if (role === 'admin' || role === 'manager') pages.push('privacy')
  // A guest's card and the morning briefing pack, printed: whoever may read guest cards.
  if (deskRoles.includes(role)) pages.push('print')
  return pages
}

/** The pages that appear in the main menu (a guest profile is opened from a guest, not the menu). */
export function menuPagesFor(role: Role): PageKey[] {
  return pagesFor(role).filter((p) => p !== 'guest' && p !== 'print')
}

/**
 * The manager's desk: the pages that set up and look after the hotel, in one menu button so a
 * manager's header stays one row at 1280 px. In this order, whichever of them the role has.
 */
// Recovery cases (issue 13) sit here for managers, whose header has no room for one more link at 1280 px;
// the front desk and guest relations, who have no desk, have them as a link of their own (sharedDeskPages).
export const managerDeskPages: readonly PageKey[] = ['dashboard', 'recovery', 'rooms', 'hotel', 'rules', 'reports', 'recoveryReport', 'lists', 'data', 'satisfaction', 'backups', 'pms', 'settings', 'staff', 'audit', 'privacy']

/** Desk pages that roles without a manager's desk also have: a link of their own for those roles. */
export const sharedDeskPages: readonly PageKey[] = ['recovery']

/**
 * The main menu as the header shows it: `links` side by side, then `desk` (the manager's desk
 * pages, empty for roles without them) behind one menu button. Every page of `menuPagesFor` is
 * in exactly one of them.
 */
export function menuFor(role: Role): { links: PageKey[]; desk: PageKey[] } {
  const pages = menuPagesFor(role)
  // A page shared with roles that have no desk (recovery cases) joins the desk only when there is one.
  const ownDesk = managerDeskPages.some((p) => pages.includes(p) && !sharedDeskPages.includes(p))
  const desk = ownDesk ? managerDeskPages.filter((p) => pages.includes(p)) : []
  return { links: pages.filter((p) => !desk.includes(p)), desk }
}
