import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/errors'
import { hotelCurrency } from './recovery-api'
import { refusedFields, type RecoveryField } from './recovery-errors'

/** The hotel's currency (hotel.currency), CNY until it answers. */
export function useHotelCurrency(): string {
  const query = useQuery({ queryKey: ['hotel-currency'], queryFn: hotelCurrency, staleTime: 5 * 60_000 })
  return query.data?.currency ?? 'CNY'
}

/**
 * A refusal placed by field: `field(name)` the translated sentence beside that input (only for
 * fields this form shows), `general` the sentence for the form's alert when it names none of them.
 */
export function useRefusal(error: unknown, shown: readonly RecoveryField[]) {
  const { t } = useTranslation()
  if (!error) return { field: (_: RecoveryField): string | undefined => undefined, general: null as string | null }
  const named = refusedFields(error).filter((f) => shown.includes(f))
  const sentence = (f: RecoveryField) => t(`recovery.fieldError.${f}`, { defaultValue: errorMessage(t, error) })
  return {
    field: (f: RecoveryField) => (named.includes(f) ? sentence(f) : undefined),
    general: named.length === 0 ? errorMessage(t, error) : null,
  }
}

/** Refetches every screen showing cases: the list, a case, the guest card, the desk's lists. */
export function useRefreshRecovery() {
  const queryClient = useQueryClient()
  return () => Promise.all(['recovery', 'card', 'arrivals', 'in-house'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })))
}
