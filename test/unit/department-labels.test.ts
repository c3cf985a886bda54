import { describe, expect, it } from 'vitest'
import type { CoreEvent } from '../../electron/core/events'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { boardsOf, departmentChoices, departmentLabel, type DepartmentEntry, type DepartmentWording } from '../../src/api/department-labels'
import { queryKeysFor } from '../../src/api/event-queries'
import { messages } from '../../src/i18n/messages'

const outletLabel = (language: 'en' | 'zh-CN') => (messages[language].outlets as { label: string }).label
const wording = (language: 'en' | 'zh-CN'): DepartmentWording => ({
  name: (text) => (language === 'zh-CN' ? text.zh : text.en),
  join: (department, outlet) => outletLabel(language).replace('{{department}}', department).replace('{{outlet}}', outlet),
})

// Outlets listed before their department and out of order, as a careless caller might pass them.
const departments: DepartmentEntry[] = [
  { code: 'fb_lounge', name: { en: 'Lobby Lounge', zh: '大堂吧' }, parentCode: 'restaurant' },
  { code: 'housekeeping', name: { en: 'Housekeeping', zh: '客房部' }, parentCode: null },
  { code: 'fb_chinese', name: { en: 'Chinese Restaurant', zh: '中餐厅' }, parentCode: 'restaurant' },
  { code: 'restaurant', name: { en: 'Food & Beverage', zh: '餐饮部' }, parentCode: null },
  { code: 'spa_bar', name: { en: 'Spa Bar', zh: '水疗吧' }, parentCode: 'spa' },
]

describe('department labels', () => {
  it('names an outlet under its department, in both languages', () => {
    expect(departmentLabel(departments, 'fb_chinese', wording('en'))).toBe('Food & Beverage › Chinese Restaurant')
    expect(departmentLabel(departments, 'fb_chinese', wording('zh-CN'))).toBe('餐饮部 › 中餐厅')
    expect(departmentLabel(departments, 'restaurant', wording('en'))).toBe('Food & Beverage')
    expect(departmentLabel(departments, 'laundry', wording('en'))).toBe('laundry')
  })

  it('offers each department followed by its outlets; an outlet whose department is gone stands alone', () => {
    expect(departmentChoices(departments, wording('en')).map((c) => c.label)).toEqual([
      'Housekeeping',
      'Food & Beverage',
      'Food & Beverage › Lobby Lounge',
      'Food & Beverage › Chinese Restaurant',
      'Spa Bar',
    ])
  })

  it('gives F&B staff their own board and their outlets’, and housekeeping only its own', () => {
    expect(departmentChoices(departments, wording('zh-CN'), 'restaurant').map((c) => c.value)).toEqual(['restaurant', 'fb_lounge', 'fb_chinese'])
    expect(departmentChoices(departments, wording('en'), 'housekeeping')).toEqual([{ value: 'housekeeping', label: 'Housekeeping' }])
    expect(boardsOf(departments, 'restaurant')).toEqual(['restaurant', 'fb_lounge', 'fb_chinese'])
    expect(boardsOf(departments, 'fb_chinese')).toEqual(['fb_chinese'])
  })

  it('an outlet’s prompt refreshes the outlet’s board and F&B’s', () => {
    const prompt = { id: 1, guestId: 7, department: 'fb_chinese', parentDepartment: 'restaurant' } as PromptView
    const keys = queryKeysFor({ id: 1, name: 'prompt.created', payload: { prompt } } as unknown as CoreEvent)
    expect(keys).toEqual(expect.arrayContaining([['board', 'fb_chinese'], ['board', 'restaurant']]))
  })
})
