import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../../electron/core/events'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { queryKeysFor } from '../../src/api/event-queries'
import { desktopNoticeState, escalationConcerns } from '../../src/features/promises/escalation-alerts'

const prompt = { id: 5, guestId: 12, department: 'restaurant_chinese', parentDepartment: 'restaurant', status: 'open' } as PromptView
const event = (name: CoreEvent['name'], payload: unknown) => ({ id: 1, name, payload }) as CoreEvent
const covers = (prefix: readonly unknown[], key: readonly unknown[]) => prefix.every((part, i) => part === key[i])
const touched = (e: CoreEvent, key: readonly unknown[]) => queryKeysFor(e).some((prefix) => covers(prefix, key))

describe('who hears of an escalation', () => {
  it('managers for the lead and the duty manager; guest relations only when a step names them; never department staff', () => {
    expect(escalationConcerns('manager', ['lead'])).toBe(true)
    expect(escalationConcerns('department_lead', ['lead'])).toBe(true)
    expect(escalationConcerns('department_lead', ['duty_manager'])).toBe(false)
    expect(escalationConcerns('department', ['lead'])).toBe(false)
    expect(escalationConcerns('admin', ['duty_manager'])).toBe(true)
    expect(escalationConcerns('manager', ['guest_relations'])).toBe(false)
    expect(escalationConcerns('guest_relations', ['lead'])).toBe(false)
    expect(escalationConcerns('guest_relations', ['guest_relations'])).toBe(true)
    expect(escalationConcerns('department', ['lead', 'duty_manager'])).toBe(false)
  })

  it('asks for desktop notices once, and falls back to the page’s own notice', () => {
    expect(desktopNoticeState(undefined, false)).toBe('page-only')
    expect(desktopNoticeState({ permission: 'default' }, false)).toBe('ask')
    expect(desktopNoticeState({ permission: 'default' }, true)).toBe('page-only')
    expect(desktopNoticeState({ permission: 'denied' }, false)).toBe('page-only')
    expect(desktopNoticeState({ permission: 'granted' }, true)).toBe('granted')
  })
})

describe('which screens escalations and declines refetch', () => {
  it('an escalation: the escalations page and the boards of the outlet and its department', () => {
    const e = event('prompt.escalated', { prompt, notify: ['lead'], level: 1 })
    expect(touched(e, ['escalations'])).toBe(true)
    expect(touched(e, ['board', 'restaurant_chinese', 'open', {}])).toBe(true)
    expect(touched(e, ['board', 'restaurant', 'open', { floor: 10 }])).toBe(true)
    expect(touched(e, ['board', 'housekeeping', 'open', {}])).toBe(false)
  })

  it('an acknowledged prompt leaves the escalations; a declined one joins guest relations’ queue', () => {
    expect(touched(event('prompt.updated', { prompt: { ...prompt, status: 'acknowledged' } }), ['escalations'])).toBe(true)
    expect(touched(event('prompt.updated', { prompt: { ...prompt, status: 'declined' } }), ['declined'])).toBe(true)
    expect(touched(event('prompt.updated', { prompt: { ...prompt, status: 'done' } }), ['declined'])).toBe(false)
  })
})
