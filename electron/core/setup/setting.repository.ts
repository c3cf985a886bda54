import { first, qb, run, type Sqlite } from '../db/query'

export function getSetting(sqlite: Sqlite, key: string): string | undefined {
  return first(sqlite, qb.selectFrom('setting').select('value').where('key', '=', key))?.value
}

export function putSetting(sqlite: Sqlite, key: string, value: string): void {
  run(sqlite, qb.insertInto('setting').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })))
}
