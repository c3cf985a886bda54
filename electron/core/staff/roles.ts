/**
 * The roles a staff member can hold. `department`: an attendant of one department (housekeeping,
 * the restaurant…), who sees that department's prompts only; `department_lead`: the same
 * department's supervisor (领班/主管), who also hands prompts to attendants.
 */
export const roles = ['front_desk', 'department', 'department_lead', 'guest_relations', 'manager', 'admin'] as const
export type Role = (typeof roles)[number]

export const permissions = [
  'guest.read',
  'guest.write',
  'stay.write',
  'prompt.read',
  'prompt.act',
  'hotel.read',
  'rule.read',
  'rule.write',
  'hotel.write',
  'observation.write',
  'observation.review',
  'guest.merge',
  'vocabulary.write',
  /** Guest relations' queue of declined prompts: guest relations, managers, administrators. */
  'prompt.review',
  /** Promise reports: managers and administrators. */
  'report.read',
  /** Backups: the folder, how many to keep, back up now (managers and administrators; restoring is system.admin). */
  'backup.manage',
  /** Guest lists and other exports to files (CSV, XLSX, JSON): managers and administrators. */
  'guest.export',
  /** Serving terminals, unlocking sign-ins: the administrator's alone. */
  'system.admin',
  /** Importing a whole hotel from a full export into an empty store: the administrator's alone. */
  'store.transfer',
  /** Your own account: change your own PIN. Everyone signed in. */
  'account.self',
  /** Hand a prompt to an attendant: department leads, the front desk, guest relations, managers, administrators. */
  'prompt.assign',
  /** Open a restricted profile (a guest who asked for discretion), and restrict or lift it: guest relations, managers, administrators. */
  'guest.restricted',
  /** See an identity document's whole number (every view is audited): front desk (police registration), guest relations, managers, administrators. */
  'guest.document',
  /** A guest's right of access: everything about one guest in one file (PIPL Art. 45, GDPR Art. 15). */
  'guest.privacy',
  /** Erase (anonymise) a guest (PIPL Art. 47, GDPR Art. 17): managers and administrators. */
  'guest.erase',
  /** The retention period and its run (anonymise guests inactive for N years): managers and administrators. */
  'privacy.retention',
  /** Read and export the audit log: managers and administrators. */
  'audit.read',
  /** Staff accounts: create, edit, deactivate, reset a PIN, end sessions: the administrator's. */
  'staff.manage',
  /** Raise a complaint or incident (a recovery case): everyone signed in (department staff by room number, learning no name). */
  'recovery.raise',
  /** Read recovery cases (the cases page, a case): the front desk, guest relations, managers, administrators. */
  'recovery.read',
  /** Work a recovery case (own, assign, record steps, close, propose a lesson): guest relations, managers, administrators. */
  'recovery.manage',
  /** Record a guest's satisfaction with a stay (score 1–5): the front desk, guest relations, managers, administrators. */
  'satisfaction.write',
  /** Import satisfaction scores from a survey file: managers and administrators. */
  'satisfaction.import',
] as const
export type Permission = (typeof permissions)[number]

const everyone: Permission[] = ['prompt.read', 'prompt.act', 'hotel.read', 'observation.write', 'account.self', 'recovery.raise']
const grants: Record<Role, readonly Permission[]> = {
  front_desk: [...everyone, 'guest.read', 'guest.write', 'stay.write', 'prompt.assign', 'guest.document', 'recovery.read', 'satisfaction.write'],
  department: everyone,
  department_lead: [...everyone, 'prompt.assign'],
  guest_relations: [
    ...everyone, 'guest.read', 'guest.write', 'observation.review', 'guest.merge', 'prompt.review', 'prompt.assign',
    'guest.restricted', 'guest.document', 'guest.privacy', 'recovery.read', 'recovery.manage', 'satisfaction.write',
  ],
  manager: permissions.filter((p) => p !== 'system.admin' && p !== 'store.transfer' && p !== 'staff.manage'),
  admin: permissions,
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission)
}

/** Department staff see and act on their own department's prompts only. */
export function seesAllDepartments(role: Role): boolean {
  return role !== 'department' && role !== 'department_lead'
}

/**
 * Least knowledge: department staff (attendants and their leads) see what to do and where, never
 * why (a prompt's cause, "hard of hearing", is a health fact: PIPL Art. 28, GDPR Art. 9), and
 * never a guest's card.
 */
export function seesGuestDetails(role: Role): boolean {
  return roleAllows(role, 'guest.read')
}

/** Attendants and leads of one department (housekeeping, the restaurant…). */
export function isDepartmentStaff(role: Role): boolean {
  return role === 'department' || role === 'department_lead'
}
