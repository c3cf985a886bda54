import { describe, expect, it } from 'vitest'
import { signInIdentity, staffLabel, staffOptions, waitFor, type DirectoryEntry } from '../../src/features/session/sign-in-identity'

const frontOffice = { en: 'Front Office', zh: '前厅部' }
const directory: DirectoryEntry[] = [
  { id: 1, name: '周文斌', romanName: 'ZHOU Wenbin', departmentName: frontOffice },
  { id: 3, name: '陈思雨', romanName: 'CHEN Siyu', departmentName: frontOffice },
  { id: 7, name: 'Sophie Martin', romanName: 'Sophie Martin', departmentName: { en: 'Concierge', zh: '礼宾部' } },
  { id: 9, name: '陈思雨', romanName: 'CHEN Siyu', departmentName: frontOffice },
]

describe('sign-in options', () => {
  it('show the name, the roman name when it differs, and the department in the screen language', () => {
    expect(staffLabel(directory[0], 'en')).toBe('周文斌 (ZHOU Wenbin) · Front Office')
    expect(staffLabel(directory[0], 'zh-CN')).toBe('周文斌 (ZHOU Wenbin) · 前厅部')
    expect(staffLabel(directory[2], 'en')).toBe('Sophie Martin · Concierge')
    expect(staffLabel({ ...directory[0], romanName: null }, 'en')).toBe('周文斌 · Front Office')
  })

  it('number namesakes in one department, so every picked label names one person', () => {
    const labels = staffOptions(directory, 'en').map((o) => o.label)
    expect(new Set(labels).size).toBe(labels.length)
    expect(labels[3]).toBe('陈思雨 (CHEN Siyu) · Front Office (2)')
  })
})

describe('what sign-in sends', () => {
  it('a picked name as that colleague’s id, in either language', () => {
    expect(signInIdentity('周文斌 (ZHOU Wenbin) · Front Office', directory, 'en')).toEqual({ staffId: 1 })
    expect(signInIdentity('陈思雨 (CHEN Siyu) · Front Office (2)', directory, 'en')).toEqual({ staffId: 9 })
    // Picked in English, then the language switched to Chinese before signing in.
    expect(signInIdentity('Sophie Martin · Concierge', directory, 'zh-CN')).toEqual({ staffId: 7 })
  })

  it('anything else as a staff code, trimmed and lower-cased', () => {
    expect(signInIdentity('  FD01 ', directory, 'en')).toEqual({ code: 'fd01' })
    expect(signInIdentity('ad01', [], 'en')).toEqual({ code: 'ad01' })
  })

  it('nothing for an empty field or a half-typed name (never a name sent as a code)', () => {
    expect(signInIdentity('   ', directory, 'en')).toBeNull()
    expect(signInIdentity('周文', directory, 'en')).toBeNull()
    expect(signInIdentity('Sophie Mar', directory, 'en')).toBeNull()
    expect(signInIdentity('周文斌 (ZHOU Wenbin) · Front Offic', directory, 'en')).toBeNull()
  })
})

describe('the wait after too many wrong PINs', () => {
  it('is said in seconds under a minute, else in whole minutes rounded up', () => {
    expect(waitFor(30)).toEqual({ unit: 'seconds', count: 30 })
    expect(waitFor(0.2)).toEqual({ unit: 'seconds', count: 1 })
    expect(waitFor(60)).toEqual({ unit: 'minutes', count: 1 })
    expect(waitFor(61)).toEqual({ unit: 'minutes', count: 2 })
    expect(waitFor(900)).toEqual({ unit: 'minutes', count: 15 })
  })
})
