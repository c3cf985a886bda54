import { sql } from 'kysely'
import { all, first, qb, run, type Sqlite } from '../db/query'
import type { DepartmentRow, NewDepartmentRow } from '../db/tables/department.table'

export function insertDepartment(sqlite: Sqlite, row: NewDepartmentRow): void {
  run(sqlite, qb.insertInto('department').values(row))
}

/** Active departments by code, each followed by its outlets (F&B, then 中餐厅, 大堂吧…). */
export function listDepartments(sqlite: Sqlite): DepartmentRow[] {
  return all(
    sqlite,
    qb
      .selectFrom('department')
      .selectAll()
      .where('active', '=', 1)
      .orderBy(sql`coalesce(parent_code, code)`)
      .orderBy(sql`parent_code is not null`)
      .orderBy('code'),
  )
}

export function findDepartment(sqlite: Sqlite, code: string): DepartmentRow | undefined {
  return first(sqlite, qb.selectFrom('department').selectAll().where('code', '=', code))
}

export function updateDepartment(sqlite: Sqlite, code: string, change: { name_en?: string; name_zh?: string; promise_minutes?: number }): void {
  run(sqlite, qb.updateTable('department').set(change).where('code', '=', code))
}
