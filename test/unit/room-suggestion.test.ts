import { describe, expect, it } from 'vitest'
import { strengths, type PreferenceFact } from '../../electron/core/guests/preference'
import type { RoomFacts } from '../../electron/core/rooms/room'
import { scoreRoom, suggestRooms } from '../../electron/core/rooms/room-suggestion'

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
const room = (number: string, facing: string, features: string[] = [], bed = 'king'): RoomFacts => ({
  id: Number(number),
  number,
  floor: Math.floor(Number(number) / 100),
  facing,
  view: facing === 'S' ? 'river' : 'city',
  bed,
  features,
})

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
