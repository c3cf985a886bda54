import { describe, expect, it } from 'vitest'
import type { PreferenceFact } from '../../electron/core/guests/preference'
import { generatePrompts, renderTemplate, ruleMatchesPreference, unknownPlaceholders, type PromptSituation, type RuleFacts } from '../../electron/core/prompts/prompt-generation'
import { conditionsHold, occasionDuringStay, type GuestStayFacts } from '../../electron/core/rules/rule-conditions'

/* Rule matching and template rendering, pure: conditions on the guest and the stay, preference matching, placeholders. */

const facts = (extra: Partial<GuestStayFacts> = {}): GuestStayFacts => ({
  vip: 0,
  languages: ['zh', 'en'],
  nationality: 'CN',
  previousStays: 0,
  arrival: '2026-12-22',
  departure: '2026-12-24',
  occasionDates: { birthday: [], anniversary: [] },
  ...extra,
})

const rule = (extra: Partial<RuleFacts> = {}): RuleFacts => ({
  id: 7,
  kind: 'task',
  trigger: 'check_in',
  category: 'food',
  code: null,
  value: null,
  department: 'restaurant',
  priority: 'normal',
  ackMinutes: null,
  dueMinutes: 30,
  template: { en: 'For {guest}: {value}.', zh: '{guest}：{value}。' },
  polarity: 'wanted',
  conditions: {},
  offsetDays: null,
  atTime: null,
  position: 1,
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

describe('conditionsHold', () => {
  it('no conditions: every guest', () => {
    expect(conditionsHold({}, facts())).toBe(true)
  })

  it('vipMin: the guest’s level is at least the minimum', () => {
    expect(conditionsHold({ vipMin: 3 }, facts({ vip: 2 }))).toBe(false)
    expect(conditionsHold({ vipMin: 3 }, facts({ vip: 3 }))).toBe(true)
    expect(conditionsHold({ vipMin: 1 }, facts({ vip: 0 }))).toBe(false)
  })

  it('languages: the guest speaks one of them', () => {
    expect(conditionsHold({ languages: ['ja', 'ko'] }, facts())).toBe(false)
    expect(conditionsHold({ languages: ['ja', 'en'] }, facts())).toBe(true)
    expect(conditionsHold({ languages: ['en'] }, facts({ languages: [] }))).toBe(false)
  })

  it('nationalities: one of them, whatever the case stored; a guest without one matches none', () => {
    expect(conditionsHold({ nationalities: ['JP'] }, facts({ nationality: 'jp' }))).toBe(true)
    expect(conditionsHold({ nationalities: ['JP', 'DE'] }, facts({ nationality: 'CN' }))).toBe(false)
    expect(conditionsHold({ nationalities: ['CN'] }, facts({ nationality: null }))).toBe(false)
  })

  it('visit: first stay or returning guest', () => {
    expect(conditionsHold({ visit: 'first' }, facts({ previousStays: 0 }))).toBe(true)
    expect(conditionsHold({ visit: 'first' }, facts({ previousStays: 1 }))).toBe(false)
    expect(conditionsHold({ visit: 'returning' }, facts({ previousStays: 0 }))).toBe(false)
    expect(conditionsHold({ visit: 'returning' }, facts({ previousStays: 4 }))).toBe(true)
  })

  it('occasion: a birthday on the arrival day, in the middle or on the departure day counts; the day after does not', () => {
    const stay = { arrival: '2026-12-22', departure: '2026-12-24' }
    for (const day of ['12-22', '12-23', '12-24']) {
      expect(conditionsHold({ occasion: 'birthday' }, facts({ ...stay, occasionDates: { birthday: [day], anniversary: [] } }))).toBe(true)
    }
    expect(conditionsHold({ occasion: 'birthday' }, facts({ ...stay, occasionDates: { birthday: ['12-25'], anniversary: [] } }))).toBe(false)
    expect(conditionsHold({ occasion: 'birthday' }, facts({ ...stay, occasionDates: { birthday: ['12-21'], anniversary: [] } }))).toBe(false)
    // A birthday is not an anniversary.
    expect(conditionsHold({ occasion: 'anniversary' }, facts({ ...stay, occasionDates: { birthday: ['12-23'], anniversary: [] } }))).toBe(false)
    expect(conditionsHold({ occasion: 'anniversary' }, facts({ ...stay, occasionDates: { birthday: [], anniversary: ['12-23'] } }))).toBe(true)
  })

  it('occasion: a stay across the new year finds 1 January', () => {
    expect(occasionDuringStay('01-01', '2026-12-30', '2027-01-02')).toBe('2027-01-01')
    expect(conditionsHold({ occasion: 'birthday' }, facts({ arrival: '2026-12-30', departure: '2027-01-02', occasionDates: { birthday: ['01-01'], anniversary: [] } }))).toBe(true)
    expect(occasionDuringStay('05-10', '2026-12-30', '2027-01-02')).toBeNull()
  })

  it('minNights and maxNights bound the length of stay, both included', () => {
    const twoNights = facts({ arrival: '2026-12-22', departure: '2026-12-24' })
    expect(conditionsHold({ minNights: 2 }, twoNights)).toBe(true)
    expect(conditionsHold({ minNights: 3 }, twoNights)).toBe(false)
    expect(conditionsHold({ maxNights: 2 }, twoNights)).toBe(true)
    expect(conditionsHold({ maxNights: 1 }, twoNights)).toBe(false)
    expect(conditionsHold({ minNights: 7, maxNights: 30 }, facts({ arrival: '2026-12-01', departure: '2026-12-15' }))).toBe(true)
  })

  it('every condition must hold', () => {
    const c = { vipMin: 2, languages: ['en'], visit: 'returning' as const }
    expect(conditionsHold(c, facts({ vip: 2, previousStays: 1 }))).toBe(true)
    expect(conditionsHold(c, facts({ vip: 2, previousStays: 0 }))).toBe(false)
    expect(conditionsHold(c, facts({ vip: 1, previousStays: 1 }))).toBe(false)
  })
})

describe('ruleMatchesPreference', () => {
  it('code null matches every item of the category, and nothing of another', () => {
    const wholeCategory = rule({ category: 'food', code: null })
    expect(ruleMatchesPreference(wholeCategory, pref(1, 'food', 'cuisine', 'sichuan'))).toBe(true)
    expect(ruleMatchesPreference(wholeCategory, pref(2, 'food', 'dish', 'mapo tofu'))).toBe(true)
    expect(ruleMatchesPreference(wholeCategory, pref(3, 'amenity', 'pillow', 'firm'))).toBe(false)
  })

  it('a code and a value narrow it; a null value matches any value', () => {
    expect(ruleMatchesPreference(rule({ code: 'cuisine', value: 'sichuan' }), pref(1, 'food', 'cuisine', 'sichuan'))).toBe(true)
    expect(ruleMatchesPreference(rule({ code: 'cuisine', value: 'sichuan' }), pref(1, 'food', 'cuisine', 'cantonese'))).toBe(false)
    expect(ruleMatchesPreference(rule({ code: 'cuisine' }), pref(1, 'food', 'cuisine', 'cantonese'))).toBe(true)
    expect(ruleMatchesPreference(rule({ code: 'cuisine' }), pref(1, 'food', 'dish', 'cantonese'))).toBe(false)
  })

  it('a rule on the guest’s facts alone (category null) matches no preference', () => {
    expect(ruleMatchesPreference(rule({ category: null }), pref(1, 'food', 'cuisine', 'sichuan'))).toBe(false)
  })

  it('polarity: wanted fires for liked things only, unwanted for avoided ones only, any for both', () => {
    const liked = pref(1, 'amenity', 'flowers', 'orchid', { strength: 'preferred' })
    const required = pref(2, 'amenity', 'flowers', 'orchid', { strength: 'required' })
    const avoided = pref(3, 'amenity', 'flowers', 'lily', { strength: 'avoid' })
    const never = pref(4, 'amenity', 'flowers', 'lily', { strength: 'never' })
    const on = (polarity: RuleFacts['polarity']) => [liked, required, avoided, never].filter((p) => ruleMatchesPreference(rule({ category: 'amenity', code: 'flowers', polarity }), p)).map((p) => p.id)
    expect(on('wanted')).toEqual([1, 2])
    expect(on('unwanted')).toEqual([3, 4])
    expect(on('any')).toEqual([1, 2, 3, 4])
  })

  it('strengths: only the strengths listed', () => {
    const r = rule({ category: 'food', polarity: 'any', conditions: { strengths: ['never'] } })
    expect(ruleMatchesPreference(r, pref(1, 'food', 'dish', 'grouper', { strength: 'never' }))).toBe(true)
    expect(ruleMatchesPreference(r, pref(2, 'food', 'dish', 'grouper', { strength: 'avoid' }))).toBe(false)
  })

  it('exceptCodes: every avoided food but allergies and dislikes, which have their own rules', () => {
    const avoided = rule({ category: 'food', code: null, polarity: 'unwanted', conditions: { exceptCodes: ['allergy', 'dislike'] } })
    expect(ruleMatchesPreference(avoided, pref(1, 'food', 'dish', 'steamed grouper', { strength: 'avoid' }))).toBe(true)
    expect(ruleMatchesPreference(avoided, pref(2, 'food', 'cuisine', 'hunan', { strength: 'never' }))).toBe(true)
    expect(ruleMatchesPreference(avoided, pref(3, 'food', 'allergy', 'peanut', { strength: 'never' }))).toBe(false)
    expect(ruleMatchesPreference(avoided, pref(4, 'food', 'dislike', 'coriander', { strength: 'avoid' }))).toBe(false)
    expect(ruleMatchesPreference(avoided, pref(5, 'food', 'dish', 'steamed grouper', { strength: 'preferred' }))).toBe(false)
  })
})

describe('templates', () => {
  it('unknownPlaceholders refuses braces that are not a known placeholder: Chinese names, spaces, doubled or unclosed', () => {
    expect(unknownPlaceholders('你好 {客人}')).toEqual(['客人'])
    expect(unknownPlaceholders('Hello { room }')).toEqual([' room '])
    expect(unknownPlaceholders('Hello {{room}}')).toEqual(['{'])
    expect(unknownPlaceholders('Hello {room')).toEqual(['{'])
    expect(unknownPlaceholders('Hello room}')).toEqual(['}'])
    expect(unknownPlaceholders('为{guest}在{room}房准备')).toEqual([])
  })

  it('unknownPlaceholders names what Zhike does not know, and accepts every known one', () => {
    expect(unknownPlaceholders('{guest} {room} {value} {arrival} {departure} {nights} {vip} {date}')).toEqual([])
    expect(unknownPlaceholders('Hello {guest}, room {rooom} on {Date}')).toEqual(['rooom', 'Date'])
    expect(unknownPlaceholders('Empty braces {} are not a placeholder')).toEqual([''])
    expect(unknownPlaceholders('No placeholders at all.')).toEqual([])
  })

  it('renderTemplate fills every occurrence, leaves unknown ones visible and text without braces alone', () => {
    expect(renderTemplate('{guest} in {room}; ask {guest}.', { guest: 'Mr Ho', room: '1001' })).toBe('Mr Ho in 1001; ask Mr Ho.')
    expect(renderTemplate('{guest}：{value}，{nights}晚', { guest: '何先生', value: '兰花', nights: '3' })).toBe('何先生：兰花，3晚')
    expect(renderTemplate('VIP {vip} {unknown}', { vip: '3' })).toBe('VIP 3 {unknown}')
    expect(renderTemplate('Nothing to fill.', { guest: 'x' })).toBe('Nothing to fill.')
  })

  it('a value containing braces is not filled again', () => {
    expect(renderTemplate('{value} for {guest}', { value: '{guest}', guest: 'Ann' })).toBe('{guest} for Ann')
  })
})

describe('generatePrompts: guest-fact rules and daily occurrences', () => {
  const now = new Date('2026-12-22T06:00:00.000Z')
  const situation = (extra: Partial<PromptSituation> = {}): PromptSituation => ({
    guestName: { en: 'Ms Feng', zh: '冯女士' },
    stayId: 42,
    roomNumber: '1201',
    preferences: [pref(1, 'food', 'cuisine', 'sichuan')],
    rules: [],
    trigger: 'check_in',
    now,
    ackMinutes: { guest_relations: 10, housekeeping: 15 },
    valueLabel: (_c, _k, value) => value,
    facts: facts({ vip: 3, occasionDates: { birthday: ['12-23'], anniversary: [] } }),
    arrivalAt: new Date('2026-12-22T06:00:00.000Z'),
    departureAt: new Date('2026-12-24T04:00:00.000Z'),
    words: { arrival: { en: '22 Dec 14:00', zh: '12月22日 14:00' }, departure: { en: '24 Dec 12:00', zh: '12月24日 12:00' }, date: (d, lang) => (lang === 'en' ? `date ${d}` : `日期 ${d}`) },
    ...extra,
  })

  it('a guest-fact rule (category null) makes one prompt per stay, with {vip}, {nights} and the occasion {date}', () => {
    const vip = rule({ id: 1, category: null, department: 'guest_relations', conditions: { vipMin: 3 }, template: { en: 'VIP {vip} {guest}, {nights} nights, room {room}', zh: 'VIP {vip} {guest}' } })
    const birthday = rule({ id: 2, category: null, department: 'guest_relations', conditions: { occasion: 'birthday' }, template: { en: 'Birthday {date}', zh: '生日 {date}' } })
    const drafts = generatePrompts(situation({ rules: [vip, birthday] }))
    expect(drafts.map((d) => [d.dedupeKey, d.preferenceId, d.text.en])).toEqual([
      ['42:1:-', null, 'VIP 3 Ms Feng, 2 nights, room 1201'],
      ['42:2:-', null, 'Birthday date 2026-12-23'],
    ])
    expect(drafts[1].text.zh).toBe('生日 日期 2026-12-23')
    // A guest below the level, or a birthday outside the stay: nothing.
    expect(generatePrompts(situation({ rules: [vip, birthday], facts: facts({ vip: 2, occasionDates: { birthday: ['05-10'], anniversary: [] } }) }))).toEqual([])
  })

  it('a guest-fact rule does not fire again for a single wish made during the stay', () => {
    const vip = rule({ id: 1, category: null, department: 'guest_relations', conditions: { vipMin: 1 } })
    expect(generatePrompts(situation({ rules: [vip], onlyPreferences: new Set([1]) }))).toEqual([])
  })

  it('a daily rule’s occurrence is part of the key: one prompt per day, the same day twice the same key', () => {
    const daily = rule({ id: 5, trigger: 'daily', category: null, department: 'housekeeping', atTime: '09:00', template: { en: 'Turn-down {room}', zh: '开夜床 {room}' } })
    const day1 = generatePrompts(situation({ trigger: 'daily', rules: [daily], occurrence: '2026-12-22' }))
    const day1Again = generatePrompts(situation({ trigger: 'daily', rules: [daily], occurrence: '2026-12-22' }))
    const day2 = generatePrompts(situation({ trigger: 'daily', rules: [daily], occurrence: '2026-12-23' }))
    expect(day1.map((d) => d.dedupeKey)).toEqual(['42:5:-@2026-12-22'])
    expect(day1Again.map((d) => d.dedupeKey)).toEqual(day1.map((d) => d.dedupeKey))
    expect(day2.map((d) => d.dedupeKey)).toEqual(['42:5:-@2026-12-23'])
    // A preference rule's key carries the occurrence too.
    const perPreference = rule({ id: 6, trigger: 'daily', category: 'food', code: 'cuisine', atTime: '09:00' })
    expect(generatePrompts(situation({ trigger: 'daily', rules: [perPreference], occurrence: '2026-12-23' })).map((d) => d.dedupeKey)).toEqual(['42:6:food.cuisine=sichuan@2026-12-23'])
  })

  it('a standing instruction is due at departure; a task before arrival at the arrival time, not booking time + minutes', () => {
    const standing = rule({ id: 8, kind: 'standing', trigger: 'reservation', code: 'cuisine' })
    const task = rule({ id: 9, trigger: 'reservation', category: null, department: 'guest_relations', dueMinutes: 60 })
    const booked = new Date('2026-12-01T02:00:00.000Z')
    const drafts = generatePrompts(situation({ trigger: 'reservation', rules: [standing, task], now: booked, roomNumber: null }))
    const byRule = new Map(drafts.map((d) => [d.ruleId, d]))
    expect(byRule.get(8)!.dueAt.toISOString()).toBe('2026-12-24T04:00:00.000Z')
    expect(byRule.get(9)!.dueAt.toISOString()).toBe('2026-12-22T06:00:00.000Z')
    // The promise to acknowledge: the department's 10 minutes from booking.
    expect(byRule.get(9)!.escalateAt.toISOString()).toBe('2026-12-01T02:10:00.000Z')
    expect(byRule.get(8)!.text.en).toBe('For Ms Feng: sichuan.')
  })
})
