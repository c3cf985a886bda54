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
}

export function parseFeatures(features: string): string[] {
  return features === '' ? [] : features.split(' ')
}
