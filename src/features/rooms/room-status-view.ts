import type { BadgeProps } from '@mantine/core'
import type { Actor } from '../../../electron/core/context'
import type { RoomStatusCode } from '../../../electron/core/rooms/room'
import type { RoomStatusView } from '../../../electron/core/rooms/room-list'
import { isDepartmentStaff } from '../../app/role-abilities'

export type { RoomStatusView }
export type Housekeeping = RoomStatusView['housekeeping']
export const housekeepingOrder: readonly Housekeeping[] = ['clean', 'inspected', 'dirty', 'pickup']

/**
 * Each status code's badge: filled shades with AA contrast in light and dark schemes. The code and
 * its words carry the meaning; the colour only helps the eye (dirty red, pick-up yellow, clean green).
 */
export const codeStyle: Record<RoomStatusCode, BadgeProps> = {
  VC: { variant: 'filled', color: 'green.2', c: 'dark.9' },
  VD: { variant: 'filled', color: 'red.9', c: 'white' },
  OC: { variant: 'filled', color: 'blue.2', c: 'dark.9' },
  OD: { variant: 'filled', color: 'orange.3', c: 'dark.9' },
  IN: { variant: 'filled', color: 'teal.9', c: 'white' },
  PU: { variant: 'filled', color: 'yellow.4', c: 'dark.9' },
}

/** A room housekeeping still has to do: dirty or waiting for a pick-up. */
export function needsCleaning(room: Pick<RoomStatusView, 'housekeeping'>): boolean {
  return room.housekeeping === 'dirty' || room.housekeeping === 'pickup'
}

/** Rooms by floor, floors in order, rooms in number order within each (numeric: 1002 before 1010). */
export function byFloor<T extends Pick<RoomStatusView, 'floor' | 'number'>>(rooms: readonly T[]): { floor: number; rooms: T[] }[] {
  const collator = new Intl.Collator('en', { numeric: true })
  const floors = new Map<number, T[]>()
  for (const room of rooms) floors.set(room.floor, [...(floors.get(room.floor) ?? []), room])
  return [...floors.entries()]
    .sort(([a], [b]) => a - b)
    .map(([floor, list]) => ({ floor, rooms: list.sort((a, b) => collator.compare(a.number, b.number)) }))
}

/**
 * The one status a housekeeper most likely sets next: a dirty room is cleaned, a vacant clean one
 * inspected before it is sold (an occupied room is not inspected).
 */
export function nextStatus(room: Pick<RoomStatusView, 'housekeeping' | 'occupancy'>): Housekeeping | null {
  if (room.housekeeping === 'dirty' || room.housekeeping === 'pickup') return 'clean'
  if (room.housekeeping === 'clean' && room.occupancy === 'vacant') return 'inspected'
  return null
}

// The same checks as core (rooms/room-status.service.ts): buttons appear only for who may use them.
export function maySetHousekeeping(staff: Pick<Actor, 'role' | 'department'> | null): boolean {
  if (!staff) return false
  return staff.role === 'manager' || staff.role === 'admin' || staff.role === 'front_desk' || (isDepartmentStaff(staff.role) && staff.department === 'housekeeping')
}
export function mayBlockRooms(staff: Pick<Actor, 'role' | 'department'> | null): boolean {
  if (!staff) return false
  return staff.role === 'manager' || staff.role === 'admin' || (isDepartmentStaff(staff.role) && (staff.department === 'housekeeping' || staff.department === 'engineering'))
}

/** Today's date on this device, YYYY-MM-DD (the block dialog's default start). */
export function todayIso(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}
