import BetterSqlite3 from 'better-sqlite3'
import { summarize, time } from './stats'
const db = new BetterSqlite3('/tmp/bench-probe/h.db')
const q = "SELECT id, number, floor, facing, view, bed, features FROM room WHERE out_of_order = 0 AND NOT EXISTS (SELECT stay.id FROM stay WHERE stay.room_id = room.id AND stay.status = 'in_house')"
console.log(db.prepare('EXPLAIN QUERY PLAN ' + q).all())
const m = (label: string, n: number, fn: (i: number) => void) => {
  const t: number[] = []; for (let i = 0; i < n; i++) t.push(time(() => fn(i)))
  const s = summarize(t.slice(n / 5)); console.log(label.padEnd(30), s.p50.toFixed(3), s.p95.toFixed(3))
}
const st = db.prepare(q)
m('vacant raw', 300, () => st.all())
const all = db.prepare('SELECT id, number, floor, facing, view, bed, features FROM room')
m('all rooms', 300, () => all.all())
const occ = db.prepare("SELECT room_id FROM stay WHERE status = 'in_house'")
console.log(db.prepare("EXPLAIN QUERY PLAN SELECT room_id FROM stay WHERE status = 'in_house'").all())
m('occupied ids', 300, () => occ.pluck().all())
const raw = db.prepare(q).raw()
m('vacant raw arrays', 300, () => raw.all())
const cnt = db.prepare("SELECT count(*) FROM room WHERE out_of_order = 0 AND NOT EXISTS (SELECT stay.id FROM stay WHERE stay.room_id = room.id AND stay.status = 'in_house')").pluck()
m('vacant count only', 300, () => cnt.get())
const rooms = st.all() as any[]
const c = new Intl.Collator('en', { numeric: true })
m('sort localeCompare', 50, () => [...rooms].sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true })))
m('sort collator', 300, () => [...rooms].sort((a, b) => c.compare(a.number, b.number)))
