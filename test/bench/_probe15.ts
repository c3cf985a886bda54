import assert from 'node:assert/strict'
import { suggestRooms } from '../../electron/core/rooms/room-suggestion'
import { facings } from '../../electron/core/rooms/room'
import { Random } from './random'
const r = new Random(5)
const collator = new Intl.Collator('en', { numeric: true })
for (let t = 0; t < 3000; t++) {
  const n = r.int(0, 60)
  const numbers = r.sample(Array.from({ length: 400 }, (_, i) => String(100 + i)), n)
  const rooms = numbers.map((number, id) => ({ id, number, floor: Math.floor(Number(number) / 100), facing: r.pick(facings), view: r.pick(['river', 'city', null]), bed: r.pick(['king', 'twin']), features: r.chance(0.5) ? ['quiet'] : [] }))
  const prefs = Array.from({ length: r.int(0, 4) }, (_, id) => ({ id, category: 'room', code: r.pick(['floor', 'facing', 'view', 'bed', 'quiet']), value: r.pick(['1', '2', 'S', 'N', 'river', 'king', 'yes']), strength: r.pick(['required', 'preferred', 'avoid', 'never'] as const), scope: 'always' as const, stayId: null }))
  const limit = r.int(0, 10)
  const got = suggestRooms(prefs, rooms, null, limit)
  // the previous implementation: score, full stable sort, slice
  const all = suggestRooms(prefs, rooms, null, 10_000)
  const expected = [...all].sort((a, b) => b.score - a.score || a.room.number.localeCompare(b.room.number, 'en', { numeric: true })).slice(0, limit)
  assert.deepEqual(got, expected)
}
console.log('same as full sort on 3000 random cases')
