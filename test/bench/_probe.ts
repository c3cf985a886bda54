import fs from 'node:fs'
import { buildHotel } from './hotel-fixture'
const file = '/tmp/bench-probe/h.db'
for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true })
const h = buildHotel(file, { rooms: 2000, guests: 20000, preferences: true, pastStays: 50000, inHouse: 1200, arrivals: 3000 }, { seed: 1 })
fs.writeFileSync('/tmp/bench-probe/h.json', JSON.stringify({ desk: h.desk, arrivals: h.arrivals, vacant: h.vacantRooms }))
h.core.close()
