import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from './client'
import { pick } from '../i18n'

export interface Choice {
  value: string
  label: string
}

/** The vocabulary as pickers need it: categories, the codes of a category, the values of a code. */
export function useVocabularyTree() {
  const { i18n } = useTranslation()
  // Same key and source as useVocabulary(), so both share one cached answer.
  const query = useQuery({ queryKey: ['vocabulary'], queryFn: () => call('vocabulary.list', {}), staleTime: 5 * 60_000 })
  const entries = query.data?.entries ?? []
  const order = query.data?.categoryOrder ?? []
  const label = (e: (typeof entries)[number]) => pick(e.label, i18n.language)
  const byOrder = (a: string, b: string) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99)
  const categories: Choice[] = entries
    .filter((e) => e.code === '' && e.value === '')
    .sort((a, b) => byOrder(a.category, b.category))
    .map((e) => ({ value: e.category, label: label(e) }))
  const codesOf = (category: string): Choice[] =>
    entries.filter((e) => e.category === category && e.code !== '' && e.value === '').map((e) => ({ value: e.code, label: label(e) }))
  const valuesOf = (category: string, code: string): Choice[] =>
    entries.filter((e) => e.category === category && e.code === code && e.value !== '').map((e) => ({ value: e.value, label: label(e) }))
  return { categories, codesOf, valuesOf, ready: query.isSuccess }
}
