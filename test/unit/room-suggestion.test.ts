import { describe, expect, it } from 'vitest'
import { strengths, type PreferenceFact } from '../../electron/core/guests/preference'
import { facings } from '../../electron/core/rooms/room'
import type { RoomFacts } from '../../electron/core/rooms/room'
import { scoreRoom, suggestRooms as rank, type CandidateRoom } from '../../electron/core/rooms/room-suggestion'
import type { GuestContext } from '../../electron/core/rooms/room-house-rules'

let nextId = 1
const pref = (category: string, code: string, value: string, strength: PreferenceFact['strength'] = 'preferred', scope: PreferenceFact['scope'] = 'always', stayId: number | null = null): PreferenceFact => ({
  id: nextId++,
  category,
  code,
  value,
  strength,
  scope,
  stayId,
})
const room = (number: string, facing: string, features: string[] = [], bed = 'king', roomType = ''): RoomFacts => ({
  id: Number(number),
  number,
  floor: Math.floor(Number(number) / 100),
  facing,
  view: facing === 'S' ? 'river' : 'city',
  bed,
  features,
  roomType,
})
const clean = (r: RoomFacts): CandidateRoom => ({ room: r, housekeeping: 'clean', outOfService: false })
/** The ranking of clean rooms with no guest context: the wishes alone. */
const suggestRooms = (prefs: PreferenceFact[], rooms: RoomFacts[], stayId: number | null, limit = 8) => rank({ preferences: prefs, rooms: rooms.map(clean), stayId, limit })

const rooms = [room('1001', 'S'), room('1008', 'W'), room('904', 'S'), room('1014', 'N'), room('1208', 'W', ['visual_alarm']), room('1018', 'E')]

describe('room suggestion', () => {
  it('puts a 10th-floor south-facing room first for the Macau guest', () => {
    const prefs = [pref('room', 'floor', '10'), pref('room', 'facing', 'S'), pref('food', 'cuisine', 'sichuan')]
    const [top] = suggestRooms(prefs, rooms, 1)
    expect(top.room.number).toBe('1001')
    expect(top.reasons.map((r) => [r.code, r.outcome])).toEqual([
      ['floor', 'match'],
      ['facing', 'match'],
    ])
  })

  it('explains what a room misses, not only what it has', () => {
    const prefs = [pref('room', 'floor', '10'), pref('room', 'facing', 'S')]
    const scored = scoreRoom(room('1014', 'N'), prefs)
    expect(scored.reasons.find((r) => r.code === 'facing')).toMatchObject({ outcome: 'miss', actual: 'N', wanted: 'S' })
  })

  it('counts an adjacent floor and facing as near, between a match and a miss', () => {
    const prefs = [pref('room', 'floor', '10')]
    const near = scoreRoom(room('904', 'S'), prefs)
    expect(near.reasons[0].outcome).toBe('near')
    expect(near.score).toBeGreaterThan(scoreRoom(room('1401', 'S'), prefs).score)
    expect(near.score).toBeLessThan(scoreRoom(room('1001', 'S'), prefs).score)
  })

  it('ranks Mr Zhuang’s west-facing room with a lucky 8 and a visual-alarm kit first, and avoids 4', () => {
    const prefs = [
      pref('room', 'facing', 'W'),
      pref('number', 'lucky', '8'),
      pref('number', 'unlucky', '4', 'avoid'),
      pref('access', 'hearing', 'hard_of_hearing', 'required'),
    ]
    const ranked = suggestRooms(prefs, rooms, 1)
    expect(ranked[0].room.number).toBe('1208')
    expect(ranked[0].reasons.every((r) => r.outcome === 'match')).toBe(true)
    const withFour = ranked.find((s) => s.room.number === '1014')!
    expect(withFour.reasons.find((r) => r.code === 'unlucky')!.outcome).toBe('conflict')
    expect(ranked.indexOf(withFour)).toBe(ranked.length - 1)
  })

  it('lets a required need outweigh several preferences', () => {
    const prefs = [pref('access', 'hearing', 'hard_of_hearing', 'required'), pref('room', 'facing', 'S'), pref('room', 'floor', '10')]
    expect(suggestRooms(prefs, rooms, 1)[0].room.number).toBe('1208')
  })

  it('ignores a this-stay-only wish on another stay, and honours it on its own stay', () => {
    const prefs = [pref('room', 'facing', 'E', 'preferred', 'stay', 7)]
    expect(suggestRooms(prefs, rooms, 8)[0].reasons).toEqual([])
    expect(suggestRooms(prefs, rooms, 7)[0].room.number).toBe('1018')
  })

  it('is deterministic: equal scores fall back to room number order', () => {
    const ranked = suggestRooms([], rooms, 1, 10)
    expect(ranked.map((s) => s.room.number)).toEqual(['904', '1001', '1008', '1014', '1018', '1208'])
  })

  it('ignores preferences that say nothing about rooms', () => {
    const scored = scoreRoom(room('1001', 'S'), [pref('reading', 'newspaper', 'ft')])
    expect(scored).toMatchObject({ score: 0, reasons: [] })
  })

  it('marks a west-facing room against a guest who avoids west, and the others clear of it, never as a west wish met', () => {
    const avoidsWest = [pref('room', 'facing', 'W', 'avoid')]
    const ranked = suggestRooms(avoidsWest, rooms, 1, 10)
    for (const s of ranked) {
      const facing = s.reasons[0]
      expect(facing).toMatchObject({ code: 'facing', wanted: 'W', strength: 'avoid', polarity: 'unwanted' })
      expect(facing.outcome).toBe(s.room.facing === 'W' ? 'conflict' : 'match')
    }
    expect(ranked.slice(-2).map((s) => s.room.facing)).toEqual(['W', 'W'])
  })

  it('an unlucky number is something to keep away from, whatever strength it was recorded with', () => {
    for (const strength of strengths) {
      const prefs = [pref('number', 'unlucky', '4', strength)]
      expect(scoreRoom(room('1014', 'N'), prefs).reasons[0], strength).toMatchObject({ polarity: 'unwanted', outcome: 'conflict' })
      expect(scoreRoom(room('1014', 'N'), prefs).score, strength).toBeLessThan(0)
      expect(scoreRoom(room('1001', 'S'), prefs).reasons[0], strength).toMatchObject({ polarity: 'unwanted', outcome: 'match' })
    }
  })

  // Every fact a room can have, a room that has it and one that has not.
  const facts: { key: string; value: string; has: RoomFacts; lacks: RoomFacts }[] = [
    { key: 'room.floor', value: '10', has: room('1001', 'S'), lacks: room('1401', 'S') },
    { key: 'room.facing', value: 'W', has: room('1008', 'W'), lacks: room('1014', 'N') },
    { key: 'room.view', value: 'river', has: room('1001', 'S'), lacks: room('1014', 'N') },
    { key: 'room.bed', value: 'twin', has: room('1001', 'S', [], 'twin'), lacks: room('1002', 'S') },
    { key: 'room.quiet', value: 'yes', has: room('1001', 'S', ['quiet']), lacks: room('1002', 'S') },
    { key: 'room.away_from_lift', value: 'yes', has: room('1001', 'S'), lacks: room('1002', 'S', ['near_lift']) },
    { key: 'room.smoking', value: 'yes', has: room('1001', 'S', ['smoking']), lacks: room('1002', 'S') },
    { key: 'room.smoking', value: 'no', has: room('1002', 'S'), lacks: room('1001', 'S', ['smoking']) },
    { key: 'number.lucky', value: '8', has: room('1008', 'W'), lacks: room('1001', 'S') },
    { key: 'access.hearing', value: 'hard_of_hearing', has: room('1208', 'W', ['visual_alarm']), lacks: room('1001', 'S') },
    { key: 'access.mobility', value: 'wheelchair', has: room('1001', 'S', ['accessible']), lacks: room('1002', 'S') },
  ]
  const expected: Record<PreferenceFact['strength'], { polarity: string; has: string; lacks: string; sign: number }> = {
    required: { polarity: 'wanted', has: 'match', lacks: 'miss', sign: 1 },
    preferred: { polarity: 'wanted', has: 'match', lacks: 'miss', sign: 1 },
    avoid: { polarity: 'unwanted', has: 'conflict', lacks: 'match', sign: -1 },
    never: { polarity: 'unwanted', has: 'conflict', lacks: 'match', sign: -1 },
  }
  for (const fact of facts) {
    for (const strength of strengths) {
      it(`${fact.key}=${fact.value}, ${strength}: a room that has it and one that has not are marked as what they are`, () => {
        const [category, code] = fact.key.split('.')
        const prefs = [pref(category, code, fact.value, strength)]
        const has = scoreRoom(fact.has, prefs)
        const lacks = scoreRoom(fact.lacks, prefs)
        const want = expected[strength]
        expect(has.reasons).toEqual([expect.objectContaining({ polarity: want.polarity, outcome: want.has, strength })])
        expect(lacks.reasons).toEqual([expect.objectContaining({ polarity: want.polarity, outcome: want.lacks, strength })])
        expect(Math.sign(has.score)).toBe(want.sign)
        expect(lacks.score).toBe(0)
      })
    }
  }
})

// Issue 9, "Zhike beside the hotel's PMS": the hotel's own rules, each as the desk would notice it.
describe('room suggestion keeps the hotel’s rules', () => {
  const guest = (over: Partial<GuestContext> = {}): GuestContext => ({ vip: 0, needsAccessible: false, smokes: false, lastRooms: [], ...over })
  // Floors 3–20, ten rooms a floor; 305 accessible, 306–307 smoking, 1808 accessible too.
  const hotel: RoomFacts[] = []
  for (let floor = 3; floor <= 20; floor++) {
    for (let i = 1; i <= 10; i++) {
      const number = `${floor}${String(i).padStart(2, '0')}`
      const features = number === '305' || number === '1808' ? ['accessible'] : number === '306' || number === '307' ? ['smoking'] : []
      hotel.push({ ...room(number, 'S', features), view: null, roomType: i <= 5 ? 'DKN' : 'DTN' })
    }
  }
  const all = hotel.map(clean)
  const numbers = (list: { room: RoomFacts }[]) => list.map((s) => s.room.number)

  it('a guest with no preferences is offered no accessible and no smoking room in the top 8', () => {
    const top = rank({ preferences: [], rooms: all, stayId: 1, guest: guest(), limit: 8 })
    expect(top).toHaveLength(8)
    for (const s of top) {
      expect(s.room.features, s.room.number).not.toContain('accessible')
      expect(s.room.features, s.room.number).not.toContain('smoking')
    }
  })

  it('keeps accessible rooms for guests who need them: a wheelchair user gets one first', () => {
    const needs = [pref('access', 'mobility', 'wheelchair', 'required')]
    const [top] = rank({ preferences: needs, rooms: all, stayId: 1, guest: guest({ needsAccessible: true }) })
    expect(top.room.features).toContain('accessible')
    expect(top.houseRules).toEqual([])
  })

  it('gives a kept room to another guest only when nothing else is ready, and says why', () => {
    const rooms = [clean(hotel.find((r) => r.number === '305')!), { ...clean(hotel.find((r) => r.number === '304')!), housekeeping: 'dirty' as const }]
    const [top] = rank({ preferences: [], rooms, stayId: 1, guest: guest() })
    expect(top).toMatchObject({ readiness: 'ready', room: { number: '305' }, houseRules: [{ code: 'kept_accessible', outcome: 'penalty' }] })
  })

  it('smoking rooms go to smokers', () => {
    const smokes = [pref('room', 'smoking', 'yes', 'preferred')]
    const [top] = rank({ preferences: smokes, rooms: all, stayId: 1, guest: guest({ smokes: true }) })
    expect(top.room.features).toContain('smoking')
  })

  it('a VIP 3 gets a high floor, not an ordinary low-floor room, when high floors are free', () => {
    const top = rank({ preferences: [], rooms: all, stayId: 1, guest: guest({ vip: 3 }), limit: 3 })
    for (const s of top) expect(s.room.floor, s.room.number).toBeGreaterThanOrEqual(15)
    expect(top[0].houseRules).toContainEqual({ code: 'vip_high_floor', outcome: 'bonus', detail: '3' })
    // Without the VIP level the same guest gets the lowest room number, as before.
    expect(rank({ preferences: [], rooms: all, stayId: 1, guest: guest(), limit: 1 })[0].room.floor).toBe(3)
  })

  it('a VIP’s own floor wish beats the VIP high-floor bonus', () => {
    const [top] = rank({ preferences: [pref('room', 'floor', '4')], rooms: all, stayId: 1, guest: guest({ vip: 3 }) })
    expect(top.room.floor).toBe(4)
  })

  it('"high floor" and "low floor" are floor wishes: the top and bottom thirds of the hotel', () => {
    const high = rank({ preferences: [pref('room', 'floor', 'high')], rooms: all, stayId: 1, guest: guest(), limit: 5 })
    for (const s of high) {
      expect(s.room.floor, s.room.number).toBeGreaterThanOrEqual(15)
      expect(s.reasons).toEqual([expect.objectContaining({ code: 'floor', wanted: 'high', outcome: 'match' })])
    }
    const low = rank({ preferences: [pref('room', 'floor', 'low', 'required')], rooms: all.filter((c) => c.room.floor > 4), stayId: 1, guest: guest(), limit: 1 })
    expect(low[0].room.floor).toBe(5)
    expect(low[0].reasons[0]).toMatchObject({ wanted: 'low', outcome: 'match', actual: '5' })
    const midRoom = scoreRoom(room('1001', 'S'), [pref('room', 'floor', 'high')])
    expect(midRoom.reasons[0].outcome).toBe('miss')
  })

  it('the same room as last time earns a bonus and a reason', () => {
    const [top] = rank({ preferences: [], rooms: all, stayId: 1, guest: guest({ lastRooms: ['1203', '905'] }) })
    expect(top.room.number).toBe('1203')
    expect(top.houseRules).toEqual([{ code: 'same_room', outcome: 'bonus' }])
    const second = rank({ preferences: [], rooms: all, stayId: 1, guest: guest({ lastRooms: ['1203', '905'] }), limit: 2 })[1]
    expect(second).toMatchObject({ room: { number: '905' }, houseRules: [{ code: 'stayed_before', outcome: 'bonus' }] })
  })

  it('a guest who asks for the same room as last time sees it as a wish met', () => {
    const [top] = rank({ preferences: [pref('room', 'same_room', 'yes')], rooms: all, stayId: 1, guest: guest({ lastRooms: ['1707'] }) })
    expect(top.room.number).toBe('1707')
    expect(top.reasons).toEqual([expect.objectContaining({ code: 'same_room', outcome: 'match' })])
  })

  it('a room checked out a second ago (dirty) is not offered as ready; it is shown apart as not ready', () => {
    const rooms = all.map((c) => (c.room.number === '301' ? { ...c, housekeeping: 'dirty' as const } : c))
    const list = rank({ preferences: [], rooms, stayId: 1, guest: guest(), limit: 8 })
    const ready = list.filter((s) => s.readiness === 'ready')
    expect(numbers(ready)).not.toContain('301')
    expect(list.find((s) => s.room.number === '301')).toMatchObject({ readiness: 'not_ready', housekeeping: 'dirty' })
    // Pick-up too; inspected is ready.
    const pickup = rank({ preferences: [], rooms: [{ ...all[0], housekeeping: 'pickup' }, { ...all[1], housekeeping: 'inspected' }], stayId: 1 })
    expect(pickup.map((s) => [s.room.number, s.readiness])).toEqual([['302', 'ready'], ['301', 'not_ready']])
  })

  it('offers only rooms of the booked type as ready; others are "different type"', () => {
    const list = rank({ preferences: [], rooms: all, stayId: 1, bookedType: 'DTN', guest: guest(), limit: 8, othersPerKind: 2 })
    const ready = list.filter((s) => s.readiness === 'ready')
    expect(ready).toHaveLength(8)
    for (const s of ready) expect(s.roomType, s.room.number).toBe('DTN')
    expect(list.filter((s) => s.readiness === 'different_type').map((s) => s.roomType)).toEqual(['DKN', 'DKN'])
  })

  it('offers out-of-service rooms last, marked', () => {
    const rooms = all.map((c) => (c.room.number === '301' ? { ...c, outOfService: true } : c))
    const list = rank({ preferences: [], rooms, stayId: 1, guest: guest(), limit: 3 })
    expect(list.map((s) => [s.room.number, s.readiness])).toEqual([
      ['302', 'ready'],
      ['303', 'ready'],
      ['304', 'ready'],
      ['301', 'out_of_service'],
    ])
  })

  it('puts the room pre-assigned to the stay first', () => {
    const [top] = rank({ preferences: [pref('room', 'floor', '3')], rooms: all, stayId: 1, guest: guest(), assignedRoomId: 1909 })
    expect(top).toMatchObject({ room: { number: '1909' }, houseRules: [{ code: 'pre_assigned', outcome: 'bonus' }] })
  })

  // Its speed is a budget of `npm run bench` (room.suggest), not of a timed test.
  it('ranks 800 rooms of a tower: the room of last time first, then high south rooms of the booked type', () => {
    const many: CandidateRoom[] = []
    for (let floor = 3; floor <= 42; floor++) for (let i = 1; i <= 20; i++) many.push(clean({ ...room(`${floor}${String(i).padStart(2, '0')}`, facings[i % 8]), roomType: i % 2 ? 'DKN' : 'DTN' }))
    const prefs = [pref('room', 'floor', 'high'), pref('room', 'facing', 'S'), pref('number', 'unlucky', '4', 'avoid')]
    const ranked = rank({ preferences: prefs, rooms: many, stayId: 1, bookedType: 'DKN', guest: guest({ vip: 2, lastRooms: ['1203'] }) })
    expect(ranked.length).toBeGreaterThan(0)
    expect(ranked[0].room.number).toBe('1203')
    expect(ranked[1].room).toMatchObject({ roomType: 'DKN', facing: expect.stringContaining('S') })
    expect(ranked[1].room.floor).toBeGreaterThanOrEqual(20)
  })
})
