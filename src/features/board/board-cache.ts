import type { PromptView } from '../../../electron/core/prompts/prompt.view'

const rank: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 }
const isOpen = (p: PromptView) => p.status === 'open' || p.status === 'acknowledged'

/**
 * The open list with one prompt placed (or removed) as the event says, in the store's order
 * (priority, then due time). The board shows a new prompt the moment its event arrives,
 * without waiting for the refetch that follows.
 */
export function placeOnOpenBoard(list: PromptView[] | undefined, prompt: PromptView): PromptView[] | undefined {
  if (!list) return list
  const others = list.filter((p) => p.id !== prompt.id)
  if (!isOpen(prompt)) return others
  return [...others, prompt].sort((a, b) => (rank[a.priority] ?? 3) - (rank[b.priority] ?? 3) || a.dueAt.localeCompare(b.dueAt))
}
