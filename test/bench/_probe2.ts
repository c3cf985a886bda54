import fs from 'node:fs'
import { createCore } from '../../electron/core/core'
import { listVacantRooms } from '../../electron/core/rooms/room.repository'
import { listActivePreferences, toPreferenceFact } from '../../electron/core/guests/guest.repository'
import { suggestRooms } from '../../electron/core/rooms/room-suggestion'
import { buildGuestCard } from '../../electron/core/guests/guest.card'
import { findGuest } from '../../electron/core/guests/guest.repository'
import { summarize, time } from './stats'
const meta = JSON.parse(fs.readFileSync('/tmp/bench-probe/h.json', 'utf8'))
const core = createCore({ file: '/tmp/bench-probe/h.db' })
const m = (label: string, n: number, fn: (i: number) => void) => {
  const t: number[] = []; for (let i = 0; i < n; i++) t.push(time(() => fn(i)))
  const s = summarize(t.slice(n / 5)); console.log(label.padEnd(30), s.p50.toFixed(3), s.p95.toFixed(3))
}
const db = core.sqlite
m('vacant rooms', 300, () => listVacantRooms(db))
const rooms = listVacantRooms(db)
const prefs = (i: number) => listActivePreferences(db, 1 + (i * 37) % 20000).map(toPreferenceFact)
m('prefs', 300, (i) => prefs(i))
m('suggestRooms', 300, (i) => suggestRooms(prefs(i), rooms, null, 8))
m('card build (no audit)', 300, (i) => buildGuestCard(db, findGuest(db, 1 + (i * 37) % 20000)!, new Date()))
const ins = db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)')
m('commit (1 insert, FULL)', 300, (i) => ins.run('k' + i + Math.random(), 'v'))
m('guest.card op', 300, (i) => core.callAs(meta.desk, 'guest.card', { guestId: 1 + (i * 37) % 20000 }))
core.close()
