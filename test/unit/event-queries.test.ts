import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../../electron/core/events'
import type { ObservationView } from '../../electron/core/observations/observation.view'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { queryKeysFor } from '../../src/api/event-queries'

const prompt = { id: 5, guestId: 12, stayId: 3, department: 'housekeeping', status: 'open' } as PromptView
const observation = (status: ObservationView['status']) => ({ id: 8, guestId: 12, department: 'restaurant', staffId: 4, status }) as ObservationView
const event = (name: CoreEvent['name'], payload: unknown) => ({ id: 1, name, payload }) as CoreEvent

/** True when invalidating `prefix` refetches a query keyed `key` (TanStack matches by prefix). */
const covers = (prefix: readonly unknown[], key: readonly unknown[]) => prefix.every((part, i) => part === key[i])
const touched = (e: CoreEvent, key: readonly unknown[]) => queryKeysFor(e).some((prefix) => covers(prefix, key))

describe('which screens an event refetches', () => {
  it('a prompt: that department’s board, open and closed, and the guest’s card; not other boards', () => {
    for (const name of ['prompt.created', 'prompt.updated'] as const) {
      const e = event(name, { prompt })
      expect(touched(e, ['board', 'housekeeping', 'open'])).toBe(true)
      expect(touched(e, ['board', 'housekeeping', 'closed'])).toBe(true)
      expect(touched(e, ['card', 12])).toBe(true)
      expect(touched(e, ['board', 'restaurant', 'open'])).toBe(false)
      expect(touched(e, ['card', 13])).toBe(false)
    }
  })

  it('an observation: the inbox, my observations, the guest’s observations and card', () => {
    const e = event('observation.created', { observation: observation('new') })
    for (const key of [['observations', 'inbox', 'new'], ['observations', 'mine'], ['observations', 12], ['card', 12]]) expect(touched(e, key), String(key)).toBe(true)
    // A new report changes no preference yet.
    expect(touched(e, ['suggest', 3])).toBe(false)
    expect(touched(e, ['history', 12])).toBe(false)
  })

  it('an accepted or merged observation also changes the profile: history, desk lists and room ranking', () => {
    for (const status of ['accepted', 'merged'] as const) {
      const e = event('observation.updated', { observation: observation(status) })
      for (const key of [['history', 12], ['arrivals'], ['in-house'], ['suggest', 3], ['observations', 'inbox', status]]) expect(touched(e, key), `${status} ${key}`).toBe(true)
    }
    expect(touched(event('observation.updated', { observation: observation('rejected') }), ['suggest', 3])).toBe(false)
  })

  it('a stay change: the desk’s lists, search, in-house lookups, the guest’s card, every room suggestion and the boards', () => {
    const e = event('stay.changed', { stayId: 3, guestId: 12, status: 'in_house', roomNumber: '1001' })
    for (const key of [['arrivals'], ['in-house'], ['search', 'wong'], ['in-house-lookup', '10'], ['card', 12], ['suggest', 99], ['board', 'restaurant', 'open']]) {
      expect(touched(e, key), String(key)).toBe(true)
    }
    expect(touched(e, ['card', 13])).toBe(false)
    expect(touched(e, ['session'])).toBe(false)
  })

  it('a room cleaned or blocked refreshes the housekeeping board’s rooms and every ranking, and no guest’s card', () => {
    const e = event('room.changed', { roomNumber: '1001', housekeeping: 'clean', block: null })
    expect(touched(e, ['board', 'rooms'])).toBe(true)
    expect(touched(e, ['suggest', 7])).toBe(true)
    expect(touched(e, ['card', 12])).toBe(false)
    expect(touched(e, ['arrivals'])).toBe(false)
  })

  it('a PMS report imported by the watch folder refreshes the recent imports list', () => {
    const e = event('pms.imported', { importId: 4, kind: 'arrivals', fileName: 'arrivals.csv', status: 'applied' })
    expect(touched(e, ['pms-imports'])).toBe(true)
    expect(touched(e, ['board', 'rooms'])).toBe(false)
  })

  it('an event it does not know touches nothing (the stream’s `ready`, or a newer hub’s news)', () => {
    expect(queryKeysFor(event('ready' as CoreEvent['name'], {}))).toEqual([])
  })
})
