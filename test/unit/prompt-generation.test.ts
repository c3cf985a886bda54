import { describe, expect, it } from 'vitest'
import type { PreferenceFact } from '../../electron/core/guests/preference'
import { generatePrompts, renderTemplate, type PromptSituation, type RuleFacts } from '../../electron/core/prompts/prompt-generation'

const now = new Date('2026-11-23T06:00:00.000Z')
const rule = (id: number, category: string | null, code: string | null, value: string | null, department: string, en: string, zh: string, extra: Partial<RuleFacts> = {}): RuleFacts => ({
  id,
  kind: 'task',
  trigger: 'check_in',
  ackMinutes: null,
  conditions: {},
  offsetDays: null,
  atTime: null,
  position: id,
  category,
  code,
  value,
  department,
  priority: 'normal',
  dueMinutes: 30,
  template: { en, zh },
  polarity: 'wanted',
  ...extra,
})
const pref = (id: number, category: string, code: string, value: string, extra: Partial<PreferenceFact> = {}): PreferenceFact => ({
  id,
  category,
  code,
  value,
  strength: 'preferred',
  scope: 'always',
  stayId: null,
  ...extra,
})

const rules = [
  rule(1, 'reading', 'periodical', 'mainland_advertising', 'housekeeping', 'Place the latest mainland advertising periodicals in room {room}.', '在{room}房间放置最新的内地广告类期刊。'),
  rule(2, 'food', 'cuisine', 'sichuan', 'restaurant', 'Recommend Sichuan dishes to {guest} (room {room}).', '向{guest}推荐川菜（{room}房）。'),
  rule(3, 'amenity', 'flowers', null, 'housekeeping', 'Place fresh {value} flowers in room {room}.', '在{room}房间摆放新鲜的{value}。'),
  rule(4, 'food', 'allergy', null, 'restaurant', 'ALLERGY: {guest} must not be served {value}.', '过敏：不可为{guest}提供{value}。', { priority: 'urgent', trigger: 'reservation', polarity: 'any' }),
]

function situation(overrides: Partial<PromptSituation> = {}): PromptSituation {
  return {
    guestName: { en: 'Mr HO Ka Chun', zh: '何家俊先生' },
    stayId: 42,
    roomNumber: '1004',
    preferences: [pref(10, 'reading', 'periodical', 'mainland_advertising'), pref(11, 'food', 'cuisine', 'sichuan'), pref(12, 'food', 'cuisine', 'cantonese')],
    rules,
    trigger: 'check_in',
    now,
    ackMinutes: { housekeeping: 45, restaurant: 20 },
    valueLabel: (_c, _k, value, lang) => (value === 'orchid' ? (lang === 'en' ? 'orchid' : '兰花') : value),
    facts: { vip: 0, languages: ['zh'], nationality: 'MO', previousStays: 2, arrival: '2026-11-23', departure: '2026-11-26', occasionDates: { birthday: ['12-24'], anniversary: [] } },
    arrivalAt: new Date('2026-11-23T06:00:00.000Z'),
    departureAt: new Date('2026-11-26T04:00:00.000Z'),
    words: { arrival: { en: '23 Nov 14:00', zh: '11月23日 14:00' }, departure: { en: '26 Nov 12:00', zh: '11月26日 12:00' }, date: (d) => d },
    ...overrides,
  }
}

describe('prompt generation', () => {
  it('gives the Macau guest a housekeeping and a restaurant prompt naming his room', () => {
    const drafts = generatePrompts(situation())
    expect(drafts.map((d) => [d.department, d.text.en])).toEqual([
      ['housekeeping', 'Place the latest mainland advertising periodicals in room 1004.'],
      ['restaurant', 'Recommend Sichuan dishes to Mr HO Ka Chun (room 1004).'],
    ])
    expect(drafts[1].text.zh).toBe('向何家俊先生推荐川菜（1004房）。')
  })

  it('says the room is to be assigned, in each language, for a stay with no room yet, never a dash', () => {
    const drafts = generatePrompts(situation({ roomNumber: null }))
    expect(drafts[0].text.en).toBe('Place the latest mainland advertising periodicals in room TBA.')
    expect(drafts[1].text.en).toBe('Recommend Sichuan dishes to Mr HO Ka Chun (room TBA).')
    expect(drafts[1].text.zh).toBe('向何家俊先生推荐川菜（待定房）。')
    expect(drafts.every((d) => !d.text.en.includes('—') && !d.text.zh.includes('—'))).toBe(true)
  })

  it('links each prompt to the rule and preference that caused it, with a stable key', () => {
    const drafts = generatePrompts(situation())
    expect(drafts[0]).toMatchObject({ ruleId: 1, preferenceId: 10, dedupeKey: '42:1:reading.periodical=mainland_advertising' })
    expect(generatePrompts(situation()).map((d) => d.dedupeKey)).toEqual(drafts.map((d) => d.dedupeKey))
  })

  it('sets the due time from the rule and the acknowledge promise from the department, never after the due time', () => {
    const [housekeeping, restaurant] = generatePrompts(situation())
    expect(housekeeping.dueAt.toISOString()).toBe('2026-11-23T06:30:00.000Z')
    // Housekeeping promises to acknowledge in 45 minutes, but the work is due in 30.
    expect(housekeeping.escalateAt.toISOString()).toBe('2026-11-23T06:30:00.000Z')
    expect(restaurant.escalateAt.toISOString()).toBe('2026-11-23T06:20:00.000Z')
  })

  it('fills {value} with the label in each language for any-value rules', () => {
    const drafts = generatePrompts(situation({ preferences: [pref(20, 'amenity', 'flowers', 'orchid')] }))
    expect(drafts[0].text).toEqual({ en: 'Place fresh orchid flowers in room 1004.', zh: '在1004房间摆放新鲜的兰花。' })
  })

  it('only uses rules for the trigger at hand, urgent ones first', () => {
    const prefs = [pref(30, 'food', 'allergy', 'peanut', { strength: 'never' }), pref(31, 'food', 'cuisine', 'sichuan')]
    const atReservation = generatePrompts(situation({ trigger: 'reservation', roomNumber: null, preferences: prefs }))
    expect(atReservation).toHaveLength(1)
    expect(atReservation[0]).toMatchObject({ priority: 'urgent', department: 'restaurant' })
    expect(atReservation[0].text.en).toBe('ALLERGY: Mr HO Ka Chun must not be served peanut.')
  })

  it('skips a this-stay-only preference made for another stay', () => {
    const prefs = [pref(40, 'food', 'cuisine', 'sichuan', { scope: 'stay', stayId: 41 })]
    expect(generatePrompts(situation({ preferences: prefs }))).toEqual([])
    expect(generatePrompts(situation({ preferences: prefs, stayId: 41 }))).toHaveLength(1)
  })

  it('leaves an unknown placeholder visible so a manager notices the broken template', () => {
    expect(renderTemplate('Hello {guest}, {unknown}', { guest: 'Ann' })).toBe('Hello Ann, {unknown}')
  })

  it('never sends what the guest avoids: "never lilies" gives no flowers prompt, an allergy alert still fires', () => {
    const preferences = [
      pref(20, 'amenity', 'flowers', 'lily', { strength: 'never' }),
      pref(21, 'amenity', 'flowers', 'orchid', { strength: 'preferred' }),
      pref(22, 'food', 'allergy', 'peanut', { strength: 'never' }),
    ]
    const atCheckIn = generatePrompts(situation({ preferences }))
    expect(atCheckIn.map((d) => d.preferenceId)).toEqual([21])
    expect(atCheckIn[0].text.en).toBe('Place fresh orchid flowers in room 1004.')
    const atReservation = generatePrompts(situation({ preferences, trigger: 'reservation' }))
    expect(atReservation.map((d) => d.preferenceId)).toEqual([22])
  })

  it('lets a rule fire for avoided preferences only', () => {
    const avoid = rule(9, 'food', 'dislike', null, 'restaurant', 'Leave out {value} for {guest}.', '{guest}忌口：{value}。', { polarity: 'unwanted' })
    const preferences = [pref(30, 'food', 'dislike', 'coriander', { strength: 'avoid' }), pref(31, 'food', 'dislike', 'garlic', { strength: 'preferred' })]
    expect(generatePrompts(situation({ rules: [avoid], preferences })).map((d) => d.preferenceId)).toEqual([30])
  })
})
