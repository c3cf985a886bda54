import type { OutputOf } from '../../../electron/core/api'

export type PlanRow = OutputOf<'stay.preassignPlan'>[number]
export type RoomChoice = NonNullable<PlanRow['proposal']>

/** The room the desk would apply for a row: its own pick among the choices, else the proposal. */
export function chosenRoom(row: PlanRow, picks: Readonly<Record<number, string>>): RoomChoice | null {
  const choices = roomChoices(row)
  return choices.find((c) => c.room.number === picks[row.stayId]) ?? choices[0] ?? null
}

/** The proposal first, then the alternatives: what the row's Select offers. */
export function roomChoices(row: PlanRow): RoomChoice[] {
  return row.proposal ? [row.proposal, ...row.alternatives] : []
}

/** The rows Apply all would change: no room chosen yet and one to give, in the plan's order (VIPs first). */
export function rowsToApply(plan: readonly PlanRow[], picks: Readonly<Record<number, string>>): { stayId: number; roomNumber: string }[] {
  return plan.flatMap((row) => {
    if (row.current) return []
    const room = chosenRoom(row, picks)
    return room ? [{ stayId: row.stayId, roomNumber: room.room.number }] : []
  })
}

/** Two rows picking the same room: the desk sees it before applying (core refuses the second). */
export function clashingRooms(plan: readonly PlanRow[], picks: Readonly<Record<number, string>>): Set<string> {
  const seen = new Map<string, number>()
  for (const row of plan) {
    const room = row.current ?? chosenRoom(row, picks)?.room.number
    if (room) seen.set(room, (seen.get(room) ?? 0) + 1)
  }
  return new Set([...seen].filter(([, n]) => n > 1).map(([room]) => room))
}

export interface VipSheetLine {
  stayId: number
  guest: PlanRow['guest']
  confirmation: string
  roomType: string | null
  room: string | null
  /** The room is the plan's proposal, not yet applied. */
  proposed: boolean
  alerts: number
}

/** The printed list of a day's VIP arrivals and their rooms, highest VIP level first. */
export function vipSheet(plan: readonly PlanRow[], picks: Readonly<Record<number, string>>): VipSheetLine[] {
  return plan
    .filter((row) => row.guest.vip > 0)
    .map((row) => {
      const proposed = row.current ? null : (chosenRoom(row, picks)?.room.number ?? null)
      return {
        stayId: row.stayId,
        guest: row.guest,
        confirmation: row.pmsConfirmation ?? row.confirmationNo,
        roomType: row.roomType,
        room: row.current ?? proposed,
        proposed: !row.current && proposed !== null,
        alerts: row.alerts,
      }
    })
    .sort((a, b) => b.guest.vip - a.guest.vip)
}
