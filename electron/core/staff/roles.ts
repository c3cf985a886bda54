export const roles = ['front_desk', 'department', 'guest_relations', 'manager', 'admin'] as const
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
] as const
export type Permission = (typeof permissions)[number]

const everyone: Permission[] = ['prompt.read', 'prompt.act', 'hotel.read', 'observation.write']
const grants: Record<Role, readonly Permission[]> = {
  front_desk: [...everyone, 'guest.read', 'guest.write', 'stay.write'],
  department: everyone,
  guest_relations: [...everyone, 'guest.read', 'guest.write', 'observation.review', 'guest.merge', 'prompt.review'],
  manager: permissions.filter((p) => p !== 'system.admin' && p !== 'store.transfer'),
  admin: permissions,
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission)
}

/** Department staff see and act on their own department's prompts only. */
export function seesAllDepartments(role: Role): boolean {
  return role !== 'department'
}
