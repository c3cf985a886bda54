import { describe, expect, it } from 'vitest'
import { replacingRule, ruleSwitchState, withRoomWords } from '../../src/features/rules/rule-status'
import type { RuleView } from '../../src/features/rules/rule-types'

let next = 1
function rule(over: Partial<RuleView>): RuleView {
  return {
    id: next++, key: `r${next}`, active: true, position: next, builtin: false, updatedAt: null,
    kind: 'task', trigger: 'check_in', offsetDays: null, atTime: null, category: 'access', code: 'hearing', value: null, polarity: 'wanted',
    conditions: {}, department: 'housekeeping', priority: 'normal', ackMinutes: null, dueMinutes: 30,
    template: { en: 'Visual alarm in {room}', zh: '{room}放置可视警报' },
    ...over,
  }
}

describe('what a rule’s switch says', () => {
  it('a switched-off rule says Off, not On', () => {
    const off = rule({ active: false })
    expect(ruleSwitchState(off, [off])).toEqual({ state: 'off' })
    expect(ruleSwitchState(rule({}), [])).toEqual({ state: 'on' })
  })

  it('a built-in switched off for the hotel’s own rule for the same need says which rule replaced it', () => {
    const builtin = rule({ builtin: true, active: false, key: 'builtin-hearing-kit', trigger: 'pre_arrival' })
    const demo = rule({ key: 'hearing-alarm', template: { en: 'Put the visual alarm kit in {room}', zh: '在{room}放置可视警报套件' } })
    const other = rule({ code: 'mobility' })
    expect(replacingRule(builtin, [other, builtin, demo])).toBe(demo)
    expect(ruleSwitchState(builtin, [other, builtin, demo])).toEqual({ state: 'replaced', by: demo })
  })

  it('two built-ins for one need each name their own replacement: same trigger and kind first', () => {
    const kit = rule({ builtin: true, active: false, trigger: 'pre_arrival', kind: 'task' })
    const door = rule({ builtin: true, active: false, trigger: 'check_in', kind: 'standing' })
    const demoDoor = rule({ trigger: 'check_in', kind: 'standing' })
    const demoKit = rule({ trigger: 'pre_arrival', kind: 'task' })
    const all = [kit, door, demoDoor, demoKit]
    expect(replacingRule(kit, all)).toBe(demoKit)
    expect(replacingRule(door, all)).toBe(demoDoor)
  })

  it('a built-in switched off by hand, or whose look-alike is off or for another department, is only Off', () => {
    const builtin = rule({ builtin: true, active: false })
    expect(ruleSwitchState(builtin, [builtin, rule({ active: false })])).toEqual({ state: 'off' })
    expect(ruleSwitchState(builtin, [builtin, rule({ department: 'security' })])).toEqual({ state: 'off' })
    expect(ruleSwitchState(builtin, [builtin, rule({ builtin: true })])).toEqual({ state: 'off' })
  })
})

describe('a preview for a guest with no room yet', () => {
  it('says so where the template names the room, in either language', () => {
    expect(withRoomWords('Visual alarm in —', 'Visual alarm in {room}', null, '(no room yet)')).toBe('Visual alarm in (no room yet)')
    expect(withRoomWords('—放置可视警报', '{room}放置可视警报', null, '（未排房）')).toBe('（未排房）放置可视警报')
  })

  it('leaves the text alone when there is a room, no {room}, or a dash of the template’s own', () => {
    expect(withRoomWords('Visual alarm in 1203', 'Visual alarm in {room}', '1203', 'x')).toBe('Visual alarm in 1203')
    expect(withRoomWords('Tea — green', 'Tea — {value}', null, 'x')).toBe('Tea — green')
    expect(withRoomWords('Tea — in —', 'Tea — in {room}', null, 'x')).toBe('Tea — in —')
  })
})
