export const strengths = ['required', 'preferred', 'avoid', 'never'] as const
export type Strength = (typeof strengths)[number]
export const scopes = ['always', 'stay'] as const
export type Scope = (typeof scopes)[number]

/** What the room scorer and the prompt generator need to know about one preference. */
export interface PreferenceFact {
  id: number
  category: string
  code: string
  value: string
  strength: Strength
  scope: Scope
  stayId: number | null
}

export function isNegative(strength: Strength): boolean {
  return strength === 'avoid' || strength === 'never'
}

/** A preference counts for a stay if it is permanent, or was made for that very stay. */
export function appliesToStay(preference: PreferenceFact, stayId: number | null): boolean {
  return preference.scope === 'always' || (stayId !== null && preference.stayId === stayId)
}
