export const facings = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const
export type Facing = (typeof facings)[number]
export const roomFeatures = ['visual_alarm', 'accessible', 'connecting', 'bathtub', 'quiet', 'near_lift', 'smoking'] as const

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
