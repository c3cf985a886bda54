import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { qb } from '../../electron/core/db/query'
import { summarize, time } from './stats'
const db = new BetterSqlite3(process.argv[2], { readonly: true })
for (const token of ['w', 'z', 'zh', 'zhang', 'ho', 'zwj', '吴']) {
  const window = qb.selectFrom('guest_token').select(['guest_id', 'token']).where('token', '>=', token).where('token', '<', `${token}\uffff`).orderBy('token').limit(1200)
  const c = qb.selectFrom(window.as('w')).select(['guest_id', 'token']).orderBy(sql`length(token)`).limit(60).compile()
  if (token === 'w') { console.log(c.sql); for (const r of db.prepare('EXPLAIN QUERY PLAN ' + c.sql).all(...c.parameters) as any[]) console.log('   ', r.detail) }
  const st = db.prepare(c.sql); const t: number[] = []; let rows: any[] = []
  for (let i = 0; i < 30; i++) t.push(time(() => (rows = st.all(...c.parameters))))
  console.log(token, summarize(t).p50.toFixed(3), rows.slice(0, 6).map((r) => r.token).join(','))
}
