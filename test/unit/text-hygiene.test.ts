import { describe, expect, it } from 'vitest'
import { findBadText, foldInputText, foldTextInput, isVisibleName } from '../../electron/core/text-hygiene'

describe('findBadText', () => {
  it('refuses more values than it walks, naming the list that holds them', () => {
    const body = { kind: 'guest-list.csv', params: { filter: { nationalities: Array.from({ length: 1_000 }, () => 'CN') } } }
    expect(findBadText(body, 500)).toEqual({ path: 'params.filter.nationalities', reason: 'too-large' })
    expect(findBadText(body)).toBeNull()
  })

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

describe('text as typed on any keyboard', () => {
  it('folds full-width digits, letters and spaces, and keeps Chinese punctuation in Chinese text', () => {
    expect(foldTextInput('１３９　８８８８ ６６６６')).toBe('139 8888 6666')
    expect(foldTextInput('ＺＨＡＮＧ')).toBe('ZHANG')
    expect(foldTextInput('房间１２０１，要安静（谢谢）！')).toBe('房间1201，要安静（谢谢）！')
    expect(foldTextInput('Room １２，quiet')).toBe('Room 12,quiet')
  })

  it('folds every string in an input, and leaves keys and other values alone', () => {
    const input = JSON.parse('{"phone":"１３９","list":["Ａ",1,null],"__proto__":"x","nested":{"ok":true}}')
    const out = foldInputText(input)
    expect(out).toEqual(JSON.parse('{"phone":"139","list":["A",1,null],"__proto__":"x","nested":{"ok":true}}'))
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype)
  })

  it('refuses names nobody can read', () => {
    for (const name of ['\u200b', '\u202e鬼', '   ', '\u2060', '\ufeff', '-', '张\u200b伟']) expect(isVisibleName(name), JSON.stringify(name)).toBe(false)
    for (const name of ['张伟', "O'Brien", 'Đặng', 'می\u200cخواهم', 'X Æ A-12']) expect(isVisibleName(name), name).toBe(true)
  })
})

describe('folding deep input', () => {
  it('folds a body nested 100,000 deep without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(100_000) + '"１"' + ']'.repeat(100_000))
    let value: unknown = foldInputText(deep)
    for (let i = 0; i < 100_000; i++) value = (value as unknown[])[0]
    expect(value).toBe('1')
  })
})
