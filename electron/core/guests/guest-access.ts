import type { Actor } from '../context'
import type { Sqlite } from '../db/query'
import { AppError } from '../errors'
import { roleAllows } from '../staff/roles'
import { findGuest } from './guest.repository'
import { findPreference } from './guest-profile.repository'

/** The input fields that name a guest an operation opens or changes. */
const guestIdFields = ['guestId', 'survivorId', 'mergedId', 'guestA', 'guestB'] as const

/**
 * The operations that open or change a profile: guest.*, preference.*, observation.*, consent.*.
 * Stay operations (reserve, walk in, check in) name a guest too but read nothing of the profile:
 * the desk books and checks in a restricted guest like any other.
 */
const profileDomains = ['guest', 'preference', 'observation', 'consent']

/**
 * Restricted profiles (a guest who asked for discretion) are opened only by roles that must:
 * guest relations, managers and administrators (`guest.restricted`). Any profile operation (see
 * `profileDomains`) whose input names a guest (guestId, survivorId, mergedId, guestA, guestB, the guest
 * of a preferenceId, an accompanying guest) and is called by another role is
 * refused with GUEST_RESTRICTED when that guest's profile is restricted: the card, its history,
 * its print, its observations, any change to it (lifting the restriction included), a merge.
 * Core calls this for every operation before its handler, whatever the transport; reads of a
 * restricted profile by the roles that may are audited like every guest read.
 * An anonymised (erased) guest is refused to every change of a profile or a stay that names it
 * (GUEST_ANONYMISED), whoever asks; reading its statistics stays possible.
 * Lists that merely name a restricted guest (arrivals, the board) are shaped by their own
 * operations. An unknown id passes here and is the operation's NOT_FOUND.
 */
export function refuseRestrictedGuests(sqlite: Sqlite, actor: Actor | null, operation: string, kind: 'query' | 'mutation', input: unknown): void {
  if (!actor || input === null || typeof input !== 'object') return
  const domain = operation.slice(0, operation.indexOf('.'))
  const profile = profileDomains.includes(domain)
  // An erased guest's record is kept for the statistics only: nothing is added to it again.
  const changesGuest = kind === 'mutation' && (profile || domain === 'stay') && operation !== 'guest.erase'
  const mayOpenRestricted = roleAllows(actor.role, 'guest.restricted')
  if (!changesGuest && (!profile || mayOpenRestricted)) return
  for (const id of namedGuests(sqlite, input as Record<string, unknown>)) {
    const guest = findGuest(sqlite, id)
    if (!guest) continue
    // Department staff (who read no profiles) learn nothing of a guest id they were not given:
    // a restricted or erased one answers as any guest who is not in house would.
    if (!roleAllows(actor.role, 'guest.read') && (guest.anonymised_at !== null || guest.restricted === 1)) {
      throw new AppError('NOT_IN_HOUSE', 'This guest is not in house: ask the front desk or guest relations to record it.', { guestId: id, context: 'desk' })
    }
    if (changesGuest && guest.anonymised_at !== null) {
      throw new AppError('GUEST_ANONYMISED', 'This guest was erased (anonymised): nothing more is recorded on this record. Create a new profile if they come back.', { guestId: id })
    }
    if (profile && !mayOpenRestricted && guest.restricted === 1) {
      throw new AppError('GUEST_RESTRICTED', 'This guest asked for discretion: only guest relations, managers and administrators may open or change this profile.', { guestId: id })
    }
  }
}

/**
 * The guests an input names: its guest id fields, the guest of a `preferenceId`, and the
 * `guestId` of each accompanying guest in `companions`.
 */
function namedGuests(sqlite: Sqlite, input: Record<string, unknown>): number[] {
  const ids: number[] = []
  for (const field of guestIdFields) if (typeof input[field] === 'number') ids.push(input[field] as number)
  if (typeof input.preferenceId === 'number') {
    const preference = findPreference(sqlite, input.preferenceId)
    if (preference) ids.push(preference.guest_id)
  }
  if (Array.isArray(input.companions)) {
    for (const companion of input.companions) {
      const id = (companion as { guestId?: unknown } | null)?.guestId
      if (typeof id === 'number') ids.push(id)
    }
  }
  return ids
}

/** Whether this role may lift or set a guest's restriction (`guest.restricted`). */
export function mayRestrict(actor: Actor): boolean {
  return roleAllows(actor.role, 'guest.restricted')
}
