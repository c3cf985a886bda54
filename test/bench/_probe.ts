import fs from 'node:fs'
import { buildHotel } from './hotel-fixture'
const file = '/tmp/bench-probe/h.db'
for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true })
const h = buildHotel(file, { rooms: 2000, guests: 20000, preferences: true, pastStays: 50000, inHouse: 1200, arrivals: 500 }, { seed: 1 })
for (const l of h.build.laps) console.log(l.seconds.toFixed(2).padStart(7), l.label)
const q = (s: string) => console.log(h.core.sqlite.prepare(s).all())
q('select count(*) n from guest_token'); q('select count(*) n from prompt'); q('select count(*) n from audit_log'); q("select avg(c) from (select count(*) c from preference group by guest_id)")
console.log(fs.statSync(file).size / 1e6, 'MB')
h.core.close()
