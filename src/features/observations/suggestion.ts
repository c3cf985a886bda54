import { useTranslation } from 'react-i18next'
import type { Scope, Strength } from '../../../electron/core/guests/preference'
import { useVocabulary } from '../../api/reference-data'

// The renderer takes only types from core: these lists mirror core's, and `satisfies` keeps them in step.
export const strengths = ['required', 'preferred', 'avoid', 'never'] as const satisfies readonly Strength[]
export const scopes = ['always', 'stay'] as const satisfies readonly Scope[]

/** A preference as staff suggest it and guest relations accept it. */
export interface SuggestionDraft {
  category: string
  code: string
  value: string
  strength: Strength
  scope: Scope
}

export const emptySuggestion: SuggestionDraft = { category: '', code: '', value: '', strength: 'preferred', scope: 'always' }

/** A stored suggestion as an editable draft (the store keeps strength and scope as plain strings). */
export function toDraft(s: { category: string; code: string; value: string; strength: string; scope: string } | null): SuggestionDraft {
  if (!s) return emptySuggestion
  const strength = strengths.find((x) => x === s.strength) ?? 'preferred'
  const scope = scopes.find((x) => x === s.scope) ?? 'always'
  return { category: s.category, code: s.code, value: s.value, strength, scope }
}

export function isComplete(s: SuggestionDraft): boolean {
  return s.category.trim() !== '' && s.code.trim() !== '' && s.value.trim() !== ''
}

/** "Shoe care: Shoe-cleaning kit (preferred, always)", in the UI language. */
export function useSuggestionText() {
  const { t } = useTranslation()
  const { label } = useVocabulary()
  return (s: { category: string; code: string; value: string; strength: string; scope: string }) =>
    t('observe.suggestionText', {
      preference: `${label(s.category, s.code)}: ${label(s.category, s.code, s.value)}`,
      strength: t(`strength.${s.strength}`),
      scope: t(`observe.scopeInText.${s.scope}`),
    })
}
