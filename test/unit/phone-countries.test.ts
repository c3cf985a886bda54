import { getCountries } from 'libphonenumber-js'
import { describe, expect, it } from 'vitest'
import { countryLabel, countryOptions, filterCountries } from '../../src/features/settings/phone-countries'

const codes = getCountries()

describe('choosing the hotel’s phone country', () => {
  it('puts the country whose code is typed first', () => {
    expect(filterCountries(countryOptions(codes, 'en'), 'mo')[0].value).toBe('MO')
    expect(filterCountries(countryOptions(codes, 'en'), 'CN')[0].value).toBe('CN')
  })

  it('finds a country by the names people use, in either language', () => {
    for (const typed of ['Macau', 'macao', '澳门']) expect(filterCountries(countryOptions(codes, 'en'), typed)[0]?.value, typed).toBe('MO')
    expect(filterCountries(countryOptions(codes, 'zh-CN'), 'macau')[0]?.value).toBe('MO')
    expect(filterCountries(countryOptions(codes, 'en'), 'hong')[0]?.value).toBe('HK')
    expect(filterCountries(countryOptions(codes, 'en'), 'zzzz')).toEqual([])
  })

  it('names the country in the UI language, with Chinese brackets in Chinese', () => {
    expect(countryLabel('MO', 'zh-CN')).toMatch(/澳门.*（MO）$/)
    expect(countryLabel('CN', 'en')).toBe('China (CN)')
  })
})
