import { describe, expect, it } from 'vitest'
import { fitsOneRow, scrollEdges, scrollToShow } from '../../src/components/header-layout'

describe('the header menu', () => {
  it('scrolls the current entry clear of the faded edges, and not at all when it is in view', () => {
    const row = { left: 100, right: 500 }
    expect(scrollToShow(row, { left: 200, right: 260 }, 32)).toBe(0)
    expect(scrollToShow(row, { left: 480, right: 560 }, 32)).toBe(92)
    expect(scrollToShow(row, { left: 40, right: 90 }, 32)).toBe(-92)
    // Wider than the room left: its start lines up with the row's.
    expect(scrollToShow(row, { left: 300, right: 900 }, 32)).toBe(168)
  })

  it('takes a second row only when name, menu, state and controls do not fit side by side', () => {
    const widths = { title: 290, status: 60, controls: 220, gap: 16 }
    expect(fitsOneRow({ ...widths, bar: 1248, menu: 600 })).toBe(true)
    expect(fitsOneRow({ ...widths, bar: 1248, menu: 1050 })).toBe(false)
    expect(fitsOneRow({ ...widths, bar: 1408, menu: 790 })).toBe(true)
  })

  it('says which side has entries scrolled out of sight', () => {
    expect(scrollEdges(0, 300, 300)).toEqual({ start: false, end: false })
    expect(scrollEdges(0, 300, 800)).toEqual({ start: false, end: true })
    expect(scrollEdges(250, 300, 800)).toEqual({ start: true, end: true })
    expect(scrollEdges(500, 300, 800)).toEqual({ start: true, end: false })
  })
})
