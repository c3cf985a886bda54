import { all, first, qb, run, type Sqlite } from '../db/query'
import type { NewStaffRow, StaffRow } from '../db/tables/staff.table'

export function insertStaff(sqlite: Sqlite, row: NewStaffRow): number {
  return run(sqlite, qb.insertInto('staff').values(row)).lastInsertRowid
}

export function findStaffByCode(sqlite: Sqlite, code: string): StaffRow | undefined {
  return first(sqlite, qb.selectFrom('staff').selectAll().where('code', '=', code).where('active', '=', 1))
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
