import { describe, expect, it } from 'vitest'
import { findBadText } from '../../electron/core/text-hygiene'

describe('findBadText', () => {
  it('refuses NUL, BEL, vertical tab, form feed, ESC and DEL', () => {
    for (const bad of ['a\u0000b', 'ring\u0007', 'x\u000By', 'x\u000Cy', '\u001B[31mred', 'del\u007F']) {
      expect(findBadText(bad), JSON.stringify(bad)).toEqual({ path: '', reason: 'control' })
    }
  })

  it('refuses lone high and low surrogates', () => {
    expect(findBadText('abc\uD83D')).toEqual({ path: '', reason: 'surrogate' })
    expect(findBadText('\uDE00abc')).toEqual({ path: '', reason: 'surrogate' })
    expect(findBadText('\uDE00\uD83D')).toEqual({ path: '', reason: 'surrogate' }) // pair in the wrong order
  })

  it('accepts emoji, tab, CR, LF and Chinese text', () => {
    expect(findBadText('Late arrival 😀 \uD83D\uDE00')).toBeNull()
    expect(findBadText('line one\r\nline two\tcol')).toBeNull()
    expect(findBadText('何家俊先生 · 庄志明 · 𠀀')).toBeNull()
    expect(findBadText('')).toBeNull()
  })

  it('reports the dotted path of a bad string deep in arrays and objects', () => {
    const input = { guest: { nativeName: '何家俊', names: ['HO', 'Ka Chun', 'bad\u0000'] }, note: 'fine' }
    expect(findBadText(input)).toEqual({ path: 'guest.names.2', reason: 'control' })
    expect(findBadText([{ a: 'ok' }, { a: ['x', { b: 'y\uD800' }] }])).toEqual({ path: '1.a.1.b', reason: 'surrogate' })
  })

  it('reports a bad object key', () => {
    expect(findBadText({ guest: { 'name\u0000': 'ok' } })).toEqual({ path: 'guest.(key)', reason: 'control' })
    expect(findBadText({ ['\uDC00']: 1 })).toEqual({ path: '(key)', reason: 'surrogate' })
  })

  it('ignores numbers, booleans, null, undefined and dates', () => {
    expect(findBadText({ n: 0, b: true, z: null, u: undefined, list: [1, 2, NaN], when: new Date(0) })).toBeNull()
    expect(findBadText(42)).toBeNull()
    expect(findBadText(null)).toBeNull()
    expect(findBadText(undefined)).toBeNull()
  })
})
