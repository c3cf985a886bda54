import { describe, expect, it } from 'vitest'
import { adminPinProblem, firstStartProblems, setupCodeToSend } from '../../src/features/setup/first-start-form'

const good = { hotelEn: 'Harbour Hotel', hotelZh: '', code: 'AD01', name: '周文斌', pin: '482913' }

describe('the first administrator', () => {
  it('needs a PIN of 6 to 8 digits', () => {
    expect(adminPinProblem('1234')).toBe('pinShort')
    expect(adminPinProblem('12345')).toBe('pinShort')
    expect(adminPinProblem('123456')).toBeNull()
    expect(adminPinProblem('12345678')).toBeNull()
    expect(adminPinProblem('123456789')).toBe('pinDigits')
    expect(adminPinProblem('12345a')).toBe('pinDigits')
  })

  it('is created when the hotel has a name in one language, the code is code-shaped and a name is given', () => {
    expect(firstStartProblems(good, 'here', '')).toEqual({})
    expect(firstStartProblems({ ...good, hotelEn: ' ', hotelZh: '' }, 'here', '')).toEqual({ hotelEn: 'hotelName' })
    expect(firstStartProblems({ ...good, code: 'a' }, 'here', '')).toEqual({ code: 'codeShape' })
    expect(firstStartProblems({ ...good, name: ' ', pin: '1234' }, 'here', '')).toEqual({ name: 'nameMissing', pin: 'pinShort' })
  })
})

describe('the setup code', () => {
  it('is asked for only where this browser is not the hub’s own machine', () => {
    expect(firstStartProblems(good, 'code', '')).toEqual({ setupCode: 'setupCodeMissing' })
    expect(firstStartProblems(good, 'code', ' K7PQ2MZX9A ')).toEqual({})
  })

  it('is sent trimmed where needed, and not at all on the machine itself', () => {
    expect(setupCodeToSend('code', ' K7PQ2MZX9A ')).toBe('K7PQ2MZX9A')
    expect(setupCodeToSend('code', '  ')).toBeUndefined()
    expect(setupCodeToSend('here', 'K7PQ2MZX9A')).toBeUndefined()
  })
})
