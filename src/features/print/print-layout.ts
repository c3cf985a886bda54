import type { PrintedCard, PrintedPreference } from '../../../electron/core/guests/guest-print'

/*
 * How a printed guest card is laid out, as pure functions (test/unit/print-layout.test.ts): what
 * comes first, how preferences group, and the words that say who noticed what, when.
 */

/** Hearing first (a guest who cannot hear the fire alarm), then other access needs, allergies, then anything marked "never". */
function alertRank(p: Pick<PrintedPreference, 'category' | 'code'>): number {
  if (p.category === 'access' && p.code === 'hearing') return 0
  if (p.category === 'access') return 1
  if (p.category === 'food' && p.code === 'allergy') return 2
  return 3
}

const strengthRank: Record<string, number> = { required: 0, never: 1, preferred: 2, avoid: 3 }
const byStrength = (a: { strength: string }, b: { strength: string }) => (strengthRank[a.strength] ?? 9) - (strengthRank[b.strength] ?? 9)

/** The card's alerts in the order a briefing reads them out (stable within a rank, required before the rest). */
export function orderAlerts<P extends Pick<PrintedPreference, 'category' | 'code' | 'strength'>>(alerts: readonly P[]): P[] {
  return [...alerts].sort((a, b) => alertRank(a) - alertRank(b) || byStrength(a, b))
}

export interface PreferenceGroup<P> {
  category: string
  /** True for a category the vocabulary does not list (printed under "Other"). */
  other: boolean
  items: P[]
}

/**
 * Preferences by category in the vocabulary's order, then categories it does not know (one
 * "Other" group); within a category: required, never, preferred, avoid, then as recorded.
 */
export function groupByCategory<P extends Pick<PrintedPreference, 'category' | 'strength'>>(preferences: readonly P[], categoryOrder: readonly string[]): PreferenceGroup<P>[] {
  const groups: PreferenceGroup<P>[] = categoryOrder
    .map((category) => ({ category, other: false, items: preferences.filter((p) => p.category === category).sort(byStrength) }))
    .filter((g) => g.items.length > 0)
  const others = preferences.filter((p) => !categoryOrder.includes(p.category))
  if (others.length) groups.push({ category: 'other', other: true, items: [...others].sort(byStrength) })
  return groups
}

export interface ProvenanceWords {
  /** i18next's t, bound to the print language. */
  t: (key: string, options?: Record<string, unknown>) => string
  /** A department code in words ("Food & Beverage › Chinese Restaurant"). */
  department: (code: string) => string
  /** An ISO instant as the hotel-local day ("3 Oct 2026"). */
  day: (iso: string) => string
}

/**
 * Who noticed a preference, where and when, the report it came from, and its last confirmation:
 * "Noticed by 王浩 (Restaurant), 3 Oct 2026, from the report “…”. Confirmed 12 Nov 2026 by 林雅琴."
 * A confirmation on the day it was noticed, by nobody named, adds nothing and is left out.
 */
export function provenanceText(p: Pick<PrintedPreference, 'sourceStaff' | 'sourceDepartment' | 'recordedAt' | 'observation' | 'lastConfirmedAt' | 'confirmedBy'>, words: ProvenanceWords): string {
  const { t } = words
  const who = p.sourceStaff ?? t('print.someone')
  const noticed = p.sourceDepartment
    ? t('print.noticedIn', { who, department: words.department(p.sourceDepartment), date: words.day(p.recordedAt) })
    : t('print.noticed', { who, date: words.day(p.recordedAt) })
  const parts = [p.observation ? t('print.fromReport', { noticed, text: p.observation }) : noticed]
  const confirmedDay = words.day(p.lastConfirmedAt)
  if (p.confirmedBy) parts.push(t('print.confirmedBy', { date: confirmedDay, name: p.confirmedBy }))
  else if (confirmedDay !== words.day(p.recordedAt)) parts.push(t('print.confirmed', { date: confirmedDay }))
  return parts.join(t('print.sentenceSeparator'))
}

/** Whole nights between two calendar dates 'YYYY-MM-DD'. */
export function nightsBetween(arrival: string, departure: string): number {
  return Math.round((Date.parse(`${departure}T00:00:00Z`) - Date.parse(`${arrival}T00:00:00Z`)) / 86_400_000)
}

/** The stays a card prints (most recent first), at most `limit`, and how many earlier ones are left out. Cancelled bookings are not history. */
export function stayHistory(stays: PrintedCard['stays'], limit = 10): { rows: PrintedCard['stays']; more: number } {
  const kept = stays.filter((s) => s.status !== 'cancelled')
  return { rows: kept.slice(0, limit), more: Math.max(0, kept.length - limit) }
}

/** True when text holds Han characters: it is marked lang="zh" so it is read and shaped as Chinese. */
export function isHan(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u.test(text)
}
