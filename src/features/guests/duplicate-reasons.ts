import { useTranslation } from 'react-i18next'
import type { DuplicateReason } from '../../../electron/core/guests/duplicate-score'

/** "same phone", "similar name", "different birth date": words, not colours. */
export function useReasonText() {
  const { t } = useTranslation()
  return (r: DuplicateReason) => t(`duplicates.reason.${r.outcome}`, { field: t(`duplicates.field.${r.field}`) })
}
