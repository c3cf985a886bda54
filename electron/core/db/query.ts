import type BetterSqlite3 from 'better-sqlite3'
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type Compilable,
} from 'kysely'
import type { Database } from './database'

/**
 * Kysely is our typed SQL builder; better-sqlite3 executes what it compiles, synchronously.
 * Synchronous execution means a transaction can never await I/O, and it lets hot queries
 * compile once and run as cached prepared statements (see docs/architecture.md, "Store").
 */
export const qb = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
})

/** A frozen-in-time builder for migrations, which must not know today's app types. */
export const schemaQb = qb as unknown as Kysely<any>

export type Sqlite = BetterSqlite3.Database

const statementCache = new WeakMap<Sqlite, Map<string, BetterSqlite3.Statement>>()

/** A cached prepared statement for SQL Kysely cannot express (FTS5); repositories only. */
export function statement(sqlite: Sqlite, sql: string): BetterSqlite3.Statement {
  let cache = statementCache.get(sqlite)
  if (!cache) {
    cache = new Map()
    statementCache.set(sqlite, cache)
  }
  let stmt = cache.get(sql)
  if (!stmt) {
    stmt = sqlite.prepare(sql)
    cache.set(sql, stmt)
  }
  return stmt
}

type Row<Q> = Q extends Compilable<infer R> ? R : never

function compiled(query: Compilable<unknown> | CompiledQuery): CompiledQuery {
  return 'sql' in query && 'parameters' in query ? (query as CompiledQuery) : (query as Compilable<unknown>).compile()
}

export function all<Q extends Compilable<any>>(sqlite: Sqlite, query: Q): Row<Q>[] {
  const c = compiled(query)
  return statement(sqlite, c.sql).all(...(c.parameters as unknown[])) as Row<Q>[]
}

export function first<Q extends Compilable<any>>(sqlite: Sqlite, query: Q): Row<Q> | undefined {
  const c = compiled(query)
  return statement(sqlite, c.sql).get(...(c.parameters as unknown[])) as Row<Q> | undefined
}

export function run(sqlite: Sqlite, query: Compilable<unknown>): { changes: number; lastInsertRowid: number } {
  const c = compiled(query)
  const stmt = statement(sqlite, c.sql)
  if (stmt.reader) {
    // INSERT … RETURNING and similar statements return rows; run them as reads.
    const row = stmt.get(...(c.parameters as unknown[])) as { id?: number } | undefined
    return { changes: row ? 1 : 0, lastInsertRowid: Number(row?.id ?? 0) }
  }
  const result = stmt.run(...(c.parameters as unknown[]))
  return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) }
}

/** A parameter slot in a prepared query; replaced by the caller's argument at run time. */
class Slot {
  constructor(readonly name: string) {}

  /**
   * A slot stands for a value that is not known yet: text built from it (`${s.arrival}T14:00`)
   * would be compiled into the statement as "[object Object]T14:00" for every row. Refused loudly.
   */
  [Symbol.toPrimitive](): never {
    throw new Error(`prepared(): the parameter "${this.name}" was used inside an expression; pass the finished value as its own parameter.`)
  }
}

/**
 * A query compiled once, with named parameters. `build` receives proxies in place of the
 * arguments; the SQL text is fixed, so better-sqlite3 reuses one prepared statement.
 * Use it for hot paths (card, suggestion, check-in). Values must be scalars, not lists.
 */
export function prepared<A extends Record<string, unknown>, Q extends Compilable<any>>(
  build: (args: A) => Q,
): {
  all(sqlite: Sqlite, args: A): Row<Q>[]
  first(sqlite: Sqlite, args: A): Row<Q> | undefined
  run(sqlite: Sqlite, args: A): { changes: number; lastInsertRowid: number }
} {
  let compiledQuery: CompiledQuery | undefined
  let order: ((args: A) => unknown)[] = []
  const ensure = () => {
    if (!compiledQuery) {
      const slots = new Proxy({} as A, { get: (_t, key) => new Slot(String(key)) })
      compiledQuery = build(slots).compile()
      order = compiledQuery.parameters.map((p) =>
        p instanceof Slot ? (args: A) => args[p.name] : () => p,
      )
    }
    return compiledQuery
  }
  const bind = (args: A) => order.map((get) => get(args))
  return {
    all: (sqlite, args) => statement(sqlite, ensure().sql).all(...bind(args)) as Row<Q>[],
    first: (sqlite, args) => statement(sqlite, ensure().sql).get(...bind(args)) as Row<Q> | undefined,
    run: (sqlite, args) => {
      const stmt = statement(sqlite, ensure().sql)
      const result = stmt.run(...bind(args))
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) }
    },
  }
}
