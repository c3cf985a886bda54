import type { TFunction } from 'i18next'
import { ApiError } from '../../api/client'
import { errorMessage } from '../../app/errors'

interface Issue {
  path: string
  message: string
}

function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION') return []
  return ((error.details ?? {}) as { issues?: Issue[] }).issues ?? []
}

/** The form field each refused value belongs to ("fields.phone" → "phone", "guest.phone" → "phone"). */
const fieldOf = (path: string) => path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? ''

/** Field-level messages for a refused form, translated: { phone: "A phone number needs …" }. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issuesOf(error)) {
    const field = fieldOf(issue.path)
    if (field && !out[field]) out[field] = t(`invalid.${field}`, { defaultValue: t('invalid.default') })
  }
  return out
}

/**
 * One sentence for a refused save. VALIDATION names the fields with this form's own labels
 * (the store's paths, like "fields.phone", are not words); other codes use errorMessage.
 */
export function refusalMessage(t: TFunction, error: unknown, fieldLabel: (field: string) => string): string {
  const issues = issuesOf(error)
  if (issues.length === 0) return errorMessage(t, error)
  const names = [...new Set(issues.map((i) => fieldLabel(fieldOf(i.path) || 'input')))]
  return t('errors.VALIDATION', { fields: names.join(t('profile.listSeparator')) })
}
