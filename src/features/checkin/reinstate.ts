import type { TFunction } from 'i18next'
import type { DeskMode } from './desk-actions'

/**
 * Whether the desk offers to reinstate a stay (stay.reinstate): a no-show whose departure is
 * after the hotel's business date, standalone (beside a PMS the PMS brings it back), for a role
 * with `stay.write`. Core checks every call again (PMS_OWNS_STAYS, STAY_NOT_RESERVED, STAY_DATES).
 */
export function mayReinstate(input: { mode: DeskMode; status: string; departure: string; today: string; handlesStays: boolean }): boolean {
  return input.handlesStays && input.mode === 'standalone' && input.status === 'no_show' && input.today !== '' && input.departure > input.today
}

/**
 * A refused reinstatement in words: the stay is no longer a no-show (someone reinstated it or it
 * changed meanwhile, with its status now), or its departure has passed (with the date); any other
 * failure is `otherwise(error)` (errors.ts' errorMessage). Read by the ApiError's shape.
 */
export function reinstateFailure(t: TFunction, error: unknown, date: (day: string) => string, otherwise: (error: unknown) => string): string {
  const { code, details } = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; details?: Record<string, unknown> }
  if (code === 'STAY_NOT_RESERVED') {
    const status = String(details?.status ?? '')
    return t('desk.reinstate.notNoShow', { status: t(`status.${status}`, { defaultValue: status }) })
  }
  if (code === 'STAY_DATES' && typeof details?.departure === 'string') return t('desk.reinstate.departed', { date: date(details.departure) })
  return otherwise(error)
}
