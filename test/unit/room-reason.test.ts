import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { strengths, type PreferenceFact } from '../../electron/core/guests/preference'
import type { RoomFacts } from '../../electron/core/rooms/room'
import { scoreRoom } from '../../electron/core/rooms/room-suggestion'
import { baseVocabulary } from '../../electron/core/vocabulary/base-vocabulary'
import { houseRuleWords, readinessWords, reasonWords } from '../../src/features/checkin/room-reason'
import { messages } from '../../src/i18n/messages'

// The real message files and the real vocabulary, as the check-in screen reads them.
function wordsIn(language: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance()
  void i18n.init({ lng: language, resources: { [language]: { translation: messages[language] } }, interpolation: { escapeValue: false }, initImmediate: false })
  const label = (category: string, code = '', value = '') => {
    const row = baseVocabulary.find((v) => v[0] === category && v[1] === code && v[2] === value)
    return row ? (language === 'en' ? row[3] : row[4]) : value || code || category
  }
  return (room: RoomFacts, preference: PreferenceFact) => reasonWords(scoreRoom(room, [preference]).reasons[0], i18n.t.bind(i18n) as never, label)
}
function tIn(language: 'en' | 'zh-CN') {
  const i18n = i18next.createInstance()
  void i18n.init({ lng: language, resources: { [language]: { translation: messages[language] } }, interpolation: { escapeValue: false }, initImmediate: false })
  return i18n.t.bind(i18n) as never
}

let nextId = 1
const pref = (category: string, code: string, value: string, strength: PreferenceFact['strength']): PreferenceFact => ({
  id: nextId++,
  category,
  code,
  value,
  strength,
  scope: 'always',
  stayId: null,
})
const room = (number: string, facing: string, features: string[] = [], bed = 'king'): RoomFacts => ({
  id: Number(number),
  number,
  floor: Math.floor(Number(number) / 100),
  facing,
  view: facing === 'S' ? 'river' : 'city',
  bed,
  features,
  roomType: '',
})

const en = wordsIn('en')
const zh = wordsIn('zh-CN')

describe('room reasons in words', () => {
  it('a guest who avoids west-facing rooms sees a west room marked against, and the others "not West ✓", never "West ✓"', () => {
    const avoidsWest = pref('room', 'facing', 'W', 'avoid')
    expect(en(room('1008', 'W'), avoidsWest)).toMatchObject({ text: '✗ West — avoids', tone: 'against', spoken: "against the guest's wishes" })
    expect(en(room('1001', 'S'), avoidsWest)).toMatchObject({ text: 'not West ✓', tone: 'fits' })
    expect(zh(room('1008', 'W'), avoidsWest)).toMatchObject({ text: '✗ 朝西（宾客避免）', tone: 'against' })
    expect(zh(room('1001', 'S'), avoidsWest)).toMatchObject({ text: '非朝西 ✓', tone: 'fits' })
  })

  it('never reads as never', () => {
    const neverSmoking = pref('room', 'smoking', 'yes', 'never')
    expect(en(room('1001', 'S', ['smoking']), neverSmoking).text).toBe('✗ Smoking room — never')
    expect(zh(room('1001', 'S', ['smoking']), neverSmoking).text).toBe('✗ 吸烟房（宾客绝不接受）')
    expect(en(room('1002', 'S'), neverSmoking).text).toBe('not Smoking room ✓')
  })

  it('an unlucky number names the digit, and a room without it says so', () => {
    const unlucky = pref('number', 'unlucky', '4', 'avoid')
    expect(en(room('1014', 'N'), unlucky).text).toBe('✗ 4 in the number — avoids')
    expect(en(room('1001', 'S'), unlucky).text).toBe('no 4 in the number ✓')
    expect(zh(room('1014', 'N'), unlucky).text).toBe('✗ 含 4（宾客避免）')
    expect(zh(room('1001', 'S'), unlucky).text).toBe('不含 4 ✓')
  })

  it('wishes met, nearly met and missed keep their plain words', () => {
    const floor = pref('room', 'floor', '10', 'preferred')
    expect(en(room('1001', 'S'), floor)).toMatchObject({ text: '10F ✓', tone: 'fits' })
    expect(en(room('904', 'S'), floor)).toMatchObject({ text: '10F ≈', tone: 'near' })
    expect(en(room('1401', 'S'), floor)).toMatchObject({ text: '✗ 10F — wanted', tone: 'misses' })
    expect(en(room('1001', 'N'), pref('access', 'hearing', 'hard_of_hearing', 'required'))).toMatchObject({ text: '✗ visual-alarm kit — required', tone: 'misses' })
    expect(zh(room('1401', 'S'), floor).text).toBe('✗ 10 楼（偏好）')
  })

  // Every fact kind, every strength, both languages: a room that has what the guest keeps away
  // from is marked ✗ and "against"; a tick on an aversion always comes with its "not"/"no".
  const facts: [string, string, string, RoomFacts][] = [
    ['room', 'floor', '10', room('1001', 'S')],
    ['room', 'facing', 'W', room('1008', 'W')],
    ['room', 'view', 'river', room('1001', 'S')],
    ['room', 'bed', 'twin', room('1001', 'S', [], 'twin')],
    ['room', 'quiet', 'yes', room('1001', 'S', ['quiet'])],
    ['room', 'away_from_lift', 'yes', room('1001', 'S')],
    ['room', 'smoking', 'yes', room('1001', 'S', ['smoking'])],
    ['room', 'smoking', 'no', room('1001', 'S')],
    ['number', 'lucky', '8', room('1008', 'W')],
    ['access', 'hearing', 'hard_of_hearing', room('1208', 'W', ['visual_alarm'])],
    ['access', 'mobility', 'wheelchair', room('1001', 'S', ['accessible'])],
  ]
  // A room with none of them: 14th floor, north, city view, queen bed, next to the lift, no features.
  const clearRoom = (code: string): RoomFacts => room('1402', 'N', code === 'away_from_lift' ? ['near_lift'] : [], 'queen')
  for (const [category, code, value, having] of facts) {
    for (const strength of strengths) {
      for (const [language, words] of [['en', en], ['zh-CN', zh]] as const) {
        it(`${category}.${code}=${value}, ${strength}, ${language}`, () => {
          const preference = pref(category, code, value, strength)
          const has = words(having, preference)
          const negative = strength === 'avoid' || strength === 'never'
          if (negative) {
            expect(has.tone).toBe('against')
            expect(has.text.startsWith('✗')).toBe(true)
            expect(has.text).toMatch(language === 'en' ? (strength === 'never' ? /— never$/ : /— avoids$/) : strength === 'never' ? /绝不接受/ : /避免/)
          } else {
            expect(has).toMatchObject({ tone: 'fits' })
            expect(has.text.endsWith('✓')).toBe(true)
          }
          // The room without it (the non-smoking room is clear of "no smoking" only when it smokes).
          const without = value === 'no' ? room('1402', 'N', ['smoking'], 'queen') : clearRoom(code)
          const lacks = words(without, preference)
          if (negative) {
            expect(lacks.tone).toBe('fits')
            expect(lacks.text).toMatch(language === 'en' ? /^(not|no) .+ ✓$/ : /^(非|无|不含).+ ✓$/)
          } else {
            expect(lacks.tone).toBe('misses')
            expect(lacks.text).toMatch(language === 'en' ? (strength === 'required' ? /^✗ .+ — required$/ : /^✗ .+ — wanted$/) : /^✗ .+（(必须|偏好)）$/)
          }
        })
      }
    }
  }
})

// Issue 9: the hotel's own rules and whether a room is ready, in both languages.
describe('house rules and readiness in words', () => {
  const tEn = tIn('en')
  const tZh = tIn('zh-CN')
  it('a high-floor wish reads "high floor", never "highF"', () => {
    const wish: Parameters<typeof reasonWords>[0] = { category: 'room', code: 'floor', wanted: 'high', strength: 'preferred', polarity: 'wanted', outcome: 'match' }
    expect(reasonWords(wish, tEn, () => '').text).toBe('high floor ✓')
    expect(reasonWords({ ...wish, outcome: 'miss' }, tZh, () => '').text).toBe('✗ 高楼层（偏好）')
    expect(reasonWords({ ...wish, code: 'same_room', wanted: 'yes' }, tEn, () => '').text).toBe('same room as last time ✓')
  })
  it('a bonus is ticked, a room kept for others is marked against', () => {
    expect(houseRuleWords({ code: 'same_room', outcome: 'bonus' }, tEn)).toMatchObject({ text: 'same room as last time ✓', tone: 'fits' })
    expect(houseRuleWords({ code: 'vip_high_floor', outcome: 'bonus', detail: '3' }, tZh).text).toBe('VIP 3 安排高楼层 ✓')
    expect(houseRuleWords({ code: 'kept_accessible', outcome: 'penalty' }, tEn)).toMatchObject({ text: '✗ accessible room, kept for guests who need it', tone: 'against' })
    expect(houseRuleWords({ code: 'kept_smoking', outcome: 'penalty' }, tZh).text).toBe('✗ 吸烟房，留给吸烟客人')
  })
  it('readiness says why a room is not offered first', () => {
    expect(readinessWords({ readiness: 'not_ready', housekeeping: 'dirty', roomType: 'DKN' }, tEn)).toBe('Not ready · Dirty')
    expect(readinessWords({ readiness: 'not_ready', housekeeping: 'dirty', roomType: 'DKN' }, tZh)).toBe('未清洁 · 脏房')
    expect(readinessWords({ readiness: 'different_type', housekeeping: 'clean', roomType: 'STE' }, tEn)).toBe('Different type · STE')
    expect(readinessWords({ readiness: 'out_of_service', housekeeping: 'clean', roomType: '' }, tZh)).toBe('维修中（可售）')
  })
})
