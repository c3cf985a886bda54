import BetterSqlite3 from 'better-sqlite3'
import { summarize } from './stats'
const db = new BetterSqlite3(process.argv[2], { readonly: true })
db.pragma('cache_size = -65536')
const cpu = (fn: () => void) => { const c0 = process.cpuUsage(); fn(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000 }
const cols = 'id, number, floor, facing, view, bed, features'
const v: Record<string, string> = {
  full: `SELECT ${cols} FROM room WHERE out_of_order = 0 AND NOT EXISTS (SELECT stay.id FROM stay WHERE stay.room_id = room.id AND stay.status = 'in_house')`,
  ids: `SELECT id FROM room WHERE out_of_order = 0 AND NOT EXISTS (SELECT stay.id FROM stay WHERE stay.room_id = room.id AND stay.status = 'in_house')`,
}
const facts = new Map((db.prepare(`SELECT ${cols} FROM room`).all() as any[]).map((r) => [r.id, { ...r, features: r.features ? r.features.split(' ') : [] }]))
for (let r = 0; r < 3; r++) {
  for (const [k, q] of Object.entries(v)) {
    const st = db.prepare(q); const ts: number[] = []
    for (let i = 0; i < 300; i++) ts.push(cpu(() => { const rows = st.all() as any[]; if (k === 'ids') rows.map((x) => facts.get(x.id)); else rows.map((x) => ({ ...x, features: x.features ? x.features.split(' ') : [] })) }))
    console.log('  ', k.padEnd(8), summarize(ts.slice(50)).p50.toFixed(3))
  }
}
