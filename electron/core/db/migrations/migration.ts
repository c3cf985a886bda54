import type { Compilable, Kysely } from 'kysely'

/** What a migration may use: a schema builder frozen to `any` and a synchronous executor. */
export interface MigrationTools {
  schema: Kysely<any>['schema']
  /** Runs one compiled statement, or raw DDL the builder cannot express. */
  run(statement: Compilable<unknown> | string): void
}

export interface Migration {
  /** Sort key and identity; never rename a shipped migration. */
  name: string
  up(tools: MigrationTools): void
}
