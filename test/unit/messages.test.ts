import { describe, expect, it } from 'vitest'
import { errorCodes } from '../../electron/core/errors'
import { messages, type Messages } from '../../src/i18n/messages'

function keys(tree: Messages, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)))
}
// i18next plural forms differ by language (English has _one/_other, Chinese only _other).
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

describe('message files', () => {
  it('give every English sentence a Chinese one, and the other way round', () => {
    const en = new Set(keys(messages.en).map(base))
    const zh = new Set(keys(messages['zh-CN']).map(base))
    expect([...en].filter((k) => !zh.has(k)), 'missing in zh-CN').toEqual([])
    expect([...zh].filter((k) => !en.has(k)), 'missing in en').toEqual([])
  })

  it('translate every error code the store can answer', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const errors = messages[language].errors as Messages
      expect(errorCodes.filter((code) => typeof errors[code] !== 'string'), `untranslated codes in ${language}`).toEqual([])
    }
  })
})
