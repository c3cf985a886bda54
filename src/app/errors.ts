import type { TFunction } from 'i18next'
import { ApiError } from '../api/client'

/** A clear, translated sentence for any failure, saying what to do about it. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const details = (error.details ?? {}) as Record<string, unknown>
    if (error.code === 'VALIDATION') {
      const issues = (details.issues as { path: string; message: string }[] | undefined) ?? []
      const fields = issues.map((i) => t(`fields.${i.path || 'input'}`, { defaultValue: i.path || t('fields.input') }))
      return t('errors.VALIDATION', { fields: [...new Set(fields)].join(', ') || t('fields.input') })
    }
    return t(`errors.${error.code}`, { ...details, defaultValue: t('errors.INTERNAL') })
  }
  return t('errors.INTERNAL')
}
