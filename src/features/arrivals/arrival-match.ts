import type { OutputOf } from '../../../electron/core/api'

export type ArrivalMatchItem = OutputOf<'arrivals.matches'>[number]
export type MatchPerson = ArrivalMatchItem['arrival']

/** The facts guest relations compares side by side, and which of them agree with the arrival's. */
export const comparedFacts = ['phone', 'birthDate', 'company'] as const
export type ComparedFact = (typeof comparedFacts)[number]

const digits = (v: string | null) => (v ?? '').replace(/\D/g, '')

/** Whether a candidate's fact agrees with the arrival's (phones by their last 8 digits); null when either is missing. */
export function factAgrees(fact: ComparedFact, arrival: MatchPerson, candidate: MatchPerson): boolean | null {
  const a = arrival[fact]
  const c = candidate[fact]
  if (!a || !c) return null
  if (fact === 'phone') return digits(a).slice(-8) === digits(c).slice(-8)
  if (fact === 'company') return a.trim().toLowerCase() === c.trim().toLowerCase()
  return a === c
}
