import fs from 'node:fs'
import { buildHotel } from './hotel-fixture'
const n = Number(process.argv[2])
const file = `/tmp/bench-probe/s${n}.db`
for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true })
const h = buildHotel(file, { rooms: 2000, guests: n, preferences: false, pastStays: 0, inHouse: 1200, arrivals: 300 }, { seed: 3 })
for (const l of h.build.laps) console.log(l.seconds.toFixed(2).padStart(7), l.label)
fs.writeFileSync(file + '.json', JSON.stringify({ desk: h.desk }))
h.core.close()
