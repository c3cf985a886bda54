import type { PromptView } from '../../../electron/core/prompts/prompt.view'

/*
 * The board's order and sections, as pure functions (test/unit/board-order.test.ts). They match
 * the store's order (prompt.board), so a prompt placed live from an event lands where the refetch
 * that follows will put it.
 */

const rank: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 }

/** Who the board shows work for: everyone's, mine, no one's yet, or one attendant's (a staff id, for a lead). */
export type AssigneeChoice = 'all' | 'me' | 'unassigned' | number
export interface BoardFilter {
  floor: number | null
  assignee: AssigneeChoice
}
export const noFilter: BoardFilter = { floor: null, assignee: 'all' }

/** The filter as prompt.board takes it. */
export function boardFilterInput(filter: BoardFilter): { floor?: number; assignedTo?: 'me' | 'unassigned' | number } {
  return {
    ...(filter.floor !== null ? { floor: filter.floor } : {}),
    ...(filter.assignee !== 'all' ? { assignedTo: filter.assignee } : {}),
  }
}

/** The assignee choice as a Select's value ('all', 'me', 'unassigned', 'staff:12') and back. */
export function assigneeValue(choice: AssigneeChoice): string {
  return typeof choice === 'number' ? `staff:${choice}` : choice
}
export function assigneeFromValue(value: string): AssigneeChoice {
  if (value.startsWith('staff:')) {
    const id = Number(value.slice(6))
    return Number.isInteger(id) && id > 0 ? id : 'all'
  }
  return value === 'me' || value === 'unassigned' ? value : 'all'
}

/** True when the prompt belongs on a board so filtered. Standing instructions are everyone's: the assignee filter never hides them. */
export function matchesBoardFilter(prompt: PromptView, filter: BoardFilter, myStaffId: number | undefined): boolean {
  if (filter.floor !== null && prompt.floor !== filter.floor) return false
  if (prompt.kind === 'standing' || filter.assignee === 'all') return true
  if (filter.assignee === 'unassigned') return prompt.assignedTo === null
  const whose = filter.assignee === 'me' ? myStaffId : filter.assignee
  return prompt.assignedTo !== null && whose !== undefined && prompt.assignedTo.id === whose
}

/**
 * Standing instructions first (by priority, then room); then tasks by priority, escalated first
 * within a priority, the newest first among urgent tasks and the soonest due among the others.
 */
export function compareBoard(a: PromptView, b: PromptView): number {
  const standing = Number(b.kind === 'standing') - Number(a.kind === 'standing')
  if (standing !== 0) return standing
  const priority = (rank[a.priority] ?? 3) - (rank[b.priority] ?? 3)
  if (priority !== 0) return priority
  if (a.kind === 'standing') return (a.roomNumber ?? '').localeCompare(b.roomNumber ?? '') || a.dueAt.localeCompare(b.dueAt) || a.id - b.id
  const escalated = Number(b.escalatedAt !== null) - Number(a.escalatedAt !== null)
  if (escalated !== 0) return escalated
  if (a.priority === 'urgent') return b.createdAt.localeCompare(a.createdAt) || a.dueAt.localeCompare(b.dueAt) || a.id - b.id
  return a.dueAt.localeCompare(b.dueAt) || a.id - b.id
}

/** The open board in its two sections: "For the whole stay", then the work to do. */
export function groupBoard(list: readonly PromptView[]): { standing: PromptView[]; tasks: PromptView[] } {
  const sorted = [...list].sort(compareBoard)
  return { standing: sorted.filter((p) => p.kind === 'standing'), tasks: sorted.filter((p) => p.kind !== 'standing') }
}

/** What the card says about the prompt's promise now. A standing instruction has none to break. */
export type PromiseState =
  | { state: 'standing' }
  | { state: 'closed' }
  | { state: 'overdue'; minutes: number }
  | { state: 'due'; minutes: number }

export function promiseState(prompt: PromptView, now: number): PromiseState {
  if (prompt.kind === 'standing') return { state: 'standing' }
  if (prompt.status !== 'open' && prompt.status !== 'acknowledged') return { state: 'closed' }
  const minutes = Math.round((Date.parse(prompt.dueAt) - now) / 60_000)
  if (prompt.overdueAt !== null || minutes < 0) return { state: 'overdue', minutes: Math.max(1, -minutes) }
  return { state: 'due', minutes }
}

/** Minutes a task was finished after its promise (null: on time, not done, or a standing instruction). */
export function doneLateBy(prompt: PromptView): number | null {
  if (prompt.kind === 'standing' || !prompt.done) return null
  const late = Math.round((Date.parse(prompt.done.at) - Date.parse(prompt.dueAt)) / 60_000)
  return late > 0 ? late : null
}

/** The floors to filter by: the hotel's, lowest first. */
export function floorsOf(rooms: readonly { floor: number }[]): number[] {
  return [...new Set(rooms.map((r) => r.floor))].sort((a, b) => a - b)
}
