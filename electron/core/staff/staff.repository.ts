import { all, first, qb, run, type Sqlite } from '../db/query'
import type { NewStaffRow, StaffRow } from '../db/tables/staff.table'

export function insertStaff(sqlite: Sqlite, row: NewStaffRow): number {
  return run(sqlite, qb.insertInto('staff').values(row)).lastInsertRowid
}

export function findStaffByCode(sqlite: Sqlite, code: string): StaffRow | undefined {
  return first(sqlite, qb.selectFrom('staff').selectAll().where('code', '=', code).where('active', '=', 1))
}

/** The staff member holding `code`, active or not (codes are never reused). */
export function findStaffByCodeAny(sqlite: Sqlite, code: string): StaffRow | undefined {
  return first(sqlite, qb.selectFrom('staff').selectAll().where('code', '=', code))
}

export function findStaff(sqlite: Sqlite, id: number): StaffRow | undefined {
  return first(sqlite, qb.selectFrom('staff').selectAll().where('id', '=', id))
}

export function listActiveStaff(sqlite: Sqlite): Pick<StaffRow, 'id' | 'code' | 'name' | 'roman_name' | 'department_code' | 'role'>[] {
  return all(
    sqlite,
    qb
      .selectFrom('staff')
      .select(['id', 'code', 'name', 'roman_name', 'department_code', 'role'])
      .where('active', '=', 1)
      .orderBy('department_code')
      .orderBy('code'),
  )
}

export function countStaff(sqlite: Sqlite): number {
  return Number(first(sqlite, qb.selectFrom('staff').select((eb) => eb.fn.countAll().as('n')))?.n ?? 0)
}

export function updatePinHash(sqlite: Sqlite, id: number, pinHash: string): void {
  run(sqlite, qb.updateTable('staff').set({ pin_hash: pinHash }).where('id', '=', id))
}

/** Every staff member, active or not, for the Staff screen (no PIN hashes), active first, then by code. */
export function listAllStaff(sqlite: Sqlite): Omit<StaffRow, 'pin_hash'>[] {
  return all(
    sqlite,
    qb
      .selectFrom('staff')
      .select(['id', 'code', 'name', 'roman_name', 'department_code', 'role', 'active', 'created_at', 'must_change_pin', 'last_sign_in_at'])
      .orderBy('active', 'desc')
      .orderBy('code'),
  )
}

/** Active administrators other than `exceptId` (the last-administrator guard). */
export function countOtherActiveAdmins(sqlite: Sqlite, exceptId: number): number {
  return Number(
    first(sqlite, qb.selectFrom('staff').select((eb) => eb.fn.countAll().as('n')).where('role', '=', 'admin').where('active', '=', 1).where('id', '!=', exceptId))?.n ?? 0,
  )
}

export function updateStaffDetails(sqlite: Sqlite, id: number, details: Pick<StaffRow, 'name' | 'roman_name' | 'role' | 'department_code'>): void {
  run(sqlite, qb.updateTable('staff').set(details).where('id', '=', id))
}

export function setStaffActive(sqlite: Sqlite, id: number, active: 0 | 1): void {
  run(sqlite, qb.updateTable('staff').set({ active }).where('id', '=', id))
}

/** A new PIN hash; `mustChange` 1 for a temporary PIN an administrator set, 0 for one its holder chose. */
export function setStaffPin(sqlite: Sqlite, id: number, pinHash: string, mustChange: 0 | 1): void {
  run(sqlite, qb.updateTable('staff').set({ pin_hash: pinHash, must_change_pin: mustChange }).where('id', '=', id))
}

export function recordStaffSignIn(sqlite: Sqlite, id: number, at: string): void {
  run(sqlite, qb.updateTable('staff').set({ last_sign_in_at: at }).where('id', '=', id))
}
