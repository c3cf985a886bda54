import type { TFunction } from 'i18next'
import type { CaseSummary } from '../../../electron/core/recovery/recovery.types'

/** A case's guest as the list names them: native and Latin name, or "Guest withheld" for a discreet guest. */
export function caseGuestName(c: Pick<CaseSummary, 'guestName'>, t: TFunction): string {
  if (!c.guestName) return t('recovery.guestWithheld')
  const { native, latin } = c.guestName
  return [native, latin].filter((n) => n && n.trim() !== '').join(' · ') || t('recovery.guestWithheld')
}

/** The colour of a case's status badge. */
export function statusColor(status: CaseSummary['status']): string {
  return status === 'open' ? 'orange' : status === 'resolved' ? 'green' : 'gray'
}

/** The colour of a severity badge. */
export function severityColor(severity: CaseSummary['severity']): string {
  return severity === 'serious' ? 'red' : severity === 'moderate' ? 'yellow' : 'gray'
}
