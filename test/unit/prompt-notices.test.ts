import { describe, expect, it } from 'vitest'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { chimeGapMs, noticeAdd, noticeSettle, shouldChime, type PromptNotice } from '../../src/features/board/prompt-notices'

const prompt = (id: number, over: Partial<PromptView> = {}) =>
  ({ id, priority: 'normal', status: 'open', text: { en: `Prompt ${id}`, zh: `提示 ${id}` }, ...over }) as PromptView

const addAll = (prompts: PromptView[], from: PromptNotice | null = null) => prompts.reduce<PromptNotice | null>((n, p) => noticeAdd(n, p), from)

describe('grouped new-prompt notices', () => {
  it('four prompts at once make one notice of four, showing the newest', () => {
    const notice = addAll([1, 2, 3, 4].map((id) => prompt(id)))
    expect(notice).toEqual({ ids: [1, 2, 3, 4], urgent: false, latest: { en: 'Prompt 4', zh: '提示 4' } })
  })

  it('the same prompt twice (a replay after reconnecting) counts once', () => {
    const once = addAll([prompt(1), prompt(2)])
    expect(noticeAdd(once, prompt(2))).toBe(once)
  })

  it('turns red when any of them is urgent, and stays red', () => {
    const notice = addAll([prompt(1), prompt(2, { priority: 'urgent' }), prompt(3)])
    expect(notice?.urgent).toBe(true)
    expect(noticeSettle(notice, prompt(2, { status: 'acknowledged' }))?.urgent).toBe(true)
  })

  it('a prompt someone took up (acknowledged, done, declined, cancelled) leaves it; the last one ends it', () => {
    let notice = addAll([prompt(1), prompt(2)])
    notice = noticeSettle(notice, prompt(1, { status: 'acknowledged' }))
    expect(notice?.ids).toEqual([2])
    expect(noticeSettle(notice, prompt(2, { status: 'open' }))).toBe(notice)
    expect(noticeSettle(notice, prompt(7, { status: 'done' }))).toBe(notice)
    expect(noticeSettle(notice, prompt(2, { status: 'cancelled' }))).toBeNull()
    expect(noticeSettle(null, prompt(2, { status: 'done' }))).toBeNull()
  })

  it('chimes once per burst', () => {
    expect(shouldChime(null, 1000)).toBe(true)
    expect(shouldChime(1000, 1000 + chimeGapMs - 1)).toBe(false)
    expect(shouldChime(1000, 1000 + chimeGapMs)).toBe(true)
  })
})
