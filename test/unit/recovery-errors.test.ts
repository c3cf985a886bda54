import { describe, expect, it } from 'vitest'
import { fieldOfPath, recoveryFields, refusedFields } from '../../src/features/recovery/recovery-errors'
import { messages, type Messages } from '../../src/i18n/messages'

describe('a refusal of the recovery operations, placed by field', () => {
  it('turns issue paths into the form’s fields', () => {
    expect(fieldOfPath('compensation.valueMinor')).toBe('compensationValue')
    expect(fieldOfPath('compensation.kind')).toBe('compensationKind')
    expect(fieldOfPath('promise.dueDate')).toBe('promiseDueDate')
    expect(fieldOfPath('promise.text')).toBe('promiseText')
    expect(fieldOfPath('followUp.at')).toBe('followUpAt')
    expect(fieldOfPath('suggestion.code')).toBe('suggestion')
    expect(fieldOfPath('outOfOrderReason')).toBe('outOfOrderReason')
    expect(fieldOfPath('nonsense')).toBeNull()
  })

  it('names the fields of a VALIDATION, in order and once; a room not found names the room', () => {
    const validation = { code: 'VALIDATION', details: { issues: [{ path: 'followUp.at', message: 'x' }, { path: 'outOfOrderReason', message: 'y' }, { path: 'followUp.at', message: 'z' }] } }
    expect(refusedFields(validation)).toEqual(['followUpAt', 'outOfOrderReason'])
    expect(refusedFields({ code: 'NOT_FOUND', details: { entity: 'room', roomNumber: '999' } })).toEqual(['roomNumber'])
    expect(refusedFields({ code: 'FORBIDDEN' })).toEqual([])
    expect(refusedFields(new Error('boom'))).toEqual([])
  })

  it('has a sentence for every field, in English and Chinese', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const sentences = ((messages[language].recovery as Messages).fieldError as Messages)
      expect(recoveryFields.filter((f) => typeof sentences[f] !== 'string'), language).toEqual([])
    }
  })
})
