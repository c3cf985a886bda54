import { describe, expect, it } from 'vitest'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { placeOnOpenBoard } from '../../src/features/board/board-cache'
import { assigneeFromValue, assigneeValue, boardFilterInput, matchesBoardFilter } from '../../src/features/board/board-order'

const prompt = (id: number, over: Partial<PromptView> = {}): PromptView =>
  ({ id, kind: 'task', priority: 'normal', status: 'open', roomNumber: '1001', floor: 10, createdAt: '2026-12-01T08:00:00Z', dueAt: '2026-12-01T08:30:00Z', escalatedAt: null, escalationLevel: 0, overdueAt: null, assignedTo: null, done: null, text: { en: `P${id}`, zh: `P${id}` }, ...over }) as PromptView

describe('a lead filters the board by one attendant', () => {
  const lina = { id: 21, name: 'Lina' }
  const mine = { id: 7, name: 'Me' }
  it('asks the store for that attendant’s work, by staff id', () => {
    expect(boardFilterInput({ floor: null, assignee: 21 })).toEqual({ assignedTo: 21 })
    expect(boardFilterInput({ floor: 12, assignee: 'me' })).toEqual({ floor: 12, assignedTo: 'me' })
  })

  it('keeps that attendant’s tasks and every standing instruction, not the lead’s own or others’', () => {
    const filter = { floor: null, assignee: 21 }
    expect(matchesBoardFilter(prompt(1, { assignedTo: lina } as Partial<PromptView>), filter, 7)).toBe(true)
    expect(matchesBoardFilter(prompt(2, { assignedTo: mine } as Partial<PromptView>), filter, 7)).toBe(false)
    expect(matchesBoardFilter(prompt(3), filter, 7)).toBe(false)
    expect(matchesBoardFilter(prompt(4, { kind: 'standing' }), filter, 7)).toBe(true)
    // A prompt arriving live for another attendant does not land on the filtered board.
    expect(placeOnOpenBoard([], prompt(5, { assignedTo: mine } as Partial<PromptView>), filter, 7)).toEqual([])
  })

  it('the choice survives a Select’s string value, and a strange value means everyone', () => {
    for (const choice of ['all', 'me', 'unassigned', 21] as const) expect(assigneeFromValue(assigneeValue(choice))).toBe(choice)
    expect(assigneeFromValue('staff:x')).toBe('all')
    expect(assigneeFromValue('nobody')).toBe('all')
  })
})
