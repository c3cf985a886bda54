import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { formatHotelDay } from '../../src/app/hotel-time-format'
import { groupByCategory, isHan, nightsBetween, orderAlerts, provenanceText, stayHistory, type ProvenanceWords } from '../../src/features/print/print-layout'
import { messages } from '../../src/i18n/messages'

// The printed guest card's layout rules (issue 11): alerts first and hearing first among them,
// preferences by category in the vocabulary's order, and who noticed what, when, in words.

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: messages.en }, 'zh-CN': { translation: messages['zh-CN'] } }, interpolation: { escapeValue: false } })
})

function words(language: 'en' | 'zh-CN'): ProvenanceWords {
  const departments: Record<string, string> = language === 'en' ? { restaurant: 'Chinese Restaurant', front_office: 'Front Office' } : { restaurant: '中餐厅', front_office: '前厅部' }
  return {
    t: (key, options) => i18n.t(key, { lng: language, ...options }) as string,
    department: (code) => departments[code] ?? code,
    day: (iso) => formatHotelDay(iso, language, 'Asia/Shanghai'),
  }
}

const pref = (category: string, code: string, strength = 'preferred', id = 0) => ({ id, category, code, strength })

describe('alerts first', () => {
  it('reads hearing first, then other access needs, then allergies, then anything marked never', () => {
    const alerts = [pref('food', 'dislike', 'never', 1), pref('food', 'allergy', 'required', 2), pref('access', 'mobility', 'required', 3), pref('access', 'hearing', 'required', 4), pref('access', 'vision', 'preferred', 5)]
    expect(orderAlerts(alerts).map((a) => a.id)).toEqual([4, 3, 5, 2, 1])
  })

  it('keeps the order it was given within one kind, required first, and leaves its input alone', () => {
    const alerts = [pref('food', 'allergy', 'never', 1), pref('food', 'allergy', 'required', 2), pref('food', 'allergy', 'never', 3)]
    expect(orderAlerts(alerts).map((a) => a.id)).toEqual([2, 1, 3])
    expect(alerts.map((a) => a.id)).toEqual([1, 2, 3])
  })
})

describe('preferences by category', () => {
  it('follows the vocabulary’s order, skips empty categories, and puts unknown ones under Other', () => {
    const prefs = [pref('amenity', 'flowers', 'preferred', 1), pref('room', 'facing', 'preferred', 2), pref('karaoke', 'song', 'preferred', 3), pref('room', 'floor', 'required', 4), pref('weird', 'x', 'avoid', 5)]
    const groups = groupByCategory(prefs, ['access', 'food', 'room', 'amenity'])
    expect(groups.map((g) => [g.category, g.other, g.items.map((p) => p.id)])).toEqual([
      ['room', false, [4, 2]],
      ['amenity', false, [1]],
      ['other', true, [3, 5]],
    ])
  })

  it('lists required and never before preferred and avoid within a category', () => {
    const prefs = [pref('number', 'unlucky', 'avoid', 1), pref('number', 'lucky', 'preferred', 2), pref('number', 'floor', 'never', 3), pref('number', 'x', 'required', 4)]
    expect(groupByCategory(prefs, ['number'])[0].items.map((p) => p.id)).toEqual([4, 3, 2, 1])
  })

  it('gives nothing for a guest with no preferences', () => {
    expect(groupByCategory([], ['room'])).toEqual([])
  })
})

describe('provenance in words', () => {
  const base = {
    sourceStaff: '王浩',
    sourceDepartment: 'restaurant',
    recordedAt: '2026-10-03T02:00:00Z',
    observation: null,
    lastConfirmedAt: '2026-10-03T02:00:00Z',
    confirmedBy: null,
  }

  it('says who noticed it, in which department, on which hotel day', () => {
    expect(provenanceText(base, words('en'))).toBe('Noticed by 王浩 (Chinese Restaurant), 3 Oct 2026')
    expect(provenanceText(base, words('zh-CN'))).toBe('王浩（中餐厅）于 2026年10月3日 发现')
  })

  it('quotes the report it came from and names a later confirmation', () => {
    const p = { ...base, observation: 'Asked for more chilli oil.', lastConfirmedAt: '2026-11-12T03:00:00Z', confirmedBy: '林雅琴' }
    expect(provenanceText(p, words('en'))).toBe('Noticed by 王浩 (Chinese Restaurant), 3 Oct 2026, from the report “Asked for more chilli oil.”; confirmed 12 Nov 2026 by 林雅琴')
    expect(provenanceText(p, words('zh-CN'))).toBe('王浩（中餐厅）于 2026年10月3日 发现，来自报告“Asked for more chilli oil.”；林雅琴于 2026年11月12日 确认')
  })

  it('says "someone" when nobody is recorded, and a confirmation without a name only on another day', () => {
    const p = { ...base, sourceStaff: null, sourceDepartment: null, lastConfirmedAt: '2026-11-12T03:00:00Z' }
    expect(provenanceText(p, words('en'))).toBe('Noticed by someone, 3 Oct 2026; confirmed 12 Nov 2026')
    // 23:30 UTC on 2 Oct is 3 Oct in Shanghai: the same hotel day as the notice, so nothing to add.
    expect(provenanceText({ ...base, recordedAt: '2026-10-02T23:30:00Z' }, words('en'))).toBe('Noticed by 王浩 (Chinese Restaurant), 3 Oct 2026')
  })
})

describe('stay history', () => {
  const stay = (id: number, status = 'checked_out') => ({ id, confirmationNo: `C${id}`, arrival: '2026-01-01', departure: '2026-01-03', party: 1, status, roomNumber: '820' })

  it('keeps the most recent stays, says how many earlier ones are left out, and leaves cancelled bookings out', () => {
    const stays = [stay(1, 'reserved'), stay(2, 'cancelled'), ...Array.from({ length: 12 }, (_, i) => stay(10 + i))]
    const history = stayHistory(stays, 10)
    expect(history.rows.map((s) => s.id)).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18])
    expect(history.more).toBe(3)
    expect(stayHistory([stay(1)], 10)).toEqual({ rows: [stay(1)], more: 0 })
  })

  it('counts nights by calendar date, across a month end', () => {
    expect(nightsBetween('2026-11-29', '2026-12-03')).toBe(4)
    expect(nightsBetween('2027-03-27', '2027-04-02')).toBe(6)
  })
})

it('marks Han text, including names beyond the Basic Multilingual Plane, and nothing else', () => {
  expect(isHan('庄志明')).toBe(true)
  expect(isHan('陈𠮷')).toBe(true)
  expect(isHan('ZHUANG Zhiming')).toBe(false)
  expect(isHan('Юлия')).toBe(false)
})
