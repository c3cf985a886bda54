/** How the hotel runs Zhike: alone, or beside a PMS that checks guests in and out (pms.settings). */
export type DeskMode = 'standalone' | 'with_pms'

/** What the stay panel offers for one stay. Core checks every call again; this only shapes the buttons. */
export interface StayActions {
  /** Rank rooms and check in (standalone, arrival day). */
  checkIn: boolean
  /** Rank rooms and choose one, to key into the PMS (with a PMS, any reserved stay). */
  useRoom: boolean
  cancel: boolean
  noShow: boolean
  moveRoom: boolean
  changeDeparture: boolean
  checkOut: boolean
}

const none: StayActions = { checkIn: false, useRoom: false, cancel: false, noShow: false, moveRoom: false, changeDeparture: false, checkOut: false }

/**
 * The actions for a stay, by the hotel's mode, the stay's status and day, and whether the role
 * may handle stays (`stay.write`). Beside a PMS the desk only chooses rooms: checking in and
 * out, moves, dates and cancellations are the PMS's, and Zhike follows its reports.
 */
export function stayActions(input: { mode: DeskMode; status: string; arrival: string; today: string; handlesStays: boolean }): StayActions {
  const { mode, status, arrival, today, handlesStays } = input
  if (!handlesStays) return none
  if (mode === 'with_pms') return { ...none, useRoom: status === 'reserved' }
  if (status === 'reserved') return { ...none, checkIn: arrival <= today, cancel: true, noShow: arrival <= today }
  if (status === 'in_house') return { ...none, moveRoom: true, changeDeparture: true, checkOut: true }
  return none
}

/** Whether the desk may make reservations and walk-ins itself (not beside a PMS, which owns them). */
export function deskMakesStays(mode: DeskMode | undefined, handlesStays: boolean): boolean {
  return handlesStays && mode !== 'with_pms'
}

/** Today (or `offset` days on) as YYYY-MM-DD in the desk's own time zone. */
export function isoDay(offset = 0, from = new Date()): string {
  const d = new Date(from)
  d.setDate(d.getDate() + offset)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
