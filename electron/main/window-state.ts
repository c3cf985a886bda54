import { parseJsonObject } from './json-object'

/**
 * Where the main window was and how big, kept in `<userData>/window-state.json` between runs. A
 * file that does not parse, or says something impossible, is ignored (the window opens at its
 * default size); a place no display shows any more (a projector unplugged) is dropped, so the
 * window never opens where nobody can see it.
 */
export interface WindowState {
  x: number
  y: number
  width: number
  height: number
  maximized: boolean
}

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

/** Where and how big to open: x/y only when they are on a display. */
export interface WindowPlacement {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const windowStateFile = 'window-state.json'
export const defaultWindowSize = { width: 1280, height: 860 }
export const minimumWindowSize = { width: 360, height: 480 }
const limit = 100_000

const coordinate = (value: unknown): value is number => Number.isInteger(value) && Math.abs(value as number) <= limit
const size = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0 && (value as number) <= limit

/** The saved state, or null when the file is missing, damaged or says something impossible. */
export function parseWindowState(text: string | null | undefined): WindowState | null {
  const value = text ? parseJsonObject(text) : null
  if (!value) return null
  const { x, y, width, height, maximized } = value
  if (!coordinate(x) || !coordinate(y) || !size(width) || !size(height)) return null
  return { x, y, width, height, maximized: maximized === true }
}

export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height, maximized } = state
  return `${JSON.stringify({ x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height), maximized })}\n`
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}

/**
 * Where to open the window, given the saved state and the displays' work areas. The size is kept
 * within the minimum and the largest work area; the place is kept only if the window's top strip
 * (where its title bar is, 40 px by at least 100 px) is on some display, otherwise the window is
 * centred by the system.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowPlacement {
  if (!saved) return { ...defaultWindowSize, maximized: false }
  const widest = Math.max(...workAreas.map((a) => a.width), minimumWindowSize.width)
  const tallest = Math.max(...workAreas.map((a) => a.height), minimumWindowSize.height)
  const width = Math.min(Math.max(saved.width, minimumWindowSize.width), widest)
  const height = Math.min(Math.max(saved.height, minimumWindowSize.height), tallest)
  const titleStrip: Rectangle = { x: saved.x, y: saved.y, width, height: 40 }
  const visible = workAreas.some((area) => {
    const seen = overlap(titleStrip, area)
    return seen.width >= Math.min(100, width) && seen.height >= 20
  })
  return visible ? { x: saved.x, y: saved.y, width, height, maximized: saved.maximized } : { width, height, maximized: saved.maximized }
}
