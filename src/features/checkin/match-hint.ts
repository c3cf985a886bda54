import type { GuestSearchHit } from '../../../electron/core/guests/guest-search'

/** What the typed text matched, as core's guest.search says. */
export type MatchedBy = GuestSearchHit['matchedBy']

/** i18next's `t`, as far as this file needs it. */
export type Translate = (key: string) => string

/**
 * The small line under a search hit saying why it is there ("Found by phone", "按电话找到"), or
 * null for a hit found by its name, which the list already shows. The hit carries no phone or
 * email, so the hint names the field, never its value.
 */
export function matchHint(matchedBy: MatchedBy, t: Translate): string | null {
  return matchedBy === 'name' ? null : t(`checkin.matchedBy.${matchedBy}`)
}
