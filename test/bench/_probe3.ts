import { createCore } from '../../electron/core/core'
import { listVacantRooms } from '../../electron/core/rooms/room.repository'
import { listActivePreferences, toPreferenceFact } from '../../electron/core/guests/guest.repository'
import { suggestRooms } from '../../electron/core/rooms/room-suggestion'
import { summarize } from './stats'
const core = createCore({ file: process.argv[2] })
const db = core.sqlite
const cpu = (fn: () => void) => { const c0 = process.cpuUsage(); fn(); const c = process.cpuUsage(c0); return (c.user + c.system) / 1000 }
const n = db.prepare('SELECT max(id) FROM guest').pluck().get() as number
const m = (label: string, fn: (i: number) => void) => { const ts: number[] = []; for (let i = 0; i < 400; i++) ts.push(cpu(() => fn(i))); const s = summarize(ts.slice(100)); console.log(label.padEnd(20), s.p50.toFixed(3), s.p95.toFixed(3)) }
const rooms = listVacantRooms(db)
const prefs = Array.from({ length: 400 }, (_, i) => listActivePreferences(db, 1 + ((i * 7919) % n)).map(toPreferenceFact))
m('vacant', () => listVacantRooms(db))
m('prefs', (i) => listActivePreferences(db, 1 + ((i * 7919) % n)))
m('suggestRooms', (i) => suggestRooms(prefs[i], rooms, null, 8))
core.close()
