import { describe, expect, it } from 'vitest'
import * as core from '../../electron/core/recovery/recovery.types'
import * as screens from '../../src/features/recovery/recovery-words'
import { messages, type Messages } from '../../src/i18n/messages'

describe('the recovery words the screens show', () => {
  it('are core’s lists, in core’s order', () => {
    expect(screens.caseKinds).toEqual(core.caseKinds)
    expect(screens.caseCategories).toEqual(core.caseCategories)
    expect(screens.caseSeverities).toEqual(core.caseSeverities)
    expect(screens.caseSteps).toEqual(core.caseSteps)
    expect(screens.compensationKinds).toEqual(core.compensationKinds)
  })

  it('name the six steps in the hotel’s words in both languages', () => {
    const name = (language: 'en' | 'zh-CN') => screens.caseSteps.map((s) => (((messages[language].recovery as Messages).steps as Messages)[s] as Messages).name)
    expect(name('en')).toEqual(['Apologise and acknowledge', 'Listen and ask', 'Agree a fair solution', 'Compensate with added value', 'Keep the promise', 'Follow up'])
    expect(name('zh-CN')).toEqual(['致歉并认可不便', '倾听并询问', '提出公平的解决方案', '给予超值补偿', '兑现承诺', '跟进回访'])
  })
})
