import { describe, expect, it } from 'vitest'
import type { PromptView } from '../../electron/core/prompts/prompt.view'
import { placeOnOpenBoard } from '../../src/features/board/board-cache'
import { boardFilterInput, doneLateBy, floorsOf, groupBoard, matchesBoardFilter, promiseState } from '../../src/features/board/board-order'

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 8, minute)).toISOString()
const prompt = (id: number, over: Partial<PromptView> = {}): PromptView =>
  ({
    id,
    kind: 'task',
    priority: 'normal',
    status: 'open',
    roomNumber: '1001',
    floor: 10,
    createdAt: at(0),
    dueAt: at(30),
    escalatedAt: null,
    escalationLevel: 0,
    overdueAt: null,
    assignedTo: null,
    done: null,
    text: { en: `Prompt ${id}`, zh: `提示 ${id}` },
    ...over,
  }) as PromptView

const ids = (list: PromptView[]) => list.map((p) => p.id)

describe('the board’s sections and order', () => {
  it('puts standing instructions in their own section, acknowledged ones included', () => {
    const { standing, tasks } = groupBoard([
      prompt(1),
      prompt(2, { kind: 'standing', status: 'acknowledged', roomNumber: '1201' }),
      prompt(3, { kind: 'standing', roomNumber: '0901', priority: 'low' }),
      prompt(4, { kind: 'standing', roomNumber: '1101' }),
    ])
    // By priority, then room.
    expect(ids(standing)).toEqual([4, 2, 3])
    expect(ids(tasks)).toEqual([1])
  })

  it('orders tasks: priority, escalated first, newest urgent first, otherwise soonest due', () => {
    const list = [
      prompt(1, { priority: 'normal', dueAt: at(40) }),
      prompt(2, { priority: 'normal', dueAt: at(20) }),
      prompt(3, { priority: 'normal', dueAt: at(50), escalatedAt: at(10), escalationLevel: 1 }),
      prompt(4, { priority: 'urgent', createdAt: at(1), dueAt: at(5) }),
      prompt(5, { priority: 'urgent', createdAt: at(9), dueAt: at(15) }),
      prompt(6, { priority: 'high' }),
    ]
    expect(ids(groupBoard(list).tasks)).toEqual([5, 4, 6, 3, 2, 1])
  })

  it('places a live prompt where the store would, and only if the filter admits it', () => {
    const board = [prompt(1, { dueAt: at(20) }), prompt(2, { dueAt: at(40) })]
    expect(ids(placeOnOpenBoard(board, prompt(3, { dueAt: at(30) }))!)).toEqual([1, 3, 2])
    expect(ids(placeOnOpenBoard(board, prompt(4, { kind: 'standing' }))!)).toEqual([4, 1, 2])
    // On floor 11 only: a floor-10 prompt is not placed.
    expect(ids(placeOnOpenBoard(board, prompt(5, { floor: 10 }), { floor: 11, assignee: 'all' })!)).toEqual([1, 2])
    // Done: it leaves.
    expect(ids(placeOnOpenBoard(board, prompt(1, { status: 'done' }))!)).toEqual([2])
  })
})

describe('filters', () => {
  const mine = prompt(1, { assignedTo: { id: 7, name: 'Li' } })
  const theirs = prompt(2, { assignedTo: { id: 8, name: 'Wang' } })
  const nobody = prompt(3)
  const standing = prompt(4, { kind: 'standing' })
  it('Mine and Unassigned filter tasks, never standing instructions', () => {
    const shown = (assignee: 'all' | 'me' | 'unassigned') => ids([mine, theirs, nobody, standing].filter((p) => matchesBoardFilter(p, { floor: null, assignee }, 7)))
    expect(shown('me')).toEqual([1, 4])
    expect(shown('unassigned')).toEqual([3, 4])
    expect(shown('all')).toEqual([1, 2, 3, 4])
  })
  it('asks the store for what is chosen, and nothing for "all"', () => {
    expect(boardFilterInput({ floor: null, assignee: 'all' })).toEqual({})
    expect(boardFilterInput({ floor: 12, assignee: 'me' })).toEqual({ floor: 12, assignedTo: 'me' })
  })
  it('lists each floor once, lowest first', () => {
    expect(floorsOf([{ floor: 12 }, { floor: 9 }, { floor: 12 }, { floor: 10 }])).toEqual([9, 10, 12])
  })
})

describe('promises on the card', () => {
  const now = Date.parse(at(45))
  it('a standing instruction is never overdue, however old', () => {
    expect(promiseState(prompt(1, { kind: 'standing', dueAt: at(0) }), now)).toEqual({ state: 'standing' })
  })
  it('a task past its promise is overdue; one before it is due', () => {
    expect(promiseState(prompt(1, { dueAt: at(30) }), now)).toEqual({ state: 'overdue', minutes: 15 })
    expect(promiseState(prompt(2, { dueAt: at(50) }), now)).toEqual({ state: 'due', minutes: 5 })
    // Marked overdue by the store a moment before the device's clock agrees: still overdue.
    expect(promiseState(prompt(3, { dueAt: at(45), overdueAt: at(45) }), now)).toEqual({ state: 'overdue', minutes: 1 })
  })
  it('flags a task done after its promise', () => {
    expect(doneLateBy(prompt(1, { status: 'done', dueAt: at(30), done: { at: at(42), by: 'Li' } }))).toBe(12)
    expect(doneLateBy(prompt(2, { status: 'done', dueAt: at(30), done: { at: at(20), by: 'Li' } }))).toBeNull()
  })
})
