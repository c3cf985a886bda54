import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/errors'
import { placeError } from './field-errors'

/**
 * A desk form's refusal placed beside its field: `fieldError(name)` for the input's `error` prop,
 * `general` for the form's alert when no field of the form is named. The field named first takes
 * focus (found by its `name` attribute inside `formRef`), so the clerk can retype at once.
 */
export function useFieldErrors<T extends HTMLElement = HTMLFormElement>(error: unknown, formFields: readonly string[], roomField?: string) {
  const { t } = useTranslation()
  const formRef = useRef<T>(null)
  const placed = placeError(error, formFields, error ? errorMessage(t, error) : '', roomField)
  const first = placed.first
  useEffect(() => {
    if (!error || !first) return
    const input = formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)
    input?.focus()
    input?.scrollIntoView?.({ block: 'nearest' })
  }, [error, first])
  return { formRef, fieldError: (name: string): string | undefined => placed.fields[name], general: placed.general }
}
