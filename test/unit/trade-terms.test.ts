import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { countryLabel } from '../../src/features/settings/phone-countries'
import { messages, type Messages } from '../../src/i18n/messages'

// The words of the trade (issue 9): what a hotel's own staff call things, in both languages.

const dir = 'src/i18n'
/** Every Chinese message file, those of features added later included. */
const chineseFiles = fs.readdirSync(dir).filter((f) => /(^|\.)zh-CN\.json$/.test(f))

function strings(tree: Messages, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : strings(value, `${prefix}${key}.`)))
}
const chinese = chineseFiles.flatMap((file) => strings(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Messages).map(([key, text]) => ({ file, key, text })))
const zh = messages['zh-CN']
const en = messages.en
const at = (tree: Messages, key: string) => key.split('.').reduce<Messages | string | undefined>((node, k) => (typeof node === 'object' ? node[k] : undefined), tree)

describe('the words of the trade', () => {
  it('reads every Chinese message file', () => {
    expect(chineseFiles).toContain('zh-CN.json')
    expect(chineseFiles).toContain('guests.zh-CN.json')
  })

  it('says 无预订入住 for a walk-in (散客 is an individual guest), 空脏 for a vacated room, 保密档案 for a confidential one', () => {
    for (const wrong of ['散客入住', '客房已空出', '受限档案', '受限']) {
      expect(chinese.filter((m) => m.text.includes(wrong)).map((m) => `${m.file} ${m.key}: ${m.text}`), wrong).toEqual([])
    }
    expect(at(zh, 'checkin.walkIn')).toBe('无预订入住')
    expect(at(zh, 'walkIn.title')).toBe('无预订入住')
    expect(at(zh, 'checkout.done')).toContain('空脏')
    expect(at(zh, 'profile.restrictedBadge')).toBe('保密档案')
    expect(at(en, 'profile.restrictedBadge')).toBe('Confidential profile')
  })

  it('gives the board 接单 and 无法完成, never 确认 and 拒绝', () => {
    expect(at(zh, 'board.acknowledge')).toBe('接单')
    expect(at(zh, 'board.decline')).toBe('无法完成')
    expect(at(zh, 'status.acknowledged')).toBe('已接单')
    expect(at(zh, 'status.declined')).toBe('无法完成')
    const board = chinese.filter((m) => /^(board\.|status\.(acknowledged|declined)$)/.test(m.key))
    expect(board.filter((m) => /确认|拒绝/.test(m.text)).map((m) => `${m.key}: ${m.text}`)).toEqual([])
    expect(at(en, 'board.decline')).toBe("Can't do")
  })

  it('labels nationality 国籍/地区: Hong Kong, Macao and Taiwan are regions', () => {
    expect(chinese.filter((m) => m.text.includes('国籍') && !m.text.includes('地区')).map((m) => `${m.file} ${m.key}: ${m.text}`)).toEqual([])
    expect(at(zh, 'profile.field.nationality')).toBe('国籍/地区')
    expect(countryLabel('HK', 'zh-CN')).toBe('中国香港（HK）')
    expect(countryLabel('MO', 'zh-CN')).toBe('中国澳门（MO）')
    expect(countryLabel('TW', 'zh-CN')).toBe('中国台湾（TW）')
    expect(countryLabel('HK', 'en')).toBe('Hong Kong (HK)')
  })

  it('names the restaurant department Food & Beverage, 餐饮部, for a new hotel and in the demo', () => {
    expect(at(en, 'departments.restaurant')).toBe('Food & Beverage')
    expect(at(zh, 'departments.restaurant')).toBe('餐饮部')
    const demo = JSON.parse(fs.readFileSync('resources/demo/hotel.json', 'utf8')) as { departments: { code: string; name: { en: string; zh: string } }[] }
    expect(demo.departments.find((d) => d.code === 'restaurant')?.name).toEqual({ en: 'Food & Beverage', zh: '餐饮部' })
  })
})
