import type { HouseRule, Readiness, RoomReason } from '../../../electron/core/rooms/room-suggestion'

/** How a reason reads at a glance; the badge's colour follows it. */
export type ReasonTone = 'fits' | 'near' | 'misses' | 'against'

/** What the desk reads on a suggested room's badge, and what a screen reader says after it. */
export interface ReasonWords {
  text: string
  tone: ReasonTone
  /** "fits", "against the guest's wishes"…: the outcome in words, for the badge's title. */
  spoken: string
}

/** i18next's `t`, as far as this file needs it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string
/** The vocabulary's label in the UI language (see api/reference-data.ts). */
export type VocabularyLabel = (category: string, code?: string, value?: string) => string

type Reason = Pick<RoomReason, 'category' | 'code' | 'wanted' | 'strength' | 'polarity' | 'outcome'>

/**
 * The fact a reason is about, without judging it: "10F", "West", "lucky 8", "4 in the number",
 * "visual-alarm kit". An unlucky number names the digit, because "avoid 4" would say it twice.
 */
export function factText(r: Reason, t: Translate, label: VocabularyLabel): string {
  switch (`${r.category}.${r.code}`) {
    case 'room.floor':
      return r.wanted === 'high' || r.wanted === 'low' ? t(`roomFloor.${r.wanted}`) : t('rooms.floor', { floor: r.wanted })
    case 'room.same_room':
      return t('roomFloor.sameRoom')
    case 'number.lucky':
      return t('rooms.lucky', { number: r.wanted })
    case 'number.unlucky':
      return t('roomReason.digit', { number: r.wanted })
    case 'access.hearing':
      return t('rooms.visualAlarm')
    case 'access.mobility':
      return t('rooms.accessible')
    case 'room.quiet':
    case 'room.away_from_lift':
      return label(r.category, r.code)
    default:
      return label(r.category, r.code, r.wanted)
  }
}

const spokenOutcome: Record<ReasonTone, string> = { fits: 'outcome.match', near: 'outcome.near', misses: 'outcome.miss', against: 'outcome.conflict' }

/** Where the room is clear of an aversion, the words that say so read best per kind of fact. */
function clearKey(r: Reason): string {
  if (r.category === 'number') return 'roomReason.clearOfNumber'
  if (r.category === 'access' && r.code === 'hearing') return 'roomReason.clearOf'
  return 'roomReason.clear'
}

/**
 * One reason as the desk reads it. A wish met is ticked ("West ✓"); a wish missed says it was
 * wanted ("✗ West — wanted"); a room that has what the guest avoids is marked against
 * ("✗ West — avoids", "✗ West — never"); a room clear of it says so ("not West ✓"). An aversion
 * is never shown as its fact with a tick.
 */
export function reasonWords(r: Reason, t: Translate, label: VocabularyLabel): ReasonWords {
  const fact = factText(r, t, label)
  const words = (key: string, tone: ReasonTone, params: Record<string, unknown> = { fact }): ReasonWords => ({
    text: t(key, params),
    tone,
    spoken: t(spokenOutcome[tone]),
  })
  if (r.polarity === 'unwanted') {
    // Only a room clear of it fits; anything else is against the guest (an unlucky 4 recorded as
    // "required" is as strong as "never").
    if (r.outcome === 'match') return words(clearKey(r), 'fits', { fact, number: r.wanted })
    return words(r.strength === 'never' || r.strength === 'required' ? 'roomReason.againstNever' : 'roomReason.againstAvoid', 'against')
  }
  switch (r.outcome) {
    case 'match':
      return words('roomReason.fits', 'fits')
    case 'near':
      return words('roomReason.near', 'near')
    case 'miss':
    case 'conflict':
      return words(r.strength === 'required' ? 'roomReason.missesRequired' : 'roomReason.missesPreferred', 'misses')
  }
}

/**
 * A hotel rule that moved a room up or down, as the desk reads it: "same room as last time ✓",
 * "✗ accessible room, kept for guests who need it". Bonuses fit; penalties are against.
 */
export function houseRuleWords(rule: HouseRule, t: Translate): ReasonWords {
  const fact = t(`houseRule.${rule.code}`, { detail: rule.detail ?? '' })
  return rule.outcome === 'bonus'
    ? { text: t('roomReason.fits', { fact }), tone: 'fits', spoken: t(spokenOutcome.fits) }
    : { text: `✗ ${fact}`, tone: 'against', spoken: t(spokenOutcome.against) }
}

/** Whether the desk can give the room now, in words ("Ready", "Not ready · Dirty", "Different type · DKN"). */
export function readinessWords(s: { readiness: Readiness; housekeeping: string; roomType: string }, t: Translate): string {
  const word = t(`readiness.${s.readiness}`)
  if (s.readiness === 'not_ready') return `${word} · ${t(`housekeeping.${s.housekeeping}`)}`
  if (s.readiness === 'different_type' && s.roomType) return `${word} · ${s.roomType}`
  return word
}
