import type { GuestRecoveryHistory } from '../../../electron/core/recovery/recovery.types'

/*
 * What the desk remembers of a guest's earlier problems at this stay (pure:
 * test/unit/recovery-history.test.ts): cases raised on other stays, and promises still open.
 */

/** The cases of the guest's earlier stays (not this one), newest first as the card lists them. */
export function earlierCases(history: GuestRecoveryHistory | null, stayId: number | null): GuestRecoveryHistory['cases'] {
  return (history?.cases ?? []).filter((c) => c.stayId !== stayId)
}

/** The stays a score or a problem can be recorded against: in house first, then stays that ended, latest first. */
export function recordableStays<T extends { id: number; status: string; arrival: string }>(stays: readonly T[]): T[] {
  const rank = (s: T) => (s.status === 'in_house' ? 0 : 1)
  return stays.filter((s) => s.status === 'in_house' || s.status === 'checked_out').sort((a, b) => rank(a) - rank(b) || b.arrival.localeCompare(a.arrival))
}

/** The average score as the card says it ("4.3"), null when there is none. */
export function averageText(average: number | null, language: string): string | null {
  if (average === null) return null
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(average)
}
