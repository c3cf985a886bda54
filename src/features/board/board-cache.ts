import type { PromptView } from '../../../electron/core/prompts/prompt.view'
import { compareBoard, matchesBoardFilter, noFilter, type BoardFilter } from './board-order'

const isOpen = (p: PromptView) => p.status === 'open' || p.status === 'acknowledged'

/**
 * The open list with one prompt placed (or removed) as the event says, in the store's order
 * (board-order.ts) and under the board's filter. The board shows a new prompt the moment its
 * event arrives, without waiting for the refetch that follows.
 */
export function placeOnOpenBoard(
  list: PromptView[] | undefined,
  prompt: PromptView,
  filter: BoardFilter = noFilter,
  myStaffId?: number,
): PromptView[] | undefined {
  if (!list) return list
  const others = list.filter((p) => p.id !== prompt.id)
  if (!isOpen(prompt) || !matchesBoardFilter(prompt, filter, myStaffId)) return others
  return [...others, prompt].sort(compareBoard)
}
