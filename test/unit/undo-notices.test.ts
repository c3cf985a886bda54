import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { outdatedUndoNotices, undoFailureMessage, undoNoticeId } from '../../src/features/checkin/undo-notices'
import { messages } from '../../src/i18n/messages'

// The shape of api/client.ts's ApiError (that module needs a browser).
class ApiError extends Error {
  constructor(readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message)
  }
}

describe('the desk’s Undo notices', () => {
  it('a check-out notice is outdated once the stay is in house again; a check-in notice once it is a reservation again', () => {
    const stays = [
      { id: 7, status: 'in_house' }, // check-out undone elsewhere
      { id: 8, status: 'checked_out' }, // still checked out: its notice stays
      { id: 9, status: 'reserved' }, // check-in undone
    ]
    const outdated = outdatedUndoNotices(stays)
    expect(outdated).toContain(undoNoticeId(7, 'check_out'))
    expect(outdated).not.toContain(undoNoticeId(7, 'check_in'))
    expect(outdated).not.toContain(undoNoticeId(8, 'check_out'))
    expect(outdated).toContain(undoNoticeId(9, 'check_in'))
    expect(undoNoticeId(8, 'check_out')).not.toBe(undoNoticeId(8, 'check_in'))
  })

  it('a stale undo is told in words in both languages, never as a code', async () => {
    const t = i18next.createInstance()
    await t.init({ resources: { en: { translation: messages.en }, 'zh-CN': { translation: messages['zh-CN'] } }, lng: 'en', interpolation: { escapeValue: false } })
    const stale = new ApiError('NOTHING_TO_UNDO', 'Stay C1 is in_house, not checked out.', { status: 'in_house' })
    const en = undoFailureMessage(t.t, stale, 'check_out', () => 'other')
    expect(en).toBe('Nothing to undo: this check-out was undone already, or the stay changed since (it is now In house).')
    await t.changeLanguage('zh-CN')
    const zh = undoFailureMessage(t.t, stale, 'check_in', () => 'other')
    expect(zh).toContain('此次入住已撤销')
    expect(zh).toContain('在住')
    expect(`${en}${zh}`).not.toMatch(/NOTHING_TO_UNDO|in_house|409/)
    expect(undoFailureMessage(t.t, new ApiError('UNDO_TOO_LATE', 'late'), 'check_in', () => 'other')).toBe('other')
  })
})
