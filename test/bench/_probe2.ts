import BetterSqlite3 from 'better-sqlite3'
import { summarize } from './stats'
const db = new BetterSqlite3(process.argv[2])
db.pragma('cache_size = -65536')
const n = db.prepare('SELECT max(id) FROM guest').pluck().get() as number
const qs: Record<string, string> = {
  guest: 'SELECT * FROM guest WHERE id = ?',
  prefs: 'SELECT * FROM preference WHERE guest_id = ? AND active = 1 ORDER BY category, code, id',
  people: 'SELECT preference.id, source.name AS source_name, confirmer.name AS confirmer_name FROM preference LEFT JOIN staff AS source ON source.id = preference.source_staff_id LEFT JOIN staff AS confirmer ON confirmer.id = preference.confirmed_by WHERE preference.guest_id = ? AND preference.active = 1',
  counts: "SELECT (SELECT count(*) FROM prompt WHERE guest_id = ? AND status = 'done') AS a, (SELECT count(*) FROM observation WHERE guest_id = ?) AS b",
  stays: 'SELECT stay.id, stay.confirmation_no, stay.arrival_date, stay.departure_date, stay.party_size, stay.status, room.number AS room_number FROM stay LEFT JOIN room ON room.id = stay.room_id WHERE stay.guest_id = ? ORDER BY stay.arrival_date DESC',
}
for (const [name, q] of Object.entries(qs)) {
  console.log(name, (db.prepare('EXPLAIN QUERY PLAN ' + q).all(...(name === 'counts' ? [1, 1] : [1])) as any[]).map((r) => r.detail).join(' | '))
  const st = db.prepare(q); const ts: number[] = []
  for (let i = 0; i < 300; i++) { const id = 1 + ((i * 7919) % n); const c0 = process.cpuUsage(); st.all(...(name === 'counts' ? [id, id] : [id])); const c = process.cpuUsage(c0); ts.push((c.user + c.system) / 1000) }
  const s = summarize(ts); console.log('   cpu p50', s.p50.toFixed(3), 'p95', s.p95.toFixed(3))
}
