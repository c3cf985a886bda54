import { describe, expect, it } from 'vitest'
import { shortLabel, templateAsName, type PlaceholderWords } from '../../src/features/reports/report-words'

const en: PlaceholderWords = { guest: 'the guest', room: 'the room', value: 'the preference', arrival: 'the arrival', departure: 'the departure', nights: 'the nights', vip: 'the VIP level', date: 'the date' }
const zh: PlaceholderWords = { guest: '宾客', room: '房间', value: '偏好', arrival: '到店时间', departure: '离店日期', nights: '晚数', vip: 'VIP 等级', date: '日期' }

describe('a rule named in the promise report', () => {
  it('reads as words, never raw placeholders', () => {
    expect(templateAsName('Firm pillow for {guest}  in {room}.', en)).toBe('Firm pillow for the guest in the room.')
    expect(templateAsName('为{room}的{guest}准备硬枕', zh)).toBe('为房间的宾客准备硬枕')
    expect(templateAsName('{guest}’s birthday falls on {date}', en)).not.toMatch(/[{}]/)
  })

  it('is cut with an ellipsis when long, counting Chinese characters as one each', () => {
    expect(templateAsName('x'.repeat(100), en, 10)).toBe('xxxxxxxxx…')
    expect(shortLabel('中餐厅（粤菜）宴会部', 5)).toBe('中餐厅（…')
    expect(shortLabel('Housekeeping', 16)).toBe('Housekeeping')
  })
})
