/** A box's horizontal extent on screen, as getBoundingClientRect gives it. */
export interface Span {
  left: number
  right: number
}

/**
 * How far to scroll a row (positive: to the right) so an item in it is fully shown, clear of
 * the faded edges (`pad` px each side); 0 when it already is. An item wider than the room left
 * lines up with the row's start.
 */
export function scrollToShow(row: Span, item: Span, pad = 0): number {
  const start = row.left + pad
  const end = row.right - pad
  if (item.left < start || item.right - item.left > end - start) return item.left - start
  if (item.right > end) return item.right - end
  return 0
}

/** The widths the header's one row must hold: the name, the menu, the connection's state and the controls. */
export interface HeaderWidths {
  bar: number
  title: number
  menu: number
  status: number
  controls: number
  /** The gap between each of them. */
  gap: number
}

/**
 * Whether name, menu, connection state and controls fit side by side; otherwise the menu takes
 * a row of its own. The menu is measured at its full (max-content) width, so the answer does
 * not depend on the layout it picks.
 */
export function fitsOneRow(w: HeaderWidths): boolean {
  return w.title + w.menu + w.status + w.controls + 3 * w.gap <= w.bar
}

/** Whether a scrolled row has more to see before its start and after its end (for the faded edges). */
export function scrollEdges(scrollLeft: number, clientWidth: number, scrollWidth: number): { start: boolean; end: boolean } {
  return { start: scrollLeft > 1, end: scrollLeft + clientWidth < scrollWidth - 1 }
}
