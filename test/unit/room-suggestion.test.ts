import { describe, expect, it } from 'vitest'
import type { PreferenceFact } from '../../electron/core/guests/preference'
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
})
