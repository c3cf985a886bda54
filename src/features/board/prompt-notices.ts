import type { PromptView } from '../../../electron/core/prompts/prompt.view'

/**
 * New prompts, grouped into one notice ("3 new prompts") shown in the board's own flow, so a
 * burst (a check-in, or what a terminal missed while offline) never piles notices over the
 * board. Pure: the board keeps the value in state and renders it (test/unit/prompt-notices.test.ts).
 */
export interface PromptNotice {
  /** The new prompts nobody has taken up yet, in arrival order. */
  ids: number[]
  /** Any of them urgent: the notice is red. */
  urgent: boolean
  /** The text of the newest, shown under the count. */
  latest: { en: string; zh: string }
}

/** A prompt arrived (live, or replayed after a reconnection). */
export function noticeAdd(notice: PromptNotice | null, prompt: PromptView): PromptNotice {
  if (notice?.ids.includes(prompt.id)) return notice
  const ids = [...(notice?.ids ?? []), prompt.id]
  return { ids, urgent: (notice?.urgent ?? false) || prompt.priority === 'urgent', latest: prompt.text }
}

/**
 * A prompt changed: once someone acknowledged, completed or declined it, it is no longer news.
 * The notice ends when nothing in it is. `urgent` stays as it was: the colour does not flicker.
 */
export function noticeSettle(notice: PromptNotice | null, prompt: PromptView): PromptNotice | null {
  if (!notice || prompt.status === 'open' || !notice.ids.includes(prompt.id)) return notice
  const ids = notice.ids.filter((id) => id !== prompt.id)
  return ids.length === 0 ? null : { ...notice, ids }
}

/** One chime per burst: ten prompts replayed after a reconnection ring once, not ten times. */
export const chimeGapMs = 3_000
export function shouldChime(lastChimeAt: number | null, now: number): boolean {
  return lastChimeAt === null || now - lastChimeAt >= chimeGapMs
}
