import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitPmsName } from '../../electron/core/pms/pms-name'

describe('splitPmsName: a PMS name as guest profiles keep it', () => {
  it('reads OPERA\'s SURNAME/GIVEN TITLE as "SURNAME Given", the way Zhike stores roman names', () => {
    expect(splitPmsName('ZHANG/WEI MR')).toEqual({ nativeName: 'ZHANG Wei', romanName: 'ZHANG Wei', salutation: 'mr' })
    expect(splitPmsName('HUANG/TSUNG-HAN MR.')).toEqual({ nativeName: 'HUANG Tsung-Han', romanName: 'HUANG Tsung-Han', salutation: 'mr' })
    expect(splitPmsName("O'BRIEN/LIAM")).toMatchObject({ romanName: "O'BRIEN Liam", salutation: null })
    expect(splitPmsName('DE VRIES/PIETER DR')).toMatchObject({ romanName: 'DE VRIES Pieter', salutation: 'dr' })
    expect(splitPmsName('HO/KA CHUN MR')).toMatchObject({ romanName: 'HO Ka Chun' })
  })

  it('reads "Surname, Given" and a title before the name', () => {
    expect(splitPmsName('Kowalska, Anna')).toEqual({ nativeName: 'KOWALSKA Anna', romanName: 'KOWALSKA Anna', salutation: null })
    expect(splitPmsName('MRS SCHMIDT/KATRIN')).toEqual({ nativeName: 'SCHMIDT Katrin', romanName: 'SCHMIDT Katrin', salutation: 'mrs' })
    expect(splitPmsName('Kowalska, Anna Ms')).toMatchObject({ romanName: 'KOWALSKA Anna', salutation: 'ms' })
  })

  it('keeps a Chinese name as the native name, with its title as salutation', () => {
    expect(splitPmsName('张伟')).toEqual({ nativeName: '张伟', romanName: null, salutation: null })
    expect(splitPmsName('张伟先生')).toEqual({ nativeName: '张伟', romanName: null, salutation: 'mr' })
    expect(splitPmsName('陈美玲 女士')).toEqual({ nativeName: '陈美玲', romanName: null, salutation: 'ms' })
    expect(splitPmsName('井上 陽子')).toEqual({ nativeName: '井上 陽子', romanName: null, salutation: null })
  })

  it('takes a second column\'s Chinese name as the native name and the printed one as roman', () => {
    expect(splitPmsName('ZHANG/WEI MR', '张伟')).toEqual({ nativeName: '张伟', romanName: 'ZHANG Wei', salutation: 'mr' })
    expect(splitPmsName('ZHANG/WEI', '张伟先生')).toEqual({ nativeName: '张伟', romanName: 'ZHANG Wei', salutation: 'mr' })
  })

  it('leaves a name of unknown order as written, without guessing the surname', () => {
    expect(splitPmsName('Anna Kowalska')).toEqual({ nativeName: 'Anna Kowalska', romanName: null, salutation: null })
    expect(splitPmsName('MR LIAM O\'BRIEN')).toEqual({ nativeName: "Liam O'Brien", romanName: null, salutation: 'mr' })
  })

  it('does not take a one-word name for a title', () => {
    expect(splitPmsName('MS')).toEqual({ nativeName: 'Ms', romanName: null, salutation: null })
  })

  it('never throws and always gives a native name when the input has a letter', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.option(fc.string({ maxLength: 20 })), (printed, native) => {
        const name = splitPmsName(printed, native)
        if (/\p{L}/u.test(printed)) expect(name.nativeName.length).toBeGreaterThan(0)
      }),
    )
  })
})
