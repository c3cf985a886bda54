import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { qb } from '../../electron/core/db/query'
import { summarize, time } from './stats'
const db = new BetterSqlite3(process.argv[2], { readonly: true })
const plan = (q: any) => { const c = q.compile(); console.log(c.sql.slice(0, 400)); for (const r of db.prepare('EXPLAIN QUERY PLAN ' + c.sql).all(...c.parameters) as any[]) console.log('   ', r.detail); const st = db.prepare(c.sql); const t: number[] = []; let n = 0; for (let i = 0; i < 30; i++) t.push(time(() => (n = st.all(...c.parameters).length))); console.log('   p50', summarize(t).p50.toFixed(3), 'rows', n); console.log() }
const today = '2026-11-23'
const ids = (db.prepare("SELECT guest_id FROM stay WHERE status IN ('in_house','reserved') LIMIT 10").pluck().all() as number[]).concat(Array.from({ length: 10 }, (_, i) => 1 + i * 1000))
const base = () => qb.selectFrom('stay').leftJoin('room', 'room.id', 'stay.room_id').select(['stay.id', 'stay.guest_id', 'stay.status', 'stay.arrival_date', 'stay.departure_date', 'room.number']).where('stay.guest_id', 'in', ids)
plan(base().where((eb) => eb.or([eb('stay.status', '=', 'in_house'), eb.and([eb('stay.status', '=', 'reserved'), eb('stay.departure_date', '>', today)])])).orderBy('stay.status').orderBy('stay.arrival_date'))
plan(base().where((eb) => eb.or([eb(sql`+stay.status`, '=', 'in_house'), eb.and([eb(sql`+stay.status`, '=', 'reserved'), eb('stay.departure_date', '>', today)])])).orderBy('stay.status').orderBy('stay.arrival_date'))
const room = (db.prepare("SELECT room.number FROM stay JOIN room ON room.id = stay.room_id WHERE status = 'in_house' LIMIT 1").pluck().get()) as string
for (const q of [room, 'zk23']) {
plan(qb.selectFrom('stay').leftJoin('room', 'room.id', 'stay.room_id').select(['stay.guest_id', 'stay.confirmation_no']).where((eb) => eb.or([eb('stay.confirmation_no', '=', q.toUpperCase()), eb.and([eb('room.number', '=', q), eb('stay.status', '=', 'in_house')])])).limit(10))
plan(qb.selectFrom('stay').select(['stay.guest_id', 'stay.confirmation_no']).where('stay.confirmation_no', '=', q.toUpperCase()).unionAll(qb.selectFrom('room').innerJoin('stay', 'stay.room_id', 'room.id').select(['stay.guest_id', 'stay.confirmation_no']).where('room.number', '=', q).where('stay.status', '=', 'in_house')).limit(10))
}
