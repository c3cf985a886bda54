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

/** What still depends on a department: active staff, active rules, active outlets under it, prompts still open. */
export function departmentDependents(sqlite: Sqlite, code: string): { staff: number; rules: number; outlets: number; openPrompts: number } {
  const n = sql<number>`count(*)`.as('n')
  return {
    staff: first(sqlite, qb.selectFrom('staff').select(n).where('department_code', '=', code).where('active', '=', 1))?.n ?? 0,
    rules: first(sqlite, qb.selectFrom('rule').select(n).where('department_code', '=', code).where('active', '=', 1))?.n ?? 0,
    outlets: first(sqlite, qb.selectFrom('department').select(n).where('parent_code', '=', code).where('active', '=', 1))?.n ?? 0,
    openPrompts: first(sqlite, qb.selectFrom('prompt').select(n).where('department_code', '=', code).where('status', 'in', ['open', 'acknowledged']))?.n ?? 0,
  }
}

/** Switches a department off: it leaves every list, its history stays. */
export function retireDepartment(sqlite: Sqlite, code: string): void {
  run(sqlite, qb.updateTable('department').set({ active: 0 }).where('code', '=', code))
}

/** Sets a department's promise to act, keeping its promise to acknowledge within it. */
export function setDepartmentPromiseMinutes(sqlite: Sqlite, code: string, promiseMinutes: number): void {
  run(sqlite, qb.updateTable('department').set({ promise_minutes: promiseMinutes, ack_minutes: sql<number>`min(ack_minutes, ${promiseMinutes})` }).where('code', '=', code))
}
