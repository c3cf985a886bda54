export const facings = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const
export type Facing = (typeof facings)[number]
export const roomFeatures = ['visual_alarm', 'accessible', 'connecting', 'bathtub', 'quiet', 'near_lift', 'smoking'] as const

/** Housekeeping status of the room itself; vacant or occupied comes from the stays. */
export const housekeepingStatuses = ['clean', 'dirty', 'inspected', 'pickup'] as const
export type Housekeeping = (typeof housekeepingStatuses)[number]

/** A block takes a room off sale (out of order) or sells it last (out of service, a minor fault). */
export const blockKinds = ['out_of_order', 'out_of_service'] as const
export type BlockKind = (typeof blockKinds)[number]

/** A room as the suggestion scorer sees it. */
export interface RoomFacts {
  id: number
  number: string
  floor: number
  facing: string
  view: string | null
  bed: string
  features: readonly string[]
  /** The hotel's room type code (DKN, STE…); '' when the hotel uses none. */
  roomType: string
}

export function parseFeatures(features: string): string[] {
  return features === '' ? [] : features.split(' ')
}

/**
 * The code the trade reads a room's state by: VC vacant clean (空净), VD vacant dirty (空脏),
 * OC occupied clean (住净), OD occupied dirty (住脏), IN inspected (已查), PU pick-up (needs a
 * quick tidy before it is sold again).
 */
export type RoomStatusCode = 'VC' | 'VD' | 'OC' | 'OD' | 'IN' | 'PU'

/** The combined code of a housekeeping status and whether a guest is in house. */
export function roomStatusCode(housekeeping: Housekeeping, occupied: boolean): RoomStatusCode {
  switch (housekeeping) {
    case 'inspected':
      return 'IN'
    case 'pickup':
      return 'PU'
    case 'dirty':
      return occupied ? 'OD' : 'VD'
    default:
      return occupied ? 'OC' : 'VC'
  }
}

/** A room's block as stored: kind, reason and inclusive ISO dates (null = open-ended). */
export interface RoomBlock {
  kind: BlockKind
  reason: string
  from: string | null
  until: string | null
}

/** Whether a block holds on `today` (YYYY-MM-DD): from and until are inclusive, null is open-ended. */
export function blockHolds(block: Pick<RoomBlock, 'from' | 'until'>, today: string): boolean {
  return (block.from === null || block.from <= today) && (block.until === null || block.until >= today)
}
