import { describe, expect, it } from 'vitest'
import { managerDeskPages, menuFor, menuPagesFor } from '../../src/app/pages'
import { departmentProblems, hotelNameProblems, logoProblem, problemsFromIssues, setupChecklist, sniffLogo, suggestCode } from '../../src/features/hotel-setup/hotel-setup-form'
import { roles } from '../../electron/core/staff/roles'

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16 - b.length).fill(0)])
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0)
const gif = bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61)
const text = new TextEncoder().encode('Hello, this is t')

describe('the manager’s menu', () => {
  it('puts the manager’s desk pages behind one button, in the desk’s order, and leaves the daily pages side by side', () => {
    const manager = menuFor('manager')
    expect(manager.desk).toEqual(['dashboard', 'recovery', 'rooms', 'hotel', 'rules', 'reports', 'recoveryReport', 'lists', 'data', 'satisfaction', 'backups', 'pms', 'settings', 'audit', 'privacy'])
    expect(manager.links).toEqual(['checkin', 'preassign', 'board', 'observe', 'escalations', 'declined', 'inbox', 'arrivals', 'duplicates'])
    // Staff accounts are the administrator's alone.
    expect(menuFor('admin').desk).toEqual(['dashboard', 'recovery', 'rooms', 'hotel', 'rules', 'reports', 'recoveryReport', 'lists', 'data', 'satisfaction', 'backups', 'pms', 'settings', 'staff', 'audit', 'privacy'])
  })

  it('gives every role every menu page exactly once, and no desk button to roles without desk pages', () => {
    for (const role of roles) {
      const { links, desk } = menuFor(role)
      expect([...links, ...desk].sort(), role).toEqual([...menuPagesFor(role)].sort())
      expect(links.filter((p) => desk.includes(p)), role).toEqual([])
      expect(desk.every((p) => managerDeskPages.includes(p)), role).toBe(true)
    }
    expect(menuFor('front_desk').desk).toEqual([])
    expect(menuFor('department')).toEqual({ links: ['board', 'observe'], desk: [] })
    expect(menuFor('guest_relations').desk).toEqual([])
  })
})

describe('the hotel’s name', () => {
  it('needs both languages, in letters, at most 80 characters', () => {
    expect(hotelNameProblems({ en: 'Harbour View', zh: '海景酒店' })).toEqual({})
    expect(hotelNameProblems({ en: ' ', zh: '' })).toEqual({ en: { key: 'nameEnMissing' }, zh: { key: 'nameZhMissing' } })
    expect(hotelNameProblems({ en: '***', zh: '海景' })).toEqual({ en: { key: 'nameLetters' } })
    expect(hotelNameProblems({ en: 'H'.repeat(81), zh: '海景' }).en).toEqual({ key: 'nameLong', values: { max: 80 } })
  })
})

describe('the logo', () => {
  it('is told by its first bytes, never its name', () => {
    expect(sniffLogo(png)).toBe('image/png')
    expect(sniffLogo(jpeg)).toBe('image/jpeg')
    expect(sniffLogo(gif)).toBe('other')
    expect(sniffLogo(text)).toBe('other')
    expect(sniffLogo(new Uint8Array())).toBe('other')
  })

  it('refuses another kind, an empty file and more than 256 KB, saying which', () => {
    expect(logoProblem({ size: 1000, head: png })).toBeNull()
    expect(logoProblem({ size: 256 * 1024, head: jpeg })).toBeNull()
    expect(logoProblem({ size: 256 * 1024 + 1, head: png })).toEqual({ key: 'logoLarge', values: { kilobytes: 257, max: 256 } })
    expect(logoProblem({ size: 300, head: gif })).toEqual({ key: 'logoKind' })
    expect(logoProblem({ size: 30, head: text })).toEqual({ key: 'logoKind' })
    expect(logoProblem({ size: 0, head: new Uint8Array() })).toEqual({ key: 'logoEmpty' })
  })
})

describe('a department', () => {
  const good = { code: 'kids_club', en: "Kids' Club", zh: '儿童俱乐部', promiseMinutes: 30 as number | '', parentCode: null }

  it('needs a code of a–z and _, names in letters and whole minutes up to a week', () => {
    expect(departmentProblems(good)).toEqual({})
    expect(departmentProblems({ ...good, code: 'Kids Club' }).code).toEqual({ key: 'codeShape' })
    expect(departmentProblems({ ...good, code: 'k' }).code).toEqual({ key: 'codeShape' })
    expect(departmentProblems(good, { existingCodes: ['kids_club'] }).code).toEqual({ key: 'codeTaken', values: { code: 'kids_club' } })
    expect(Object.keys(departmentProblems({ ...good, en: ' ', zh: '—' }))).toEqual(['name.en', 'name.zh'])
    for (const m of ['' as const, 0, 10081, 2.5]) expect(departmentProblems({ ...good, promiseMinutes: m }).promiseMinutes?.key).toBe('minutes')
    expect(departmentProblems({ ...good, promiseMinutes: 10080 })).toEqual({})
  })

  it('is renamed without its code being checked again', () => {
    expect(departmentProblems({ ...good, code: 'OLD-CODE' }, { checkCode: false })).toEqual({})
  })

  it('offers a code read from the English name', () => {
    expect(suggestCode("Kids' Club")).toBe('kids_club')
    expect(suggestCode('  Café & Bar 2 ')).toBe('cafe_bar')
    expect(suggestCode('水疗')).toBe('')
  })

  it('shows the store’s refusal beside the field it names, in our words where we have them', () => {
    const ours = departmentProblems({ ...good, code: 'spa' }, { existingCodes: ['spa'] })
    expect(problemsFromIssues([{ path: 'code', message: 'There is already a department with the code spa.' }], ours)).toEqual({ code: { key: 'codeTaken', values: { code: 'spa' } } })
    expect(problemsFromIssues([{ path: 'parentCode', message: 'There is no department "food".' }], {})).toEqual({ parentCode: { key: 'refused', values: { message: 'There is no department "food".' } } })
  })
})

describe('the set-up checklist', () => {
  it('ticks each step once the hotel has some, staff once someone besides the administrator', () => {
    expect(setupChecklist({ rooms: 0, departments: 7, rules: 12, staff: 1 }).map((s) => [s.step, s.done])).toEqual([
      ['rooms', false],
      ['departments', true],
      ['rules', true],
      ['staff', false],
    ])
    expect(setupChecklist({ rooms: 40, departments: 7, rules: 12, staff: 5 }).every((s) => s.done)).toBe(true)
  })
})
