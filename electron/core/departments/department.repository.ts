import { all, first, qb, run, type Sqlite } from '../db/query'
import type { DepartmentRow, NewDepartmentRow } from '../db/tables/department.table'

export function insertDepartment(sqlite: Sqlite, row: NewDepartmentRow): void {
  run(sqlite, qb.insertInto('department').values(row))
}

export function listDepartments(sqlite: Sqlite): DepartmentRow[] {
  return all(sqlite, qb.selectFrom('department').selectAll().where('active', '=', 1).orderBy('code'))
}

export function findDepartment(sqlite: Sqlite, code: string): DepartmentRow | undefined {
  return first(sqlite, qb.selectFrom('department').selectAll().where('code', '=', code))
}
