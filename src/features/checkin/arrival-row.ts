import type { Translate } from './room-reason'

/** What an arrivals row says beside the name: the PMS's number, the room type and the ETA, where given. */
export function arrivalFacts(s: { pmsConfirmation: string | null; roomType: string | null; eta: string | null }, t: Translate): string[] {
  return [
    s.eta ? t('desk.row.eta', { eta: s.eta }) : null,
    s.roomType ? t('desk.row.roomType', { type: s.roomType }) : null,
    s.pmsConfirmation ? t('desk.row.pms', { number: s.pmsConfirmation }) : null,
  ].filter((v): v is string => v !== null)
}

/**
 * The room badge of a stay: "Room 1208" when the guest is in it, "Room 1208 chosen" when it was
 * chosen before arrival. A reserved stay's room never reads as checked in.
 */
export function roomBadge(status: string | null | undefined, roomNumber: string | null | undefined, t: Translate): { text: string; chosen: boolean } | null {
  if (status === 'in_house') return { text: roomNumber ? t('checkin.inRoom', { room: roomNumber }) : t('status.in_house'), chosen: false }
  if (status === 'reserved' && roomNumber) return { text: t('desk.row.chosen', { room: roomNumber }), chosen: true }
  return null
}
