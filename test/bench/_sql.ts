import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { qb } from '../../electron/core/db/query'
import { summarize, time } from './stats'
const db = new BetterSqlite3(process.argv[2], { readonly: true })
const plan = (q: any) => { const c = q.compile(); console.log(c.sql); for (const r of db.prepare('EXPLAIN QUERY PLAN ' + c.sql).all(...c.parameters) as any[]) console.log('   ', r.detail); const st = db.prepare(c.sql); const t: number[] = []; for (let i = 0; i < 30; i++) t.push(time(() => st.all(...c.parameters))); console.log('   p50', summarize(t).p50.toFixed(3)); console.log() }
const today = '2026-11-23'
plan(qb.selectFrom('stay').innerJoin('guest', 'guest.id', 'stay.guest_id').select(['guest.id', 'stay.status']).where((eb) => eb.or([eb('stay.status', '=', 'in_house'), eb.and([eb('stay.status', '=', 'reserved'), eb('stay.arrival_date', '=', today)])])).where('guest.merged_into', 'is', null).where(sql<boolean>`guest.search_key LIKE ${'%zwj%'} ESCAPE '\\'`).limit(50))
plan(qb.selectFrom('stay').select(['stay.guest_id']).where((eb) => eb.or([eb('stay.status', '=', 'in_house'), eb.and([eb('stay.status', '=', 'reserved'), eb('stay.arrival_date', '=', today)])])))
plan(qb.selectFrom('stay').leftJoin('room', 'room.id', 'stay.room_id').select(['stay.guest_id', 'stay.confirmation_no']).where((eb) => eb.or([eb('stay.confirmation_no', '=', 'ZWJ'), eb.and([eb('room.number', '=', 'zwj'), eb('stay.status', '=', 'in_house')])])).limit(10))
const ids = Array.from({ length: 250 }, (_, i) => 1 + i * 3989)
plan(qb.selectFrom('guest').select(['id', 'native_name', 'roman_name', 'salutation', 'vip', 'company']).where('id', 'in', ids).where('merged_into', 'is', null))
plan(qb.selectFrom('stay').leftJoin('room', 'room.id', 'stay.room_id').select(['stay.id', 'stay.guest_id', 'stay.status', 'stay.arrival_date', 'stay.departure_date', 'room.number']).where('stay.guest_id', 'in', ids.slice(0, 20)).where((eb) => eb.or([eb('stay.status', '=', 'in_house'), eb.and([eb('stay.status', '=', 'reserved'), eb('stay.departure_date', '>', today)])])).orderBy('stay.status').orderBy('stay.arrival_date'))
