import type { Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'
import { sameNameSpelling, nameKey } from '../guests/guest-keys'
import { guestsSharingKeys } from '../guests/guest-index.repository'
import { currentProfile, findGuest } from '../guests/guest.repository'
import { phoneDigits } from '../guests/guest-name'
import { guestsWithMembershipNo, guestWithPmsProfileId } from './pms.repository'

/** The rules a PMS arrival is matched to a profile by, in the order they are tried (issue 9). */
export const matchRules = ['profile_id', 'membership_no', 'name_phone', 'name_birth_date'] as const
export type MatchRule = (typeof matchRules)[number]

export type ArrivalMatch =
  | { kind: 'matched'; guestId: number; rule: MatchRule }
  | { kind: 'ambiguous'; candidates: number[]; rule: MatchRule }
  | { kind: 'unmatched' }

/** What a report row tells about the person, as matching reads it. */
export interface ArrivalPerson {
  profileId: string | null
  membershipNo: string | null
  nativeName: string
  romanName: string | null
  phone: string | null
  birthDate: string | null
}

/** A merged profile stands for the profile it was merged into. */
function survivor(sqlite: Sqlite, guest: GuestRow | undefined): GuestRow | undefined {
  return guest ? currentProfile(sqlite, guest.id) : undefined
}

function survivors(sqlite: Sqlite, ids: readonly number[]): number[] {
  return [...new Set(ids.flatMap((id) => survivor(sqlite, findGuest(sqlite, id))?.id ?? []))]
}

function decide(ids: number[], rule: MatchRule): ArrivalMatch | undefined {
  if (ids.length === 1) return { kind: 'matched', guestId: ids[0], rule }
  if (ids.length > 1) return { kind: 'ambiguous', candidates: ids.slice(0, 10), rule }
  return undefined
}

/**
 * Finds the profile of a PMS arrival, trying in order: the PMS profile id; the membership
 * number; the name (in any spelling: guests/guest-keys.ts) with the phone's last 8 digits; the
 * name with the birth date. The first rule that finds anyone decides: one profile is a match,
 * several are ambiguous (guest relations chooses). Never merges anything.
 */
export function matchArrival(sqlite: Sqlite, person: ArrivalPerson): ArrivalMatch {
  if (person.profileId) {
    const found = survivor(sqlite, guestWithPmsProfileId(sqlite, person.profileId))
    if (found) return { kind: 'matched', guestId: found.id, rule: 'profile_id' }
  }
  if (person.membershipNo) {
    const found = decide(survivors(sqlite, guestsWithMembershipNo(sqlite, person.membershipNo)), 'membership_no')
    if (found) return found
  }
  const name = { native_name: person.nativeName, roman_name: person.romanName }
  // Names are compared on the profile that holds the key (a merged profile keeps its own name).
  const sameName = (ids: number[], also: (g: GuestRow) => boolean = () => true) =>
    survivors(
      sqlite,
      ids.filter((id) => {
        const g = findGuest(sqlite, id)
        return g !== undefined && sameNameSpelling(name, g) && also(g)
      }),
    )
  const digits = phoneDigits(person.phone)
  if (digits.length >= 7) {
    const found = decide(sameName(guestsSharingKeys(sqlite, [`p:${digits.slice(-8)}`], null)), 'name_phone')
    if (found) return found
  }
  if (person.birthDate) {
    const keys = nameKey(name).map((k) => `nb:${k}|${person.birthDate}`)
    const withBirth = sameName(guestsSharingKeys(sqlite, keys, null), (g) => g.birth_date === person.birthDate)
    const found = decide(withBirth, 'name_birth_date')
    if (found) return found
  }
  return { kind: 'unmatched' }
}

/**
 * Profiles with the same name in some spelling as an arrival nothing matched: not a match (a
 * name alone is never enough), but guest relations sees them beside the arrival to link one.
 * At most `limit`, merged profiles standing for their survivors.
 */
export function sameNameProfiles(sqlite: Sqlite, person: Pick<ArrivalPerson, 'nativeName' | 'romanName'>, limit = 10): number[] {
  const name = { native_name: person.nativeName, roman_name: person.romanName }
  const ids = guestsSharingKeys(sqlite, nameKey(name).map((k) => `n:${k}`), null, 50).filter((id) => {
    const g = findGuest(sqlite, id)
    return g !== undefined && sameNameSpelling(name, g)
  })
  return survivors(sqlite, ids).slice(0, limit)
}
